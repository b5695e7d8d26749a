// Completion: apiVersion/kind pairs at the top of a document, the fields of the object under the
// cursor (required subfields inserted as a snippet), enum values, and the names of ConfigMaps,
// Secrets, Services and PVCs from the workspace where a reference is expected. Works on half-typed
// text: the key path comes from indentation, not from the (possibly broken) YAML tree.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import type { PathSegment } from '../../yaml/model';
import type { RequestContext } from '../support';
import { label, referenceBlock } from './hover';
import { allKinds, def, kindDef, resolvePath, type FieldInfo } from './schema';
import { apiStatus } from './versions';
import { workspaceObjects } from './workspace';

const KEY_LINE = /^(\s*)(-\s+)?([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s+(.*))?$/;

interface LineInfo {
  indent: number;
  dash: boolean;
  key?: string;
  value?: string;
}

function parseLine(text: string): LineInfo | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const m = KEY_LINE.exec(text);
  const indent = /^\s*/.exec(text)![0].length;
  if (m) return { indent, dash: !!m[2], key: m[3].replace(/^["']|["']$/g, ''), value: m[4]?.replace(/\s+#.*$/, '') };
  return { indent, dash: /^\s*-\s/.test(text) };
}

/** The key path of the mapping that a key typed at (line, column) would belong to. */
export function pathAt(lines: string[], line: number, column: number): PathSegment[] {
  const path: PathSegment[] = [];
  let need = column;
  let afterSeq = false;
  for (let l = line - 1; l >= 0; l--) {
    const text = lines[l];
    if (/^(---|\.\.\.)\s*$/.test(text)) break;
    const info = parseLine(text);
    if (!info) continue;
    const keyCol = info.dash ? info.indent + (/^\s*-\s+/.exec(text)![0].length - info.indent) : info.indent;
    if (afterSeq && info.key && !info.dash && info.indent === need && !info.value) {
      path.unshift(info.key);
      afterSeq = false;
      if (need === 0) break;
      continue;
    }
    if (info.dash && keyCol === need) {
      path.unshift(0);
      need = info.indent;
      afterSeq = true;
      continue;
    }
    if (info.key && keyCol < need && !info.value) {
      path.unshift(info.key);
      afterSeq = false;
      if (info.dash) {
        path.unshift(0);
        need = info.indent;
        afterSeq = true;
        continue;
      }
      need = keyCol;
      if (need === 0) break;
      continue;
    }
    if (info.indent < need && !info.dash) break; // a scalar key above: structure we can't follow
  }
  return path;
}

function docHead(lines: string[], line: number): { apiVersion?: string; kind?: string } {
  let start = line;
  while (start > 0 && !/^---/.test(lines[start - 1] ?? '')) start--;
  let end = line;
  while (end + 1 < lines.length && !/^---/.test(lines[end + 1])) end++;
  const out: { apiVersion?: string; kind?: string } = {};
  for (let l = start; l <= end; l++) {
    const m = /^(apiVersion|kind)\s*:\s*["']?([^\s"'#]+)/.exec(lines[l]);
    if (m) out[m[1] as 'apiVersion' | 'kind'] = m[2];
  }
  return out;
}

/** The value of a sibling key at the same indentation in the block around `line`. */
function siblingValue(lines: string[], line: number, column: number, key: string): string | undefined {
  const re = new RegExp(`^\\s*(?:-\\s+)?${key}\\s*:\\s*["']?([^"'\\s#]+)`);
  for (const dir of [-1, 1]) {
    for (let l = line + dir; l >= 0 && l < lines.length; l += dir) {
      const info = parseLine(lines[l]);
      if (!info) continue;
      const col = info.dash ? info.indent + (/^\s*-\s+/.exec(lines[l])![0].length - info.indent) : info.indent;
      if (col < column) break;
      if (col === column) {
        const m = re.exec(lines[l]);
        if (m) return m[1];
        if (info.dash) break;
      }
    }
  }
  return undefined;
}

const REF_KINDS: Record<string, string> = {
  configMapRef: 'ConfigMap', configMapKeyRef: 'ConfigMap', configMap: 'ConfigMap',
  secretRef: 'Secret', secretKeyRef: 'Secret', secret: 'Secret', imagePullSecrets: 'Secret',
  persistentVolumeClaim: 'PersistentVolumeClaim', service: 'Service',
};

function snippetFor(name: string, f: FieldInfo): string {
  const t = f.t;
  if (t.startsWith('@') || t.startsWith('[]@')) {
    const d = def(t.replace(/^(\[\])?@/, ''));
    const req = (d?.r ?? []).filter((r) => r !== 'apiVersion' && r !== 'kind');
    const list = t.startsWith('[]');
    if (!req.length) return list ? `${name}:\n  - $0` : `${name}:\n  $0`;
    const body = req.map((r, i) => `${r}: $${i + 1}`);
    return list ? `${name}:\n  - ${body.join('\n    ')}` : `${name}:\n  ${body.join('\n  ')}`;
  }
  if (t.startsWith('[]')) return `${name}:\n  - $0`;
  if (t.startsWith('{}')) return `${name}:\n  $0`;
  if (f.e?.length) return `${name}: \${1|${f.e.join(',')}|}`;
  return `${name}: $0`;
}

export function complete(doc: InfraDocument, pos: Position, ctx: RequestContext): CompletionItem[] {
  const locale = ctx.settings.locale;
  const lines = doc.content.split(/\r?\n/);
  const text = (lines[pos.line] ?? '').slice(0, pos.character);
  const head = docHead(lines, pos.line);
  const valueMatch = /^(\s*)(-\s+)?([\w.-]+)\s*:\s+(\S*)$/.exec(text);
  const items: CompletionItem[] = [];

  if (valueMatch) {
    const key = valueMatch[3];
    const column = valueMatch[1].length + (valueMatch[2]?.length ?? 0);
    if (key === 'apiVersion' && column === 0) {
      const seen = new Set<string>();
      for (const k of allKinds()) {
        if ((head.kind && k.kind !== head.kind) || seen.has(k.apiVersion)) continue;
        if (apiStatus(k.apiVersion, k.kind, ctx.settings.kubernetesVersion).state === 'removed') continue;
        seen.add(k.apiVersion);
        items.push({ label: k.apiVersion, kind: CompletionItemKind.Module });
      }
      return items;
    }
    if (key === 'kind' && column === 0) {
      const seen = new Set<string>();
      for (const k of allKinds()) {
        if ((head.apiVersion && k.apiVersion !== head.apiVersion) || seen.has(k.kind)) continue;
        seen.add(k.kind);
        items.push({ label: k.kind, kind: CompletionItemKind.Class, detail: k.apiVersion });
      }
      return items;
    }
    const path = pathAt(lines, pos.line, column);
    const parentKey = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
    // the keys of the referenced ConfigMap/Secret after `key:` in configMapKeyRef / secretKeyRef
    if (key === 'key' && (parentKey === 'configMapKeyRef' || parentKey === 'secretKeyRef')) {
      const name = siblingValue(lines, pos.line, column, 'name');
      const kind = parentKey === 'configMapKeyRef' ? 'ConfigMap' : 'Secret';
      const keys = new Set<string>();
      for (const o of workspaceObjects(doc, ctx)) if (o.kind === kind && o.name === name) for (const k of o.keys ?? []) keys.add(k);
      for (const k of keys) items.push({ label: k, kind: CompletionItemKind.Property, detail: `${kind}/${name}` });
      return items;
    }
    const refKind = (key === 'name' || key === 'secretName' || key === 'claimName') && parentKey ? REF_KINDS[parentKey] : key === 'serviceName' ? 'Service' : undefined;
    if (refKind) {
      const names = new Set<string>();
      for (const o of workspaceObjects(doc, ctx)) if (o.kind === refKind && o.name) names.add(o.name);
      for (const n of names) items.push({ label: n, kind: CompletionItemKind.Reference, detail: refKind });
      return items;
    }
    const root = head.apiVersion && head.kind ? kindDef(head.apiVersion, head.kind) : undefined;
    const res = root ? resolvePath(root, [...path, key]) : undefined;
    for (const v of res?.field?.e ?? []) items.push({ label: v, kind: CompletionItemKind.EnumMember });
    if (res?.type === 'boolean') for (const v of ['true', 'false']) items.push({ label: v, kind: CompletionItemKind.Value });
    return items;
  }

  const keyMatch = /^(\s*)(-\s+)?([\w.-]*)$/.exec(text);
  if (!keyMatch) return items;
  const column = keyMatch[1].length + (keyMatch[2]?.length ?? 0);
  const path = pathAt(lines, pos.line, column);
  if (column === 0 && path.length === 0 && !head.kind) {
    for (const k of allKinds()) {
      if (apiStatus(k.apiVersion, k.kind, ctx.settings.kubernetesVersion).state !== 'current') continue;
      items.push({
        label: `${k.kind} (${k.apiVersion})`,
        kind: CompletionItemKind.Class,
        insertText: `apiVersion: ${k.apiVersion}\nkind: ${k.kind}\nmetadata:\n  name: $1\n$0`,
        insertTextFormat: InsertTextFormat.Snippet,
        filterText: k.kind,
      });
    }
    return items;
  }
  const root = head.apiVersion && head.kind ? kindDef(head.apiVersion, head.kind) : undefined;
  if (!root) return items;
  const res = resolvePath(root, path);
  if (!res || !res.type.startsWith('@')) return items;
  const d = def(res.type.slice(1));
  if (!d) return items;
  const required = new Set(d.r ?? []);
  for (const [name, f] of Object.entries(d.p)) {
    if (name === 'status' && path.length === 0) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Field,
      detail: required.has(name) ? label('required', locale) : undefined,
      sortText: `${required.has(name) ? '0' : '1'}${name}`,
      insertText: snippetFor(name, f),
      insertTextFormat: InsertTextFormat.Snippet,
      documentation: { kind: MarkupKind.Markdown, value: referenceBlock({ field: f, type: f.t, parentDef: res.type.slice(1), name }, locale) },
    });
  }
  return items;
}
