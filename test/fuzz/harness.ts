// Fuzzing the pure language service: mutations of realistic seed files, run through every feature.
// Invariants: no call throws, no call takes longer than a gross bound (a hang detector, not a timing
// assertion), diagnostics are deterministic and well-formed.
//
// Replay: every failure prints `FUZZ_SEED=<n> FUZZ_CASE=<i>`; run the family's test file with those
// environment variables to re-run that one case. FUZZ_CASES=<n> runs more cases (default 2000).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { pathToUri } from '../../server/src/service/documents/document';
import type { RequestContext } from '../../server/src/service/languages/support';
import { setRuleErrorLogger } from '../../server/src/service/rules/engine';
import type { FileKind } from '../../server/src/service/types';
import { makeContext, ROOT, service } from '../helpers/service';

export const SEEDS = join(__dirname, 'seeds');
/** A call slower than this is a hang, not a slow path. */
export const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 2000);
export const DEFAULT_CASES = 2000;

// ---- seeded PRNG -------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for fuzzing, and replayable from one 32-bit seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export class Rand {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---- seeds -------------------------------------------------------------------------------------

export interface Seed {
  /** path inside the virtual workspace (/ws/…), mirrors the seed's place under seeds/<family>/ */
  path: string;
  text: string;
  /** the kind the seed is meant to be; used as an override in some cases */
  kind: FileKind;
}

function walkSeeds(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walkSeeds(p));
    else out.push(p);
  }
  return out;
}

export function loadSeeds(family: string, kindOf: (path: string) => FileKind): Seed[] {
  const dir = join(SEEDS, family);
  return walkSeeds(dir).map((file) => {
    const path = `${ROOT}/${relative(dir, file)}`;
    return { path, text: readFileSync(file, 'utf8'), kind: kindOf(path) };
  });
}

// ---- mutations ---------------------------------------------------------------------------------

export type Mutator = (text: string, r: Rand, fragments: readonly string[]) => string;

const splitLines = (text: string) => text.split('\n');

const JUNK = [
  '', ' ', '\t', '-', '- ', ':', ': ', '---', '...', '#', '# infra-notes-ignore DF007', '# noqa', '# hadolint ignore=DL3020',
  '{', '}', '[', ']', '{{', '}}', '{%', '%}', '"', "'", '`', '\\', '&a', '*a', '!!str', '!vault |', '<<: *a', '? ', '|', '>-',
  'key:', 'key: value', '  - item', 'FROM', 'RUN', 'RUN <<EOF', 'COPY --from=', 'ARG', '${', '$(', 'apiVersion:', 'kind:',
  'metadata:', 'spec:', 'services:', 'image:', 'hosts:', 'tasks:', '[group]', '[group:children]', '[defaults]', 'x=1',
  '\u0000', '\uFEFF', '\u2028', '\u00A0', '\uD800', '\uDFFF', '😀', 'кириллица: значение', '%YAML 1.2', '%TAG ! tag:x,2000:',
];

function randomString(r: Rand, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r.int(10);
    if (k < 5) s += String.fromCharCode(32 + r.int(95)); // printable ASCII
    else if (k < 7) s += r.pick(['\n', '\r', '\t', ' ', ':', '-', '"', "'", '{', '}', '[', ']', '#', '&', '*', '!', '|', '>', '\\', '$']);
    else if (k < 8) s += String.fromCharCode(r.int(32)); // control characters, NUL included
    else if (k < 9) s += String.fromCharCode(0x80 + r.int(0xff80)); // anything in the BMP, lone surrogates included
    else s += String.fromCodePoint(0x10000 + r.int(0x1000));
  }
  return s;
}

function insertAt(text: string, r: Rand, piece: string): string {
  const at = r.int(text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

function lineOp(text: string, r: Rand, op: (lines: string[], i: number) => void): string {
  const lines = splitLines(text);
  op(lines, r.int(lines.length));
  return lines.join('\n');
}

export function aliasBomb(r: Rand): string {
  const levels = r.between(6, 12);
  const out = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) out.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  out.push(`bomb: *a${levels - 1}`);
  return out.join('\n');
}

export function deepBlock(depth: number, dash: boolean): string {
  const out: string[] = [];
  for (let i = 0; i < depth; i++) out.push(`${' '.repeat(i * 2)}${dash ? '- ' : ''}k${i}:`);
  out.push(`${' '.repeat(depth * 2)}leaf`);
  return out.join('\n');
}

export const MUTATORS: Record<string, Mutator> = {
  deleteLines: (t, r) => lineOp(t, r, (ls, i) => ls.splice(i, r.between(1, 4))),
  duplicateLines: (t, r) => lineOp(t, r, (ls, i) => ls.splice(i, 0, ...ls.slice(i, i + r.between(1, 6)))),
  insertFragment: (t, r, frags) => lineOp(t, r, (ls, i) => ls.splice(i, 0, r.pick(frags))),
  insertJunkLine: (t, r) => lineOp(t, r, (ls, i) => ls.splice(i, 0, r.pick(JUNK))),
  swapLines: (t, r) => lineOp(t, r, (ls, i) => {
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
  }),
  reindentLine: (t, r) => lineOp(t, r, (ls, i) => {
    ls[i] = ' '.repeat(r.int(9)) + ls[i].trimStart();
  }),
  truncate: (t, r) => t.slice(0, r.int(t.length + 1)),
  cutMiddle: (t, r) => {
    const a = r.int(t.length + 1);
    return t.slice(0, a) + t.slice(a + r.int(200));
  },
  randomBytes: (t, r) => insertAt(t, r, randomString(r, r.between(1, 40))),
  replaceChar: (t, r) => {
    if (!t) return t;
    const at = r.int(t.length);
    return t.slice(0, at) + randomString(r, 1) + t.slice(at + 1);
  },
  tabs: (t, r) => (r.chance(0.5) ? t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)) : lineOp(t, r, (ls, i) => { ls[i] = `\t${ls[i]}`; })),
  crlf: (t, r) => (r.chance(0.8) ? t.replace(/\n/g, '\r\n') : t.replace(/\n/g, '\r')),
  bom: (t) => `\uFEFF${t}`,
  unterminatedQuote: (t, r) => insertAt(t, r, r.pick(['"', "'", '"abc', "'it''s", '"\\', '`'])),
  unterminatedJinja: (t, r) => insertAt(t, r, r.pick(['{{ item', '{% if x %}', '{{', '{%', '{# c', '{{ lookup("env", ', '}}', '{% endfor'])),
  unterminatedHeredoc: (t, r) => lineOp(t, r, (ls, i) => ls.splice(i, 0, r.pick(['RUN <<EOF', 'RUN <<-"EOT" bash', 'COPY <<EOF /x', 'RUN cat <<A <<B', 'key: |', 'key: >-', 'key: |2-']))),
  hugeScalar: (t, r) => lineOp(t, r, (ls, i) => {
    const piece = r.pick(['a', 'ab ', '"', 'й', 'QUJD', '{{ x }}']);
    // Lines of 6 KB to 120 KB. Unbalanced flow indicators (`{{ x }}` repeated) are superlinear in the
    // `yaml` parser itself (a 140 KB line: 2.6 s; see BENCHMARKS.md, "Known slow inputs"): kept to 20 KB.
    const n = piece === '{{ x }}' ? r.between(200, 3_000) : r.between(2_000, 40_000);
    ls.splice(i, 0, `${r.pick(['big: ', 'RUN echo ', '  - ', 'x=', '# ', 'key: '])}${piece.repeat(n)}`);
  }),
  longLines: (t, r) => lineOp(t, r, (ls, i) => { ls[i] = ls[i].repeat(r.between(50, 500)); }),
  deepNesting: (t, r) => {
    const depth = r.between(50, 1500);
    const k = r.int(4);
    const piece = k === 0 ? `deep: ${'['.repeat(depth)}${']'.repeat(depth)}`
      : k === 1 ? `deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`
        : k === 2 ? deepBlock(Math.min(depth, 400), r.chance(0.5))
          : `deep: ${'['.repeat(depth)}`; // unclosed
    return r.chance(0.5) ? `${t}\n${piece}\n` : lineOp(t, r, (ls, i) => ls.splice(i, 0, piece));
  },
  aliasBomb: (t, r) => (r.chance(0.5) ? `${t}\n---\n${aliasBomb(r)}\n` : aliasBomb(r)),
  aliasRefs: (t, r) => insertAt(t, r, r.pick([' &anchor ', ' *anchor', ' *missing', '<<: *missing\n', ' &a [*a]', ' !!binary ', ' !<tag:x> '])),
  manyDocuments: (t, r) => `${t}\n${'---\n'.repeat(r.between(1, 2000))}`,
  emptyOrBlank: (_t, r) => r.pick(['', '\n', ' ', '\n\n\n', '---', '# only a comment', '\uFEFF', '\r\n']),
  binary: (t, r) => insertAt(t, r, '\u0000\u0001\u0002'),
};

const MUTATOR_NAMES = Object.keys(MUTATORS);
/** Costly mutations: less often, so that 2 000 cases per family stay fast. */
const HEAVY = new Set(['hugeScalar', 'deepNesting', 'aliasBomb', 'manyDocuments', 'longLines']);

export function mutate(text: string, r: Rand, fragments: readonly string[]): { text: string; applied: string[] } {
  const applied: string[] = [];
  const n = r.between(1, 4);
  for (let i = 0; i < n; i++) {
    let name = r.pick(MUTATOR_NAMES);
    if (HEAVY.has(name) && !r.chance(0.35)) name = r.pick(['deleteLines', 'duplicateLines', 'insertFragment', 'randomBytes', 'truncate']);
    text = MUTATORS[name](text, r, fragments);
    applied.push(name);
  }
  return { text, applied };
}

// ---- running a case ----------------------------------------------------------------------------

export class FuzzFailure extends Error {}

function checkRange(range: Range, what: string): void {
  const ok = (p: Position) => Number.isInteger(p?.line) && Number.isInteger(p?.character) && p.line >= 0 && p.character >= 0;
  assert.ok(ok(range.start) && ok(range.end), `${what}: malformed range ${JSON.stringify(range)}`);
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: range ends before it starts ${JSON.stringify(range)}`);
}

function randomPosition(r: Rand, doc: TextDocument): Position {
  const k = r.int(10);
  if (k === 0) return { line: doc.lineCount + r.int(3), character: r.int(20) }; // stale: past the end
  const line = r.int(Math.max(1, doc.lineCount));
  const lineLen = doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 });
  if (k === 1) return { line, character: lineLen + r.int(50) }; // past the end of the line
  return { line, character: r.int(Math.max(1, lineLen)) };
}

export interface CaseInput {
  path: string;
  text: string;
  override?: FileKind;
}

/** Runs every feature of the service on one input; throws FuzzFailure on a broken invariant. */
export function runCase(input: CaseInput, ctx: RequestContext, r: Rand): void {
  const uri = pathToUri(input.path);
  // The bound is on the CPU time of the call (a busy shared machine stretches wall time, not CPU
  // time), with ten times as much wall time as a backstop.
  const timed = <T>(what: string, fn: () => T): T => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let v: T;
    try {
      v = fn();
    } catch (err) {
      throw new FuzzFailure(`${what} threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    const ms = performance.now() - t0;
    if (cpuMs > HANG_MS || ms > HANG_MS * 10) throw new FuzzFailure(`${what} took ${Math.round(cpuMs)} ms of CPU, ${Math.round(ms)} ms in all (bound ${HANG_MS} ms)`);
    return v;
  };
  const options = { override: input.override, workspace: ctx.workspace };
  // the workspace index sees the file as the server does on every edit
  timed('index.update', () => ctx.index?.update(uri, input.text, `fuzz:${input.text.length}`));
  const doc = timed('open', () => service.open(uri, input.text, 1, options));
  const first = timed('doValidation', () => service.doValidation(doc, ctx));
  const again = timed('doValidation (fresh document)', () => service.doValidation(service.open(uri, input.text, 2, options), ctx));
  const same = timed('doValidation (same document)', () => service.doValidation(doc, ctx));
  try {
    assert.deepEqual(again, first, 'diagnostics differ between two fresh parses of the same text');
    assert.deepEqual(same, first, 'diagnostics differ between two validations of the same document');
    for (const d of first) {
      checkRange(d.range, `diagnostic ${String(d.code)}`);
      assert.equal(typeof d.message, 'string', `diagnostic ${String(d.code)} has no message`);
    }
  } catch (err) {
    throw new FuzzFailure(err instanceof Error ? err.message : String(err));
  }
  const td = TextDocument.create(uri, 'plaintext', 1, input.text);
  for (let i = 0; i < 4; i++) {
    const pos = randomPosition(r, td);
    const hover = timed(`doHover at ${pos.line}:${pos.character}`, () => service.doHover(doc, pos, ctx));
    if (hover?.range) {
      try {
        checkRange(hover.range, `hover at ${pos.line}:${pos.character}`);
      } catch (err) {
        throw new FuzzFailure((err as Error).message);
      }
    }
  }
  for (let i = 0; i < 2; i++) {
    const pos = randomPosition(r, td);
    timed(`doComplete at ${pos.line}:${pos.character}`, () => service.doComplete(doc, pos, ctx));
  }
  const pos = randomPosition(r, td);
  timed('findDefinition', () => service.findDefinition(doc, pos, ctx));
  timed('findReferences', () => service.findReferences(doc, pos, ctx));
  const whole = { start: { line: 0, character: 0 }, end: { line: td.lineCount, character: 0 } };
  const actions = timed('doCodeActions', () => service.doCodeActions(doc, whole, first, ctx));
  // applying a fix must give a text the service still handles
  const withEdit = actions.filter((a) => a.edit?.changes?.[uri]?.length);
  if (withEdit.length > 0 && r.chance(0.3)) {
    const action = r.pick(withEdit);
    const fixed = timed(`apply '${action.title}'`, () => TextDocument.applyEdits(td, action.edit!.changes![uri]));
    timed('doValidation after fix', () => service.doValidation(service.open(uri, fixed, 3, options), ctx));
  }
  timed('documentSymbols', () => service.documentSymbols(doc, ctx));
  timed('explain', () => service.explain(doc, ctx));
  timed('describeKind', () => service.describeKind(doc, ctx));
}

export interface FamilyFuzz {
  family: string;
  seeds: Seed[];
  /** extra lines that make sense in this family (keys, instructions) for insertFragment */
  fragments: string[];
  /** how often to force the seed's kind (so that a mutation that breaks detection still exercises the family) */
  overrideRate?: number;
}

export function caseCount(): number {
  const n = Number(process.env.FUZZ_CASES);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_CASES;
}

export function baseSeed(): number {
  const env = process.env.FUZZ_SEED;
  if (env === 'random') return (Math.random() * 2 ** 32) >>> 0;
  const n = Number(env);
  return env && Number.isFinite(n) ? n >>> 0 : 20261125;
}

/**
 * Rules that threw: the engine drops their result (failure isolation), so the service stays up, but
 * each one is a bug in that rule. Printed after the run; FUZZ_STRICT=1 makes them fail the run.
 */
export const ruleErrors = new Map<string, { count: number; first: string; replay: string }>();
let currentReplay = '';
setRuleErrorLogger((rule, _doc, err) => {
  const e = ruleErrors.get(rule);
  if (e) e.count++;
  else ruleErrors.set(rule, { count: 1, first: err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 3).join(' | ') : String(err), replay: currentReplay });
});

/** Runs the family's cases; returns the number run. Fails with a replay line on the first broken invariant. */
export function fuzzFamily(f: FamilyFuzz): number {
  const seed = baseSeed();
  const only = process.env.FUZZ_CASE !== undefined ? Number(process.env.FUZZ_CASE) : undefined;
  const total = caseCount();
  const ctx = makeContext(f.seeds[0].path, f.seeds[0].text, { files: Object.fromEntries(f.seeds.map((s) => [s.path, s.text])) });
  let ran = 0;
  for (let i = 0; i < total; i++) {
    if (only !== undefined && i !== only) continue;
    const r = new Rand(prng(hashSeed(seed, f.family, i)));
    const s = r.pick(f.seeds);
    const { text, applied } = mutate(s.text, r, f.fragments);
    const override = r.chance(f.overrideRate ?? 0.3) ? s.kind : undefined;
    currentReplay = `FUZZ_SEED=${seed} FUZZ_CASE=${i}`;
    try {
      runCase({ path: s.path, text, override }, ctx, r);
    } catch (err) {
      const file = join(tmpdir(), `infra-notes-fuzz-${f.family}-${seed}-${i}.txt`);
      try {
        writeFileSync(file, text);
      } catch { /* only a convenience */ }
      const msg = err instanceof Error ? err.message : String(err);
      throw new Error(`fuzz ${f.family} case ${i} failed — replay with FUZZ_SEED=${seed} FUZZ_CASE=${i}\n`
        + `seed file: ${s.path}${override ? ` (override ${override})` : ''}; mutations: ${applied.join(', ')}; input saved to ${file}\n${msg}`);
    }
    ran++;
  }
  if (ruleErrors.size > 0) {
    const lines = [...ruleErrors].map(([rule, e]) => `  ${rule}: threw ${e.count}× (first: ${e.replay}) ${e.first}`);
    const report = `fuzz ${f.family}: rules that threw (their results were dropped, the service stayed up):\n${lines.join('\n')}`;
    if (process.env.FUZZ_STRICT === '1') throw new Error(report);
    console.log(report);
  }
  return ran;
}
