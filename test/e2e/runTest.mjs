// Runs the extension-host suite (out/e2e/suite) through @vscode/test-electron's runTests().
// Where desktop VS Code cannot be downloaded (this offline machine), `vscodeExecutablePath` points
// at code-adapter.mjs, which runs the suite in code-server + headless Chromium. With
// INFRA_NOTES_E2E_VSCODE=download, runTests downloads a real VS Code instead (needs internet).
//
// Environment: INFRA_NOTES_E2E_EXTENSION (extension folder; default: the repo),
// INFRA_NOTES_E2E_GREP (mocha grep), and code-adapter.mjs's variables.
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

const extensionDevelopmentPath = path.resolve(process.env.INFRA_NOTES_E2E_EXTENSION || ROOT);
const extensionTestsPath = path.join(ROOT, 'out', 'e2e', 'suite', 'index');
if (!fs.existsSync(`${extensionTestsPath}.js`)) {
  console.error(`[e2e] ${extensionTestsPath}.js missing: run node test/e2e/build.mjs first`);
  process.exit(2);
}
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDevelopmentPath, 'package.json'), 'utf8'));
const main = manifest.main && path.resolve(extensionDevelopmentPath, manifest.main);
if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
  console.error(`[e2e] ${manifest.main} missing in ${extensionDevelopmentPath}: run npm run build first`);
  process.exit(2);
}

// A fresh copy of the fixture workspace, profile and extensions folder per run.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-notes-ext-tests-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });

const useDownload = process.env.INFRA_NOTES_E2E_VSCODE === 'download';
let vscodeExecutablePath;
if (!useDownload) {
  // runTests spawns an executable without a shell: give it one that needs no exec bit in git.
  vscodeExecutablePath = path.join(tmp, 'code');
  fs.writeFileSync(vscodeExecutablePath,
    `#!/bin/sh\nexec '${process.execPath}' '${path.join(HERE, 'code-adapter.mjs')}' "$@"\n`, { mode: 0o755 });
}

let code = 1;
const started = Date.now();
try {
  code = await runTests({
    vscodeExecutablePath,
    version: useDownload ? (process.env.INFRA_NOTES_E2E_VSCODE_VERSION || '1.100.3') : undefined,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [
      workspace,
      `--user-data-dir=${path.join(tmp, 'data')}`,
      `--extensions-dir=${path.join(tmp, 'exts')}`,
      '--disable-extensions',
    ],
    extensionTestsEnv: {
      INFRA_NOTES_EXTENSION_ID: `${manifest.publisher}.${manifest.name}`,
      INFRA_NOTES_E2E_WORKSPACE: workspace,
    },
  });
} catch (err) {
  console.error(`[e2e] extension-host tests failed: ${err?.message ?? err}`);
  code = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
}
console.log(`[e2e] extension-host tests: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (code === 0) fs.rmSync(tmp, { recursive: true, force: true });
else console.error(`[e2e] kept ${tmp} for inspection`);
process.exit(code);
