#!/usr/bin/env node
// Runs node:test over the TypeScript test files of the given folders (Node 20's --test does not
// expand globs itself). Usage: node scripts/run-tests.mjs test/unit test/protocol some.test.ts …
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  let out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const folders = process.argv.slice(2);
const files = folders.filter((f) => existsSync(f)).flatMap((f) => (statSync(f).isDirectory() ? find(f) : [f]));
if (files.length === 0) {
  console.error(`run-tests: no test files under ${folders.join(', ')}`);
  process.exit(1);
}
const reporter = process.env.CI ? 'spec' : (process.env.TEST_REPORTER ?? 'spec');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-reporter=${reporter}`, '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
