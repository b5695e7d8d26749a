// Hovers in Dockerfiles: instructions, flags (BuildKit's too) and --mount keys, parser directives,
// variables (resolved value, where set), image references (registry/repository/tag/digest),
// stage names, and the shell commands the notes talk about inside RUN. All prose from
// server/knowledge/docker/*.yaml through renderRef.
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { allEntries, allRuleEntries, localise, ref, t, type RefEntry } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import type { Locale } from '../../types';
import type { RequestContext } from '../support';
import { dockerignoreFor, dockerignoreHover } from './dockerignore';
import {
  AUTOMATIC_FROM_ARGS, commandName, definitionsIn, dockerfileModel, execCommand, findStage, flagsOf, fromReference, parseImageRef, PREDEFINED_ARGS,
  rangeContains, shellCommands, stageAt, stagesOf, variableRefs, variablesInScope,
  type Flag, type From, type Instruction, type ShellCommand, type ShellWord, type Stage, type VariableDef,
} from './model';

const md = (value: string, range: Range): Hover => ({ contents: { kind: 'markdown', value }, range });

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  if (doc.kind === 'dockerignore') return dockerignoreHover(doc, pos, ctx);
  try {
    return dockerfileHover(doc, pos, ctx);
  } catch {
    return null;
  }
}

function dockerfileHover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const ast = dockerfileModel(doc);
  for (const d of ast.getDirectives()) {
    const onName = rangeContains(d.getNameRange(), pos);
    if (onName || rangeContains(d.getValueRange(), pos)) {
      const name = d.getName().toLowerCase();
      const e = ref(`dockerfile.directive.${name}`);
      if (!e) return null;
      const extra = name === 'check' ? checkSkips(d.getValue(), locale) : [];
      return md(renderRef(e, locale, { value: d.getValue(), extra }), onName ? d.getNameRange() : d.getValueRange());
    }
  }
  const instr = ast.getInstructions().find((i) => rangeContains(i.getRange(), pos));
  if (!instr) return null;
  if ((instr.getKeyword() === 'COPY' || instr.getKeyword() === 'ADD')) {
    const h = contextHover(doc, instr, pos, ctx);
    if (h) return h;
  }
  return instructionHover(doc, instr, pos, locale);
}

/** `# check=skip=A,B`: which of our rules each skipped BuildKit check corresponds to. */
function checkSkips(value: string, locale: Locale): string[] {
  const m = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(value);
  if (!m) return [];
  const names = m[1].split(',').map((x) => x.trim()).filter(Boolean);
  if (names.length === 0 || names.some((n) => n.toLowerCase() === 'all')) return [];
  const lines = names.map((n) => {
    const rules = allRuleEntries().filter((r) => r.seeAlso?.some((s) => s.tool === 'buildkit' && s.id.toLowerCase() === n.toLowerCase()));
    return `- \`${n}\` → ${rules.length ? rules.map((r) => `${r.id} · ${localise(r.title, locale)}`).join(', ') : t('docker.check.unknown', locale)}`;
  });
  return [`${t('docker.check.skips', locale)}\n${lines.join('\n')}`];
}

/** `COPY . …`: what the whole build context is, and whether a .dockerignore trims it. */
function contextHover(doc: InfraDocument, instr: Instruction, pos: Position, ctx: RequestContext): Hover | null {
  const args = instr.getArguments();
  if (args.length < 2) return null;
  const src = args.slice(0, -1).find((a) => rangeContains(a.getRange(), pos) && /^\.\/?$/.test(a.getValue()));
  if (!src) return null;
  const e = ref('dockerfile.copy-context');
  if (!e) return null;
  const locale = ctx.settings.locale;
  const extra: string[] = [];
  const ignore = dockerignoreFor(doc.path, ctx.workspace);
  if (ignore) extra.push(t('docker.context.ignoreFound', locale, { file: ignore.name, count: ignore.patterns.length }));
  else if (ctx.workspace.roots.length) extra.push(t('docker.context.ignoreMissing', locale));
  return md(renderRef(e, locale, { extra }), src.getRange());
}

function instructionHover(doc: InfraDocument, instr: Instruction, pos: Position, locale: Locale): Hover | null {
  const keyword = instr.getKeyword();
  const kwRange = instr.getInstructionRange();
  if (rangeContains(kwRange, pos)) {
    const e = ref(`dockerfile.instruction.${keyword}`);
    return e ? md(renderRef(e, locale), kwRange) : null;
  }
  if (keyword === 'ONBUILD') {
    const trigger = (instr as unknown as { getTriggerInstruction(): Instruction | null }).getTriggerInstruction?.();
    if (trigger) return instructionHover(doc, trigger, pos, locale);
    return null;
  }
  for (const flag of flagsOf(instr)) {
    const h = flagHover(doc, instr, flag, pos, locale);
    if (h !== undefined) return h;
  }
  for (const v of variableRefs(instr)) {
    if (rangeContains(v.range, pos)) return variableHover(doc, v.name, v.range, pos, locale);
  }
  if (keyword === 'ARG' || keyword === 'ENV') {
    const d = definitionsIn(doc, instr).find((x) => rangeContains(x.nameRange, pos));
    if (d) return md(renderVariable(doc, d, locale), d.nameRange);
  }
  if (keyword === 'FROM') {
    const from = instr as From;
    const stageRange = from.getBuildStageRange();
    if (stageRange && rangeContains(stageRange, pos)) {
      const stage = stagesOf(doc).find((s) => s.from === from);
      return stage ? md(renderStage(doc, stage, locale), stageRange) : null;
    }
    const imageRange = from.getImageRange();
    if (imageRange && rangeContains(imageRange, pos)) return md(renderImage(doc, from, locale), imageRange);
    return null;
  }
  if (keyword === 'USER') return userHover(doc, instr, pos, locale);
  if (keyword === 'EXPOSE') return exposeHover(instr, pos, locale);
  const hd = heredocHover(doc, instr, pos, locale);
  if (hd) return hd;
  if (keyword === 'LABEL') return labelHover(instr, pos, locale);
  if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
    return commandHover(doc, instr, pos, locale);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// flags

const MOUNT_KEY_ALIASES: Record<string, string> = {
  ro: 'readonly', readonly: 'readonly', rw: 'rw', readwrite: 'rw',
  dst: 'target', destination: 'target', target: 'target', src: 'source', source: 'source',
  gid: 'uid', uid: 'uid',
};

/** undefined: the position is not on this flag; null: on it but nothing to say. */
function flagHover(doc: InfraDocument, instr: Instruction, flag: Flag, pos: Position, locale: Locale): Hover | null | undefined {
  if (!rangeContains(flag.getRange(), pos)) return undefined;
  const keyword = instr.getKeyword();
  const name = flag.getName().toLowerCase();
  const e = ref(`dockerfile.flag.${keyword}.${name}`) ?? ref(`dockerfile.flag.${name}`);
  const nameRange = { start: flag.getRange().start, end: flag.getNameRange().end };
  if (rangeContains(nameRange, pos)) return e ? md(renderRef(e, locale), nameRange) : null;
  const value = flag.getValue();
  const valueRange = flag.getValueRange();
  if (keyword === 'RUN' && name === 'mount') {
    for (const o of flag.getOptions()) {
      const key = o.getName().toLowerCase();
      if (rangeContains(o.getNameRange(), pos)) {
        const k = ref(`dockerfile.mount.${MOUNT_KEY_ALIASES[key] ?? key}`);
        return k ? md(renderRef(k, locale), o.getNameRange()) : null;
      }
      const vr = o.getValueRange();
      if (vr && rangeContains(vr, pos)) {
        const v = o.getValue() ?? '';
        if (key === 'type' || key === 'sharing') {
          const k = ref(`dockerfile.mount.${key}`);
          return k ? md(renderRef(k, locale, { value: v }), vr) : null;
        }
        if (key === 'from') return stageRefHover(doc, instr, v, vr, locale);
        return null;
      }
    }
    return null;
  }
  if (valueRange && value !== null && rangeContains(valueRange, pos)) {
    if (name === 'from' && (keyword === 'COPY' || keyword === 'ADD')) return stageRefHover(doc, instr, value, valueRange, locale);
    if (e?.values?.[value]) return md(renderRef(e, locale, { value }), valueRange);
    const vars = variableRefs(instr).find((v) => rangeContains(v.range, pos));
    if (vars) return variableHover(doc, vars.name, vars.range, pos, locale);
    return e ? md(renderRef(e, locale), valueRange) : null;
  }
  return null;
}

function stageRefHover(doc: InfraDocument, instr: Instruction, name: string, range: Range, locale: Locale): Hover | null {
  const here = stageAt(doc, instr.getRange().start);
  const stage = findStage(doc, name, here?.index);
  if (stage) return md(renderStage(doc, stage, locale), range);
  // an image
  const parsed = parseImageRef(name);
  return md(renderImageRef(parsed.raw, parsed, undefined, locale), range);
}

// ---------------------------------------------------------------------------------------------
// variables

function variableHover(doc: InfraDocument, name: string, range: Range, pos: Position, locale: Locale): Hover | null {
  const scope = variablesInScope(doc, pos);
  const d = scope.get(name);
  if (d) return md(renderVariable(doc, d, locale), range);
  if ((PREDEFINED_ARGS as readonly string[]).includes(name)) {
    const e = ref('dockerfile.variable.predefined');
    return e ? md(renderRef(e, locale, { args: { name } }), range) : null;
  }
  const stage = stageAt(doc, pos);
  if (stage && rangeContains(stage.from.getRange(), pos) && AUTOMATIC_FROM_ARGS.has(name)) {
    const e = ref('dockerfile.variable.predefined');
    return e ? md(renderRef(e, locale, { args: { name } }), range) : null;
  }
  const e = ref('dockerfile.variable.undefined');
  return e ? md(renderRef(e, locale, { args: { name } }), range) : null;
}

export function renderVariable(doc: InfraDocument, d: VariableDef, locale: Locale): string {
  const e = ref(`dockerfile.variable.${d.kind}`) as RefEntry;
  const extra: string[] = [];
  const shown = d.resolved ?? d.value;
  if (shown !== undefined) extra.push(t('docker.var.value', locale, { value: shown }));
  // `ARG TARGETARCH` (denoland/deno_docker alpine.dockerfile): BuildKit fills it, it is never empty
  else if (d.kind === 'ARG' && AUTOMATIC_FROM_ARGS.has(d.name)) extra.push(t('docker.var.platform', locale, { name: d.name }));
  else if (d.kind === 'ARG') extra.push(t('docker.var.noValue', locale));
  const scope = d.global ? t('docker.scope.global', locale) : t('docker.scope.stage', locale, { stage: stageLabel(doc, d.stage) });
  extra.push(t('docker.var.setAt', locale, { kind: d.kind, line: d.nameRange.start.line + 1, scope }));
  if (d.inherits) extra.push(t('docker.var.inherits', locale, { line: d.inherits.nameRange.start.line + 1 }));
  return renderRef(e, locale, { args: { name: d.name }, extra });
}

function stageLabel(doc: InfraDocument, i: number | undefined): string {
  const st = i === undefined ? undefined : stagesOf(doc)[i];
  return st?.name ?? String(i ?? '');
}

// ---------------------------------------------------------------------------------------------
// images and stages

function renderImage(doc: InfraDocument, from: From, locale: Locale): string {
  const stage = stagesOf(doc).find((s) => s.from === from);
  const image = from.getImage() ?? '';
  if (stage?.parent !== undefined) {
    const parent = stagesOf(doc)[stage.parent];
    return renderStage(doc, parent, locale);
  }
  const resolved = stage?.resolvedImage ?? image;
  const r = stage ? fromReference(doc, stage) : undefined;
  if (r && r.unresolved.length) {
    // variables set only at build time: no registry/repository/tag claims (never "latest is pulled")
    const e = ref('dockerfile.image') as RefEntry;
    const vars = r.unresolved.map((n) => `\`${n}\``).join(', ');
    const extra: string[] = [];
    if (r.stages.length) {
      const stages = r.stages.map((s) => `\`${s.name}\` (${t('docker.image.line', locale, { line: s.range.start.line + 1 })})`).join(', ');
      extra.push(t('docker.image.stageByVariables', locale, { stages, vars }));
    }
    if (r.platform.length) extra.push(t('docker.image.platformArgs', locale, { vars: r.platform.map((n) => `\`${n}\``).join(', ') }));
    const others = r.unresolved.filter((n) => !r.platform.includes(n));
    if (others.length) extra.push(t('docker.image.unresolved', locale, { vars: others.map((n) => `\`${n}\``).join(', ') }));
    return renderRef(e, locale, { args: { image: image.replace(/`/g, '') }, extra });
  }
  return renderImageRef(image, parseImageRef(resolved), resolved !== image ? resolved : undefined, locale);
}

function renderImageRef(image: string, p: ReturnType<typeof parseImageRef>, resolved: string | undefined, locale: Locale): string {
  const e = ref('dockerfile.image') as RefEntry;
  if (!p.repository || p.templated) return renderRef(e, locale, { args: { image: image.replace(/`/g, '') } });
  const rows = [
    `| | |`,
    `|---|---|`,
    `| ${t('docker.image.registry', locale)} | \`${p.registry}\`${p.explicitRegistry ? '' : ` ${t('docker.image.registryDefault', locale)}`} |`,
    `| ${t('docker.image.repository', locale)} | \`${p.repository}\` |`,
  ];
  if (p.tag) rows.push(`| ${t('docker.image.tag', locale)} | \`${p.tag}\` |`);
  else if (!p.digest) rows.push(`| ${t('docker.image.tag', locale)} | ${t('docker.image.tagNone', locale)} |`);
  if (p.digest) rows.push(`| ${t('docker.image.digest', locale)} | \`${p.digest}\` |`);
  const extra = [rows.join('\n')];
  if (resolved) extra.unshift(t('docker.image.resolved', locale, { image: resolved }));
  return renderRef(e, locale, { args: { image: image.replace(/`/g, '') }, extra });
}

function renderStage(doc: InfraDocument, stage: Stage, locale: Locale): string {
  const e = ref('dockerfile.stage') as RefEntry;
  const all = stagesOf(doc);
  const extra = [t('docker.stage.definedAt', locale, { line: stage.range.start.line + 1, image: stage.image })];
  if (stage.index === all.length - 1) extra.push(t('docker.stage.final', locale));
  return renderRef(e, locale, { args: { name: stage.name ?? String(stage.index) }, extra });
}

// ---------------------------------------------------------------------------------------------
// EXPOSE and heredocs

function exposeHover(instr: Instruction, pos: Position, locale: Locale): Hover | null {
  const arg = instr.getArguments().find((a) => rangeContains(a.getRange(), pos));
  const e = ref('dockerfile.expose-port');
  if (!arg || !e || arg.getValue().includes('$')) return null;
  const [port, proto] = arg.getValue().split('/');
  return md(renderRef(e, locale, { args: { port }, value: (proto ?? 'tcp').toLowerCase() }), arg.getRange());
}

/** `<<EOF`, `<<-EOF`, `<<'EOF'` at the start of a heredoc in RUN/COPY/ADD. */
function heredocHover(doc: InfraDocument, instr: Instruction, pos: Position, locale: Locale): Hover | null {
  const kw = instr.getKeyword();
  if (kw !== 'RUN' && kw !== 'COPY' && kw !== 'ADD') return null;
  const line = doc.lineText(pos.line);
  const re = /<<-?(["']?)([A-Za-z_][\w-]*)\1/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (pos.character < m.index || pos.character > m.index + m[0].length) continue;
    if (pos.line !== instr.getRange().start.line && !rangeContains(instr.getRange(), pos)) return null;
    const e = ref('dockerfile.heredoc');
    const range = { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } };
    return e ? md(renderRef(e, locale, { args: { name: m[2] } }), range) : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// LABEL

function labelHover(instr: Instruction, pos: Position, locale: Locale): Hover | null {
  const props = (instr as unknown as { getProperties?: () => { getName(): string; getNameRange(): Range }[] }).getProperties?.() ?? [];
  const p = props.find((x) => rangeContains(x.getNameRange(), pos));
  const e = ref('dockerfile.label-key');
  if (!p || !e) return null;
  const name = p.getName().replace(/^"|"$/g, '');
  return md(renderRef(e, locale, { args: { name }, value: name }), p.getNameRange());
}

// ---------------------------------------------------------------------------------------------
// USER

/** 'alpine' | 'debian' when the stage's base image (through parent stages) says so. */
export function distroOf(doc: InfraDocument, stage: Stage | undefined): { distro: 'alpine' | 'debian'; image: string } | undefined {
  const all = stagesOf(doc);
  let s = stage;
  for (let guard = 0; s && s.parent !== undefined && guard < 100; guard++) s = all[s.parent];
  if (!s) return undefined;
  const image = s.resolvedImage.toLowerCase();
  if (/alpine/.test(image)) return { distro: 'alpine', image: s.resolvedImage };
  if (/debian|ubuntu|bookworm|bullseye|buster|trixie|jammy|noble|focal/.test(image)) return { distro: 'debian', image: s.resolvedImage };
  return undefined;
}

function userHover(doc: InfraDocument, instr: Instruction, pos: Position, locale: Locale): Hover | null {
  const arg = instr.getArguments()[0];
  if (!arg || !rangeContains(arg.getRange(), pos)) return null;
  const value = arg.getValue();
  const colon = value.indexOf(':');
  const start = arg.getRange().start;
  const userEnd = colon < 0 ? value.length : colon;
  const onGroup = colon >= 0 && pos.line === start.line && pos.character > start.character + colon;
  const name = onGroup ? value.slice(colon + 1) : value.slice(0, userEnd);
  const range = onGroup
    ? { start: { line: start.line, character: start.character + colon + 1 }, end: arg.getRange().end }
    : { start, end: { line: start.line, character: start.character + userEnd } };
  const e = ref('dockerfile.user-name');
  if (!e || !name || name.includes('$')) return null;
  const extra: string[] = [];
  const d = distroOf(doc, stageAt(doc, instr.getRange().start));
  if (d) extra.push(t(`docker.user.${d.distro}`, locale, { image: d.image }));
  return md(renderRef(e, locale, { args: { name }, value: name, extra }), range);
}

// ---------------------------------------------------------------------------------------------
// shell commands

interface CommandEntry { entry: RefEntry; name: string; rest: string[]; word?: RegExp }

let commandTable: CommandEntry[] | undefined;
function commands(): CommandEntry[] {
  if (commandTable) return commandTable;
  const out: CommandEntry[] = [];
  for (const e of allEntries()) {
    if (e.type !== 'ref' || !e.id.startsWith('dockerfile.command.')) continue;
    const r = e as RefEntry;
    const patterns = [r.match, ...((r.aliases as string[] | undefined) ?? [])].filter((x): x is string => typeof x === 'string');
    for (const p of patterns) {
      const words = p.split(/\s+/).filter((w) => !w.startsWith('-'));
      out.push({ entry: r, name: words[0], rest: words.slice(1), word: typeof r.word === 'string' ? new RegExp(r.word) : undefined });
    }
  }
  commandTable = out;
  return out;
}

/** The knowledge entry of a shell command, if the notes talk about it. */
export function matchCommand(cmd: ShellCommand): RefEntry | undefined {
  const head = commandName(cmd);
  if (!head) return undefined;
  const words = cmd.words.slice(head.index);
  const plain = words.filter((w) => !w.text.startsWith('-')).map((w) => w.text);
  const name = head.name;
  for (const c of commands()) {
    if (c.name !== name) continue;
    if (c.word && !words.some((w) => c.word!.test(w.text))) continue;
    let ok = true;
    let k = 1;
    for (const r of c.rest) {
      if (r.startsWith('/')) {
        if (!words.some((w) => w.text.startsWith(r))) { ok = false; break; }
      } else {
        if (plain[k] !== r) { ok = false; break; }
        k++;
      }
    }
    if (ok) return c.entry;
  }
  return undefined;
}

function commandHover(doc: InfraDocument, instr: Instruction, pos: Position, locale: Locale): Hover | null {
  const offset = doc.offsetAt(pos);
  const exec = execCommand(doc, instr);
  for (const cmd of exec ? [exec] : shellCommands(doc, instr)) {
    const word: ShellWord | undefined = cmd.words.find((w) => w.start <= offset && offset <= w.end);
    if (!word) continue;
    const e = matchCommand(cmd);
    return e ? md(renderRef(e, locale), word.range) : null;
  }
  return null;
}

