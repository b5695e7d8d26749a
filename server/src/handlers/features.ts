// The request handlers: each fetches the document, takes its cached model and calls the service
// inside runSafely. Nothing else happens here.
import type { Connection } from 'vscode-languageserver/node';
import type { DescribeParams, DescribeResult, ExplainParams, ExplainResult, NotesParams, SetKindParams, SetTrustParams } from '../protocol';
import { Notifications, Requests } from '../protocol';
import { runSafely } from '../runner';
import { FILE_KINDS } from '../service/documents/classify';
import type { ServerState } from '../state';
import type { DiagnosticsScheduler } from './diagnostics';

export function registerFeatures(connection: Connection, state: ServerState, diagnostics: DiagnosticsScheduler): void {
  const { log } = state;

  connection.onHover((p, token) => runSafely(log, 'hover', null, token, () => {
    const doc = state.get(p.textDocument.uri);
    return doc ? state.service.doHover(doc, p.position, state.ctx) : null;
  }));

  connection.onCompletion((p, token) => runSafely(log, 'completion', null, token, () => {
    const doc = state.get(p.textDocument.uri);
    return doc ? state.service.doComplete(doc, p.position, state.ctx) : null;
  }));

  connection.onCodeAction((p, token) => runSafely(log, 'codeAction', [], token, () => {
    const doc = state.get(p.textDocument.uri);
    return doc ? state.service.doCodeActions(doc, p.range, p.context.diagnostics, state.ctx) : [];
  }));

  connection.onDefinition((p, token) => runSafely(log, 'definition', [], token, () => {
    const doc = state.get(p.textDocument.uri);
    return doc ? state.service.findDefinition(doc, p.position, state.ctx) : [];
  }));

  connection.onReferences((p, token) => runSafely(log, 'references', [], token, () => {
    const doc = state.get(p.textDocument.uri);
    return doc ? state.service.findReferences(doc, p.position, state.ctx) : [];
  }));

  connection.onDocumentSymbol((p, token) => runSafely(log, 'documentSymbol', [], token, () => {
    const doc = state.get(p.textDocument.uri);
    return doc ? state.service.documentSymbols(doc, state.ctx) : [];
  }));

  connection.onRequest(Requests.describe, (p: DescribeParams, token) => runSafely<DescribeResult | null>(log, 'describe', null, token, () => {
    const doc = state.get(p.uri);
    if (!doc) return null;
    return { kind: doc.kind, label: state.service.describeKind(doc, state.ctx), reason: doc.classification.reason };
  }));

  connection.onRequest(Requests.explain, (p: ExplainParams, token) => runSafely<ExplainResult | null>(log, 'explain', null, token, () => {
    const doc = state.get(p.uri);
    return doc ? { markdown: state.service.explain(doc, state.ctx) } : null;
  }));

  connection.onRequest(Requests.notes, (p: NotesParams | undefined, token) =>
    runSafely(log, 'notes', null, token, () => state.service.notesCatalogue(p?.locale ?? state.settings.locale)));

  connection.onRequest(Requests.fileKinds, () => FILE_KINDS);

  connection.onRequest(Requests.samples, (_p: unknown, token) =>
    runSafely(log, 'samples', { files: [] }, token, () => ({ files: state.service.samples(state.settings.locale) })));

  connection.onNotification(Notifications.setTrust, (p: SetTrustParams) => state.setTrusted(p.trusted === true));

  connection.onNotification(Notifications.setKind, (p: SetKindParams) => {
    state.setKind(p.uri, p.kind);
    diagnostics.schedule(p.uri, 0);
  });
}
