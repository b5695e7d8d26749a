// Suppressions and severity overrides that Dockerfile users already write for other tools:
//   # hadolint ignore=DL3008,DL3015        → the next instruction (all its lines)
//   # hadolint global ignore=DL3059        → the whole file
//   # check=skip=JSONArgsRecommended,…     → BuildKit's parser directive (skip=all: every BuildKit check)
//   .hadolint.yaml / .hadolint.yml          → `ignored: [...]`, `override: { error|warning|info|style: [...] }`
// The extension's own `# infra-notes-ignore` form is handled by the engine for every family.
import { parse as parseYaml } from 'yaml';
import type { InfraDocument } from '../../documents/document';
import { allRuleEntries } from '../../knowledge/index';
import type { FileDirectives, Suppression } from '../../rules/types';
import type { SeverityName } from '../../types';
import type { RequestContext } from '../support';
import { dockerfileModel } from './model';

const HADOLINT = /^\s*#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\- \t]+)/;
const CHECK = /^\s*#\s*check\s*=\s*(.*)$/i;
const HADOLINT_SEVERITY: Record<string, SeverityName> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

export function directives(doc: InfraDocument, ctx: RequestContext): FileDirectives {
  const suppressions: Suppression[] = [];
  const config = hadolintConfig(doc, ctx);
  if (config?.ignored.length) suppressions.push({ scope: 'file', ids: config.ignored, tool: 'hadolint' });
  if (doc.kind !== 'dockerfile') return { suppressions, ...(config?.severities ? { severities: config.severities } : {}) };

  const text = doc.content;
  const inline = !config?.disablePragmas && /#\s*hadolint/.test(text);
  const lines = text.split('\n');
  const nextInstruction = (line: number): { line: number; endLine: number } | undefined => {
    const list = dockerfileModel(doc).getInstructions();
    for (const instr of list) {
      const r = instr.getRange();
      if (r.start.line > line) return { line: r.start.line, endLine: r.end.line };
    }
    return undefined;
  };

  let inHead = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (inHead) {
      // parser directives: only in the leading comment block, before any instruction or blank line
      if (!/^\s*#/.test(line)) inHead = false;
      else {
        const m = CHECK.exec(line.replace(/\r$/, ''));
        if (m) {
          const skip = checkSkip(m[1]);
          if (skip.length) suppressions.push({ scope: 'file', ids: skip, tool: 'buildkit' });
          continue;
        }
      }
    }
    if (!inline || !line.includes('hadolint')) continue;
    const m = HADOLINT.exec(line);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) continue;
    if (m[1]) {
      suppressions.push({ scope: 'file', ids, tool: 'hadolint' });
      continue;
    }
    const next = nextInstruction(i);
    if (next) suppressions.push({ scope: 'lines', line: next.line, endLine: next.endLine, ids, tool: 'hadolint' });
  }
  return { suppressions, ...(config?.severities ? { severities: config.severities } : {}) };
}

/** `skip=A,B;error=true` → [A, B]; `skip=all` → every BuildKit check we map. */
function checkSkip(value: string): string[] {
  for (const part of value.split(';')) {
    const m = /^\s*skip\s*=\s*(.*)$/i.exec(part);
    if (!m) continue;
    const ids = m[1].split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.some((s) => s.toLowerCase() === 'all')) {
      return allRuleEntries().flatMap((e) => (e.seeAlso ?? []).filter((s) => s.tool === 'buildkit').map((s) => s.id));
    }
    return ids;
  }
  return [];
}

interface HadolintConfig {
  ignored: string[];
  severities?: Record<string, SeverityName>;
  disablePragmas: boolean;
}

/** The nearest .hadolint.yaml / .hadolint.yml from the Dockerfile's folder up to its workspace root. */
function hadolintConfig(doc: InfraDocument, ctx: RequestContext): HadolintConfig | undefined {
  const fs = ctx.workspace?.fs;
  if (!fs || !doc.path) return undefined;
  const dirs = candidateDirs(doc.path, ctx.workspace.roots ?? []);
  for (const dir of dirs) {
    for (const name of ['.hadolint.yaml', '.hadolint.yml']) {
      const path = `${dir}/${name}`.replace(/\/\/+/g, '/');
      let raw: string | undefined;
      try {
        raw = fs.readFile(path);
      } catch {
        raw = undefined;
      }
      if (raw === undefined) continue;
      return parseConfig(raw);
    }
  }
  return undefined;
}

function candidateDirs(path: string, roots: string[]): string[] {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const file = norm(path);
  const root = roots.map(norm).filter((r) => file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
  const out: string[] = [];
  let dir = file.slice(0, file.lastIndexOf('/'));
  if (root === undefined) return dir ? [dir] : [];
  while (dir.length >= root.length) {
    out.push(dir || '/');
    if (dir === root) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return out;
}

function parseConfig(raw: string): HadolintConfig {
  let value: unknown;
  try {
    value = parseYaml(raw);
  } catch {
    return { ignored: [], disablePragmas: false };
  }
  const cfg = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const ignored = list(cfg.ignored);
  let severities: Record<string, SeverityName> | undefined;
  const override = cfg.override;
  if (override && typeof override === 'object') {
    severities = {};
    for (const [level, codes] of Object.entries(override as Record<string, unknown>)) {
      const sev = HADOLINT_SEVERITY[level.toLowerCase()];
      if (!sev) continue;
      for (const code of list(codes)) severities[code] = sev;
    }
    if (Object.keys(severities).length === 0) severities = undefined;
  }
  return { ignored, severities, disablePragmas: cfg['disable-ignore-pragma'] === true };
}
