// The Compose snippets expand to files the validator accepts (schema rules, no false errors).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../helpers/service';

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'snippets', 'compose.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

/** Expand a snippet body with its defaults: ${1:x} → x, ${1|a,b|} → a, $0 → '', \$ → $. */
function expand(body: string[]): string {
  let s = body.join('\n');
  for (let i = 0; i < 5; i++) s = s.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  return s.replace(/\$\{TM_FILENAME\}/g, 'compose.test.yaml').replace(/\$0/g, '').replace(/\\\$/g, '$');
}

function indent(text: string, by: string): string {
  return text.split('\n').map((l) => (l ? by + l : l)).join('\n');
}

describe('compose snippets', () => {
  it('cover the forms the issue asks for', () => {
    const names = Object.keys(SNIPPETS).join('\n');
    for (const want of [/healthcheck/i, /override/i, /test/i, /json-file/i, /volume and network/i]) assert.match(names, want);
  });

  for (const [name, s] of Object.entries(SNIPPETS)) {
    it(`${name} expands to a valid compose file`, () => {
      const text = expand(s.body);
      let file = text;
      if (/^(logging|develop):/.test(text)) file = `services:\n  web:\n    image: nginx:1.27\n${indent(text, '    ')}\n`;
      else if (/^[\w-]+:\n  image:/.test(text)) file = `services:\n${indent(text, '  ')}\nvolumes:\n  db-data:\n`;
      else if (/^x-logging/.test(text)) file = `${text}\nservices:\n  web:\n    image: nginx:1.27\n    logging: *default-logging\n`;
      else if (/^volumes:/.test(text)) file = `services:\n  web:\n    image: nginx:1.27\n    volumes: ["data:/data"]\n    networks: [backend]\n${text}\n`;
      const path = /override/i.test(name) ? 'compose.override.yaml' : /test/i.test(name) ? 'compose.test.yaml' : 'compose.yaml';
      const diags = diagnose(path, file, { files: { 'src/index.js': '' } });
      assert.deepEqual(diags.map((d) => `${d.code} ${d.message}`), [], file);
    });
  }
});
