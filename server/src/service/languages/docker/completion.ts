// Completion in Dockerfiles: instructions with snippet bodies and the knowledge-backed snippets at
// the start of a line, flags per instruction, `--from=` stage names, `--mount` types and keys,
// documented flag values, `$`/`${` variables in scope, and parser directive names at the top.
import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
  type CompletionItem, type Position, type Range,
} from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { allEntries, allRuleEntries, localise, ref, t, type RefEntry, type RuleEntry } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import type { Locale } from '../../types';
import type { RequestContext } from '../support';
import { completeDockerignore } from './dockerignore';
import { renderVariable } from './hover';
import {
  comparePos, dockerfileModel, PREDEFINED_ARGS, rangeContains, stageAt, stagesOf, variablesInScope, type Instruction,
} from './model';

/** Keys each --mount type accepts (BuildKit's reference). */
export const MOUNT_KEYS: Record<string, string[]> = {
  bind: ['target', 'source', 'from', 'rw'],
  cache: ['id', 'target', 'readonly', 'sharing', 'from', 'source', 'mode', 'uid', 'gid'],
  tmpfs: ['target', 'size'],
  secret: ['id', 'target', 'env', 'required', 'mode', 'uid', 'gid'],
  ssh: ['id', 'target', 'required', 'mode', 'uid', 'gid'],
};
const MOUNT_KEY_ENTRY: Record<string, string> = { gid: 'uid' };

export const INSTRUCTIONS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'MAINTAINER',
];

const doc_ = (value: string) => ({ kind: MarkupKind.Markdown, value });

export function complete(doc: InfraDocument, pos: Position, ctx: RequestContext): CompletionItem[] {
  try {
    if (doc.kind === 'dockerignore') return completeDockerignore(doc, pos, ctx.settings.locale);
    if (doc.kind !== 'dockerfile') return [];
    return completeDockerfile(doc, pos, ctx.settings.locale);
  } catch {
    return [];
  }
}

function completeDockerfile(doc: InfraDocument, pos: Position, locale: Locale): CompletionItem[] {
  const line = doc.lineText(pos.line);
  const before = line.slice(0, pos.character);
  const ast = dockerfileModel(doc);
  const instructions = ast.getInstructions();
  const outer = instructions.find((i) => rangeContains(i.getRange(), pos) && !rangeContains(i.getInstructionRange(), pos));

  // BuildKit check names after `# check=skip=`
  const ck = /^\s*#\s*check\s*=\s*(?:.*;)?\s*skip\s*=\s*(?:[\w]+,)*(\w*)$/i.exec(before);
  if (ck && pos.line < (instructions[0]?.getRange().start.line ?? Infinity)) {
    const range = { start: { line: pos.line, character: pos.character - ck[1].length }, end: pos };
    return buildkitChecks().map(({ id, rule }) => ({
      label: id,
      kind: CompletionItemKind.EnumMember,
      detail: `${rule.id} · ${localise(rule.title, locale)}`,
      textEdit: { range, newText: id },
    }));
  }

  // the settings of `# check=`: skip, error, experimental (joined with `;`)
  const cs = /^\s*#\s*check\s*=\s*(?:[^;]*;\s*)*([a-z]*)$/i.exec(before);
  if (cs && pos.line < (instructions[0]?.getRange().start.line ?? Infinity)) {
    const e = ref('dockerfile.directive.check');
    const range = { start: { line: pos.line, character: pos.character - cs[1].length }, end: wordEnd(line, pos) };
    return Object.keys(e?.values ?? {}).map((key) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: localise(e!.values![key], locale),
      documentation: doc_(renderRef(e!, locale, { value: key })),
      textEdit: { range, newText: `${key}=` },
    }));
  }

  // parser directives: a comment at the head of the file
  const m = /^\s*#\s*([a-z]*)$/i.exec(before);
  if (m) {
    const firstInstr = instructions[0]?.getRange().start.line ?? Infinity;
    const headComments = Array.from({ length: pos.line }, (_, l) => doc.lineText(l)).every((l) => /^\s*#/.test(l));
    if (pos.line < firstInstr && headComments) return directiveItems(doc, pos, m[1], locale);
    return [];
  }

  // variables: $NAME or ${NAME
  const v = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (v && outer) return variableItems(doc, pos, v[1] ?? '', locale);

  if (!outer) {
    // start of a line (or within the keyword being typed)
    const w = /^\s*([A-Za-z-]*)$/.exec(before);
    if (!w) return [];
    const continuing = instructions.some((i) => i.getRange().start.line < pos.line && i.getRange().end.line >= pos.line);
    if (continuing) return [];
    const range = { start: { line: pos.line, character: pos.character - w[1].length }, end: wordEnd(line, pos) };
    return [...instructionItems(range, locale, stagesOf(doc).length === 0 && instructionsBefore(instructions, pos) === 0), ...snippetItems(range, locale)];
  }

  // ONBUILD <instruction>
  const ob = /^\s*ONBUILD\s+([A-Za-z]*)$/i.exec(before);
  if (outer.getKeyword() === 'ONBUILD' && ob) {
    const range = { start: { line: pos.line, character: pos.character - ob[1].length }, end: wordEnd(line, pos) };
    return instructionItems(range, locale, false).filter((i) => !['FROM', 'ONBUILD', 'MAINTAINER'].includes(String(i.label)));
  }
  // `ONBUILD COPY --…`: the flags and values are those of the trigger instruction
  const trigger = outer.getKeyword() === 'ONBUILD' ? (outer as unknown as { getTriggerInstruction?(): Instruction | null }).getTriggerInstruction?.() : null;
  const instr = trigger ?? outer;
  const keyword = instr.getKeyword();
  // FROM <earlier stage> / FROM image AS
  if (keyword === 'FROM') {
    const fi = /^\s*FROM\s+(?:--\S+\s+)*([\w.\-/:@${}]*)$/i.exec(before);
    if (fi && !fi[1].startsWith('--')) {
      const here = stageAt(doc, instr.getRange().start);
      const range = { start: { line: pos.line, character: pos.character - fi[1].length }, end: pos };
      const e = ref('dockerfile.stage');
      return stagesOf(doc).filter((s) => s.name && (!here || s.index < here.index)).map((s) => ({
        label: s.name!,
        kind: CompletionItemKind.Module,
        detail: t('docker.completion.stage', locale, { index: s.index, image: s.image }),
        documentation: e ? doc_(renderRef(e, locale, { args: { name: s.name! } })) : undefined,
        textEdit: { range, newText: s.name! },
      }));
    }
    const as = /^\s*FROM\s+(?:--\S+\s+)*[^\s-]\S*\s+([A-Za-z]*)$/i.exec(before);
    if (as) {
      const range = { start: { line: pos.line, character: pos.character - as[1].length }, end: pos };
      const e = ref('dockerfile.stage');
      return [{ label: 'AS', kind: CompletionItemKind.Keyword, documentation: e ? doc_(renderRef(e, locale, { args: { name: '…' } })) : undefined, insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: 'AS ${1:name}' } }];
    }
  }
  // HEALTHCHECK CMD | NONE after the flags
  const hc = /^\s*HEALTHCHECK\s+(?:--\S+\s+)*([A-Za-z]*)$/i.exec(before);
  if (keyword === 'HEALTHCHECK' && hc && !hc[1].startsWith('-')) {
    const range = { start: { line: pos.line, character: pos.character - hc[1].length }, end: pos };
    const e = ref('dockerfile.instruction.HEALTHCHECK');
    return [
      { label: 'CMD', kind: CompletionItemKind.Keyword, documentation: entryDoc(e, locale), insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: 'CMD ${1:curl -fsS http://localhost/ || exit 1}' } },
      { label: 'NONE', kind: CompletionItemKind.Keyword, documentation: entryDoc(e, locale), textEdit: { range, newText: 'NONE' } },
    ];
  }
  // LABEL keys (OCI annotations)
  const lb = /^\s*LABEL\s+(?:\S+=(?:"[^"]*"|\S*)\s+)*([\w.-]*)$/i.exec(before);
  if (keyword === 'LABEL' && lb) {
    const e = ref('dockerfile.label-key');
    const range = { start: { line: pos.line, character: pos.character - lb[1].length }, end: pos };
    return Object.keys(e?.values ?? {}).map((key) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: localise(e!.values![key], locale),
      documentation: doc_(renderRef(e!, locale, { args: { name: key }, value: key })),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${key}="\${1}"` },
    }));
  }
  // flag values
  const fv = /--([a-z-]+)=([^\s]*)$/.exec(before);
  if (fv) return flagValueItems(doc, instr, keyword, fv[1], fv[2], pos, locale);
  // flag names
  const fn = /(?:^|\s)(-{1,2}[a-z-]*)$/.exec(before);
  if (fn && flagsAllowedHere(instr, pos)) {
    const typed = fn[1];
    const range = { start: { line: pos.line, character: pos.character - typed.length }, end: wordEnd(line, pos) };
    return flagItems(keyword, range, locale);
  }
  return [];
}

/** BuildKit check names known to the rule catalogue (seeAlso tool: buildkit). */
function buildkitChecks(): { id: string; rule: RuleEntry }[] {
  const out = new Map<string, RuleEntry>();
  for (const r of allRuleEntries()) for (const s of r.seeAlso ?? []) if (s.tool === 'buildkit' && !out.has(s.id)) out.set(s.id, r);
  return [...out].map(([id, rule]) => ({ id, rule })).sort((a, b) => a.id.localeCompare(b.id));
}

function instructionsBefore(list: Instruction[], pos: Position): number {
  return list.filter((i) => comparePos(i.getRange().end, pos) < 0).length;
}

function wordEnd(line: string, pos: Position): Position {
  let e = pos.character;
  while (e < line.length && /[A-Za-z0-9_-]/.test(line[e])) e++;
  return { line: pos.line, character: e };
}

/** Flags come before the arguments: only offer them while nothing but flags precede the cursor. */
function flagsAllowedHere(instr: Instruction, pos: Position): boolean {
  const args = instr.getArguments();
  return !args.some((a) => comparePos(a.getRange().end, pos) < 0 && !a.getValue().startsWith('--'));
}

function entryDoc(e: RefEntry | undefined, locale: Locale) {
  return e ? doc_(renderRef(e, locale)) : undefined;
}

function instructionItems(range: Range, locale: Locale, top: boolean): CompletionItem[] {
  return INSTRUCTIONS.map((kw, i) => {
    const e = ref(`dockerfile.instruction.${kw}`);
    const body = typeof e?.snippet === 'string' ? e.snippet : `${kw} `;
    return {
      label: kw,
      kind: CompletionItemKind.Keyword,
      detail: e ? localise(e.title, locale) : undefined,
      documentation: entryDoc(e, locale),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: body },
      // FROM and ARG first at the top of a file; MAINTAINER (deprecated) last
      sortText: `${kw === 'MAINTAINER' ? 'z' : top && (kw === 'FROM' || kw === 'ARG') ? '0' : '1'}${String(i).padStart(2, '0')}`,
      ...(kw === 'MAINTAINER' ? { tags: [1] } : {}),
    } satisfies CompletionItem;
  });
}

function snippetItems(range: Range, locale: Locale): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const e of allEntries()) {
    if (e.type !== 'ref' || !e.id.startsWith('dockerfile.snippet.')) continue;
    const r = e as RefEntry;
    if (typeof r.prefix !== 'string' || typeof r.snippet !== 'string') continue;
    out.push({
      label: r.prefix,
      kind: CompletionItemKind.Snippet,
      detail: localise(r.title, locale),
      documentation: doc_(`${renderRef(r, locale)}\n\n\`\`\`dockerfile\n${r.snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}/g, '').replace(/\\\$/g, '$')}\n\`\`\``),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: r.snippet },
      filterText: r.prefix,
      sortText: `5${r.prefix}`,
    });
  }
  return out;
}

function flagItems(keyword: string, range: Range, locale: Locale): CompletionItem[] {
  const e = ref(`dockerfile.instruction.${keyword}`);
  const flags = Array.isArray(e?.flags) ? (e!.flags as string[]) : [];
  return flags.map((name) => {
    const f = ref(`dockerfile.flag.${keyword}.${name}`) ?? ref(`dockerfile.flag.${name}`);
    const body = typeof f?.snippet === 'string' ? f.snippet : name;
    return {
      label: `--${name}`,
      kind: CompletionItemKind.Property,
      detail: f ? localise(f.title, locale) : undefined,
      documentation: entryDoc(f, locale),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `--${body}` },
      filterText: `--${name}`,
    } satisfies CompletionItem;
  });
}

function flagValueItems(doc: InfraDocument, instr: Instruction, keyword: string, flag: string, typed: string, pos: Position, locale: Locale): CompletionItem[] {
  if (flag === 'from' && (keyword === 'COPY' || keyword === 'ADD')) return stageItems(doc, instr, pos, typed, locale);
  if (flag === 'mount' && keyword === 'RUN') return mountItems(doc, instr, typed, pos, locale);
  const f = ref(`dockerfile.flag.${keyword}.${flag}`) ?? ref(`dockerfile.flag.${flag}`);
  if (!f?.values) return [];
  const range = { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
  return Object.keys(f.values).map((value) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    detail: localise(f.values![value], locale),
    documentation: doc_(renderRef(f, locale, { value })),
    textEdit: { range, newText: value },
  }));
}

function stageItems(doc: InfraDocument, instr: Instruction, pos: Position, typed: string, locale: Locale): CompletionItem[] {
  const here = stageAt(doc, instr.getRange().start);
  const range = { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
  const e = ref('dockerfile.stage');
  return stagesOf(doc)
    .filter((s) => here === undefined || s.index < here.index)
    .map((s) => {
      const label = s.name ?? String(s.index);
      return {
        label,
        kind: CompletionItemKind.Module,
        detail: t('docker.completion.stage', locale, { index: s.index, image: s.image }),
        documentation: e ? doc_(renderRef(e, locale, { args: { name: label } })) : undefined,
        textEdit: { range, newText: label },
        sortText: String(999 - s.index).padStart(3, '0'),
      };
    });
}

function mountItems(doc: InfraDocument, instr: Instruction, typed: string, pos: Position, locale: Locale): CompletionItem[] {
  // typed: "type=cache,tar" — complete the part after the last comma
  const parts = typed.split(',');
  const current = parts[parts.length - 1];
  const options = new Map(parts.slice(0, -1).map((p) => {
    const i = p.indexOf('=');
    return [i < 0 ? p : p.slice(0, i), i < 0 ? '' : p.slice(i + 1)] as const;
  }));
  const eq = current.indexOf('=');
  if (eq >= 0) {
    const key = current.slice(0, eq);
    const val = current.slice(eq + 1);
    const range = { start: { line: pos.line, character: pos.character - val.length }, end: pos };
    if (key === 'type' || key === 'sharing') {
      const e = ref(`dockerfile.mount.${key}`);
      return Object.keys(e?.values ?? {}).map((value) => ({
        label: value,
        kind: CompletionItemKind.EnumMember,
        detail: localise(e!.values![value], locale),
        documentation: doc_(renderRef(e!, locale, { value })),
        textEdit: { range, newText: value },
      }));
    }
    if (key === 'from') return stageItems(doc, instr, pos, val, locale);
    return [];
  }
  const range = { start: { line: pos.line, character: pos.character - current.length }, end: pos };
  const type = options.get('type');
  if (type === undefined) {
    const e = ref('dockerfile.mount.type');
    return [{
      label: 'type',
      kind: CompletionItemKind.Property,
      documentation: entryDoc(e, locale),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: 'type=${1|cache,bind,secret,ssh,tmpfs|}' },
    }];
  }
  const keys = MOUNT_KEYS[type] ?? MOUNT_KEYS.bind;
  return keys.filter((k) => !options.has(k)).map((k) => {
    const e = ref(`dockerfile.mount.${MOUNT_KEY_ENTRY[k] ?? k}`);
    return {
      label: k,
      kind: CompletionItemKind.Property,
      detail: e ? localise(e.title, locale) : undefined,
      documentation: entryDoc(e, locale),
      textEdit: { range, newText: k === 'readonly' || k === 'rw' || k === 'required' ? k : `${k}=` },
    };
  });
}

function variableItems(doc: InfraDocument, pos: Position, typed: string, locale: Locale): CompletionItem[] {
  const range = { start: { line: pos.line, character: pos.character - typed.length }, end: wordEnd(doc.lineText(pos.line), pos) };
  const scope = variablesInScope(doc, pos);
  const items: CompletionItem[] = [...scope.values()].map((d) => ({
    label: d.name,
    kind: d.kind === 'ENV' ? CompletionItemKind.Variable : CompletionItemKind.Constant,
    detail: t('docker.completion.variable', locale, { kind: d.kind, line: d.nameRange.start.line + 1 }),
    documentation: doc_(renderVariable(doc, d, locale)),
    textEdit: { range, newText: d.name },
    sortText: `0${d.name}`,
  }));
  const predefined = ref('dockerfile.variable.predefined');
  for (const name of PREDEFINED_ARGS) {
    if (scope.has(name) || !/^[A-Z]/.test(name)) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Constant,
      detail: t('docker.completion.predefined', locale),
      documentation: predefined ? doc_(renderRef(predefined, locale, { args: { name } })) : undefined,
      textEdit: { range, newText: name },
      sortText: `1${name}`,
    });
  }
  return items;
}

function directiveItems(doc: InfraDocument, pos: Position, typed: string, locale: Locale): CompletionItem[] {
  const range = { start: { line: pos.line, character: pos.character - typed.length }, end: wordEnd(doc.lineText(pos.line), pos) };
  const present = new Set(dockerfileModel(doc).getDirectives().map((d) => d.getName().toLowerCase()));
  return ['syntax', 'escape', 'check'].filter((n) => !present.has(n)).map((n) => {
    const e = ref(`dockerfile.directive.${n}`);
    return {
      label: n,
      kind: CompletionItemKind.Keyword,
      detail: e ? localise(e.title, locale) : undefined,
      documentation: entryDoc(e, locale),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: typeof e?.snippet === 'string' ? e.snippet : `${n}=` },
    };
  });
}
