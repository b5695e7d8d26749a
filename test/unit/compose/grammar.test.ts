// The `${VAR}` injection grammar for Compose values: its patterns (plain regular expressions, the
// same in Oniguruma and JavaScript) find interpolations, defaults and `$$` escapes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const G = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'syntaxes', 'compose-interpolation.injection.json'), 'utf8'));
const re = (s: string) => new RegExp(s, 'g');

describe('compose interpolation grammar', () => {
  it('injects into YAML and Compose documents, outside comments', () => {
    assert.equal(G.scopeName, 'compose.interpolation.injection');
    assert.match(G.injectionSelector, /source\.yaml/);
    assert.match(G.injectionSelector, /-comment/);
  });

  it('recognises ${VAR}, ${VAR:-default}, $VAR and $$', () => {
    const r = G.repository;
    const line = 'image: "nginx:${TAG:-1.27}" cmd: echo $$HOME $USER ${A?required}';
    assert.deepEqual([...line.matchAll(re(r.braced.begin))].map((m) => m[2]), ['TAG', 'A']);
    assert.deepEqual([...line.matchAll(re(r['escaped-dollar'].match))].length, 1);
    assert.deepEqual([...'${TAG:-1.27}'.matchAll(re(r.braced.patterns[0].match))].map((m) => m[1]), [':-']);
    assert.deepEqual([...'$USER and $$'.matchAll(re(r.simple.match))].map((m) => m[2]), ['USER']);
    assert.doesNotMatch('${1abc}', new RegExp(r.braced.begin));
  });
});
