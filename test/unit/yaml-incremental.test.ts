// Incremental YAML: after random edits, the model built from the previous version equals a fresh
// parse of the new text — every node's range and value, every problem — and so do the diagnostics.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { yamlModel, type YamlModel } from '../../server/src/service/yaml/model';
import { open, service } from '../helpers/service';

function dump(m: YamlModel): string[] {
  const out: string[] = [];
  for (const d of m.docs) {
    out.push(`doc ${d.range?.join(',')}`);
    for (const e of d.errors) out.push(`error ${e.code} ${e.pos.join(',')}`);
    const stack: unknown[] = [d.contents];
    while (stack.length) {
      const n = stack.pop();
      if (!n || typeof n !== 'object') continue;
      if (isPair(n)) {
        stack.push(n.value, n.key);
        continue;
      }
      const r = (n as { range?: number[] }).range?.join(',');
      if (isScalar(n)) out.push(`scalar ${r} ${JSON.stringify(n.value)}`);
      else if (isMap(n) || isSeq(n)) {
        out.push(`${isMap(n) ? 'map' : 'seq'} ${r} ${n.items.length}`);
        for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
      } else out.push(`other ${r}`);
    }
  }
  return out;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = join(__dirname, '..', 'fixtures', 'kubernetes');
const corpus = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => /\.ya?ml$/.test(f) && !f.includes('templates') && !f.includes('helm'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .filter((t) => !t.includes('{{'))
  .join('\n---\n');
const STREAM = `${corpus}\n---\n${corpus}`;

const SNIPPETS = ['\n---\n', '---', '\n', ' ', '  x: 1\n', '"', '[', '}', 'kind: Pod\n', '- a\n', '#', ':', '\t', 'apiVersion: v1\n'];

describe('incremental YAML model', () => {
  for (const seed of [20261125, 7, 424242]) it(`matches a fresh parse after 400 random edits of a ${Math.round(STREAM.length / 1024)} KB multi-document manifest (seed ${seed})`, () => {
    assert.ok(STREAM.length > 32 * 1024, 'the corpus is big enough for the incremental path');
    const rnd = prng(seed);
    const uri = 'k8s/stream.yaml';
    let text = STREAM;
    let prev = open(uri, text).doc;
    yamlModel(prev);
    let reusedSomewhere = false;
    for (let i = 0; i < 400; i++) {
      const at = Math.floor(rnd() * text.length);
      const del = rnd() < 0.5 ? Math.floor(rnd() * 40) : 0;
      const ins = rnd() < 0.7 ? SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] : '';
      text = text.slice(0, at) + ins + text.slice(at + del);
      const { doc, ctx } = open(uri, text);
      const before = yamlModel(prev).docs;
      doc.previous = prev;
      const incremental = yamlModel(doc);
      if (incremental.docs.some((d) => before.includes(d))) reusedSomewhere = true;
      const fresh = open(uri, text).doc;
      assert.deepEqual(dump(incremental), dump(yamlModel(fresh)), `edit ${i} at ${at} (-${del} +${JSON.stringify(ins)})`);
      if (i % 25 === 0) {
        const d1 = service.doValidation(doc, ctx).map((d) => `${d.code} ${JSON.stringify(d.range)}`);
        const d2 = service.doValidation(fresh, ctx).map((d) => `${d.code} ${JSON.stringify(d.range)}`);
        assert.deepEqual(d1, d2, `diagnostics after edit ${i}`);
      }
      prev = doc;
    }
    assert.ok(reusedSomewhere, 'documents were reused, not all re-parsed');
  });
});
