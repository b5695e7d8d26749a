// The Dockerfile model: dockerfile-ast's parse once per document version, plus what the language
// side and the rules need on top of it — stages, ARG/ENV scoping per stage (global ARGs before the
// first FROM), variable resolution, image references and the shell commands inside RUN.
//
// Exported functions are a stable API used by rules/docker/**: keep their shapes.
import {
  DockerfileParser, type Argument, type Dockerfile, type Flag, type From, type Instruction,
} from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';

export type { Dockerfile, Instruction, Flag, From, Argument };

export function dockerfileModel(doc: InfraDocument): Dockerfile {
  return doc.cached('dockerfile', () => DockerfileParser.parse(doc.content));
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
  return typeof f === 'function' ? f.call(instr) : [];
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

interface JsonString { getValue(): string; getRange(): Range }

/** The text of a JSON string as written in the document (dockerfile-ast drops spaces inside it). */
function jsonStringText(instr: Instruction, s: JsonString): string {
  const document = (instr as unknown as { document?: { getText(r: Range): string } }).document;
  const raw = document ? document.getText(s.getRange()) : s.getValue();
  try {
    return JSON.parse(raw.replace(/\r?\n/g, '')) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/** The strings of the JSON form (unquoted, spaces kept), or undefined for the shell form. */
export function jsonArgs(instr: Instruction): string[] | undefined {
  if (!isJsonForm(instr)) return undefined;
  const strs = (instr as unknown as { getJSONStrings: () => JsonString[] }).getJSONStrings();
  return strs.map((s) => jsonStringText(instr, s));
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
      const resolvedImage = substitute(image, (n) => globals.get(n));
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

/** The predefined args that are in scope in FROM lines without any ARG (the platform ones). */
export const AUTOMATIC_FROM_ARGS = new Set(['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT']);

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
// shell commands inside RUN (and shell-form CMD/ENTRYPOINT)

export interface ShellWord {
  /** the word with quotes removed and continuations dropped */
  text: string;
  /** offsets in the document */
  start: number;
  end: number;
  range: Range;
}

export interface ShellCommand {
  /** words of one simple command (`apt-get install -y curl`) */
  words: ShellWord[];
  /** operator that follows the command: '&&', '||', ';', '|', '&', '\n' or '' at the end */
  next: string;
  /** operator that precedes it ('' for the first) */
  prev: string;
  range: Range;
}

/**
 * The simple commands of a RUN (or any shell-form instruction) with exact word ranges. Handles
 * quotes, escapes, line continuations with the file's escape char, comment lines inside a
 * continued instruction, and heredoc bodies (`RUN <<EOF … EOF`: the body is the script).
 * Never throws; on odd input it degrades to fewer words.
 */
export function shellCommands(doc: InfraDocument, instr: Instruction): ShellCommand[] {
  const start = (instr.getArgumentsRange() ?? instr.getRange()).start;
  return doc.cached(`dockerfile.sh.${start.line}:${start.character}`, () => {
    try {
      return tokenizeShell(doc, instr);
    } catch {
      return [];
    }
  });
}

function tokenizeShell(doc: InfraDocument, instr: Instruction): ShellCommand[] {
  if (isJsonForm(instr)) return [];
  const argsRange = instr.getArgumentsRange();
  if (!argsRange) return [];
  const ast = dockerfileModel(doc);
  const esc = ast.getEscapeCharacter();
  const text = doc.content;
  const startOff = doc.offsetAt(argsRange.start);
  const endOff = doc.offsetAt(instr.getRange().end);
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let prev = '';
  const heredocs: string[] = [];
  const flush = (op: string) => {
    if (words.length) {
      const range = doc.rangeOf(words[0].start, words[words.length - 1].end);
      commands.push({ words, next: op, prev, range });
      words = [];
      prev = op;
    } else if (op && op !== '\n') prev = op;
  };
  let i = startOff;
  let atLineStart = false;
  while (i < endOff) {
    const c = text[i];
    // continuation: escape char followed by optional spaces and a newline
    if (c === esc) {
      let j = i + 1;
      while (j < endOff && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '\r') j++;
      if (text[j] === '\n' || j >= endOff) {
        i = j + 1;
        atLineStart = true;
        continue;
      }
    }
    if (c === '\n') {
      if (heredocs.length) {
        // heredoc bodies: the script of `RUN <<EOF`; parse it line by line as shell
        i++;
        flush('\n');
        const delim = heredocs.shift()!;
        const bodyEnd = findHeredocEnd(text, i, endOff, delim);
        commands.push(...tokenizeRange(doc, i, bodyEnd.bodyEnd, esc));
        i = bodyEnd.next;
        continue;
      }
      flush('\n');
      i++;
      atLineStart = true;
      continue;
    }
    if (atLineStart) {
      // comment lines inside a continued instruction are dropped by the Dockerfile parser
      let j = i;
      while (j < endOff && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '#') {
        while (j < endOff && text[j] !== '\n') j++;
        i = j + 1;
        continue;
      }
      atLineStart = false;
    }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#' && (i === startOff || /\s/.test(text[i - 1]))) {
      while (i < endOff && text[i] !== '\n') i++;
      continue;
    }
    const op = operatorAt(text, i);
    if (op) {
      if (op === '<<' || op === '<<-') {
        const m = /^<<-?\s*(["']?)([A-Za-z_][\w-]*)\1/.exec(text.slice(i, Math.min(endOff, i + 80)));
        if (m) {
          heredocs.push(m[2]);
          const start = i;
          i += m[0].length;
          words.push({ text: text.slice(start, i), start, end: i, range: doc.rangeOf(start, i) });
          continue;
        }
      }
      if (op === '&&' || op === '||' || op === ';' || op === '|' || op === '&') {
        flush(op);
        i += op.length;
        continue;
      }
    }
    // a word
    const w = readWord(text, i, endOff, esc);
    words.push({ text: w.text, start: i, end: w.end, range: doc.rangeOf(i, w.end) });
    i = w.end;
  }
  flush('');
  return commands;
}

function tokenizeRange(doc: InfraDocument, start: number, end: number, esc: string): ShellCommand[] {
  const text = doc.content;
  const out: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let prev = '';
  const flush = (op: string) => {
    if (words.length) {
      out.push({ words, next: op, prev, range: doc.rangeOf(words[0].start, words[words.length - 1].end) });
      words = [];
      prev = op;
    } else if (op && op !== '\n') prev = op;
  };
  let i = start;
  // inside a heredoc the script is plain shell: backslash continues lines
  const shEsc = '\\';
  void esc;
  while (i < end) {
    const c = text[i];
    if (c === shEsc && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (c === '\n') { flush('\n'); i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#' && (i === start || /\s/.test(text[i - 1]))) {
      while (i < end && text[i] !== '\n') i++;
      continue;
    }
    const op = operatorAt(text, i);
    if (op === '&&' || op === '||' || op === ';' || op === '|' || op === '&') {
      flush(op);
      i += op.length;
      continue;
    }
    const w = readWord(text, i, end, shEsc);
    words.push({ text: w.text, start: i, end: w.end, range: doc.rangeOf(i, w.end) });
    i = w.end;
  }
  flush('');
  return out;
}

function findHeredocEnd(text: string, from: number, end: number, delim: string): { bodyEnd: number; next: number } {
  let i = from;
  while (i < end) {
    let nl = text.indexOf('\n', i);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(i, nl).replace(/\r$/, '').replace(/^\t+/, '');
    if (line === delim) return { bodyEnd: i, next: nl + 1 };
    i = nl + 1;
  }
  return { bodyEnd: end, next: end };
}

function operatorAt(text: string, i: number): string | undefined {
  const two = text.slice(i, i + 2);
  if (two === '&&' || two === '||') return two;
  if (text.startsWith('<<-', i)) return '<<-';
  if (two === '<<') return '<<';
  const c = text[i];
  if (c === ';' || c === '|' || c === '&') {
    // `2>&1`, `&>`: redirections, not operators
    if (c === '&' && (text[i - 1] === '>' || text[i + 1] === '>')) return undefined;
    return c;
  }
  return undefined;
}

function readWord(text: string, i: number, end: number, esc: string): { text: string; end: number } {
  let out = '';
  let j = i;
  while (j < end) {
    const c = text[j];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
    if (c === ';' || c === '|') break;
    if (c === '&' && text[j - 1] !== '>' && text[j + 1] !== '>') break;
    if (c === esc || c === '\\') {
      // continuation inside a word, or an escaped char
      let k = j + 1;
      while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
      if (text[k] === '\n' || (text[k] === '\r' && text[k + 1] === '\n')) {
        if (k > j + 1) break;
        j = text[k] === '\r' ? k + 2 : k + 1;
        continue;
      }
      if (j + 1 < end) out += text[j + 1];
      j += 2;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, j + 1);
      const stop = close < 0 || close >= end ? end : close;
      out += text.slice(j + 1, stop).replace(/\\\r?\n[ \t]*/g, '');
      j = stop + 1;
      continue;
    }
    out += c;
    j++;
  }
  return { text: out, end: Math.min(j, end) };
}

/**
 * The JSON (exec) form as one command: each JSON string is a word (text unquoted, range including
 * the quotes). `["sh", "-c", "…"]` stays one command: the script string is a single word.
 */
export function execCommand(doc: InfraDocument, instr: Instruction): ShellCommand | undefined {
  if (!isJsonForm(instr)) return undefined;
  try {
    const strs = (instr as unknown as { getJSONStrings: () => JsonString[] }).getJSONStrings();
    if (strs.length === 0) return undefined;
    const words: ShellWord[] = strs.map((s) => {
      const range = s.getRange();
      return { text: jsonStringText(instr, s), start: doc.offsetAt(range.start), end: doc.offsetAt(range.end), range };
    });
    return { words, next: '', prev: '', range: { start: words[0].range.start, end: words[words.length - 1].range.end } };
  } catch {
    return undefined;
  }
}

/** The commands of a RUN whose first words match (`apt-get`, `install`): sudo/env prefixes skipped. */
export function commandName(cmd: ShellCommand): { name: string; index: number } | undefined {
  let k = 0;
  const ws = cmd.words;
  while (k < ws.length) {
    const w = ws[k].text;
    if (w === 'sudo' || w === 'exec' || w === 'command' || w === 'nohup' || w === 'time') { k++; while (k < ws.length && ws[k].text.startsWith('-')) k++; continue; }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) { k++; continue; }
    if (w === 'env') { k++; continue; }
    break;
  }
  if (k >= ws.length) return undefined;
  const name = ws[k].text.replace(/^.*\//, '');
  return { name, index: k };
}
