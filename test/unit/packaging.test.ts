// Project-level invariants: generated rule docs are current, the manifest's contributions and
// localisation bundles agree.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import knowledge from '../../server/generated/knowledge.json';
// @ts-expect-error plain ES module without types
import { renderRuleDocs } from '../../scripts/rule-docs.mjs';

const root = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('packaging', () => {
  it('docs/RULES.md is generated from the current knowledge base (run `npm run docs`)', () => {
    assert.equal(read('docs/RULES.md'), renderRuleDocs(knowledge));
  });

  it('every %key% of package.json has an English and a Russian translation', () => {
    const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    const en = JSON.parse(read('package.nls.json'));
    const ru = JSON.parse(read('package.nls.ru.json'));
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(ru[k], `package.nls.ru.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(ru).sort());
  });

  it('every vscode.l10n.t string of the client has a Russian translation', () => {
    const src = ['client/src/extension.ts', 'client/src/notesPanel.ts'].map(read).join('\n');
    const strings = [...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
    assert.ok(strings.length > 3);
    const ru = JSON.parse(read('l10n/bundle.l10n.ru.json'));
    for (const s of strings) assert.ok(ru[s], `l10n/bundle.l10n.ru.json lacks: ${s}`);
  });

  it('declares every command the client registers, and the client registers every declared command', () => {
    const pkg = JSON.parse(read('package.json'));
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    const registered = [...read('client/src/extension.ts').matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, declared);
  });

  it('every snippet and grammar file the manifest names exists and parses', () => {
    const pkg = JSON.parse(read('package.json'));
    for (const s of pkg.contributes.snippets ?? []) JSON.parse(read(s.path));
    for (const g of pkg.contributes.grammars ?? []) JSON.parse(read(g.path));
  });
});
