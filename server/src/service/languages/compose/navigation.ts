// Go to definition, find references and the outline for Compose: services (depends_on, links,
// extends, volumes_from, network_mode), networks, volumes, secrets, configs — across the base file
// and its override — and YAML anchors/aliases.
import { isAlias, isMap, isScalar, visit, type Document, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Location, type Position, type Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { rangeOf, yamlModel } from '../../yaml/model';
import type { RequestContext } from '../support';
import { pairsOf, project, TOP_KINDS, type ComposeProject, type Layer } from './model';
import { refs, type RefKind } from './refs';

interface Sym { kind: RefKind; name: string }

function contains(r: Range, p: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(p, r.start) && after(r.end, p);
}

function loc(layer: Layer, range: Range): Location {
  return { uri: layer.doc.uri, range };
}

/** The service or resource named at the cursor: a reference, or a definition key. */
function symbolAt(p: ComposeProject, pos: Position): Sym | undefined {
  for (const r of refs(p)) if (r.layer.self && contains(r.range, pos)) return { kind: r.kind, name: r.name };
  const self = p.self;
  for (const svc of p.services.values()) {
    for (const sl of svc.layers) if (sl.layer.self && contains(rangeOf(self.doc, sl.key), pos)) return { kind: 'service', name: svc.name };
  }
  for (const kind of TOP_KINDS) {
    for (const [name, decls] of p.top[kind]) for (const d of decls) if (d.layer.self && contains(rangeOf(self.doc, d.key), pos)) return { kind, name };
  }
  return undefined;
}

function definitions(p: ComposeProject, s: Sym): Location[] {
  if (s.kind === 'service') {
    const svc = p.services.get(s.name);
    return svc ? svc.layers.map((l) => loc(l.layer, rangeOf(l.layer.doc, l.key))) : [];
  }
  return (p.top[s.kind].get(s.name) ?? []).map((d) => loc(d.layer, rangeOf(d.layer.doc, d.key)));
}

// --- anchors ---------------------------------------------------------------------------------------

interface AnchorInfo { name: string; range: Range }

function anchors(doc: InfraDocument): { defs: AnchorInfo[]; uses: AnchorInfo[] } {
  return doc.cached('compose.anchors', () => {
    const defs: AnchorInfo[] = [];
    const uses: AnchorInfo[] = [];
    for (const y of yamlModel(doc).docs) {
      visit(y as Document, {
        Node(_k, n) {
          const node = n as Node & { anchor?: string; source?: string };
          if (isAlias(node) && node.range) {
            uses.push({ name: String(node.source), range: doc.rangeOf(node.range[0] + 1, node.range[1]) });
          } else if (node.anchor && node.range) {
            // the `&name` property precedes the node; find it in the text just before
            const from = Math.max(0, node.range[0] - node.anchor.length - 200);
            const head = doc.content.slice(from, node.range[0] + 1);
            const i = head.lastIndexOf(`&${node.anchor}`);
            if (i >= 0) defs.push({ name: node.anchor, range: doc.rangeOf(from + i + 1, from + i + 1 + node.anchor.length) });
          }
        },
      });
    }
    return { defs, uses };
  });
}

function anchorAt(doc: InfraDocument, pos: Position): string | undefined {
  const a = anchors(doc);
  for (const x of [...a.defs, ...a.uses]) if (contains(x.range, pos)) return x.name;
  return undefined;
}

export function definition(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
  const anchor = anchorAt(doc, pos);
  if (anchor !== undefined) return anchors(doc).defs.filter((d) => d.name === anchor).map((d) => ({ uri: doc.uri, range: d.range }));
  const p = project(doc, ctx.workspace?.fs);
  const s = symbolAt(p, pos);
  return s ? definitions(p, s) : [];
}

export function references(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
  const anchor = anchorAt(doc, pos);
  if (anchor !== undefined) {
    const a = anchors(doc);
    return [...a.defs, ...a.uses].filter((d) => d.name === anchor).map((d) => ({ uri: doc.uri, range: d.range }));
  }
  const p = project(doc, ctx.workspace?.fs);
  const s = symbolAt(p, pos);
  if (!s) return [];
  const uses = refs(p).filter((r) => r.kind === s.kind && r.name === s.name).map((r) => loc(r.layer, r.range));
  return [...definitions(p, s), ...uses];
}

// --- outline ---------------------------------------------------------------------------------------

export function symbols(doc: InfraDocument): DocumentSymbol[] {
  const y = yamlModel(doc).docs[0];
  if (!y || !isMap(y.contents)) return [];
  const out: DocumentSymbol[] = [];
  for (const { key, pair, merged } of pairsOf(y, y.contents)) {
    if (merged || !pair.key) continue;
    const keyRange = rangeOf(doc, pair.key as Node);
    const value = pair.value as Node | null;
    const full = value?.range ? { start: keyRange.start, end: rangeOf(doc, value).end } : keyRange;
    const children: DocumentSymbol[] = [];
    if (key === 'services' || (TOP_KINDS as string[]).includes(key) || key === 'models') {
      for (const c of pairsOf(y, value)) {
        if (c.merged || !isScalar(c.pair.key)) continue;
        const ck = rangeOf(doc, c.pair.key as Node);
        const cv = c.pair.value as Node | null;
        const image = key === 'services' ? detailOf(y, cv) : undefined;
        children.push({
          name: c.key,
          detail: image,
          kind: key === 'services' ? SymbolKind.Class : SymbolKind.Variable,
          range: cv?.range ? { start: ck.start, end: rangeOf(doc, cv).end } : ck,
          selectionRange: ck,
        });
      }
    }
    out.push({ name: key, kind: key === 'services' ? SymbolKind.Module : SymbolKind.Namespace, range: full, selectionRange: keyRange, children });
  }
  return out;
}

function detailOf(y: Document, node: unknown): string | undefined {
  for (const { key, pair } of pairsOf(y, node)) {
    if (key === 'image' && isScalar(pair.value)) return String(pair.value.value);
    if (key === 'build') return isScalar(pair.value) ? `build ${String(pair.value.value)}` : 'build';
  }
  return undefined;
}

