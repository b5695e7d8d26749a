// The Dockerfile model: dockerfile-ast's parse once per document version, plus what the language
// side and the rules need on top of it — stages, ARG/ENV scoping per stage (global ARGs before the
// first FROM), variable resolution, image references, JSON-form arguments, flags and the shell
// commands inside RUN/CMD/ENTRYPOINT/HEALTHCHECK (one splitter, words with document offsets).
// Everything is built at most once per document version (doc.cached).
//
// Exported functions are a stable API used by rules/docker/** (whose lib/model.ts `facts` is a thin
// view over this one): keep their shapes.
import {
  DockerfileParser, type Argument, type Dockerfile, type Flag, type From, type Heredoc, type Instruction, type JSONArgument,
} from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';

export type { Dockerfile, Instruction, Flag, From, Argument };

/**
 * dockerfile-ast is superlinear in the length of a line (a 256 KB RUN line parses in ~0.2 s, 1 MB in
 * ~1.1 s, and every rule re-reads it): a Dockerfile with a longer line gets an empty model, and
 * validation says why (LanguageSupport.beyondLimits). No real Dockerfile comes near it.
 */
export const MAX_LINE_LENGTH = 256 * 1024;

/** The first line longer than MAX_LINE_LENGTH (0-based) and its length, if any. */
export function overlongLine(doc: InfraDocument): { line: number; length: number } | undefined {
  return doc.cached('dockerfile.overlong', () => {
    const text = doc.content;
    if (text.length <= MAX_LINE_LENGTH) return undefined;
    let start = 0;
    for (let line = 0; start <= text.length; line++) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      if (end - start > MAX_LINE_LENGTH) return { line, length: end - start };
      if (nl < 0) break;
      start = nl + 1;
    }
    return undefined;
  });
}

export function dockerfileModel(doc: InfraDocument): Dockerfile {
  return doc.cached('dockerfile', () => {
    const df = DockerfileParser.parse(overlongLine(doc) ? '' : doc.content);
    for (const instr of df.getInstructions()) memoise(instr);
    return df;
  });
}

/** The escape character of the file (`# escape=` directive, `\\` by default). */
export function escapeChar(doc: InfraDocument): string {
  return safe(() => dockerfileModel(doc).getEscapeCharacter(), '\\') || '\\';
}

/**
 * dockerfile-ast re-tokenises an instruction on every getArguments()/getKeyword()/getFlags() call;
 * the model is immutable once parsed (one per document version), so remember the answers on the
 * instance. The hovers and some forty rules ask the same questions of every instruction.
 */
const MEMOISED = ['getKeyword', 'getArguments', 'getFlags', 'getVariables', 'getArgumentsContent', 'getRawArgumentsContent', 'getArgumentsRange', 'getProperties', 'getJSONStrings', 'getHeredocs', 'getOpeningBracket', 'getClosingBracket'];
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

// ---------------------------------------------------------------------------------------------
// positions

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range | null | undefined, p: Position): boolean {
  return !!r && comparePos(r.start, p) <= 0 && comparePos(p, r.end) <= 0;
}

// ---------------------------------------------------------------------------------------------
// instructions and flags

/** The flags of an instruction that has them (FROM, RUN, COPY, ADD, HEALTHCHECK…); [] otherwise. */
export function flagsOf(instr: Instruction): Flag[] {
  const f = (instr as unknown as { getFlags?: () => Flag[] }).getFlags;
  return typeof f === 'function' ? safe(() => f.call(instr), []) : [];
}

export function flagOf(instr: Instruction, name: string): Flag | undefined {
  return flagsOf(instr).find((f) => f.getName().toLowerCase() === name);
}

/** Whether CMD/ENTRYPOINT/RUN/SHELL/ADD/COPY/VOLUME uses the JSON (exec) form. */
export function isJsonForm(instr: Instruction): boolean {
  const open = (instr as unknown as { getOpeningBracket?: () => Argument | null }).getOpeningBracket;
  const close = (instr as unknown as { getClosingBracket?: () => Argument | null }).getClosingBracket;
  return typeof open === 'function' && !!open.call(instr) && typeof close === 'function' && !!close.call(instr);
}

/** The strings of the JSON form (unquoted, spaces kept), or undefined for the shell form. */
export function jsonArgs(instr: Instruction): string[] | undefined {
  if (!isJsonForm(instr)) return undefined;
  const document = (instr as unknown as { document?: { getText(r: Range): string } }).document;
  const escape = (instr as unknown as { escapeChar?: string }).escapeChar ?? '\\';
  const strs = (instr as unknown as { getJSONStrings: () => JSONArgument[] }).getJSONStrings();
  return strs.map((s) => (document ? decodeJsonString(document.getText(s.getRange()), escape) : s.getValue().replace(/^"|"$/g, '')));
}

// image references: see ../../images.ts (shared by Dockerfile, Compose and Kubernetes)
export { parseImageRef, type ImageRef } from '../../images';

// ---------------------------------------------------------------------------------------------
// stages

export interface Stage {
  /** 0-based position of the FROM in the file */
  index: number;
  /** `AS name` (as written), if any */
  name?: string;
  nameRange?: Range;
  from: From;
  /** the image argument as written (may be a stage name or contain variables) */
  image: string;
  imageRange: Range | null;
  /** the image with the global ARGs substituted */
  resolvedImage: string;
  /** `--platform` value as written */
  platform?: string;
  /** index of the earlier stage this one is built FROM, if its image names one */
  parent?: number;
  /** all instructions of the stage, the FROM first */
  instructions: Instruction[];
  /** from the FROM to the end of the last instruction of the stage */
  range: Range;
}

export interface DockerfileInfo {
  ast: Dockerfile;
  /** ARG instructions before the first FROM */
  globalArgs: Instruction[];
  stages: Stage[];
  /** all instructions in order */
  instructions: Instruction[];
}

export function dockerfileInfo(doc: InfraDocument): DockerfileInfo {
  return doc.cached('dockerfile.info', () => buildInfo(doc));
}

export function stagesOf(doc: InfraDocument): Stage[] {
  return dockerfileInfo(doc).stages;
}

/** The stage that contains a position (or the line), undefined before the first FROM. */
export function stageAt(doc: InfraDocument, pos: Position | number): Stage | undefined {
  const line = typeof pos === 'number' ? pos : pos.line;
  let found: Stage | undefined;
  for (const s of stagesOf(doc)) if (s.range.start.line <= line) found = s;
  return found;
}

/** The stage with the given name (case-insensitive, as BuildKit compares them) or numeric index. */
export function findStage(doc: InfraDocument, nameOrIndex: string, before?: number): Stage | undefined {
  const stages = stagesOf(doc).filter((s) => before === undefined || s.index < before);
  const lower = nameOrIndex.toLowerCase();
  const byName = stages.find((s) => s.name?.toLowerCase() === lower);
  if (byName) return byName;
  if (/^\d+$/.test(nameOrIndex)) return stages.find((s) => s.index === Number(nameOrIndex));
  return undefined;
}

function buildInfo(doc: InfraDocument): DockerfileInfo {
  const ast = dockerfileModel(doc);
  const instructions = ast.getInstructions();
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  const globals = new Map<string, string | undefined>();
  for (const instr of instructions) {
    const kw = instr.getKeyword();
    if (kw === 'FROM') {
      const from = instr as From;
      const image = from.getImage() ?? '';
      const name = from.getBuildStage() ?? undefined;
      // BuildKit reads FROM as a shell word: quotes go (jenkinsci/docker `FROM debian:bookworm-"${BOOKWORM_TAG}"`)
      const resolvedImage = substitute(image, (n) => globals.get(n)).replace(/["']/g, '');
      const lower = resolvedImage.toLowerCase();
      const parent = stages.find((s) => s.name !== undefined && s.name.toLowerCase() === lower)?.index;
      stages.push({
        index: stages.length,
        name,
        nameRange: from.getBuildStageRange() ?? undefined,
        from,
        image,
        imageRange: from.getImageRange(),
        resolvedImage,
        platform: from.getPlatformFlag()?.getValue() ?? undefined,
        parent,
        instructions: [instr],
        range: instr.getRange(),
      });
    } else if (stages.length === 0) {
      if (kw === 'ARG') {
        globalArgs.push(instr);
        for (const p of propsOf(instr)) globals.set(p.name, p.value === undefined ? undefined : substitute(p.value, (n) => globals.get(n)));
      }
    } else {
      const s = stages[stages.length - 1];
      s.instructions.push(instr);
      s.range = { start: s.range.start, end: instr.getRange().end };
    }
  }
  return { ast, globalArgs, stages, instructions };
}

// ---------------------------------------------------------------------------------------------
// variables

export interface VariableDef {
  name: string;
  /** the value as written (unquoted), undefined for `ARG NAME` without a default */
  value?: string;
  /** the value with earlier variables substituted (undefined when unknown) */
  resolved?: string;
  kind: 'ARG' | 'ENV';
  /** defined before the first FROM */
  global: boolean;
  /** the stage that defines it (undefined for global ARGs) */
  stage?: number;
  /** the instruction and the name's range in it */
  instruction: Instruction;
  nameRange: Range;
  /** for `ARG NAME` inside a stage that re-declares a global ARG: the global definition it takes */
  inherits?: VariableDef;
}

/** Build args BuildKit defines without an ARG in the file (usable after `ARG NAME` in a stage, and in FROM). */
export const PREDEFINED_ARGS = [
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETSTAGE',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY',
  'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
  'BUILDKIT_INLINE_CACHE', 'BUILDKIT_SYNTAX', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'SOURCE_DATE_EPOCH',
] as const;

export const PREDEFINED_ARG_NAMES: ReadonlySet<string> = new Set(PREDEFINED_ARGS);

/** The predefined args that are in scope in FROM lines without any ARG (the platform ones). */
export const AUTOMATIC_FROM_ARGS = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);

/** What a FROM image with variables refers to, as far as the file tells. */
export interface FromReference {
  /** variables of the image with no value in the file (set at build time), in order of appearance */
  unresolved: string[];
  /** those of them BuildKit sets for the platform (TARGETOS, TARGETARCH…: never empty) */
  platform: string[];
  /** earlier stages whose names the image matches with the unresolved variables taking any value */
  stages: Stage[];
}

const UNKNOWN = '\u0000';

/**
 * `FROM binaries-$TARGETOS AS binaries`: `TARGETOS` is set by BuildKit (linux, darwin, windows), so the
 * image names one of the stages `binaries-linux`, `binaries-darwin`… — not a Docker Hub image `binaries-`.
 */
export function fromReference(doc: InfraDocument, stage: Stage): FromReference {
  const none: FromReference = { unresolved: [], platform: [], stages: [] };
  if (!stage.image.includes('$')) return none;
  const globals = new Map(globalArgs(doc).map((d) => [d.name, d.resolved] as const));
  const unresolved: string[] = [];
  for (const m of stage.image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[1];
    if (globals.get(name) === undefined && !unresolved.includes(name)) unresolved.push(name);
  }
  if (unresolved.length === 0) return none;
  const pattern = substitute(stage.image, (n) => (unresolved.includes(n) ? UNKNOWN : globals.get(n)));
  const re = new RegExp(`^${pattern.split(UNKNOWN).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 'i');
  const stages = stagesOf(doc).filter((s) => s.index < stage.index && s.name !== undefined && re.test(s.name));
  return { unresolved, platform: unresolved.filter((n) => AUTOMATIC_FROM_ARGS.has(n)), stages };
}

interface Prop { name: string; value?: string; nameRange: Range }

function propsOf(instr: Instruction): Prop[] {
  const getter = (instr as unknown as { getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): Range }[] }).getProperties;
  if (typeof getter !== 'function') return [];
  try {
    return getter.call(instr).map((p) => ({ name: p.getName(), value: p.getValue() ?? undefined, nameRange: p.getNameRange() }));
  } catch {
    return [];
  }
}

/** Names declared by an ARG or ENV instruction (`ARG A=1 B`, `ENV A=1 B=2`, `ENV A 1`) with their ranges. */
export function declaredNames(instr: Instruction): { name: string; range: Range }[] {
  return propsOf(instr).filter((p) => p.name).map((p) => ({ name: p.name, range: p.nameRange }));
}

interface Scopes {
  globals: VariableDef[];
  /** per stage: the definitions in order (those inherited from a parent stage first) */
  perStage: VariableDef[][];
}

function scopes(doc: InfraDocument): Scopes {
  return doc.cached('dockerfile.vars', () => {
    const info = dockerfileInfo(doc);
    const globals: VariableDef[] = [];
    const globalMap = new Map<string, VariableDef>();
    for (const instr of info.globalArgs) {
      for (const p of propsOf(instr)) {
        const resolved = p.value === undefined ? undefined : substitute(p.value, (n) => globalMap.get(n)?.resolved);
        const def: VariableDef = { name: p.name, value: p.value, resolved, kind: 'ARG', global: true, instruction: instr, nameRange: p.nameRange };
        globals.push(def);
        globalMap.set(p.name, def);
      }
    }
    const perStage: VariableDef[][] = [];
    for (const stage of info.stages) {
      const defs: VariableDef[] = [];
      const current = new Map<string, VariableDef>();
      if (stage.parent !== undefined) {
        // BuildKit: a stage built FROM another inherits both its ARGs and its ENVs
        for (const d of perStage[stage.parent] ?? []) {
          defs.push(d);
          current.set(d.name, d);
        }
      }
      for (const instr of stage.instructions) {
        const kw = instr.getKeyword();
        if (kw !== 'ARG' && kw !== 'ENV') continue;
        const local = new Map(current);
        for (const p of propsOf(instr)) {
          const lookup = (n: string) => (kw === 'ENV' ? local : current).get(n)?.resolved;
          let def: VariableDef;
          if (kw === 'ARG' && p.value === undefined && globalMap.has(p.name)) {
            const g = globalMap.get(p.name)!;
            def = { name: p.name, value: undefined, resolved: g.resolved, kind: 'ARG', global: false, stage: stage.index, instruction: instr, nameRange: p.nameRange, inherits: g };
          } else if (kw === 'ARG' && current.get(p.name)?.kind === 'ENV') {
            // ENV wins over ARG of the same name
            continue;
          } else {
            const resolved = p.value === undefined ? undefined : substitute(p.value, lookup);
            def = { name: p.name, value: p.value, resolved, kind: kw, global: false, stage: stage.index, instruction: instr, nameRange: p.nameRange };
          }
          defs.push(def);
          local.set(p.name, def);
        }
        for (const [k, v] of local) current.set(k, v);
      }
      perStage.push(defs);
    }
    return { globals, perStage };
  });
}

/** Global ARGs (before the first FROM). */
export function globalArgs(doc: InfraDocument): VariableDef[] {
  return scopes(doc).globals;
}

/** Every ARG/ENV definition of a stage, in order (those inherited from a parent stage first). */
export function stageVariables(doc: InfraDocument, stageIndex: number): VariableDef[] {
  return scopes(doc).perStage[stageIndex] ?? [];
}

/** The definitions an ARG/ENV instruction makes (with resolved values). */
export function definitionsIn(doc: InfraDocument, instr: Instruction): VariableDef[] {
  const s = scopes(doc);
  const stage = stageAt(doc, instr.getRange().start);
  const pool = stage ? s.perStage[stage.index] ?? [] : s.globals;
  return pool.filter((d) => d.instruction === instr);
}

/**
 * The variables visible at a position: in a FROM line or before the first FROM, the global ARGs
 * defined above; inside a stage, the stage's ARG/ENV defined on earlier instructions (and those of
 * the stage it is built FROM, as BuildKit does). A later definition of a name hides an earlier one. Keyed by name.
 */
export function variablesInScope(doc: InfraDocument, position: Position): Map<string, VariableDef> {
  const out = new Map<string, VariableDef>();
  const s = scopes(doc);
  const stage = stageAt(doc, position);
  const inFrom = stage && rangeContains(stage.from.getRange(), position);
  if (!stage || inFrom) {
    for (const g of s.globals) if (comparePos(g.instruction.getRange().end, position) < 0 || !stage) {
      if (!stage && comparePos(g.instruction.getRange().start, position) > 0) continue;
      if (!stage && rangeContains(g.instruction.getRange(), position)) continue;
      out.set(g.name, g);
    }
    return out;
  }
  for (const d of s.perStage[stage.index] ?? []) {
    const r = d.instruction.getRange();
    // inherited definitions live in another stage, above this one
    if (d.stage !== stage.index || comparePos(r.end, position) < 0) {
      if (d.stage === stage.index && rangeContains(r, position)) continue;
      out.set(d.name, d);
    }
  }
  return out;
}

/** Substitute `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}`; unknown variables become ''. */
export function substitute(text: string, lookup: (name: string) => string | undefined): string {
  if (!text.includes('$')) return text;
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      if (m === '\\$') return '$';
      const name = braced ?? bare!;
      const v = lookup(name);
      if (!op) return v ?? '';
      const empty = v === undefined || (op.startsWith(':') && v === '');
      if (op.endsWith('-')) return empty ? (word ?? '') : v!;
      return empty ? '' : (word ?? '');
    });
}

/** A `$NAME`/`${NAME…}` reference in the text of an instruction. */
export interface VariableRef {
  name: string;
  /** range of the name only */
  nameRange: Range;
  /** range of the whole `$NAME` / `${…}` */
  range: Range;
  instruction: Instruction;
}

/** The variable references of an instruction (from dockerfile-ast, which knows the escape char and quoting). */
export function variableRefs(instr: Instruction): VariableRef[] {
  try {
    return instr.getVariables().map((v) => ({ name: v.getName(), nameRange: v.getNameRange(), range: v.getRange(), instruction: instr }));
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// shell commands inside RUN (and shell-form CMD/ENTRYPOINT, HEALTHCHECK CMD)
//
// One splitter, one parse per instruction and document version (doc.cached): the language
// features (hover) and the rules read the same commands and words.

export interface ShellWord {
  /** the word with quotes removed (escapes resolved, continuations dropped) */
  text: string;
  /** document offsets of the raw word */
  start: number;
  end: number;
  range: Range;
}

export interface ShellCommand {
  /** words of one simple command (`apt-get install -y curl`); empty for a bare operator */
  words: ShellWord[];
  /** the operator after the command ('&&', '||', ';', ';;', '|', '|&', '&', '(', ')', '\n' for a newline in a script, '' at the end) and its offsets */
  sep: string;
  sepStart: number;
  sepEnd: number;
  /** the operator that follows (as `sep`; '\n' at the end of a heredoc marker line or body) */
  next: string;
  /** the operator that precedes it among the commands with words ('' for the first of a script) */
  prev: string;
  /** from the first word to the last (at the separator for a command without words) */
  range: Range;
}

interface ShellScript {
  /** JSON (exec) form: the strings as one command */
  exec?: ShellCommand;
  /** the commands with words, heredoc markers kept, then those of the heredoc bodies (what hover looks at) */
  commands: ShellCommand[];
  /** the commands the rules read: heredoc markers dropped, `sh -c "…"` of the exec form split */
  forRules: ShellCommand[];
}

function shellScript(doc: InfraDocument, instr: Instruction): ShellScript {
  const scripts = doc.cached('dockerfile.shell', () => new Map<Instruction, ShellScript>());
  let got = scripts.get(instr);
  if (!got) {
    try {
      got = parseScript(doc, instr);
    } catch {
      got = { commands: [], forRules: [] };
    }
    scripts.set(instr, got);
  }
  return got;
}

/**
 * The simple commands of a RUN (or any shell-form instruction) with exact word ranges. Handles
 * quotes, `$(…)` and backticks, escapes, line continuations with the file's escape char, comment
 * lines inside a continued instruction, and heredoc bodies (`RUN <<EOF … EOF`: the body is the
 * script when the program is a shell). Parsed once per document version. Never throws.
 */
export function shellCommands(doc: InfraDocument, instr: Instruction): ShellCommand[] {
  return shellScript(doc, instr).commands;
}

/**
 * The commands the rules read: as shellCommands, plus the bare operators (`( … )`, empty lines of a
 * heredoc script), without heredoc marker words, and for the exec form either the commands of its
 * `sh -c "…"` string or the strings as one command.
 */
export function runCommands(doc: InfraDocument, instr: Instruction): ShellCommand[] {
  return shellScript(doc, instr).forRules;
}

/**
 * The JSON (exec) form as one command: each JSON string is a word (text unquoted, range including
 * the quotes). `["sh", "-c", "…"]` stays one command: the script string is a single word.
 */
export function execCommand(doc: InfraDocument, instr: Instruction): ShellCommand | undefined {
  return shellScript(doc, instr).exec;
}

const SHELL_PROGRAM = /(^|\/)(ba|da|a|z)?sh$/;

function parseScript(doc: InfraDocument, instr: Instruction): ShellScript {
  const none: ShellScript = { commands: [], forRules: [] };
  const text = doc.content;
  const escape = escapeChar(doc);
  if (isJsonForm(instr)) {
    const exec = execForm(doc, instr, escape);
    if (!exec) return none;
    const words = exec.words.map((w) => w.text);
    if (words.length >= 3 && SHELL_PROGRAM.test(words[0]) && /^-\w*c$/.test(words[1])) {
      const json = (instr as unknown as { getJSONStrings(): JSONArgument[] }).getJSONStrings();
      const r = json[2].getJSONRange();
      const s = doc.offsetAt(r.start);
      return { exec, commands: [], forRules: splitShell(doc, s, doc.offsetAt(r.end), '\\', true) };
    }
    return { exec, commands: [], forRules: [exec] };
  }
  const args = instr.getArguments();
  if (args.length === 0) return none;
  const kw = instr.getKeyword();
  let first = args[0];
  if (kw === 'HEALTHCHECK') {
    // HEALTHCHECK [flags] CMD …
    const k = args.findIndex((a) => a.getValue().toUpperCase() === 'CMD');
    if (k < 0 || k + 1 >= args.length) return none;
    first = args[k + 1];
  }
  const startOff = doc.offsetAt(first.getRange().start);
  const endOff = doc.offsetAt(instr.getRange().end);
  // `HEALTHCHECK CMD ["…"]`: the parser has no JSON view of it; not a shell script either.
  // (A CMD/ENTRYPOINT/RUN whose JSON does not parse is the shell form, as Docker runs it.)
  if (text[startOff] === '[' && typeof (instr as unknown as { getOpeningBracket?: unknown }).getOpeningBracket !== 'function') return none;
  const heredocs = kw === 'RUN' ? safe(() => (instr as unknown as { getHeredocs(): Heredoc[] }).getHeredocs(), []) : [];
  if (heredocs.length === 0) {
    const all = splitShell(doc, startOff, endOff, escape, false);
    return { commands: all.filter((c) => c.words.length > 0), forRules: all };
  }
  // RUN <<EOF … EOF: the line with the marker, then each heredoc body as a script
  const markerLineEnd = text.indexOf('\n', doc.offsetAt(heredocs[0].getStartRange().start));
  const head = splitShell(doc, startOff, markerLineEnd < 0 ? endOff : markerLineEnd, escape, false);
  const headRules = head.map((c) => ({ ...c, words: c.words.filter((w) => !/^<<-?/.test(w.text) && !/^EOF$/i.test(w.text)) }));
  const headProgram = headRules.find((c) => c.words.length)?.words[0]?.text ?? '';
  const bodies: ShellCommand[][] = [];
  if (headProgram === '' || SHELL_PROGRAM.test(headProgram)) {
    for (const h of heredocs) {
      const r = h.getContentRange();
      if (r) bodies.push(splitShell(doc, doc.offsetAt(r.start), doc.offsetAt(r.end), '\\', true));
    }
  }
  // every part ends with a newline: the marker line, and each body before its delimiter
  const parts = [head, ...bodies];
  for (const part of parts) {
    const last = part.filter((c) => c.words.length > 0).pop();
    if (last && last.next === '') last.next = '\n';
  }
  const forRules = [...headRules, ...bodies.flat()].filter((c) => c.words.length > 0 || c.sep !== '');
  return { commands: parts.flat().filter((c) => c.words.length > 0), forRules };
}

function execForm(doc: InfraDocument, instr: Instruction, escape: string): ShellCommand | undefined {
  const json = safe(() => (instr as unknown as { getJSONStrings(): JSONArgument[] }).getJSONStrings(), []);
  if (json.length === 0) return undefined;
  const words: ShellWord[] = json.map((j) => {
    const range = j.getRange();
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    return { text: decodeJsonString(doc.content.slice(start, end), escape), start, end, range };
  });
  const last = words[words.length - 1];
  return { words, sep: '', sepStart: last.end, sepEnd: last.end, next: '', prev: '', range: { start: words[0].range.start, end: last.range.end } };
}

/** A JSON string as written (quotes included, continuations possible) → its value. */
function decodeJsonString(raw: string, escape: string): string {
  // getJSONValue() drops the spaces inside a string ("daemon off;" → "daemonoff;"): decode the raw text
  const joined = raw.split(`${escape}\n`).join('').split(`${escape}\r\n`).join('').replace(/\r?\n/g, '');
  return safe(() => JSON.parse(joined) as string, raw.replace(/^"|"$/g, ''));
}

const OPS = ['&&', '||', ';;', '|&', '|', ';', '&', '(', ')'];
/** reserved words that may come before `case` in the same simple command as this splitter sees it */
const CASE_LEAD = new Set(['then', 'else', 'do', '{', '!', 'elif']);
const OP_START = new Set(['&', '|', ';', '(', ')']);
/** characters with no special meaning to the splitter (both escape characters, `\\` and the backtick, excluded) */
const PLAIN = /[^\s\\'"$`&|;()#<>]+/y;

/**
 * Split the document text [from, to) into simple commands with document offsets.
 * `script`: shell text proper (heredoc bodies, `sh -c` strings) — a bare newline ends a command and
 * only `\` + newline continues a line. Otherwise a Dockerfile instruction's arguments: the escape
 * char (directive) continues a line, trailing blanks after it allowed, as Docker joins lines.
 */
function splitShell(doc: InfraDocument, from: number, to: number, escape: string, script: boolean): ShellCommand[] {
  const src = doc.content.slice(from, to);
  const base = from;
  const raw: { words: { text: string; start: number; end: number }[]; sep: string; sepStart: number; sepEnd: number }[] = [];
  let words: { text: string; start: number; end: number }[] = [];
  let text = '';
  let start = -1;
  let i = 0;
  const n = src.length;
  let lineStart = true;
  // `case WORD in pat|pat) …;; esac`: between `in` (or `;;`) and `)` a `|` separates patterns, it is no pipe
  let caseDepth = 0;
  let inPattern = false;

  const endWord = (end: number) => {
    if (start >= 0) {
      words.push({ text, start: base + start, end: base + end });
      const k = words.length;
      if (text === 'in' && k >= 3 && words[k - 3].text === 'case' && (k === 3 || CASE_LEAD.has(words[0].text))) {
        caseDepth++;
        inPattern = true;
      } else if (text === 'esac' && caseDepth > 0 && k === 1) {
        caseDepth--;
        inPattern = false;
      }
    }
    text = '';
    start = -1;
  };
  const endCommand = (sep: string, s: number, e: number) => {
    endWord(s);
    if (words.length || sep) raw.push({ words, sep, sepStart: base + s, sepEnd: base + e });
    words = [];
    if (sep === ')' && inPattern) inPattern = false;
    else if ((sep === ';;' || sep === ';&') && caseDepth > 0) inPattern = true;
  };

  while (i < n) {
    const c = src[i];
    // a comment line inside a continued instruction is dropped by the Dockerfile parser
    if (lineStart) {
      let j = i;
      while (j < n && (src[j] === ' ' || src[j] === '\t')) j++;
      if (src[j] === '#') {
        while (j < n && src[j] !== '\n') j++;
        i = j + 1;
        continue;
      }
      lineStart = false;
    }
    if (c === escape) {
      // line continuation (Docker joins the lines: a word goes on across it)
      let j = i + 1;
      if (!script) while (j < n && (src[j] === ' ' || src[j] === '\t')) j++;
      if (src[j] === '\r' && src[j + 1] === '\n') j++;
      if (src[j] === '\n' || (!script && j >= n)) {
        i = j + 1;
        lineStart = true;
        continue;
      }
    }
    if (c === '\n') {
      if (script) endCommand('\n', i, i);
      else endWord(i);
      i++;
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      i++;
      continue;
    }
    if (c === '|' && inPattern) {
      // a pattern alternative: part of the pattern word
      if (start < 0) start = i;
      text += c;
      i++;
      continue;
    }
    if (c === '#' && start < 0) {
      // shell comment to end of line
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (start < 0 && OP_START.has(c)) {
      const op = OPS.find((o) => src.startsWith(o, i));
      // `&>` and `>&` are redirections, not operators
      if (op && !(op === '&' && src[i + 1] === '>')) {
        endCommand(op, i, i + op.length);
        i += op.length;
        continue;
      }
    } else if (c === ';' || c === '|' || c === ')' || (c === '&' && src[i - 1] !== '>' && src[i + 1] !== '>')) {
      endWord(i);
      continue;
    }
    if (start < 0) start = i;
    if (c === '\\' && i + 1 < n) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      text += src.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < n) {
          if (src[j + 1] !== '\n') text += src[j + 1];
          j += 2;
          continue;
        }
        text += src[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if ((c === '$' && src[i + 1] === '(') || c === '`') {
      // command substitution: kept inside the word
      let j = c === '`' ? src.indexOf('`', i + 1) : matchParen(src, i + 1);
      if (j < 0) j = n - 1;
      text += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // a run of ordinary characters in one go
    PLAIN.lastIndex = i;
    const m = PLAIN.exec(src);
    if (m && m[0].length > 1) {
      text += m[0];
      i += m[0].length;
      continue;
    }
    text += c;
    i++;
  }
  endCommand('', n, n);

  const out: ShellCommand[] = [];
  let prev = '';
  for (const r of raw) {
    if (r.words.length === 0 && r.sep === '') continue;
    const ws: ShellWord[] = r.words.map((w) => new Word(doc, w.text, w.start, w.end));
    const range = ws.length ? { start: ws[0].range.start, end: ws[ws.length - 1].range.end } : doc.rangeOf(r.sepStart, r.sepEnd);
    out.push({ words: ws, sep: r.sep, sepStart: r.sepStart, sepEnd: r.sepEnd, next: r.sep, prev, range });
    if (ws.length) prev = r.sep;
    else if (r.sep !== '\n') prev = r.sep;
  }
  return out;
}

/** A word whose range is computed when asked (most words are only ever read as text). */
class Word implements ShellWord {
  private cachedRange?: Range;
  constructor(private readonly doc: InfraDocument, readonly text: string, readonly start: number, readonly end: number) {}
  get range(): Range {
    return (this.cachedRange ??= this.doc.rangeOf(this.start, this.end));
  }
  toJSON(): ShellWord {
    return { text: this.text, start: this.start, end: this.end, range: this.range };
  }
}

function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const ch = src[j];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return j;
    } else if (ch === "'") {
      const close = src.indexOf("'", j + 1);
      if (close < 0) return -1;
      j = close;
    }
  }
  return -1;
}

/** The command's program name (basename) and index, past `VAR=value` assignments and `sudo`, `env`, `exec`, `nohup`, `command`, `time` with their options. */
export function commandName(cmd: ShellCommand): { name: string; index: number } | undefined {
  let i = 0;
  const w = cmd.words;
  while (i < w.length) {
    const t = w[i].text;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) { i++; continue; }
    if (t === 'sudo' || t === 'exec' || t === 'env' || t === 'nohup' || t === 'command' || t === 'time') {
      i++;
      while (i < w.length && w[i].text.startsWith('-')) i++;
      continue;
    }
    break;
  }
  if (i >= w.length) return undefined;
  const name = w[i].text;
  return { name: name.slice(name.lastIndexOf('/') + 1), index: i };
}

export function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
