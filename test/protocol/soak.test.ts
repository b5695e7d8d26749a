// Soak: 1 000 random incremental edits to open documents through the real server, with hovers and
// completions in between. The server stays alive, its memory stays bounded, and the diagnostics it
// ends with equal those of a fresh server that opens the final texts.
// Replay: the seed is printed on failure (SOAK_SEED=<n>); SOAK_EDITS=<n> for a longer run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hashSeed, prng, Rand } from '../fuzz/harness';
import { LspClient, REPO, uriOf, type PublishedDiagnostics } from './lspClient';

const WS = join(REPO, 'test/fixtures/protocol/ws');
const SEEDS = join(REPO, 'test/fuzz/seeds');
const EDITS = Number(process.env.SOAK_EDITS ?? 1000);
const SEED = Number(process.env.SOAK_SEED ?? 4242);
/** A gross bound: the server holds a few small documents; anything near this is a leak. */
const RSS_LIMIT_MB = 400;

const files = [
  { path: join(WS, 'Dockerfile'), languageId: 'dockerfile', text: readFileSync(join(SEEDS, 'docker/Dockerfile'), 'utf8') },
  { path: join(WS, 'compose.yaml'), languageId: 'dockercompose', text: readFileSync(join(SEEDS, 'compose/compose.yaml'), 'utf8') },
  { path: join(WS, 'k8s/app.yaml'), languageId: 'yaml', text: readFileSync(join(SEEDS, 'kubernetes/app.yaml'), 'utf8') },
  { path: join(WS, 'site.yml'), languageId: 'ansible', text: readFileSync(join(SEEDS, 'ansible/site.yml'), 'utf8') },
];

const SNIPPETS = [
  'a', ' ', '\n', ':', '- ', '  ', '{{ x }}', '"', "'", '#', 'FROM alpine\n', 'ADD . /app\n', 'RUN apt-get install curl\n',
  'image: nginx:latest\n', '    privileged: true\n', 'kind: Pod\n', '---\n', '  - name: x\n', '\t', 'é', '😀', '{', '}', '[', ']',
];

function normalise(p: PublishedDiagnostics | undefined) {
  return (p?.diagnostics ?? []).map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, source: d.source }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Waits until no diagnostics have been published for 500 ms. */
async function settle(c: LspClient): Promise<void> {
  let n = -1;
  while (n !== c.published.length) {
    n = c.published.length;
    await new Promise((res) => setTimeout(res, 500));
  }
}

test(`soak: ${EDITS} random edits through the real server`, { timeout: 240_000 }, async () => {
  const r = new Rand(prng(hashSeed(SEED, 'soak')));
  const c = new LspClient();
  const fresh = new LspClient();
  try {
    await c.initialize(WS);
    const docs = files.map((f) => ({ ...f, uri: uriOf(f.path), version: 1, doc: TextDocument.create(uriOf(f.path), f.languageId, 1, f.text) }));
    for (const d of docs) c.open(d.uri, d.languageId, d.text, 1);
    await Promise.all(docs.map((d) => c.diagnosticsFor(d.uri, 1)));
    let peakKb = 0;
    for (let i = 0; i < EDITS; i++) {
      const d = r.pick(docs);
      const text = d.doc.getText();
      const a = r.int(text.length + 1);
      const b = Math.min(text.length, a + (r.chance(0.5) ? 0 : r.int(40)));
      const insert = r.chance(0.3) ? '' : r.pick(SNIPPETS).repeat(r.chance(0.05) ? r.between(10, 200) : 1);
      const range = { start: d.doc.positionAt(a), end: d.doc.positionAt(b) };
      d.version++;
      TextDocument.update(d.doc, [{ range, text: insert }], d.version);
      c.change(d.uri, d.version, [{ range, text: insert }]);
      if (i % 10 === 0) {
        const pos = d.doc.positionAt(r.int(d.doc.getText().length + 1));
        await c.hover(d.uri, pos.line, pos.character);
        await c.completion(d.uri, pos.line, pos.character);
      }
      if (i % 100 === 0) {
        await new Promise((res) => setTimeout(res, 40)); // let a debounced validation run now and then
        peakKb = Math.max(peakKb, c.memory()?.peakKb ?? 0);
      }
      assert.ok(c.alive, `server died after ${i} edits (replay with SOAK_SEED=${SEED}); stderr:\n${c.stderr}`);
    }
    await Promise.all(docs.map((d) => c.diagnosticsFor(d.uri, d.version, 30_000)));
    await settle(c);
    const finals = docs.map((d) => c.diagnostics.get(d.uri));
    assert.deepEqual(finals.map((f) => f?.version), docs.map((d) => d.version), 'the last diagnostics are for the last versions');
    peakKb = Math.max(peakKb, c.memory()?.peakKb ?? 0);
    assert.ok(peakKb / 1024 < RSS_LIMIT_MB, `peak RSS ${Math.round(peakKb / 1024)} MB`);

    await fresh.initialize(WS);
    for (const d of docs) fresh.open(d.uri, d.languageId, d.doc.getText(), 1);
    await Promise.all(docs.map((d) => fresh.diagnosticsFor(d.uri, 1, 30_000)));
    await settle(fresh); // cross-file rules re-validate the others once every document is open
    const expected = docs.map((d) => fresh.diagnostics.get(d.uri));
    for (let k = 0; k < docs.length; k++) {
      assert.deepEqual(normalise(finals[k]), normalise(expected[k]), `final diagnostics of ${docs[k].path} differ from a fresh open (replay with SOAK_SEED=${SEED})`);
    }
    assert.ok(c.alive);
    assert.equal(await c.shutdown(), 0);
    assert.equal(await fresh.shutdown(), 0);
  } finally {
    c.kill();
    fresh.kill();
  }
});
