#!/usr/bin/env node
// The benchmark of issue 8: drives `node dist/server.js --stdio` like an editor on a generated corpus
// and reports medians over several runs (a fresh server per run and file):
//   initialize, open→diagnostics, edit→diagnostics, hover p50/p95, completion p50/p95, peak RSS (VmHWM),
//   the floor (a bare parse of the same text: `yaml` for YAML files, dockerfile-ast for the Dockerfile)
//   and the ratio of open→diagnostics to it.
// When the anchor servers are installed (test/bench/install-anchors.sh), runs them on the same files.
// Writes the results into BENCHMARKS.md between the RESULTS markers, and prints them.
//
// Environment: BENCH_RUNS (default 5), BENCH_ONLY=k8s-5k,dockerfile, BENCH_ANCHORS (anchor folder),
// BENCH_NO_WRITE=1 (print only), BENCH_HOVERS (default 200), BENCH_COMPLETIONS (default 100).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, homedir, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { generate } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
// the same client as the protocol tests (TypeScript, loaded through tsx)
const { LspClient } = await tsImport('../protocol/lspClient.ts', import.meta.url);
const require = createRequire(import.meta.url);
const YAML = require('yaml');
const { DockerfileParser } = require('dockerfile-ast');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const HOVERS = Number(process.env.BENCH_HOVERS ?? 200);
const COMPLETIONS = Number(process.env.BENCH_COMPLETIONS ?? 100);
const EDITS = 5;
const ONLY = process.env.BENCH_ONLY?.split(',');
const ANCHORS = process.env.BENCH_ANCHORS ?? join(homedir(), '.cache', 'infra-notes-bench', 'anchors');
const SCHEMAS = resolve(REPO, '../shared/bench/schemas');

const TARGETS = {
  'k8s-5k': { open: 150, edit: 60, hoverP95: 5, rssMb: 150 },
  'k8s-50k': { open: 1500, rssMb: 400 },
  dockerfile: { open: 100, hoverP95: 5 },
  compose: { open: 100, hoverP95: 5 },
  playbook: { open: 100, hoverP95: 5 },
};

// ---- statistics -----------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const now = () => performance.now();
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(x >= 100 ? 0 : digits) : '—');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Positions on keys/instructions (first non-blank character + 1) and at line ends, from a seeded PRNG. */
function positions(text, n, seed, atEnd) {
  const lines = text.split('\n');
  const r = rng(seed);
  const out = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const line = Math.floor(r() * lines.length);
    const l = lines[line];
    const first = l.search(/\S/);
    if (first < 0 || l.trimStart().startsWith('#') || l.trim() === '---') continue;
    out.push({ line, character: atEnd ? l.length : Math.min(l.length, first + 1 + (l[first] === '-' ? 2 : 0)) });
  }
  return out;
}

/** An edit in the middle of the file that keeps it valid: a digit appended to a comment-free value. */
function editAt(text, k) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let i = mid + k * 7; i < lines.length; i++) {
    const m = /^(\s*[\w.-]+:\s+)([A-Za-z0-9][\w./-]*)\s*$/.exec(lines[i]) ?? /^(\s*(?:RUN|LABEL|ENV)\s.*\S)\s*$/.exec(lines[i]);
    if (m) return { line: i, character: lines[i].trimEnd().length, text: 'x' };
  }
  return { line: mid, character: 0, text: '# edited\n' };
}

// ---- one server, one file, one run ----------------------------------------------------------------

async function runOnce(server, file, root) {
  const t0 = now();
  const c = new LspClient({ ...server.client(root), timeout: 600_000 });
  const result = {};
  try {
    await c.initialize(root, server.initializationOptions, server.capabilities ?? {});
    result.initialize = now() - t0;
    await server.afterInitialize?.(c);
    const uri = pathToFileURL(file.abs).href;
    const tOpen = now();
    c.open(uri, server.languageId?.(file) ?? file.languageId, file.text, 1);
    await c.waitForDiagnostics(uri, () => true, 600_000);
    result.open = now() - tOpen;
    result.diagnostics = c.diagnostics.get(uri)?.diagnostics.length ?? 0;

    let text = file.text;
    const edits = [];
    for (let k = 0; k < EDITS; k++) {
      const e = editAt(text, k);
      const range = { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } };
      const lines = text.split('\n');
      lines[e.line] = lines[e.line].slice(0, e.character) + e.text + lines[e.line].slice(e.character);
      text = lines.join('\n');
      const tEdit = now();
      const version = k + 2;
      const published = c.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version === version, 600_000);
      c.change(uri, version, [{ range, text: e.text }]);
      await published;
      edits.push(now() - tEdit);
    }
    result.edit = median(edits);

    const hovers = [];
    for (const p of positions(text, HOVERS, 1, false)) {
      const t = now();
      await c.hover(uri, p.line, p.character);
      hovers.push(now() - t);
    }
    result.hoverP50 = percentile(hovers, 50);
    result.hoverP95 = percentile(hovers, 95);
    const completions = [];
    for (const p of positions(text, COMPLETIONS, 2, true)) {
      const t = now();
      await c.completion(uri, p.line, p.character);
      completions.push(now() - t);
    }
    result.completionP50 = percentile(completions, 50);
    result.completionP95 = percentile(completions, 95);
    result.rssMb = (c.memory()?.peakKb ?? NaN) / 1024;
    await c.shutdown().catch(() => undefined);
  } finally {
    c.kill();
  }
  return result;
}

function floorOf(file) {
  const times = [];
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    const t = now();
    if (file.yaml) YAML.parseAllDocuments(file.text);
    else DockerfileParser.parse(file.text);
    times.push(now() - t);
  }
  return median(times);
}

// ---- the servers -------------------------------------------------------------------------------

const ours = {
  name: 'infra-notes',
  client: () => ({ command: process.execPath, args: [process.env.INFRA_NOTES_SERVER ?? join(REPO, 'dist/server.js'), '--stdio'], cwd: REPO }),
  initializationOptions: { settings: { language: 'en' } },
  supports: () => true,
};

function anchorServers() {
  const out = [];
  const yls = join(ANCHORS, 'node_modules/yaml-language-server/bin/yaml-language-server');
  if (existsSync(yls)) {
    const k8sSchema = join(SCHEMAS, 'k8s/v1.32.2-standalone-strict');
    const composeSchema = join(SCHEMAS, 'compose-spec.json');
    const settings = {
      yaml: {
        validate: true, hover: true, completion: true, format: { enable: false },
        schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
        schemas: { kubernetes: ['**/deploy.yaml'], [pathToFileURL(composeSchema).href]: ['**/compose.yaml'] },
      },
      redhat: { telemetry: { enabled: false } },
    };
    out.push({
      name: 'yaml-language-server 1.25',
      supports: (f) => f.yaml,
      client: () => ({
        command: process.execPath,
        args: [yls, '--stdio'],
        configuration: (section) => (section ? section.split('.').reduce((o, k) => o?.[k], settings) ?? null : settings),
        // the Kubernetes schema is fetched over http by default: serve it from the local copy
        onRequest: (method, params) => {
          if (method !== 'vscode/content' && method !== 'custom/schema/content') return null;
          const name = String(params).split('/').pop();
          const local = join(k8sSchema, name);
          return existsSync(local) ? readFileSync(local, 'utf8') : null;
        },
      }),
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } } },
      afterInitialize: async (c) => {
        c.notify('yaml/registerContentRequest', {});
        c.notify('workspace/didChangeConfiguration', { settings });
      },
    });
  }
  // Microsoft's Compose server (inside Docker's and Microsoft's extensions): YAML syntax diagnostics
  // only (schema validation is left to yaml-language-server); its 1 s diagnostic debounce is set to
  // our 15 ms so that edits compare like for like
  const cls = join(ANCHORS, 'node_modules/@microsoft/compose-language-service/bin/docker-compose-langserver');
  if (existsSync(cls)) {
    out.push({
      name: 'compose-language-service 0.4',
      supports: (f) => f.id === 'compose',
      client: () => ({ command: process.execPath, args: [cls, '--stdio'] }),
      initializationOptions: { diagnosticDelay: 15 },
    });
  }
  const dls = join(ANCHORS, 'node_modules/dockerfile-language-server-nodejs/bin/docker-langserver');
  if (existsSync(dls)) {
    out.push({ name: 'dockerfile-language-server 0.15', supports: (f) => !f.yaml, client: () => ({ command: process.execPath, args: [dls, '--stdio'] }) });
  }
  return out;
}

// ---- main ----------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(REPO, 'dist/server.js'))) {
    console.error('bench: dist/server.js is missing; run `npm run build:prod` first (npm run bench does).');
    process.exit(2);
  }
  const root = mkdtempSync(join(tmpdir(), 'infra-notes-bench-'));
  const files = generate(root).filter((f) => !ONLY || ONLY.includes(f.id));
  const servers = [ours, ...anchorServers()];
  const rows = [];
  try {
    for (const file of files) {
      const floor = floorOf(file);
      for (const server of servers) {
        if (!server.supports(file)) continue;
        // an anchor on the 50 000-line file takes many minutes per run (yaml-language-server: ~50 s to
        // open the 5 000-line one on a loaded machine): only with BENCH_ANCHOR_BIG=1
        if (server !== ours && file.lines > 20_000 && process.env.BENCH_ANCHOR_BIG !== '1') {
          rows.push({ file: file.id, lines: file.lines, server: server.name, runs: 0, skipped: true });
          continue;
        }
        const runs = [];
        // anchors are slow on the big file: fewer runs there (BENCH_ANCHOR_RUNS, default 3; 1 above 20 000 lines)
        const n = server === ours ? RUNS : file.lines > 20_000 ? 1 : Math.min(RUNS, Number(process.env.BENCH_ANCHOR_RUNS ?? 3));
        for (let i = 0; i < n; i++) {
          try {
            // each file is its own workspace: the server's start-up index scan covers that file only
            runs.push(await runOnce(server, file, dirname(file.abs)));
          } catch (err) {
            console.error(`bench: ${server.name} on ${file.id}, run ${i + 1}: ${err.message}`);
          }
        }
        const m = (k) => median(runs.map((r) => r[k]));
        const row = {
          file: file.id, lines: file.lines, server: server.name, runs: runs.length,
          initialize: m('initialize'), open: m('open'), edit: m('edit'), hoverP50: m('hoverP50'), hoverP95: m('hoverP95'),
          completionP50: m('completionP50'), completionP95: m('completionP95'), rssMb: m('rssMb'), diagnostics: m('diagnostics'), floor,
        };
        rows.push(row);
        console.log(`${row.file.padEnd(10)} ${row.server.padEnd(32)} open ${fmt(row.open)} ms, edit ${fmt(row.edit)} ms, hover p95 ${fmt(row.hoverP95, 2)} ms, RSS ${fmt(row.rssMb)} MB`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const report = render(rows, servers.length > 1);
  console.log(`\n${report}`);
  if (!process.env.BENCH_NO_WRITE) writeResults(report);
}

function render(rows, withAnchors) {
  const ourRows = rows.filter((r) => r.server === ours.name);
  const lines = [];
  lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}. `
    + `Load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' / ')}. `
    + `${RUNS} runs per cell (a fresh server each), medians; hover/completion percentiles over ${HOVERS}/${COMPLETIONS} requests per run. ${new Date().toISOString().slice(0, 10)}.`);
  lines.push('');
  lines.push('| file | lines | diagnostics | initialize ms | open→diagnostics ms | edit→diagnostics ms | hover p50 / p95 ms | completion p50 / p95 ms | peak RSS MB | floor ms | open ÷ floor | targets |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of ourRows) {
    const t = TARGETS[r.file] ?? {};
    const verdict = [
      t.open !== undefined ? `open ≤ ${t.open} ${r.open <= t.open ? '✔' : '✘'}` : '',
      t.edit !== undefined ? `edit ≤ ${t.edit} ${r.edit <= t.edit ? '✔' : '✘'}` : '',
      t.hoverP95 !== undefined ? `hover p95 ≤ ${t.hoverP95} ${r.hoverP95 <= t.hoverP95 ? '✔' : '✘'}` : '',
      t.rssMb !== undefined ? `RSS ≤ ${t.rssMb} ${r.rssMb <= t.rssMb ? '✔' : '✘'}` : '',
    ].filter(Boolean).join(', ');
    lines.push(`| ${r.file} | ${r.lines} | ${fmt(r.diagnostics, 0)} | ${fmt(r.initialize)} | ${fmt(r.open)} | ${fmt(r.edit)} | ${fmt(r.hoverP50, 2)} / ${fmt(r.hoverP95, 2)} | ${fmt(r.completionP50, 2)} / ${fmt(r.completionP95, 2)} | ${fmt(r.rssMb)} | ${fmt(r.floor)} | ${fmt(r.open / r.floor)} | ${verdict} |`);
  }
  if (withAnchors) {
    lines.push('');
    lines.push('Anchors on the same files in the same run (ratio = anchor ÷ infra-notes; above 1 means we are faster):');
    lines.push('');
    lines.push('| file | server | runs | diagnostics | open→diagnostics ms | edit→diagnostics ms | hover p95 ms | completion p95 ms | peak RSS MB | open ratio | edit ratio | hover p95 ratio |');
    lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows.filter((x) => x.server !== ours.name)) {
      const o = ourRows.find((x) => x.file === r.file);
      if (r.skipped) {
        lines.push(`| ${r.file} | ${r.server} | 0 | skipped (set BENCH_ANCHOR_BIG=1) | | | | | | | | |`);
        continue;
      }
      lines.push(`| ${r.file} | ${r.server} | ${r.runs} | ${fmt(r.diagnostics, 0)} | ${fmt(r.open)} | ${fmt(r.edit)} | ${fmt(r.hoverP95, 2)} | ${fmt(r.completionP95, 2)} | ${fmt(r.rssMb)} | ${fmt(r.open / o.open, 2)} | ${fmt(r.edit / o.edit, 2)} | ${fmt(r.hoverP95 / o.hoverP95, 2)} |`);
    }
  } else {
    lines.push('');
    lines.push(`Anchor servers not installed (looked in ${ANCHORS}); run test/bench/install-anchors.sh to compare.`);
  }
  return lines.join('\n');
}

function writeResults(report) {
  const file = join(REPO, 'BENCHMARKS.md');
  const begin = '<!-- RESULTS:BEGIN (written by npm run bench) -->';
  const end = '<!-- RESULTS:END -->';
  let md = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmarks\n\n${begin}\n${end}\n`;
  if (!md.includes(begin)) md += `\n${begin}\n${end}\n`;
  const a = md.indexOf(begin);
  const b = md.indexOf(end, a);
  md = `${md.slice(0, a)}${begin}\n${report}\n${end}${md.slice(b + end.length)}`;
  writeFileSync(file, md);
  console.log(`\nbench: results written to ${file}`);
}

await main();
