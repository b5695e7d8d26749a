// Small helpers for extension-host tests: open fixtures, poll for conditions, read hovers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The language server starts 8–15 s after the first editor opens on a loaded 2-core machine. */
export const FIRST_ANSWER_MS = 60_000;
/** Once the server had its chance to start, a missing answer is a failure sooner. */
export const LATER_ANSWER_MS = 30_000;

// Shared by all test files (esbuild bundles helpers into each of them, so not module state).
const state = ((globalThis as Record<string, unknown>).__infraNotesE2E ??= { firstPollDone: false }) as {
  firstPollDone: boolean;
};

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the fixture workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function openFixture(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Calls `probe` until it returns a value other than undefined; fails with `describe()` on timeout.
 *  Default timeout: 60 s for the first poll of the run (server start-up), 30 s after. */
export async function poll<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  describe: () => string,
  timeoutMs = state.firstPollDone ? LATER_ANSWER_MS : FIRST_ANSWER_MS,
): Promise<T> {
  state.firstPollDone = true;
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s: ${describe()}${why}`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 1.5, 1000);
  }
}

export function positionOf(doc: vscode.TextDocument, text: string, charsIn = 1): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" not found in ${doc.uri.path}`);
  return doc.positionAt(offset + charsIn);
}

export async function hoverMarkdown(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'infra-notes');
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (!all.length) return 'no diagnostics at all';
  return all.map((d) => `${d.source ?? '?'}:${codeOf(d) ?? '?'} L${d.range.start.line + 1} ${d.message}`).join('; ');
}

/** The `command:infraNotes.showNote?<args>` links of a hover, arguments decoded. */
export function showNoteLinks(markdown: string): string[] {
  return [...markdown.matchAll(/command:infraNotes\.showNote(?:\?([^)\s"'<>]*))?/g)].map((m) => {
    try {
      return decodeURIComponent(m[1] ?? '');
    } catch {
      return m[1] ?? '';
    }
  });
}

export const CYRILLIC = /[\u0400-\u04FF]/;
