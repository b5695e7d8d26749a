// Driving the pure language service in tests: documents, an in-memory workspace, diagnostics in
// annotation form, hovers at a cursor, code actions and their edits applied.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, Position, TextEdit } from 'vscode-languageserver-types';
import { pathToUri } from '../../server/src/service/documents/document';
import { LanguageService, type InfraDocument } from '../../server/src/service/languageService';
import type { RequestContext } from '../../server/src/service/languages/support';
import { DEFAULT_SETTINGS, type FileKind, type FileReader, type ServiceSettings } from '../../server/src/service/types';
import { annotated, cursor, describeActual, renderExpected, type Expected } from './annotations';

export const service = new LanguageService();
export const ROOT = '/ws';

/** An in-memory FileReader: absolute path → content. Folders are implied by the paths. */
export function memoryFs(files: Record<string, string>): FileReader {
  const abs = (p: string) => (p.startsWith('/') ? p : `${ROOT}/${p}`);
  const map = new Map(Object.entries(files).map(([p, c]) => [abs(p), c]));
  const isDir = (p: string) => [...map.keys()].some((k) => k.startsWith(`${p.replace(/\/$/, '')}/`));
  return {
    readFile: (p) => map.get(p),
    exists: (p) => map.has(p) || isDir(p),
    isDirectory: isDir,
    readDir: (p) => {
      const prefix = `${p.replace(/\/$/, '')}/`;
      return [...new Set([...map.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]))];
    },
  };
}

export interface Options {
  settings?: Partial<ServiceSettings>;
  /** other files of the workspace (relative to /ws or absolute) */
  files?: Record<string, string>;
  override?: FileKind;
  /** index the other files into a workspace index (for cross-file rules) */
  index?: boolean;
}

export function makeContext(path: string, text: string, o: Options = {}): RequestContext {
  const files = { ...(o.files ?? {}), [path]: text };
  const fs = memoryFs(files);
  const ctx: RequestContext = {
    settings: { ...DEFAULT_SETTINGS, ...o.settings, rules: { ...DEFAULT_SETTINGS.rules, ...o.settings?.rules } },
    workspace: { roots: [ROOT], fs },
  };
  if (o.index !== false) {
    const index = service.createIndex(ctx.workspace);
    for (const [p, content] of Object.entries(files)) {
      const abs = p.startsWith('/') ? p : `${ROOT}/${p}`;
      index.update(pathToUri(abs), content, 'mem');
    }
    ctx.index = index;
  }
  return ctx;
}

export function open(path: string, text: string, o: Options = {}): { doc: InfraDocument; ctx: RequestContext } {
  const abs = path.startsWith('/') ? path : `${ROOT}/${path}`;
  const ctx = makeContext(abs, text, o);
  return { doc: service.open(pathToUri(abs), text, 1, { override: o.override, workspace: ctx.workspace }), ctx };
}

export function diagnose(path: string, text: string, o: Options = {}): Diagnostic[] {
  const { doc, ctx } = open(path, text, o);
  return service.doValidation(doc, ctx);
}

/**
 * Assert the exact set of (range, rule id) of an annotated fixture. `only` limits the comparison to
 * some rule ids (other rules' findings are ignored), which keeps per-rule fixtures focused.
 */
export function expectDiagnostics(path: string, src: string, o: Options & { only?: string[] } = {}): Diagnostic[] {
  const { text, expected } = annotated(src);
  const actual = diagnose(path, text, o).filter((d) => !o.only || o.only.includes(String(d.code)));
  const key = (e: Expected) => `${e.line}:${e.start}-${e.end} ${e.id}`;
  const got = actual.map((d) => describeActual(text, d)).map(key).sort();
  const want = expected.map(key).sort();
  assert.deepEqual(got, want, `diagnostics differ.\n--- expected\n${renderExpected(text, expected)}\n--- actual\n${renderExpected(text, actual.map((d) => describeActual(text, d)))}`);
  return actual;
}

export function hoverAt(path: string, srcWithCursor: string, o: Options = {}): Hover | null {
  const { text, position } = cursor(srcWithCursor);
  const { doc, ctx } = open(path, text, o);
  return service.doHover(doc, position, ctx);
}

export function hoverText(path: string, srcWithCursor: string, o: Options = {}): string {
  const h = hoverAt(path, srcWithCursor, o);
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

export function completeAt(path: string, srcWithCursor: string, o: Options = {}) {
  const { text, position } = cursor(srcWithCursor);
  const { doc, ctx } = open(path, text, o);
  return service.doComplete(doc, position, ctx).items;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', '', 0, text), edits);
}

/** All code actions offered for the diagnostics of a rule in a file. */
export function codeActions(path: string, text: string, ruleId: string, o: Options = {}): CodeAction[] {
  const { doc, ctx } = open(path, text, o);
  const diags = service.doValidation(doc, ctx).filter((d) => d.code === ruleId);
  assert.ok(diags.length > 0, `no ${ruleId} diagnostic to fix in:\n${text}`);
  const range = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
  return service.doCodeActions(doc, range, diags, ctx);
}

/**
 * Apply the fixes of rule `ruleId` (the first quick fix of each of its diagnostics, or the one whose
 * title matches `title`) and return the new text: the before/after form of fix tests.
 */
export function applyFix(path: string, text: string, ruleId: string, o: Options & { title?: RegExp; index?: number } = {}): string {
  const { doc, ctx } = open(path, text, o);
  const diags = service.doValidation(doc, ctx).filter((d) => d.code === ruleId);
  assert.ok(diags.length > 0, `no ${ruleId} diagnostic to fix in:\n${text}`);
  const d = diags[o.index ?? 0];
  const actions = service.doCodeActions(doc, d.range, [d], ctx).filter((a) => !/infra-notes-ignore/.test(JSON.stringify(a.edit)));
  const action = o.title ? actions.find((a) => o.title!.test(a.title)) : actions[0];
  assert.ok(action?.edit?.changes, `no fix for ${ruleId}; actions: ${actions.map((a) => a.title).join(', ')}`);
  return applyEdits(text, action.edit.changes[doc.uri]);
}

export type { Position };
