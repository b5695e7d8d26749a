// Shared by code-adapter.mjs and ui.smoke.mjs: find, configure, start and stop code-server, and
// launch headless Chromium. See /work/shared/E2E.md for why each setting is here.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
export const CACHE = process.env.INFRA_NOTES_CACHE || path.join(os.homedir(), '.cache', 'infra-notes');

/** code-server's entry script, as installed by test/e2e/setup.sh; throws a helpful error if missing. */
export function codeServerEntry() {
  const entry = process.env.CODE_SERVER_BIN
    || path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server not found at ${entry}; install it with: bash test/e2e/setup.sh`);
  }
  return entry;
}

export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(p)) throw new Error(`Chromium not found at ${p}; run test/e2e/setup.sh or set CHROMIUM_PATH`);
  return p;
}

/** ALWAYS pass --config: without it every code-server invocation writes ~/.config/code-server. */
export function writeConfig(dir) {
  const file = path.join(dir, 'config.yaml');
  fs.writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

export const USER_SETTINGS = {
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
  // The browser build auto-saves after 1 s and would write typed test text into the fixtures.
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'git.enabled': false,
  'npm.autoDetect': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
};

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/** Runs code-server's CLI (`--install-extension x.vsix`, `--list-extensions`…) with explicit dirs. */
export function runCli(args, { runDir, userDataDir, extensionsDir, stdio = 'pipe' }) {
  return spawnSync(process.execPath, [
    codeServerEntry(), '--config', writeConfig(runDir),
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...args,
  ], { stdio, encoding: 'utf8', timeout: 120_000 });
}

export function freePort() {
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

/** Polls `probe` (truthy = done) with back-off; `isDead` aborts early. */
export async function waitFor(what, timeoutMs, probe, isDead) {
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

export function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/**
 * Starts code-server on a free loopback port in its own process group and waits for /healthz.
 * Returns { origin, authority, log, stop }. stop() kills the whole group: the extension host, file
 * watcher and language server live there too.
 */
export async function startCodeServer({ runDir, userDataDir, extensionsDir, env }) {
  const entry = codeServerEntry();
  fs.mkdirSync(extensionsDir, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = path.join(runDir, 'code-server.log');
  const out = fs.openSync(log, 'a');
  const proc = spawn(process.execPath, [
    entry, '--config', writeConfig(runDir), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ], { detached: true, stdio: ['ignore', out, out], env: env ?? process.env });
  fs.closeSync(out);
  let exited = false;
  const exitedP = new Promise((r) => proc.once('exit', () => { exited = true; r(); }));
  const killGroup = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* gone */ } };
  // Last resort if this process dies without calling stop().
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  let stopping;
  const stop = () => (stopping ??= (async () => {
    killGroup('SIGTERM');
    const gone = await Promise.race([exitedP.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    killGroup('SIGKILL'); // children that outlive the main process (language server, watchers)
    process.off('exit', onExit);
    return gone;
  })());

  try {
    await waitFor('code-server', 60_000, async () => (await fetch(`${origin}/healthz`)).ok, () => exited);
  } catch (err) {
    await stop();
    throw new Error(`${err.message}\n--- ${log} (tail) ---\n${tail(log)}`);
  }
  // The authority the workbench uses in vscode-remote URIs (on 4.100 it is host:port).
  let authority = `127.0.0.1:${port}`;
  try {
    const html = await (await fetch(`${origin}/`)).text();
    const m = html.match(/id="vscode-workbench-web-configuration"\s+data-settings="([^"]*)"/);
    const cfg = m && JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
    if (cfg?.remoteAuthority) authority = cfg.remoteAuthority;
  } catch { /* keep host:port */ }
  return { origin, authority, log, proc, stop, get exited() { return exited; } };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(profileDir, options = {}) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: CHROMIUM_ARGS,
    ...options,
  });
}
