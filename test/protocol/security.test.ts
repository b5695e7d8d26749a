// Security over the protocol: a whole session with every feature, in a server whose network, DNS,
// child processes and file writes all throw (sandbox-preload.cjs records every attempt). Then: the
// workspace on disk is byte-for-byte and mtime-for-mtime what it was, and a decoded Secret value
// never reaches the logs, stderr or any notification.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyEdits, hoverMarkdown, LspClient, REPO, uriOf, type Diagnostic } from './lspClient';

const WS = join(REPO, 'test/fixtures/protocol/ws');
const PRELOAD = join(__dirname, 'sandbox-preload.cjs');
/** base64 of this value is in ws/k8s/secret.yaml */
const SECRET = 'hunter2-super-secret-value';
const SECRET_B64 = Buffer.from(SECRET).toString('base64');

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        out.set(`${relative(dir, p)}/`, `dir ${st.mtimeMs}`);
        walk(p);
      } else {
        out.set(relative(dir, p), `${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      }
    }
  };
  walk(dir);
  return out;
}

interface Attempt { kind: string; detail: string; stack?: string }

describe('sandboxed session: no network, no process, no write, no secret in logs', () => {
  let c: LspClient;
  let logDir: string;
  let logFile: string;
  let initial: Map<string, string>;

  const attempts = (): Attempt[] => (existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Attempt) : [])
    .filter((a) => a.kind !== 'ready');

  before(async () => {
    logDir = mkdtempSync(join(tmpdir(), 'infra-notes-sandbox-'));
    logFile = join(logDir, 'attempts.jsonl');
    initial = snapshot(WS);
    c = new LspClient({
      env: {
        ...process.env,
        NODE_OPTIONS: `--require ${PRELOAD}`, // only the sandbox: not the test runner's own loaders
        INFRA_NOTES_SANDBOX_LOG: logFile,
        // a proxy that would be used if anything tried to reach out
        HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9',
      },
    });
    // ansible-doc switched on in the settings: still nothing may run (no trusted-workspace signal here)
    await c.initialize(WS, { settings: { language: 'en', ansible: { useAnsibleDoc: true, ansibleDocPath: 'ansible-doc' } } });
  });

  after(() => {
    c.kill();
    rmSync(logDir, { recursive: true, force: true });
  });

  test('the preload is active in the server', () => {
    const lines = readFileSync(logFile, 'utf8');
    assert.match(lines, /"kind":"ready"/);
  });

  test('every feature answers on every family', async () => {
    const files: [string, string][] = [
      ['Dockerfile', 'dockerfile'], ['.dockerignore', 'ignore'], ['compose.yaml', 'dockercompose'], ['k8s/secret.yaml', 'yaml'],
      ['site.yml', 'ansible'], ['inventory/hosts.ini', 'ini'], ['ansible.cfg', 'ini'],
    ];
    for (const [path, languageId] of files) {
      const uri = uriOf(join(WS, path));
      const text = readFileSync(join(WS, path), 'utf8');
      c.open(uri, languageId, text, 1);
      const p = await c.diagnosticsFor(uri, 1);
      assert.ok(Array.isArray(p.diagnostics), path);
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        const character = Math.max(0, lines[line].search(/\S/));
        await c.hover(uri, line, character);
        await c.hover(uri, line, Math.min(lines[line].length, character + 6));
        await c.completion(uri, line, lines[line].length);
      }
      const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      const actions = (await c.codeActions(uri, whole, p.diagnostics)) ?? [];
      // apply the first fix in the editor's copy only: edits come back as data, nothing is written
      const first = actions.find((a) => a.edit?.changes?.[uri]);
      if (first) {
        c.change(uri, 2, [{ text: applyEdits(text, first.edit!.changes![uri]) }]);
        await c.diagnosticsFor(uri, 2);
      }
      await c.request('textDocument/documentSymbol', { textDocument: { uri } });
      await c.request('textDocument/definition', { textDocument: { uri }, position: { line: 1, character: 2 } });
      await c.request('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 2 }, context: { includeDeclaration: true } });
      await c.request('infraNotes/explain', { uri });
      await c.request('infraNotes/describe', { uri });
    }
    const docker = c.diagnostics.get(uriOf(join(WS, 'Dockerfile')))!;
    assert.ok(docker.diagnostics.length > 0 || docker.version === 2, 'the Dockerfile was checked');
    assert.ok(hoverMarkdown(await c.hover(uriOf(join(WS, 'Dockerfile')), 0, 1)).includes('command:infraNotes.showNote'), 'hover works offline');
    assert.ok(c.alive);
  });

  test('the Secret: hover on its value, then edits; the decoded value is in no log, stderr or notification', async () => {
    const uri = uriOf(join(WS, 'k8s/secret.yaml'));
    const text = readFileSync(join(WS, 'k8s/secret.yaml'), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes(SECRET_B64));
    assert.ok(line >= 0);
    const col = lines[line].indexOf(SECRET_B64);
    c.change(uri, 10, [{ text }]);
    await c.diagnosticsFor(uri, 10);
    const hovers = [await c.hover(uri, line, col + 2), await c.hover(uri, line, 3)];
    // whatever the hover shows (the decoded value is allowed there, on request), it goes nowhere else
    for (let v = 11; v < 16; v++) {
      c.change(uri, v, [{ range: { start: { line, character: col }, end: { line, character: col } }, text: v % 2 ? 'x' : '' }]);
    }
    c.change(uri, 16, [{ text }]);
    await c.diagnosticsFor(uri, 16);
    await c.request('textDocument/hover', { textDocument: { uri } }).catch(() => undefined); // provoke an error log line
    await c.request('infraNotes/explain', { uri });
    const everythingButHovers = [c.stderr, ...c.logs, JSON.stringify(c.notifications)].join('\n');
    assert.ok(!everythingButHovers.includes(SECRET), 'decoded Secret value leaked into logs, stderr or notifications');
    assert.ok(hovers.every((h) => h === null || typeof h === 'object'));
  });

  test('no network, DNS, process or write attempt was made', () => {
    assert.deepEqual(attempts(), []);
  });

  test('the workspace on disk is unchanged (contents and mtimes), no file appeared', () => {
    assert.deepEqual(snapshot(WS), initial);
  });

  test('the server still shuts down cleanly', async () => {
    assert.equal(await c.shutdown(), 0);
    assert.deepEqual(attempts(), []);
    const diagnostics: Diagnostic[] = [...c.diagnostics.values()].flatMap((p) => p.diagnostics);
    assert.ok(!JSON.stringify(diagnostics).includes(SECRET));
  });
});
