// A small LSP client for tests and the benchmark: spawns the real server over stdio, frames JSON-RPC
// with Content-Length headers, matches responses to requests by id, answers the server's own
// requests (configuration, progress, registration) and records notifications (diagnostics, logs).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO = resolve(__dirname, '../..');
/** The server under test; INFRA_NOTES_SERVER points elsewhere (e.g. an anchor server or a patched build). */
export const SERVER_JS = process.env.INFRA_NOTES_SERVER ?? join(REPO, 'dist', 'server.js');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: unknown;
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export interface ClientOptions {
  /** command and arguments; defaults to `node <SERVER_JS> --stdio` */
  command?: string;
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** what `workspace/configuration` answers (one value per requested item, by section) */
  configuration?: (section: string | undefined) => unknown;
  /** answers for other requests from the server (e.g. an anchor server's `vscode/content`); undefined → null */
  onRequest?: (method: string, params: unknown) => unknown;
  /** default timeout of requests and waits, ms */
  timeout?: number;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  method: string;
  timer: NodeJS.Timeout;
}

type Waiter = { match: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class ResponseError extends Error {
  constructor(readonly code: number, message: string, readonly data?: unknown) {
    super(message);
  }
}

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  private nextId = 1;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  /** last diagnostics published per uri */
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  /** every publishDiagnostics, in order */
  readonly published: PublishedDiagnostics[] = [];
  /** window/logMessage and window/showMessage texts, telemetry as JSON */
  readonly logs: string[] = [];
  /** every notification the server sent (method, params) */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** methods of the requests the server sent to the client */
  readonly serverRequests: string[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  readonly exited: Promise<number | null>;
  readonly timeout: number;

  constructor(private readonly options: ClientOptions = {}) {
    this.timeout = options.timeout ?? 20_000;
    const command = options.command ?? process.execPath;
    const args = options.args ?? [SERVER_JS, '--stdio'];
    this.proc = spawn(command, args, { cwd: options.cwd ?? REPO, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
    this.proc.stdin.on('error', () => undefined); // writing to a dead server: the pending requests fail instead
    this.exited = new Promise((res) => {
      this.proc.on('exit', (code) => {
        this.exitCode = code;
        for (const [, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new Error(`server exited (code ${code}) before answering ${p.method}; stderr:\n${this.stderr.slice(-2000)}`));
        }
        this.pending.clear();
        res(code);
      });
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  // ---- framing ---------------------------------------------------------------------------------

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(msg: { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } }): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      this.serverRequests.push(msg.method);
      this.send({ id: msg.id, result: this.answerServerRequest(msg.method, msg.params) });
      return;
    }
    if (msg.method !== undefined) {
      this.notifications.push({ method: msg.method, params: msg.params });
      if (msg.method === 'textDocument/publishDiagnostics') {
        const p = msg.params as PublishedDiagnostics;
        this.diagnostics.set(p.uri, p);
        this.published.push(p);
        const still: Waiter[] = [];
        for (const w of this.waiters) {
          if (w.match(p)) {
            clearTimeout(w.timer);
            w.resolve(p);
          } else still.push(w);
        }
        this.waiters = still;
      } else if (msg.method === 'window/logMessage' || msg.method === 'window/showMessage') {
        this.logs.push(String((msg.params as { message?: unknown }).message));
      } else if (msg.method === 'telemetry/event' || msg.method === '$/logTrace') {
        this.logs.push(JSON.stringify(msg.params));
      }
      return;
    }
    const p = this.pending.get(Number(msg.id));
    if (!p) return;
    this.pending.delete(Number(msg.id));
    clearTimeout(p.timer);
    if (msg.error) p.reject(new ResponseError(msg.error.code, `${p.method}: ${msg.error.message}`, msg.error.data));
    else p.resolve(msg.result);
  }

  private answerServerRequest(method: string, params: unknown): unknown {
    switch (method) {
      case 'workspace/configuration': {
        const items = (params as { items?: { section?: string }[] }).items ?? [];
        return items.map((i) => this.options.configuration?.(i.section) ?? null);
      }
      case 'window/workDoneProgress/create':
      case 'client/registerCapability':
      case 'client/unregisterCapability':
        return null;
      case 'workspace/workspaceFolders':
        return [];
      default:
        return this.options.onRequest?.(method, params) ?? null;
    }
  }

  // ---- requests and notifications ----------------------------------------------------------------

  request<T = unknown>(method: string, params: unknown, timeout = this.timeout): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.alive) {
        reject(new Error(`server is not running (exit code ${this.exitCode}); cannot send ${method}`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeout} ms`));
      }, timeout);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method, timer });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    if (this.alive) this.send({ method, params });
  }

  /** The next publishDiagnostics for `uri` that satisfies `match` (by default: any). */
  waitForDiagnostics(uri: string, match: (p: PublishedDiagnostics) => boolean = () => true, timeout = this.timeout): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms (last: ${JSON.stringify(this.diagnostics.get(uri))?.slice(0, 500)})`));
      }, timeout);
      this.waiters.push({ match: (p) => p.uri === uri && match(p), resolve, reject, timer });
    });
  }

  /** Diagnostics for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number, timeout = this.timeout): Promise<PublishedDiagnostics> {
    const last = this.diagnostics.get(uri);
    if (last && last.version === version) return Promise.resolve(last);
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeout);
  }

  // ---- the usual session -----------------------------------------------------------------------

  async initialize(rootPath: string | undefined, initializationOptions: unknown = {}, capabilities: object = {}): Promise<InitializeResult> {
    const rootUri = rootPath ? pathToFileURL(rootPath).href : null;
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'infra-notes-tests' },
      locale: 'en',
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: {
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          synchronization: { didSave: false },
        },
        workspace: { configuration: false, workspaceFolders: true },
        window: { workDoneProgress: true },
        ...capabilities,
      },
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: { range?: Range; text: string }[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  completion(uri: string, line: number, character: number): Promise<{ items: CompletionItem[] } | CompletionItem[] | null> {
    return this.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[] | null> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: undefined } });
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    if (!this.alive) return this.exitCode ?? null;
    await this.request('shutdown', null);
    this.notify('exit', null);
    return this.exited;
  }

  /** Ends the server whatever its state (test clean-up). */
  kill(): void {
    if (this.alive) this.proc.kill('SIGKILL');
  }

  /** Resident set size now and its peak (VmHWM), in KB, from /proc (Linux). */
  memory(): { rssKb: number; peakKb: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }
}

export interface Range { start: { line: number; character: number }; end: { line: number; character: number } }
export interface Hover { contents: string | { kind?: string; value: string } | ({ value: string } | string)[]; range?: Range }
export interface CompletionItem { label: string; kind?: number; detail?: string; documentation?: unknown; insertText?: string; textEdit?: unknown }
export interface TextEdit { range: Range; newText: string }
export interface CodeAction { title: string; kind?: string; isPreferred?: boolean; diagnostics?: Diagnostic[]; edit?: { changes?: Record<string, TextEdit[]> } }
export interface InitializeResult { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }

export function hoverMarkdown(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** Applies LSP text edits to a text (non-overlapping edits, any order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line >= lineStarts.length ? text.length : Math.min(lineStarts[p.line] + p.character, text.length));
  const sorted = edits.map((e) => ({ a: offset(e.range.start), b: offset(e.range.end), t: e.newText })).sort((x, y) => y.a - x.a);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.a) + e.t + out.slice(e.b);
  return out;
}
