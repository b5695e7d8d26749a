// Compiles the extension-host test suite test/e2e/suite/*.ts to out/e2e/suite/*.js (CommonJS,
// `vscode` and `mocha` external: VS Code provides the first, the repo's node_modules the second).
// Each file is its own entry so suite/index.js can hand the *.test.js files to mocha.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SRC = path.join(HERE, 'suite');
const OUT = path.join(ROOT, 'out', 'e2e');

fs.rmSync(OUT, { recursive: true, force: true });
const entryPoints = fs.readdirSync(SRC)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(SRC, f));

await esbuild.build({
  entryPoints,
  outdir: path.join(OUT, 'suite'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
// Keep the output CommonJS whatever the root package.json says about "type".
fs.writeFileSync(path.join(OUT, 'package.json'), '{ "type": "commonjs" }\n');
console.log(`[e2e build] ${entryPoints.length} files -> ${path.relative(ROOT, OUT)}/suite`);
