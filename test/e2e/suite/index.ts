// Entry point of the extension-host test run (`--extensionTestsPath` → out/e2e/suite/index).
// VS Code calls run() inside the extension host; its settling decides the exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

// Suites run in this order (others before Resilience, alphabetically). Commands run before Snippets
// on purpose: when snippets were registered in package.json, "Explain This File" (a markdown
// document + preview) before the first compose file made VS Code drop compose snippets for the
// session; the server now offers them, and this order keeps that fixed. Resilience kills the
// language server, so it runs last.
const ORDER = ['activation', 'families', 'locale', 'quickfix', 'commands', 'snippets', 'resilience'];
function rank(file: string): number {
  const i = ORDER.indexOf(file.replace(/\.test\.js$/, ''));
  return i < 0 ? ORDER.indexOf('resilience') - 0.5 : i;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 120_000, slow: 10_000 });
  if (process.env.INFRA_NOTES_E2E_GREP) mocha.grep(process.env.INFRA_NOTES_E2E_GREP);
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  if (!files.length) throw new Error(`no *.test.js files next to ${__filename}; run test/e2e/build.mjs`);
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
