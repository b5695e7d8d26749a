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
// Environment: INFRA_NOTES_CACHE, CODE_SERVER_VERSION (where test/e2e/setup.sh installed code-server),
// CODE_SERVER_BIN (explicit entry script), CHROMIUM_PATH (default /usr/bin/chromium),
// INFRA_NOTES_E2E_TIMEOUT_MS (default 600000), INFRA_NOTES_E2E_KEEP=1 (keep the run folder).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const TAG = '[code-adapter]';
const say = (msg) => process.stderr.write(`${TAG} ${msg}\n`);

// ------------------------------------------------------------------------------------ arguments
const VALUE_FLAGS = new Set([
  'extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir',
  'install-extension', 'uninstall-extension', 'locale', 'log',
]);

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

// ----------------------------------------------------------------------------------- code-server
function codeServerEntry() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  const version = process.env.CODE_SERVER_VERSION || '4.100.3';
  const cache = process.env.INFRA_NOTES_CACHE || path.join(os.homedir(), '.cache', 'infra-notes');
  return path.join(cache, `code-server-${version}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function requireCodeServer() {
  const entry = codeServerEntry();
  if (!fs.existsSync(entry)) {
    say(`code-server not found at ${entry}`);
    say(`install it with: bash ${path.relative(process.cwd(), path.join(HERE, 'setup.sh')) || 'test/e2e/setup.sh'}`);
    process.exit(2);
  }
  return entry;
}

function writeConfig(dir) {
  // ALWAYS pass --config: without it every code-server invocation writes ~/.config/code-server.
  const file = path.join(dir, 'config.yaml');
  fs.writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
};

function writeUserSettings(userDataDir) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
}

/** `code --install-extension …` & co.: run code-server's CLI with the same dirs. */
function passThroughCli(flags, argv) {
  const entry = requireCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-notes-cli-'));
  const args = [entry, '--config', writeConfig(tmp)];
  const skip = new Set(['extensions-dir', 'user-data-dir']);
  for (const name of ['extensions-dir', 'user-data-dir']) {
    const v = flags.get(name)?.at(-1);
    args.push(`--${name}`, v ? path.resolve(v) : path.join(tmp, name));
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.slice(2).split('=')[0] : '';
    if (skip.has(name)) { if (!a.includes('=')) i++; continue; }
    args.push(a);
  }
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what, timeoutMs, probe, isDead) {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  while (Date.now() < deadline) {
    if (isDead?.()) throw new Error(`${what}: process exited before it was ready`);
    try { if (await probe()) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 1.5, 1000);
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** Rewrites the workbench configuration as the page reads it: the built workbench honours the
 *  extension-development payload only with developmentOptions.enableSmokeTestDriver, which
 *  code-server's CLI refuses. (Rewriting the HTML by request routing breaks its WebSocket.) */
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
  /ENOTFOUND open-vsx\.org/, // the extension gallery is unreachable offline
];

const remoteUri = (authority, p) =>
  `vscode-remote://${authority}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;

// ------------------------------------------------------------------------------------------ main
async function main() {
  const argv = process.argv.slice(2);
  const { flags, positional } = parseArgs(argv);
  if (['install-extension', 'uninstall-extension', 'list-extensions', 'version', 'help'].some((f) => flags.has(f))) {
    return passThroughCli(flags, argv);
  }
  const devPaths = flags.get('extensionDevelopmentPath') ?? [];
  const testsPath = flags.get('extensionTestsPath')?.at(-1);
  if (!devPaths.length || !testsPath) {
    say('usage: code-adapter.mjs [folder] --extensionDevelopmentPath=<dir> --extensionTestsPath=<module>');
    return 2;
  }
  const entry = requireCodeServer();
  const { chromium } = require('playwright-core');
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) {
    say(`Chromium not found at ${chromiumPath}; run test/e2e/setup.sh or set CHROMIUM_PATH`);
    return 2;
  }
  const folder = positional.at(-1) ? path.resolve(positional.at(-1)) : undefined;
  const timeoutMs = Number(process.env.INFRA_NOTES_E2E_TIMEOUT_MS || 600_000);

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-notes-e2e-'));
  const userDataDir = path.resolve(flags.get('user-data-dir')?.at(-1) ?? path.join(runDir, 'data'));
  const extensionsDir = path.resolve(flags.get('extensions-dir')?.at(-1) ?? path.join(runDir, 'exts'));
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  const config = writeConfig(runDir);
  const csLog = path.join(runDir, 'code-server.log');
  const pageLog = path.join(runDir, 'page.log');

  let server; let context; let exited = false; let cleaning;
  const cleanup = () => (cleaning ??= (async () => {
    if (context) await context.close().catch(() => {});
    if (server && !exited) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
      const gone = await Promise.race([
        new Promise((r) => server.once('exit', () => r(true))),
        new Promise((r) => setTimeout(() => r(false), 5000)),
      ]);
      // The group holds the extension host, file watcher and language server too.
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
      if (!gone) say('code-server did not stop on SIGTERM; killed');
    }
  })());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { say(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
  }

  let code = 1;
  const timer = setTimeout(() => {
    say(`TIMEOUT: the test run did not finish within ${timeoutMs / 1000} s (codeAutomationExit never called).`);
    say(`code-server log: ${csLog}; page log: ${pageLog}; extension host logs under ${path.join(userDataDir, 'logs')}`);
    process.exitCode = 124;
    cleanup().finally(() => process.exit(124));
  }, timeoutMs);
  timer.unref();

  try {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [
      entry, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
    ], { detached: true, stdio: ['ignore', fs.openSync(csLog, 'a'), fs.openSync(csLog, 'a')] });
    server.on('exit', () => { exited = true; });
    await waitFor('code-server', 60_000, async () => (await fetch(`${origin}/healthz`)).ok, () => exited);

    // The authority the workbench uses for vscode-remote URIs (on 4.100: host:port).
    const html = await (await fetch(`${origin}/`)).text();
    const m = html.match(/id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/);
    let authority = `127.0.0.1:${port}`;
    if (m) {
      const cfg = JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      if (cfg.remoteAuthority) authority = cfg.remoteAuthority;
    }

    const payload = [
      ...devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]),
      ['extensionTestsPath', remoteUri(authority, testsPath)],
    ];
    const url = new URL(`${origin}/`);
    if (folder) url.searchParams.set('folder', folder);
    url.searchParams.set('payload', JSON.stringify(payload));

    const profile = path.join(runDir, 'chromium');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? await context.newPage();
    const pageOut = fs.createWriteStream(pageLog);
    page.on('console', (msg) => pageOut.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => pageOut.write(`[pageerror] ${err.stack || err}\n`));
    let settle;
    const exitCode = new Promise((resolve) => { settle = resolve; });
    page.on('close', () => settle(1));
    page.on('crash', () => { say('the workbench page crashed'); settle(1); });
    await page.exposeFunction('codeAutomationExit', (c) => settle(Number(c) || 0));
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      // The workbench's log service: the extension host's console (mocha's reporter) and the
      // workbench's own messages, as console-style argument arrays.
      const text = (Array.isArray(message) ? format(...message) : String(message)).replace(/\n$/, '');
      pageOut.write(`[automation ${level}] ${text}\n`);
      if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
      (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    await page.addInitScript(META_PATCH);
    say(`code-server ${origin} (log ${csLog}); running ${path.relative(process.cwd(), testsPath) || testsPath}`);
    await page.goto(url.toString(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    code = await exitCode;
  } catch (err) {
    say(`ERROR: ${err?.stack || err}`);
    const t = tail(csLog);
    if (t) say(`code-server log (tail):\n${t}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
  if (code !== 0) {
    say(`failed (exit ${code}); run folder kept: ${runDir}`);
    say(`  code-server log ${csLog}, page log ${pageLog}, extension host logs under ${path.join(userDataDir, 'logs')}`);
  } else if (!process.env.INFRA_NOTES_E2E_KEEP) {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  return code;
}

main().then((c) => process.exit(c ?? 0), (e) => { say(e?.stack || String(e)); process.exit(1); });
