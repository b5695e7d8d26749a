// What the Dockerfile rules share, built once per document version on top of dockerfileModel:
// stages (with their base image and parent stage), the shell commands of every RUN / CMD /
// ENTRYPOINT with document offsets, and which stages end up in the final image.
import type { Dockerfile, Instruction, From, Flag } from 'dockerfile-ast';
import type { InfraDocument } from '../../../documents/document';
import { dockerfileModel } from '../../../languages/docker/model';
import { splitShell, type Command } from './shell';

export interface Stage {
  index: number;
  from: From;
  /** the `AS name` in lower case */
  name?: string;
  /** the image as written (`node:20-alpine`, `builder`, `$BASE`) */
  image: string;
  /** the earlier stage this one builds on (FROM builder) */
  parent?: Stage;
  /** instructions after FROM up to the next FROM */
  instructions: Instruction[];
}

export interface DockerFacts {
  df: Dockerfile;
  escape: string;
  /** ARG instructions before the first FROM */
  globalArgs: Instruction[];
  stages: Stage[];
  /** stages whose files end up in the final image: the last stage and the stages it is FROM */
  shipped: Set<Stage>;
  stageOf(instr: Instruction): Stage | undefined;
  /** the shell commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK in shell form (or its `sh -c` string) */
  commands(instr: Instruction): Command[];
}

export function facts(doc: InfraDocument): DockerFacts {
  return doc.cached('docker-rules-facts', () => build(doc));
}

function build(doc: InfraDocument): DockerFacts {
  const df = dockerfileModel(doc);
  const escape = safe(() => df.getEscapeCharacter(), '\\') || '\\';
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  const stageByInstr = new Map<Instruction, Stage>();
  for (const instr of df.getInstructions()) {
    memoise(instr);
    const kw = instr.getKeyword();
    if (kw === 'FROM') {
      const from = instr as From;
      const name = safe(() => from.getBuildStage(), null)?.toLowerCase() ?? undefined;
      const image = safe(() => from.getImage(), null) ?? '';
      const parent = stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
      const stage: Stage = { index: stages.length, from, name, image, parent, instructions: [] };
      stages.push(stage);
      stageByInstr.set(instr, stage);
      continue;
    }
    const current = stages[stages.length - 1];
    if (!current) {
      if (kw === 'ARG') globalArgs.push(instr);
      continue;
    }
    current.instructions.push(instr);
    stageByInstr.set(instr, current);
  }
  const shipped = new Set<Stage>();
  for (let s: Stage | undefined = stages[stages.length - 1]; s && !shipped.has(s); s = s.parent) shipped.add(s);

  const cache = new Map<Instruction, Command[]>();
  const text = doc.content;
  const commands = (instr: Instruction): Command[] => {
    let got = cache.get(instr);
    if (!got) {
      got = safe(() => commandsOf(doc, text, instr, escape), []);
      cache.set(instr, got);
    }
    return got;
  };
  return { df, escape, globalArgs, stages, shipped, stageOf: (i) => stageByInstr.get(i), commands };
}

/**
 * dockerfile-ast re-tokenises an instruction on every getArguments()/getKeyword()/getFlags() call;
 * the model is immutable once parsed (one per document version), so remember the answers on the
 * instance. Some forty rules ask the same questions of every instruction.
 */
const MEMOISED = ['getKeyword', 'getArguments', 'getFlags', 'getVariables', 'getArgumentsContent', 'getRawArgumentsContent', 'getArgumentsRange', 'getProperties', 'getJSONStrings', 'getHeredocs'];
const STORE = Symbol('memo');
type Memo = Record<string | symbol, unknown> & { [STORE]?: Map<string, unknown> };
/** One shared wrapper per method (no closure per instance): answers from the instance's store. */
const WRAPPERS: Record<string, (this: Memo, ...args: unknown[]) => unknown> = Object.fromEntries(
  MEMOISED.map((name) => [
    name,
    function (this: Memo, ...args: unknown[]): unknown {
      const original = (Object.getPrototypeOf(this) as Record<string, (...a: unknown[]) => unknown>)[name];
      if (args.length) return original.apply(this, args);
      const store = (this[STORE] ??= new Map<string, unknown>());
      if (store.has(name)) return store.get(name);
      const value = original.call(this);
      store.set(name, value);
      return value;
    },
  ]),
);
function memoise(instr: Instruction): void {
  const target = instr as unknown as Memo;
  if (target[STORE]) return;
  target[STORE] = new Map<string, unknown>();
  for (const name of MEMOISED) if (typeof target[name] === 'function') target[name] = WRAPPERS[name];
}

function commandsOf(doc: InfraDocument, text: string, instr: Instruction, escape: string): Command[] {
  const args = instr.getArguments();
  if (args.length === 0) return [];
  const kw = instr.getKeyword();
  let first = args[0];
  if (kw === 'HEALTHCHECK') {
    // HEALTHCHECK [flags] CMD …
    const k = args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
    if (k < 0 || k + 1 >= args.length) return [];
    first = args[k + 1];
  }
  const startOff = doc.offsetAt(first.getRange().start);
  const endOff = doc.offsetAt(instr.getRange().end);
  const body = text.slice(startOff, endOff);
  if (body.startsWith('[')) return execForm(doc, instr);
  const heredocs = kw === 'RUN' ? safe(() => (instr as unknown as { getHeredocs(): import('dockerfile-ast').Heredoc[] }).getHeredocs(), []) : [];
  if (heredocs.length === 0) return splitShell(body, startOff, escape, false);
  // RUN <<EOF … EOF: the line with the marker, then each heredoc body as a script
  const markerLineEnd = text.indexOf('\n', doc.offsetAt(heredocs[0].getStartRange().start));
  const head = text.slice(startOff, markerLineEnd < 0 ? endOff : markerLineEnd);
  const out = splitShell(head, startOff, escape, false).map((c) => ({ ...c, words: c.words.filter((w) => !/^<<-?/.test(w.text) && !/^EOF$/i.test(w.text)) }));
  const headProgram = out.find((c) => c.words.length)?.words[0]?.text ?? '';
  const shellScript = headProgram === '' || /(^|\/)(ba|da|a|z)?sh$/.test(headProgram);
  if (shellScript) {
    for (const h of heredocs) {
      const r = h.getContentRange();
      if (!r) continue;
      const s = doc.offsetAt(r.start);
      const e = doc.offsetAt(r.end);
      out.push(...splitShell(text.slice(s, e), s, '\\', true));
    }
  }
  return out.filter((c) => c.words.length > 0 || c.sep !== '');
}

/** `["sh", "-c", "…"]` → the commands of the string; `["nginx", "-g", "daemon off;"]` → one command. */
function execForm(doc: InfraDocument, instr: Instruction): Command[] {
  const json = (instr as unknown as { getJSONStrings?(): import('dockerfile-ast').JSONArgument[] }).getJSONStrings?.() ?? [];
  if (json.length === 0) return [];
  // getJSONValue() drops the spaces inside a string ("daemon off;" → "daemonoff;"): decode the raw text
  const values = json.map((j) => {
    const r = j.getRange();
    const raw = doc.content.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
    return safe(() => JSON.parse(raw.replace(/\\\r?\n/g, '')) as string, raw.replace(/^"|"$/g, ''));
  });
  if (values.length >= 3 && /(^|\/)(ba|da|a|z)?sh$/.test(values[0]) && /^-\w*c$/.test(values[1])) {
    const r = json[2].getJSONRange();
    const s = doc.offsetAt(r.start);
    const raw = doc.content.slice(s, doc.offsetAt(r.end));
    return splitShell(raw, s, '\\', true);
  }
  const words = json.map((j, k) => {
    const r = j.getRange();
    return { text: values[k], start: doc.offsetAt(r.start), end: doc.offsetAt(r.end) };
  });
  return [{ words, sep: '', sepStart: words[words.length - 1].end, sepEnd: words[words.length - 1].end }];
}

export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function flagsOf(instr: Instruction): Flag[] {
  const f = (instr as unknown as { getFlags?(): Flag[] }).getFlags;
  return f ? safe(() => f.call(instr), []) : [];
}

export function flag(instr: Instruction, name: string): Flag | undefined {
  return flagsOf(instr).find((f) => f.getName().toLowerCase() === name);
}

/** RUN --mount=type=cache,target=/var/cache/apt … : the cache targets of a RUN. */
export function cacheMounts(instr: Instruction): string[] {
  const out: string[] = [];
  for (const f of flagsOf(instr)) {
    if (f.getName() !== 'mount') continue;
    const v = f.getValue() ?? '';
    if (!/(^|,)type=cache(,|$)/.test(v)) continue;
    const m = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(v);
    if (m) out.push(m[1].replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** Whether the instruction is in JSON (exec) form. */
export function isJsonForm(instr: Instruction): boolean {
  const args = instr.getArguments();
  return args.length > 0 && args[0].getValue().startsWith('[');
}

/** The base image of a stage after following stage parents (`FROM builder` → builder's image). */
export function baseImage(stage: Stage): string {
  let s = stage;
  const seen = new Set<Stage>();
  while (s.parent && !seen.has(s)) {
    seen.add(s);
    s = s.parent;
  }
  return s.image.toLowerCase();
}

/** repository (without registry and `library/`) and tag of an image reference. */
export function splitImage(image: string): { repo: string; tag: string; digest: string } {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag = '';
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) parts.shift();
  if (parts[0] === 'library') parts.shift();
  return { repo: parts.join('/').toLowerCase(), tag: tag.toLowerCase(), digest };
}

export type Distro = 'alpine' | 'debian' | 'rhel' | 'unknown';

/** A guess at the distribution of a stage from its image reference. */
export function distroOf(stage: Stage): Distro {
  const { repo, tag } = splitImage(baseImage(stage));
  const last = repo.split('/').pop() ?? repo;
  if (last === 'alpine' || /(^|[-.])alpine/.test(tag)) return 'alpine';
  if (['debian', 'ubuntu', 'buildpack-deps'].includes(last) || /(bookworm|bullseye|buster|stretch|trixie|jammy|focal|noble|bionic|slim)/.test(tag)) return 'debian';
  if (/^(ubi\d*|ubi\d+-\w+|centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux)/.test(last) || /(^|\/)ubi\d/.test(repo)) return 'rhel';
  return 'unknown';
}

/** Whole-context sources: `.`, `./`. */
export function isWholeContext(src: string): boolean {
  return src === '.' || src === './' || src === '*' || src === './*';
}

/** COPY/ADD sources and destination in shell form (no heredocs, no JSON). */
export function copyArgs(instr: Instruction): { sources: import('dockerfile-ast').Argument[]; dest?: import('dockerfile-ast').Argument } {
  if (isJsonForm(instr)) {
    // ["src", "dest"]: decoded strings with the ranges of their quoted form
    const json = safe(() => (instr as unknown as { getJSONStrings(): import('dockerfile-ast').JSONArgument[] }).getJSONStrings(), []);
    const args = json.map((j) => {
      const v = j.getValue();
      const value = safe(() => JSON.parse(v) as string, v.replace(/^"|"$/g, ''));
      return { getValue: () => value, getRange: () => j.getRange() } as unknown as import('dockerfile-ast').Argument;
    });
    return args.length < 2 ? { sources: [] } : { sources: args.slice(0, -1), dest: args[args.length - 1] };
  }
  const args = instr.getArguments();
  // COPY <<EOF /path: the source is inline text, not a file of the context
  if (args.length < 2 || args.some((a) => a.getValue().startsWith('<<'))) return { sources: [] };
  return { sources: args.slice(0, -1), dest: args[args.length - 1] };
}
