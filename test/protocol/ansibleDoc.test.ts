// ansible-doc runs only in a trusted workspace with the setting on, as `ansible-doc --json <module>`
// without a shell; its answer documents a module the extension does not know. A fake ansible-doc
// (a Node script) records how it was called.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { hoverMarkdown, LspClient, uriOf } from './lspClient';

const MODULE = 'acme.widgets.gizmo';
const PLAYBOOK = `- hosts: all\n  tasks:\n    - name: Use a module documented only by ansible-doc\n      ${MODULE}:\n        size: 3\n`;

function fakeAnsibleDoc(dir: string): { path: string; log: string } {
  const log = join(dir, 'calls.json');
  const path = join(dir, 'ansible-doc');
  writeFileSync(path, `#!${process.execPath}
const fs = require('fs');
const calls = fs.existsSync(${JSON.stringify(log)}) ? JSON.parse(fs.readFileSync(${JSON.stringify(log)}, 'utf8')) : [];
calls.push(process.argv.slice(2));
fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify(calls));
const name = process.argv[process.argv.length - 1];
process.stdout.write(JSON.stringify({ [name]: { doc: { module: name, short_description: 'Makes gizmos of any size', description: ['Builds a gizmo.'], options: { size: { description: 'How big the gizmo is.', type: 'int' } } } } }));
`);
  chmodSync(path, 0o755);
  return { path, log };
}

async function hoverUntil(c: LspClient, uri: string, want: RegExp): Promise<string> {
  let md = '';
  for (let i = 0; i < 50; i++) {
    md = hoverMarkdown(await c.hover(uri, 3, 10));
    if (want.test(md)) return md;
    await new Promise((r) => setTimeout(r, 100));
  }
  return md;
}

describe('ansible-doc', () => {
  for (const trusted of [true, false]) {
    test(`${trusted ? 'runs in a trusted workspace' : 'never runs in an untrusted workspace'} (setting on)`, async () => {
      const ws = mkdtempSync(join(tmpdir(), 'infra-notes-adoc-'));
      const fake = fakeAnsibleDoc(ws);
      const c = new LspClient();
      try {
        await c.initialize(ws, { trusted, settings: { language: 'en', ansible: { useAnsibleDoc: true, ansibleDocPath: fake.path } } });
        const uri = uriOf(join(ws, 'site.yml'));
        c.open(uri, 'yaml', PLAYBOOK, 1);
        await c.diagnosticsFor(uri, 1);
        const md = await hoverUntil(c, uri, /Makes gizmos/);
        if (trusted) {
          assert.match(md, /Makes gizmos of any size/);
          const calls = JSON.parse(readFileSync(fake.log, 'utf8')) as string[][];
          assert.deepEqual(calls[0], ['--json', MODULE], 'arguments passed as a list, module last');
          assert.equal(calls.length, 1, 'the answer is cached');
        } else {
          assert.doesNotMatch(md, /Makes gizmos/);
          assert.ok(!existsSync(fake.log), 'ansible-doc was started in an untrusted workspace');
        }
      } finally {
        c.kill();
      }
    });
  }
});
