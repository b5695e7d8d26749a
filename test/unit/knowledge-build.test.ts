// The knowledge build refuses malformed entries, with a message that names the file and the problem.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'build-knowledge.mjs');

function build(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'infra-notes-kb-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'kb'), { recursive: true });
    writeFileSync(join(dir, 'kb', name), text);
  }
  const out = join(dir, 'out.json');
  const r = spawnSync(process.execPath, [SCRIPT], { env: { ...process.env, INFRA_NOTES_KB: join(dir, 'kb'), INFRA_NOTES_KB_OUT: out }, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, written: existsSync(out) };
}

const GOOD_RULE = `- id: DF999
  name: example-rule
  severity: warning
  title: { en: "T", ru: "Т" }
  message: { en: "Bad {thing}", ru: "Плохо {thing}" }
  why: { en: "Why", ru: "Почему" }
  examples: { invalid: ["FROM x"] }
`;

describe('knowledge build', () => {
  it('compiles a well-formed entry', () => {
    const r = build({ 'ok.yaml': GOOD_RULE });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.written);
  });

  const broken: [string, string, RegExp][] = [
    ['a missing Russian text', GOOD_RULE.replace('ru: "Почему"', 'xx: "?"'), /missing 'ru' text/],
    ['placeholders that differ between languages', GOOD_RULE.replace('Плохо {thing}', 'Плохо {what}'), /placeholders differ/],
    ['an unknown severity', GOOD_RULE.replace('severity: warning', 'severity: loud'), /severity must be one of/],
    ['a rule without an invalid example', GOOD_RULE.replace('  examples: { invalid: ["FROM x"] }\n', ''), /at least one invalid example/],
    ['a duplicate id', GOOD_RULE + GOOD_RULE.replace('example-rule', 'other'), /defined twice/],
    ['a fact citing a fact id of the wrong shape', GOOD_RULE.replace('severity: warning', 'severity: warning\n  notes: [DOCKER-7]'), /notes must be a list of fact ids/],
    ['broken YAML', 'id: [unclosed\n', /./],
  ];
  for (const [what, text, message] of broken) {
    it(`fails on ${what}, naming the file`, () => {
      const r = build({ 'bad.yaml': text });
      assert.notEqual(r.code, 0);
      assert.ok(!r.written, 'nothing is written');
      assert.match(r.stderr, /bad\.yaml/);
      assert.match(r.stderr, message);
    });
  }
});
