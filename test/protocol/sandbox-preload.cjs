// Preloaded into the server under test (NODE_OPTIONS=--require …): every way out of the process —
// network, DNS, child processes — and every file write throws and is recorded. The record is a JSON
// line per attempt appended to $INFRA_NOTES_SANDBOX_LOG (through a descriptor opened before
// patching and fs.writeSync, which stays allowed: it needs a descriptor opened for writing first).
'use strict';
const fs = require('node:fs');
const LOG = process.env.INFRA_NOTES_SANDBOX_LOG;
const logFd = LOG ? fs.openSync(LOG, 'a') : undefined;
const appendFileSync = (_file, text) => fs.writeSync(logFd, text);

function record(kind, detail) {
  const line = JSON.stringify({ kind, detail: String(detail).slice(0, 300), stack: (new Error().stack || '').split('\n').slice(2, 8).join(' | ') });
  if (LOG) appendFileSync(LOG, `${line}\n`);
  return new Error(`sandbox: ${kind} is not allowed (${detail})`);
}

function deny(obj, name, kind, describe = (args) => args[0]) {
  if (!obj || typeof obj[name] !== 'function') return;
  obj[name] = function denied(...args) {
    let detail;
    try { detail = typeof describe === 'function' ? describe(args) : args[0]; } catch { detail = '?'; }
    throw record(kind, typeof detail === 'object' ? JSON.stringify(detail) : detail);
  };
}

// --- network ---------------------------------------------------------------------------------
const net = require('node:net');
deny(net, 'connect', 'net.connect');
deny(net, 'createConnection', 'net.createConnection');
deny(net, 'createServer', 'net.createServer');
deny(net.Socket.prototype, 'connect', 'net.Socket.connect');
deny(net.Server.prototype, 'listen', 'net.Server.listen');
for (const mod of ['node:http', 'node:https', 'node:http2']) {
  const m = require(mod);
  deny(m, 'request', `${mod}.request`, (a) => (typeof a[0] === 'string' ? a[0] : a[0] && (a[0].href || a[0].host || a[0].hostname)));
  deny(m, 'get', `${mod}.get`, (a) => (typeof a[0] === 'string' ? a[0] : a[0] && (a[0].href || a[0].host || a[0].hostname)));
  deny(m, 'connect', `${mod}.connect`);
  deny(m, 'createServer', `${mod}.createServer`);
}
deny(require('node:tls'), 'connect', 'tls.connect');
const dgram = require('node:dgram');
deny(dgram, 'createSocket', 'dgram.createSocket');
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  deny(dns, name, `dns.${name}`);
  deny(dns.promises, name, `dns.promises.${name}`);
}
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function deniedFetch(input) {
    return Promise.reject(record('fetch', typeof input === 'string' ? input : input && input.url));
  };
}
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function deniedWebSocket(url) { throw record('WebSocket', url); };
}

// --- processes ---------------------------------------------------------------------------------
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  deny(cp, name, `child_process.${name}`, (a) => [a[0], ...(Array.isArray(a[1]) ? a[1] : [])].join(' '));
}
const { Worker } = require('node:worker_threads');
if (Worker) {
  // workers are allowed (a parser may use one), but never with eval'd code from outside
  require('node:worker_threads').Worker = class SandboxedWorker extends Worker {
    constructor(file, opts) {
      if (opts && opts.eval) throw record('worker eval', String(file).slice(0, 80));
      super(file, opts);
    }
  };
}
deny(process, 'dlopen', 'process.dlopen');

// --- file writes ---------------------------------------------------------------------------------
const writers = [
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'rename', 'renameSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'truncate', 'truncateSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'utimes', 'utimesSync', 'symlink', 'symlinkSync', 'link', 'linkSync',
];
for (const name of writers) deny(fs, name, `fs.${name}`);
for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rename', 'unlink', 'rm', 'rmdir', 'copyFile', 'cp', 'truncate', 'chmod', 'chown', 'utimes', 'symlink', 'link', 'open']) {
  if (name === 'open') continue; // fs.promises.open is checked by flags below
  deny(fs.promises, name, `fs.promises.${name}`);
}
const WRITE_FLAGS = /[wa+]/;
const isWrite = (flags) => (typeof flags === 'string' ? WRITE_FLAGS.test(flags) : typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_TRUNC)) !== 0 : false);
for (const name of ['open', 'openSync']) {
  const original = fs[name];
  fs[name] = function guardedOpen(path, flags, ...rest) {
    if (isWrite(flags)) throw record(`fs.${name} for writing`, path);
    return original.call(this, path, flags, ...rest);
  };
}
const promisesOpen = fs.promises.open;
fs.promises.open = function guardedOpen(path, flags, ...rest) {
  if (isWrite(flags)) return Promise.reject(record('fs.promises.open for writing', path));
  return promisesOpen.call(this, path, flags, ...rest);
};

if (LOG) appendFileSync(LOG, `${JSON.stringify({ kind: 'ready', detail: process.pid })}\n`);
