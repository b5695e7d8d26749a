// The real server over stdio: capabilities, diagnostics with every field of the contract, hover with
// the notes link, a code action applied, completion, custom requests, bad input, shutdown/exit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyEdits, hoverMarkdown, LspClient, REPO, uriOf, type CodeAction, type Diagnostic } from './lspClient';

const WS = join(REPO, 'test/fixtures/protocol/ws');
const read = (p: string) => readFileSync(join(WS, p), 'utf8');

describe('server over stdio', () => {
  let c: LspClient;
  const dockerfile = uriOf(join(WS, 'Dockerfile'));
  const dockerText = read('Dockerfile');

  before(async () => {
    c = new LspClient();
  });
  after(() => c.kill());

  test('initialize announces the features the server implements', async () => {
    const init = await c.initialize(WS, { settings: { language: 'en' } });
    const caps = init.capabilities;
    assert.equal(init.serverInfo?.name, 'infra-notes');
    assert.ok(caps.textDocumentSync === 2 || (caps.textDocumentSync as { change?: number })?.change === 2, 'incremental sync');
    assert.ok(caps.hoverProvider);
    assert.ok(caps.completionProvider);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.documentSymbolProvider);
  });

  test('opening a Dockerfile publishes DF007 with every field of the contract', async () => {
    c.open(dockerfile, 'dockerfile', dockerText, 1);
    const published = await c.diagnosticsFor(dockerfile, 1);
    const d = published.diagnostics.find((x) => x.code === 'DF007');
    assert.ok(d, `no DF007 in ${JSON.stringify(published.diagnostics.map((x) => x.code))}`);
    // exact range: the ADD instruction on line 5 (0-based 4), not the whole file
    assert.equal(d.range.start.line, 4);
    assert.equal(d.range.start.character, 0);
    assert.equal(d.range.end.line, 4);
    assert.ok(d.range.end.character >= 3 && d.range.end.character <= 'ADD app.py /app/'.length);
    assert.equal(d.source, 'infra-notes');
    assert.equal(d.severity, 2);
    assert.match(d.codeDescription?.href ?? '', /^https:\/\/.+#df007$/i);
    assert.ok(d.message.length > 10 && !/\{\w+\}/.test(d.message), `message rendered: ${d.message}`);
    const data = d.data as { rule?: string; notes?: string[]; fixes?: { title: string; edits: unknown[] }[] };
    assert.equal(data.rule, 'DF007');
    assert.ok(data.notes?.includes('DOCKER-07'));
    assert.ok((data.fixes?.length ?? 0) > 0 && data.fixes!.every((f) => f.title && f.edits.length > 0));
  });

  test('hover on FROM: markdown with the notes link, range = the word', async () => {
    const h = await c.hover(dockerfile, 0, 2);
    const md = hoverMarkdown(h);
    assert.match(md, /FROM/);
    assert.match(md, /command:infraNotes\.showNote\?/);
    assert.deepEqual(h?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
  });

  test('the DF007 code action replaces ADD with COPY, and the diagnostic goes away', async () => {
    const d = c.diagnostics.get(dockerfile)!.diagnostics.find((x) => x.code === 'DF007')!;
    const actions = (await c.codeActions(dockerfile, d.range, [d])) ?? [];
    const fix = actions.find((a: CodeAction) => a.kind === 'quickfix' && a.isPreferred && a.edit?.changes?.[dockerfile]);
    assert.ok(fix, `no preferred quick fix in ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(actions.some((a) => /infra-notes-ignore DF007/.test(JSON.stringify(a.edit))), 'a "suppress" action is offered too');
    const fixed = applyEdits(dockerText, fix.edit!.changes![dockerfile]);
    assert.match(fixed, /^COPY app\.py \/app\/$/m);
    c.change(dockerfile, 2, [{ text: fixed }]);
    const after = await c.diagnosticsFor(dockerfile, 2);
    assert.ok(!after.diagnostics.some((x: Diagnostic) => x.code === 'DF007'));
  });

  test('incremental edits are applied where they are made', async () => {
    // re-insert "ADD" over "COPY" on line 5 with a ranged change
    c.change(dockerfile, 3, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 4 } }, text: 'ADD' }]);
    const p = await c.diagnosticsFor(dockerfile, 3);
    const d = p.diagnostics.find((x) => x.code === 'DF007');
    assert.ok(d);
    assert.equal(d.range.start.line, 4);
  });

  test('completion answers (a list, never an error)', async () => {
    const compose = uriOf(join(WS, 'compose.yaml'));
    const text = read('compose.yaml');
    c.open(compose, 'dockercompose', text, 1);
    await c.diagnosticsFor(compose, 1);
    for (const [line, character] of [[0, 0], [2, 4], [1, 6], [4, 8], [99, 0]]) {
      const res = await c.completion(compose, line, character);
      const items = Array.isArray(res) ? res : res?.items ?? [];
      assert.ok(Array.isArray(items));
      for (const i of items) assert.equal(typeof i.label, 'string');
    }
    const res = await c.completion(dockerfile, 7, 0);
    assert.ok(res === null || Array.isArray(res) || Array.isArray(res.items));
  });

  test('document symbols, definition, references and the custom requests answer', async () => {
    assert.ok(Array.isArray(await c.request('textDocument/documentSymbol', { textDocument: { uri: dockerfile } })));
    assert.ok(Array.isArray(await c.request('textDocument/definition', { textDocument: { uri: dockerfile }, position: { line: 0, character: 6 } })));
    assert.ok(Array.isArray(await c.request('textDocument/references', { textDocument: { uri: dockerfile }, position: { line: 0, character: 6 }, context: { includeDeclaration: true } })));
    const described = await c.request<{ kind: string }>('infraNotes/describe', { uri: dockerfile });
    assert.equal(described.kind, 'dockerfile');
    const explained = await c.request<{ markdown: string }>('infraNotes/explain', { uri: dockerfile });
    assert.ok(explained.markdown.length > 0);
    const notes = await c.request<{ topics: { facts: unknown[] }[] }>('infraNotes/notes', { locale: 'ru' });
    assert.ok(notes.topics.length > 0 && notes.topics.some((t) => t.facts.length > 0));
  });

  test('requests about unknown documents or odd positions answer empty, and the server stays up', async () => {
    const ghost = uriOf(join(WS, 'nope/Dockerfile'));
    assert.equal(await c.hover(ghost, 0, 0), null);
    assert.equal(await c.hover(dockerfile, 5000, 5000), null);
    await assert.rejects(c.request('textDocument/hover', null), /.+/); // bad params: an error answer, not a crash
    await assert.rejects(c.request('infraNotes/noSuchRequest', {}), /.+/);
    c.change(ghost, 7, [{ text: 'FROM x' }]); // a change for a document that was never opened
    c.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:1', languageId: 'dockerfile', version: 1, text: 'FROM alpine\nADD a /b\n' } });
    const untitled = await c.diagnosticsFor('untitled:1', 1);
    assert.ok(Array.isArray(untitled.diagnostics));
    assert.ok(c.alive);
    assert.ok(hoverMarkdown(await c.hover(dockerfile, 0, 1)).length > 0);
  });

  test('a Russian session gets Russian messages', async () => {
    c.notify('workspace/didChangeConfiguration', { settings: { infraNotes: { language: 'ru' } } });
    const p = await c.waitForDiagnostics(dockerfile, (x) => x.diagnostics.some((d) => d.code === 'DF007' && /[а-яё]/i.test(d.message)));
    assert.ok(p);
    assert.match(hoverMarkdown(await c.hover(dockerfile, 0, 1)), /[а-яё]/i);
  });

  test('shutdown then exit ends the process with code 0', async () => {
    c.close(dockerfile);
    const code = await c.shutdown();
    assert.equal(code, 0);
    assert.doesNotMatch(c.stderr, /Error|uncaught/i);
  });
});

describe('the yaml package\'s debug switches', () => {
  test('LOG_TOKENS / LOG_STREAM in the environment do not flood the client with parser dumps', async () => {
    const c = new LspClient({ env: { ...process.env, LOG_TOKENS: '1', LOG_STREAM: '1' } });
    try {
      await c.initialize(WS);
      const uri = uriOf(join(WS, 'compose.yaml'));
      c.open(uri, 'dockercompose', 'services:\n  web:\n    image: nginx:1.27\n    restart: sometimes\n');
      const p = await c.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
      assert.ok(p.diagnostics.some((d) => d.code === 'DC004'));
      // the server's own start-up lines only: the parser would otherwise log every token it reads
      assert.ok(c.logs.length < 20, `${c.logs.length} log messages, e.g. ${c.logs.slice(0, 3).join(' | ')}`);
    } finally {
      await c.shutdown().catch(() => c.kill());
    }
  });
});
