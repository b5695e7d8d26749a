// Dockerfile summaries: document symbols (stages with their instructions), the status-bar
// description ("3 stages") and "Explain this file" (stages, base images, ports, user, entrypoint/cmd,
// with the notes' links).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { t } from '../../knowledge/index';
import { notesLine } from '../../knowledge/render';
import type { Locale } from '../../types';
import type { RequestContext } from '../support';
import { dockerfileInfo, flagOf, fromReference, globalArgs, jsonArgs, parseImageRef, stagesOf, type Instruction, type Stage } from './model';

const KIND: Record<string, SymbolKind> = {
  FROM: SymbolKind.Class, ARG: SymbolKind.Variable, ENV: SymbolKind.Variable, LABEL: SymbolKind.Property,
  EXPOSE: SymbolKind.Number, ENTRYPOINT: SymbolKind.Function, CMD: SymbolKind.Function, HEALTHCHECK: SymbolKind.Event,
  USER: SymbolKind.Key, WORKDIR: SymbolKind.Module,
};

function oneLine(s: string | null | undefined, max = 60): string {
  const v = (s ?? '').replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

function instructionSymbol(instr: Instruction): DocumentSymbol {
  const kw = instr.getKeyword();
  const range = instr.getRange();
  return {
    name: kw,
    detail: oneLine(instr.getRawArgumentsContent()),
    kind: KIND[kw] ?? SymbolKind.Field,
    range,
    selectionRange: instr.getInstructionRange(),
  };
}

export function symbols(doc: InfraDocument, _ctx: RequestContext): DocumentSymbol[] {
  const info = dockerfileInfo(doc);
  const out: DocumentSymbol[] = info.globalArgs.map(instructionSymbol);
  for (const s of info.stages) {
    out.push({
      name: s.name ?? `#${s.index}`,
      detail: `FROM ${s.image}`,
      kind: SymbolKind.Class,
      range: s.range,
      selectionRange: s.nameRange ?? s.imageRange ?? s.from.getInstructionRange(),
      children: s.instructions.slice(1).map(instructionSymbol),
    });
  }
  return out;
}

export function describeDockerfile(doc: InfraDocument, locale: Locale): string | undefined {
  const n = stagesOf(doc).length;
  if (n === 0) return undefined;
  return n === 1 ? t('docker.describe.stage', locale) : t('docker.describe.stages', locale, { count: n });
}

function last(instrs: Instruction[], kw: string): Instruction | undefined {
  for (let i = instrs.length - 1; i >= 0; i--) if (instrs[i].getKeyword() === kw) return instrs[i];
  return undefined;
}

function commandText(instr: Instruction | undefined): string | undefined {
  if (!instr) return undefined;
  const json = jsonArgs(instr);
  return json ? JSON.stringify(json) : oneLine(instr.getRawArgumentsContent(), 100);
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function explainDockerfile(doc: InfraDocument, locale: Locale): string {
  const stages = stagesOf(doc);
  if (stages.length === 0) return t('docker.explain.empty', locale);
  const out: string[] = [`## ${t('docker.explain.title', locale, { count: stages.length })}`];
  const args = globalArgs(doc);
  if (args.length) out.push('', `**${t('docker.explain.args', locale)}:** ${args.map((a) => code(a.value !== undefined ? `${a.name}=${a.value}` : a.name)).join(', ')}`);
  const notes = new Set<string>(['DOCKER-09', 'DOCKER-02']);
  for (const s of stages) out.push('', ...explainStage(doc, s, s.index === stages.length - 1, locale, notes));
  out.push('', notesLine([...notes], locale));
  return out.join('\n');
}

function explainStage(doc: InfraDocument, s: Stage, final: boolean, locale: Locale, notes: Set<string>): string[] {
  const label = `${t('docker.explain.stage', locale, { index: s.index })}${s.name ? ` · ${code(s.name)}` : ''}${final ? ` (${t('docker.explain.final', locale)})` : ''}`;
  const lines = [`### ${label}`];
  const all = stagesOf(doc);
  if (s.parent !== undefined) {
    lines.push(`- **${t('docker.explain.base', locale)}:** ${code(all[s.parent].name ?? String(s.parent))}`);
  } else {
    const p = parseImageRef(s.resolvedImage);
    const r = fromReference(doc, s);
    // with variables set only at build time the reference is unknown: no `:latest` claim
    const where = p.templated || r.unresolved.length ? '' : ` — ${p.registry}/${p.repository}${p.digest ? `@${p.digest}` : `:${p.tag ?? 'latest'}`}`;
    lines.push(`- **${t('docker.explain.base', locale)}:** ${code(s.image)}${where}`);
    notes.add('DOCKER-11');
  }
  const froms = new Set<string>();
  const ports: string[] = [];
  for (const i of s.instructions) {
    if (i.getKeyword() === 'COPY') {
      const f = flagOf(i, 'from')?.getValue();
      if (f) froms.add(f);
    }
    if (i.getKeyword() === 'EXPOSE') ports.push(...i.getArguments().map((a) => a.getValue()));
  }
  if (froms.size) {
    lines.push(`- **${t('docker.explain.copiesFrom', locale)}:** ${[...froms].map(code).join(', ')}`);
    notes.add('DOCKER-22');
  }
  if (final || ports.length) lines.push(`- **${t('docker.explain.ports', locale)}:** ${ports.length ? ports.map(code).join(', ') : t('docker.explain.none', locale)}`);
  const workdir = last(s.instructions, 'WORKDIR');
  if (workdir) lines.push(`- **${t('docker.explain.workdir', locale)}:** ${code(oneLine(workdir.getRawArgumentsContent()))}`);
  if (final) {
    let user = last(s.instructions, 'USER');
    for (let p = s.parent, guard = 0; !user && p !== undefined && guard < 100; p = all[p].parent, guard++) user = last(all[p].instructions, 'USER');
    lines.push(`- **${t('docker.explain.user', locale)}:** ${user ? code(oneLine(user.getRawArgumentsContent())) : t('docker.explain.userRoot', locale)}`);
    notes.add('DOCKER-20');
    const ep = commandText(last(s.instructions, 'ENTRYPOINT'));
    const cmd = commandText(last(s.instructions, 'CMD'));
    if (ep) lines.push(`- **${t('docker.explain.entrypoint', locale)}:** ${code(ep)}`);
    if (cmd) lines.push(`- **${t('docker.explain.cmd', locale)}:** ${code(cmd)}`);
    if (ep || cmd) { notes.add('DOCKER-08'); notes.add('DOCKER-01'); }
    const hc = last(s.instructions, 'HEALTHCHECK');
    if (hc) {
      lines.push(`- **${t('docker.explain.healthcheck', locale)}:** ${code(oneLine(hc.getRawArgumentsContent(), 80))}`);
      notes.add('DOCKER-28');
    }
  }
  return lines;
}
