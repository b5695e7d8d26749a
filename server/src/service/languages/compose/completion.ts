// Completion for Compose files. The context comes from indentation, not from the parse tree, so it
// works on half-typed lines that are not valid YAML yet: keys per level (with snippet bodies for the
// long forms), enum values, service names in depends_on/links/extends, declared networks, secrets
// and configs, and stage names of the service's Dockerfile in build.target.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { localise } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import type { Locale } from '../../types';
import type { PathSegment } from '../../yaml/model';
import type { RequestContext } from '../support';
import type { SpecNode } from './data/spec';
import { buildInfo, dockerfileStages, readText } from './files';
import { entryFor } from './hover';
import { project, type TopKind } from './model';
import { specAt } from './spec-path';

interface LineInfo { dash: number; keyCol: number; key?: string }

function parseLine(text: string): LineInfo | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const m = /^(\s*)(-\s+)?(?:(["']?)([^\s"':#][^:#]*?)\3\s*:(?:\s|$))?/.exec(text);
  if (!m) return undefined;
  const indent = m[1].length;
  const dash = m[2] ? indent : -1;
  const keyCol = indent + (m[2]?.length ?? 0);
  return { dash, keyCol, key: m[4] };
}

/** The key path of the mapping that holds `line`'s key at column `col`, from the lines above. */
export function pathAbove(doc: InfraDocument, line: number, col: number, dashAt: number): PathSegment[] {
  const out: PathSegment[] = [];
  let need = col;
  if (dashAt >= 0) {
    out.push(0);
    need = dashAt;
  }
  for (let l = line - 1; l >= 0 && need > 0; l--) {
    const info = parseLine(doc.lineText(l));
    if (!info) continue;
    if (info.key !== undefined && info.keyCol < need) {
      out.push(info.key);
      need = info.keyCol;
    }
    if (info.dash >= 0 && info.dash < need) {
      out.push(0);
      need = info.dash;
    }
  }
  return out.reverse();
}

export function complete(doc: InfraDocument, pos: Position, ctx: RequestContext): CompletionItem[] {
  const locale = ctx.settings.locale;
  const before = doc.lineText(pos.line).slice(0, pos.character);
  // `key: val|` — a value of a key
  const kv = /^(\s*)(-\s+)?([\w.-]+)\s*:\s+(["']?)([^"']*)$/.exec(before);
  if (kv) {
    const col = kv[1].length + (kv[2]?.length ?? 0);
    const parent = pathAbove(doc, pos.line, col, kv[2] ? kv[1].length : -1);
    return values(doc, ctx, [...parent, kv[3]], locale);
  }
  // `- val|` — an item of a list
  const item = /^(\s*)-\s+(["']?)([\w.:-]*)$/.exec(before);
  if (item) {
    const parent = pathAbove(doc, pos.line, item[1].length, -1);
    const listItems = values(doc, ctx, [...parent, 0], locale);
    const keys = keyItems(doc, ctx, [...parent, 0], locale);
    return [...listItems, ...keys];
  }
  // `ke|` — a key
  const key = /^(\s*)(-\s+)?([\w.-]*)$/.exec(before);
  if (key) {
    const col = key[1].length + (key[2]?.length ?? 0);
    const parent = pathAbove(doc, pos.line, col, key[2] ? key[1].length : -1);
    const present = siblingKeys(doc, pos.line, col);
    return keyItems(doc, ctx, parent, locale).filter((i) => !present.has(i.label));
  }
  return [];
}

/** Keys already written at column `col` in the same block as `line` (not offered again). */
function siblingKeys(doc: InfraDocument, line: number, col: number): Set<string> {
  const out = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let l = from; l >= 0 && l < doc.lineCount; l += step) {
      const info = parseLine(doc.lineText(l));
      if (!info) continue;
      const start = info.dash >= 0 ? info.dash : info.keyCol;
      if (start < col) {
        // the item that holds this block starts here: its own key is a sibling too
        if (step < 0 && info.dash >= 0 && info.keyCol === col && info.key) out.add(info.key);
        return;
      }
      if (info.keyCol === col && info.dash < 0 && info.key) out.add(info.key);
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return out;
}

function keyItems(doc: InfraDocument, ctx: RequestContext, path: PathSegment[], locale: Locale): CompletionItem[] {
  const s = specAt(path);
  if (!s) return [];
  const out: CompletionItem[] = [];
  const last = path[path.length - 1];
  if (s.spec.anyKey && !s.spec.keys) {
    // a mapping keyed by names: offer the names that make sense here
    for (const name of namesFor(doc, ctx, path)) out.push({ label: name, kind: CompletionItemKind.Reference, insertText: `${name}:`, sortText: `0${name}` });
    return out;
  }
  for (const [key, spec] of Object.entries(s.spec.keys ?? {})) {
    if (spec.deprecated) continue;
    const e = entryFor(spec);
    out.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: e ? localise(e.title, locale) : undefined,
      documentation: e ? { kind: 'markdown', value: renderRef(e, locale, { title: false }) } : undefined,
      insertText: insertFor(key, spec),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `1${key}`,
    });
  }
  if (last === 'depends_on' || last === 'networks') {
    for (const name of namesFor(doc, ctx, path)) out.push({ label: name, kind: CompletionItemKind.Reference, insertText: `${name}:`, sortText: `0${name}` });
  }
  return out;
}

function insertFor(key: string, spec: SpecNode): string {
  if (spec.snippet) return spec.snippet;
  const t = spec.types;
  if (t[0] === 'map' || (t.includes('map') && !t.includes('string'))) return `${key}:\n  $0`;
  if (t[0] === 'list') return `${key}:\n  - $0`;
  const choices = spec.enum ?? spec.known;
  if (choices?.length) return `${key}: \${1|${choices.map((c) => c.replace(/[,|]/g, '')).join(',')}|}`;
  return `${key}: $0`;
}

/** Names that fit a name-keyed mapping or a list of names at `path`. */
function namesFor(doc: InfraDocument, ctx: RequestContext, path: PathSegment[]): string[] {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (keys[0] !== 'services' || keys.length < 3) return [];
  const self = keys[1];
  const field = keys[2];
  const p = project(doc, ctx.workspace?.fs);
  const decl = (k: TopKind) => [...p.top[k].keys()];
  const direct = keys.length === 3;
  switch (field) {
    case 'depends_on':
    case 'links':
    case 'volumes_from':
      return direct ? [...p.services.keys()].filter((n) => n !== self) : [];
    case 'extends':
      return direct || (keys.length === 4 && keys[3] === 'service') ? [...p.services.keys()].filter((n) => n !== self) : [];
    case 'networks':
      return direct ? decl('networks') : [];
    case 'secrets':
      return direct || keys[3] === 'source' ? decl('secrets') : [];
    case 'configs':
      return direct || keys[3] === 'source' ? decl('configs') : [];
    default:
      return [];
  }
}

function values(doc: InfraDocument, ctx: RequestContext, path: PathSegment[], locale: Locale): CompletionItem[] {
  const out: CompletionItem[] = [];
  const keys = path.filter((p): p is string => typeof p === 'string');
  // build.target: stages of the Dockerfile
  if (keys[0] === 'services' && keys[2] === 'build' && keys[3] === 'target') {
    const p = project(doc, ctx.workspace?.fs);
    const svc = p.services.get(keys[1]);
    const b = svc && buildInfo(svc);
    const text = b ? b.inline ?? readText(ctx.workspace?.fs, b.dockerfilePath) : undefined;
    for (const stage of text ? dockerfileStages(text) : []) out.push({ label: stage, kind: CompletionItemKind.EnumMember });
    return out;
  }
  for (const name of namesFor(doc, ctx, path)) out.push({ label: name, kind: CompletionItemKind.Reference, sortText: `0${name}` });
  const s = specAt(path);
  if (!s) return out;
  const e = entryFor(s.spec);
  for (const v of s.spec.enum ?? s.spec.known ?? []) {
    const doc = e?.values?.[v];
    out.push({
      label: v,
      kind: CompletionItemKind.EnumMember,
      documentation: doc ? { kind: 'markdown', value: localise(doc, locale) } : undefined,
    });
  }
  if (s.spec.types.length === 2 && s.spec.types.includes('boolean') && s.spec.types.includes('string') && !s.spec.enum) {
    out.push({ label: 'true', kind: CompletionItemKind.Value }, { label: 'false', kind: CompletionItemKind.Value });
  }
  return out;
}
