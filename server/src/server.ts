// The LSP server: connection, documents, capabilities, handler registration. Speaks over IPC
// (VS Code) or `--stdio` (any other editor); all knowledge lives in the pure service.
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from './handlers/diagnostics';
import { registerFeatures } from './handlers/features';
import { IndexUpdater } from './handlers/workspaceIndex';
import { SECTION, type InitializationOptions, type RawSettings } from './protocol';
import { uriToPath } from './service/documents/document';
import { setRuleErrorLogger } from './service/rules/engine';
import { ServerState } from './state';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const state = new ServerState(connection, documents);
const diagnostics = new DiagnosticsScheduler(state);
const indexer = new IndexUpdater(connection, state, diagnostics);
diagnostics.onIndexChanged = (uri) => indexer.documentIndexChanged(uri);
const justOpened = new Set<string>();
registerFeatures(connection, state, diagnostics);
let pullConfiguration = false;

setRuleErrorLogger((rule, doc, err) => {
  state.log(`rule ${rule} failed on ${doc.uri} (its result is dropped): ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
});

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
  if (roots.length === 0 && params.rootUri) roots.push(uriToPath(params.rootUri));
  state.init(params.initializationOptions as InitializationOptions | undefined, params.locale, roots);
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  // pay first-use costs now, while the client waits for this answer, not on the first file it opens
  const warm = state.service.warmUp(state.ctx);
  state.log(`warmed up in ${Math.round(warm)} ms`);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', ':', '-', '=', '$', '{', '.', '/', '"'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'infra-notes', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch(() => undefined);
  }
  void indexer.scan();
});

connection.onDidChangeConfiguration(async (change) => {
  let raw = (change.settings as Record<string, unknown> | undefined)?.[SECTION] as RawSettings | undefined;
  if (!raw && pullConfiguration) {
    raw = await connection.workspace.getConfiguration(SECTION).catch(() => undefined);
  }
  if (raw) state.updateSettings(raw);
  diagnostics.validateAll();
});

// TextDocuments fires onDidOpen and then onDidChangeContent for an open: validate at once then,
// and with a short debounce for edits.
documents.onDidOpen((e) => justOpened.add(e.document.uri));
documents.onDidChangeContent((e) => {
  diagnostics.schedule(e.document.uri, justOpened.delete(e.document.uri) ? 0 : undefined);
});
documents.onDidClose((e) => {
  state.forget(e.document.uri);
  diagnostics.clear(e.document.uri);
  indexer.documentClosed(e.document.uri);
});
connection.onDidChangeWatchedFiles((p) => indexer.filesChanged(p.changes));

process.on('uncaughtException', (err) => state.log(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => state.log(`unhandled rejection: ${String(err)}`));

documents.listen(connection);
connection.listen();
