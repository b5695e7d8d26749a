#!/usr/bin/env node
// A stand-in for the `code` executable, for @vscode/test-electron's
// `runTests({ vscodeExecutablePath })` on machines where desktop VS Code cannot be downloaded.
// It runs the extension tests in code-server (the real VS Code workbench + Node extension host)
// driven by headless Chromium, and exits with the tests' exit code. See /work/shared/E2E.md.
//
//   code-adapter.mjs [folder] --extensionDevelopmentPath=<dir> --extensionTestsPath=<module>
//                    [--user-data-dir=<dir>] [--extensions-dir=<dir>] [other `code` flags: ignored]
//   code-adapter.mjs --install-extension <vsix> | --list-extensions | --version   (passed to code-server)
//
// Environment: INFRA_NOTES_CACHE, CODE_SERVER_VERSION (where test/e2e/setup.sh put code-server),
// CODE_SERVER_BIN (explicit entry script), CHROMIUM_PATH (default /usr/bin/chromium),
// INFRA_NOTES_E2E_TIMEOUT_MS (default 600000), INFRA_NOTES_E2E_KEEP=1 (keep the run folder),
// INFRA_NOTES_E2E_VERBOSE=1 (also print the workbench's routine log lines).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { launchChromium, runCli, startCodeServer, tail, writeUserSettings } from './lib/code-server.mjs';

const TAG = '[code-adapter]';
const say = (msg) => process.stderr.write(`${TAG} ${msg}\n`);

// ------------------------------------------------------------------------------------ arguments
const VALUE_FLAGS = new Set([
  'extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir',
  'install-extension', 'uninstall-extension', 'locale', 'log', 'profile',
]);

/** `--name=value`, `--name value` (for VALUE_FLAGS) and positionals, like the `code` CLI. */
export function parseArgs(argv) {
  const flags = new Map(); // name -> string[]
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { positional.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    let name; let value;
    if (eq > 0) { name = a.slice(2, eq); value = a.slice(eq + 1); }
    else {
      name = a.slice(2);
      value = VALUE_FLAGS.has(name) && i + 1 < argv.length ? argv[++i] : 'true';
    }
    if (!flags.has(name)) flags.set(name, []);
    flags.get(name).push(value);
  }
  return { flags, positional };
}

const CLI_FLAGS = ['install-extension', 'uninstall-extension', 'list-extensions', 'show-versions', 'version', 'help'];

/** `code --install-extension …` & co.: run code-server's CLI with the same folders. */
function passThroughCli(flags, argv) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-notes-cli-'));
  const dir = (name) => path.resolve(flags.get(name)?.at(-1) ?? path.join(runDir, name));
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2).split('=')[0] : '';
    if (name === 'user-data-dir' || name === 'extensions-dir') { if (!argv[i].includes('=')) i++; continue; }
    rest.push(argv[i]);
  }
  const r = runCli(rest, { runDir, userDataDir: dir('user-data-dir'), extensionsDir: dir('extensions-dir'), stdio: 'inherit' });
  fs.rmSync(runDir, { recursive: true, force: true });
  return r.status ?? 1;
}

/** The built workbench honours the extension-development payload only with
 *  developmentOptions.enableSmokeTestDriver, which code-server's CLI refuses: patch the
 *  configuration meta's JSON as the page reads it. (Rewriting the HTML by request routing breaks
 *  code-server's WebSocket.) */
const META_PATCH = `(() => {
  const get = Element.prototype.getAttribute;
  Element.prototype.getAttribute = function (name) {
    const value = get.call(this, name);
    if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && value) {
      try {
        const cfg = JSON.parse(value);
        cfg.developmentOptions = { ...(cfg.developmentOptions || {}), enableSmokeTestDriver: true };
        return JSON.stringify(cfg);
      } catch { /* leave it alone */ }
    }
    return value;
  };
})();`;

/** Workbench chatter that says nothing about the tests (INFRA_NOTES_E2E_VERBOSE=1 shows it). */
const VERBOSE = process.env.INFRA_NOTES_E2E_VERBOSE === '1';
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution .* took \d+ms/,
  /ENOTFOUND open-vsx\.org/, // the extension gallery is unreachable offline
];

/** Prints a log line. The same error over and over (a provider failing on every poll) prints
 *  three times, then is counted; the full stream is in page.log. */
const MAX_SAME_ERROR = 3;
const errorCounts = new Map();
function print(level, text) {
  if (level === 'error') {
    const n = (errorCounts.get(text) ?? 0) + 1;
    errorCounts.set(text, n);
    if (n > MAX_SAME_ERROR) return;
    if (n === MAX_SAME_ERROR) text += `\n${TAG} (this error printed ${MAX_SAME_ERROR} times; further repeats only counted)`;
  }
  (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
}
function flushRepeats() {
  for (const [text, n] of errorCounts) {
    if (n > MAX_SAME_ERROR) say(`${n}× ${text.split('\n')[0].slice(0, 160)}`);
  }
}

const remoteUri = (authority, p) =>
  `vscode-remote://${authority}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;

// ------------------------------------------------------------------------------------------ main
async function main() {
  const argv = process.argv.slice(2);
  const { flags, positional } = parseArgs(argv);
  if (CLI_FLAGS.some((f) => flags.has(f))) return passThroughCli(flags, argv);

  const devPaths = flags.get('extensionDevelopmentPath') ?? [];
  const testsPath = flags.get('extensionTestsPath')?.at(-1);
  if (!devPaths.length || !testsPath) {
    say('usage: code-adapter.mjs [folder] --extensionDevelopmentPath=<dir> --extensionTestsPath=<module>');
    return 2;
  }
  const folder = positional.at(-1) ? path.resolve(positional.at(-1)) : undefined;
  const timeoutMs = Number(process.env.INFRA_NOTES_E2E_TIMEOUT_MS || 600_000);

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-notes-e2e-'));
  const userDataDir = path.resolve(flags.get('user-data-dir')?.at(-1) ?? path.join(runDir, 'data'));
  const extensionsDir = path.resolve(flags.get('extensions-dir')?.at(-1) ?? path.join(runDir, 'exts'));
  writeUserSettings(userDataDir);
  const pageLog = path.join(runDir, 'page.log');
  const pageOut = fs.createWriteStream(pageLog);

  let server; let context; let cleaning;
  const cleanup = () => (cleaning ??= (async () => {
    if (context) await context.close().catch(() => {});
    if (server && !(await server.stop())) say('code-server did not stop on SIGTERM; killed its process group');
  })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { say(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
  }
  const hardTimeout = setTimeout(() => {
    say(`TIMEOUT: the tests did not finish within ${timeoutMs / 1000} s (codeAutomationExit was never called).`);
    say(`logs: ${path.join(runDir, 'code-server.log')}, ${pageLog}, extension host: ${path.join(userDataDir, 'logs')}`);
    cleanup().finally(() => process.exit(124));
  }, timeoutMs);

  let code = 1;
  let testsSettled = false; // the suite ran to its end (failures are then test failures)
  try {
    server = await startCodeServer({ runDir, userDataDir, extensionsDir });
    const payload = [
      ...devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(server.authority, p)]),
      ['extensionTestsPath', remoteUri(server.authority, testsPath)],
    ];
    const url = new URL(`${server.origin}/`);
    if (folder) url.searchParams.set('folder', folder);
    url.searchParams.set('payload', JSON.stringify(payload));

    context = await launchChromium(path.join(runDir, 'chromium'));
    const page = context.pages()[0] ?? await context.newPage();
    page.on('console', (msg) => pageOut.write(`[console ${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => pageOut.write(`[pageerror] ${err.stack || err}\n`));
    let settle;
    const exitCode = new Promise((resolve) => { settle = resolve; });
    page.on('close', () => settle(1));
    page.on('crash', () => { say('the workbench page crashed'); settle(1); });
    await page.exposeFunction('codeAutomationExit', (c) => { testsSettled = true; settle(Number(c) || 0); });
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      // The workbench's log service: the extension host's console (mocha's reporter) and the
      // workbench's own messages, as console-style argument arrays.
      const text = (Array.isArray(message) ? format(...message) : String(message)).replace(/\n$/, '');
      pageOut.write(`[automation ${level}] ${text}\n`);
      if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
      print(level, text);
    });
    await page.addInitScript(META_PATCH);
    say(`code-server at ${server.origin}; running ${testsPath}`);
    await page.goto(url.toString(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    code = await exitCode;
  } catch (err) {
    say(`ERROR: ${err?.stack || err}`);
    code = 1;
  } finally {
    clearTimeout(hardTimeout);
    flushRepeats();
    await cleanup();
    await new Promise((r) => pageOut.end(r));
  }
  if (code !== 0) {
    say(`failed (exit ${code}); logs kept in ${runDir} (code-server.log, page.log)`);
    say(`extension host logs: ${path.join(userDataDir, 'logs')}`);
    const t = testsSettled ? '' : tail(path.join(runDir, 'code-server.log'), 15);
    if (t.trim()) say(`code-server.log (tail):\n${t}`);
  } else if (!process.env.INFRA_NOTES_E2E_KEEP) {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  return code;
}

main().then((c) => process.exit(c ?? 0), (e) => { say(e?.stack || String(e)); process.exit(1); });
