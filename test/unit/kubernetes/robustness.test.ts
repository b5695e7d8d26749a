// Half-typed and broken input: every prefix cut of the corpus files (and some mangled variants) is
// validated, hovered and completed without any rule or feature throwing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setRuleErrorLogger } from '../../../server/src/service/rules/engine';
import { open, service } from '../../helpers/service';

const DIR = join(__dirname, '..', '..', 'fixtures', 'kubernetes');
const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(n) ? [p] : [];
});

describe('kubernetes robustness', () => {
  const errors: string[] = [];
  before(() => setRuleErrorLogger((id, _doc, err) => errors.push(`${id}: ${String(err)}`)));
  after(() => setRuleErrorLogger(() => undefined));

  it('never throws on cut or mangled manifests', () => {
    const texts = walk(DIR).map((p) => readFileSync(p, 'utf8'));
    const variants: string[] = [];
    for (const t of texts.slice(0, 12)) {
      for (let cut = 7; cut < t.length; cut += Math.max(13, Math.floor(t.length / 25))) variants.push(t.slice(0, cut));
      variants.push(t.replace(/: /g, ':'), t.replace(/ {2}/g, ' '), t.replace(/-/g, ''), t.replace(/\n {4}/g, '\n\t'));
    }
    variants.push('apiVersion: v1\nkind: Pod\nspec:\n  containers: 7\n', 'apiVersion: v1\nkind: Pod\nspec: [1, 2]\n', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: null\n', 'apiVersion: v1\nkind: Secret\ndata:\n  a: &x 1\n  b: *x\n');
    for (const v of variants) {
      const { doc, ctx } = open('k8s/x.yaml', v);
      if (doc.kind !== 'kubernetes') continue;
      service.doValidation(doc, ctx);
      for (let line = 0; line < Math.min(doc.lineCount, 40); line += 3) {
        const pos = { line, character: Math.min(6, doc.lineText(line).length) };
        service.doHover(doc, pos, ctx);
        service.doComplete(doc, pos, ctx);
        service.findDefinition(doc, pos, ctx);
        service.findReferences(doc, pos, ctx);
      }
      service.documentSymbols(doc, ctx);
      service.explain(doc, ctx);
    }
    assert.deepEqual(errors, []);
  });
});
