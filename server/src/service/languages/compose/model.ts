// The Compose model of one document: services, top-level declarations and YAML anchors, with
// aliases and merge keys (`<<`) resolved, built once per document version (doc.cached). For an
// override or a named variant (compose.override.yaml, docker-compose.test.yml) the base file beside
// it is read through the workspace FileReader and layered underneath: the rules check the merged
// project and report only on the document being checked.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { composeVariantFromName, basename, classify } from '../../documents/classify';
import { InfraDocument, pathToUri } from '../../documents/document';
import type { FileReader } from '../../types';
import { yamlModel, type YamlDoc, resolveAlias } from '../../yaml/model';

export type TopKind = 'networks' | 'volumes' | 'secrets' | 'configs';
export const TOP_KINDS: TopKind[] = ['networks', 'volumes', 'secrets', 'configs'];

/** One document's contribution to the project. */
export interface Layer {
  doc: InfraDocument;
  ydoc: YamlDoc;
  root: YAMLMap | undefined;
  /** true for the document being checked, false for the base file underneath */
  self: boolean;
}

export interface Declared {
  name: string;
  key: Scalar;
  value: unknown;
  layer: Layer;
}

export interface ServiceLayer {
  layer: Layer;
  key: Scalar;
  /** the service mapping (alias resolved), or undefined when the value is not a mapping */
  map: YAMLMap | undefined;
}

export interface Service {
  name: string;
  layers: ServiceLayer[];
}

export interface ComposeProject {
  layers: Layer[];
  self: Layer;
  /** the base file was looked for and not found: cross-references cannot be checked */
  fragment: boolean;
  services: Map<string, Service>;
  top: Record<TopKind, Map<string, Declared[]>>;
}

// --- YAML helpers aware of aliases and merge keys ----------------------------------------------

export function resolve(ydoc: Document, node: unknown): unknown {
  let cur = node;
  for (let i = 0; i < 8 && isAlias(cur); i++) cur = resolveAlias(ydoc as YamlDoc, cur as Node);
  return isAlias(cur) ? undefined : cur;
}

export function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number' || typeof k.value === 'boolean')) return String(k.value);
  return undefined;
}

type PairEntry = { key: string; pair: Pair; merged: boolean };
/** Parsed nodes belong to one document version, so their expanded pairs can be memoised on them. */
const pairsMemo = new WeakMap<object, PairEntry[]>();

/** The pairs of a mapping with merge keys expanded (explicit keys win over merged ones). */
export function pairsOf(ydoc: Document, mapNode: unknown, depth = 0): PairEntry[] {
  const m = resolve(ydoc, mapNode);
  if (!isMap(m) || depth > 6) return [];
  const memo = pairsMemo.get(m);
  if (memo) return memo;
  const out = expandPairs(ydoc, m as YAMLMap, depth);
  pairsMemo.set(m, out);
  return out;
}

function expandPairs(ydoc: Document, m: YAMLMap, depth: number): PairEntry[] {
  const own: { key: string; pair: Pair; merged: boolean }[] = [];
  const merged: { key: string; pair: Pair; merged: boolean }[] = [];
  for (const item of (m as YAMLMap).items) {
    const pair = item as Pair;
    const k = keyText(pair);
    if (k === undefined) continue;
    if (k === '<<') {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const s of sources) for (const p of pairsOf(ydoc, s, depth + 1)) merged.push({ ...p, merged: true });
      continue;
    }
    own.push({ key: k, pair, merged: false });
  }
  if (merged.length === 0) return own;
  const seen = new Set(own.map((p) => p.key));
  const out = [...own];
  for (const p of merged) if (!seen.has(p.key)) { seen.add(p.key); out.push(p); }
  return out;
}

export function pairIn(ydoc: Document, mapNode: unknown, key: string): Pair | undefined {
  for (const p of pairsOf(ydoc, mapNode)) if (p.key === key) return p.pair;
  return undefined;
}

export function valueIn(ydoc: Document, mapNode: unknown, key: string): unknown {
  const p = pairIn(ydoc, mapNode, key);
  return p ? resolve(ydoc, p.value) : undefined;
}

export function tagOf(node: unknown): string | undefined {
  return (node as { tag?: string } | null)?.tag;
}

export function isReset(node: unknown): boolean {
  return tagOf(node) === '!reset';
}

export function str(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export const INTERPOLATION = /\$\{[^}]*\}?|\$[A-Za-z_]/;
export function interpolated(node: unknown): boolean {
  const s = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  return !!s && INTERPOLATION.test(s.replace(/\$\$/g, ''));
}

// --- the project --------------------------------------------------------------------------------

export function layerOf(doc: InfraDocument, self: boolean): Layer | undefined {
  const ydoc = yamlModel(doc).docs[0];
  if (!ydoc) return undefined;
  const root = resolve(ydoc, ydoc.contents);
  return { doc, ydoc, root: isMap(root) ? (root as YAMLMap) : undefined, self };
}

export function dirOf(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i <= 0 ? '/' : p.slice(0, i);
}

export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel)) return normalise(rel);
  if (rel === '~' || rel.startsWith('~/')) return rel;
  return normalise(`${dir}/${rel}`);
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** The base file a fragment is merged onto, when this document is an override or a named variant. */
export function isFragment(doc: InfraDocument): boolean {
  const v = composeVariantFromName(basename(doc.path).toLowerCase());
  return v === 'override' || v === 'other';
}

export function findBase(doc: InfraDocument, fs: FileReader | undefined): string | undefined {
  if (!fs) return undefined;
  const dir = dirOf(doc.path);
  const lower = basename(doc.path).toLowerCase();
  const prefer = lower.startsWith('docker-compose') ? [...BASE_NAMES].reverse() : BASE_NAMES;
  for (const n of prefer) {
    const p = `${dir}/${n}`;
    if (p !== doc.path && fs.exists(p) && !fs.isDirectory(p)) return p;
  }
  return undefined;
}

/** Base documents read from disk, memoised by path and content so a parse happens once per text. */
const baseCache = new Map<string, InfraDocument>();
export function readDoc(path: string, fs: FileReader): InfraDocument | undefined {
  let text: string | undefined;
  try {
    text = fs.readFile(path);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const old = baseCache.get(path);
  if (old && old.content === text) return old;
  const doc = new InfraDocument(pathToUri(path), text, 0, classify({ path, text }));
  if (baseCache.size > 64) baseCache.clear();
  baseCache.set(path, doc);
  return doc;
}

const docIds = new WeakMap<InfraDocument, number>();
let nextDocId = 1;
function idOf(d: InfraDocument): number {
  let id = docIds.get(d);
  if (id === undefined) docIds.set(d, (id = nextDocId++));
  return id;
}

export function project(doc: InfraDocument, fs: FileReader | undefined): ComposeProject {
  const basePath = isFragment(doc) ? findBase(doc, fs) : undefined;
  const baseDoc = basePath && fs ? readDoc(basePath, fs) : undefined;
  const base = baseDoc ? layerOf(baseDoc, false) : undefined;
  const self = layerOf(doc, true) ?? { doc, ydoc: undefined as unknown as YamlDoc, root: undefined, self: true };
  // included projects contribute services and declarations; one that cannot be read makes the
  // cross-references uncheckable, like a fragment without its base
  const included: Layer[] = [];
  let missingInclude = false;
  for (const layer of base ? [base, self] : [self]) {
    for (const rel of includePaths(layer)) {
      const path = joinPath(dirOf(layer.doc.path), rel);
      const inc = fs && !rel.includes('$') && path !== doc.path ? readDoc(path, fs) : undefined;
      const l = inc ? layerOf(inc, false) : undefined;
      if (l) included.push(l);
      else missingInclude = true;
    }
  }
  const layers = [...included, ...(base ? [base] : []), self];
  const key = `compose.project:${layers.filter((l) => !l.self).map((l) => idOf(l.doc)).join(',')}:${missingInclude}`;
  return doc.cached(key, () => build(doc, layers, self, (isFragment(doc) && !base) || missingInclude));
}

/** Paths listed under a layer's top-level `include` (string items, `path` strings or lists). */
export function includePaths(layer: Layer): string[] {
  if (!layer.root) return [];
  const y = layer.ydoc;
  const out: string[] = [];
  for (const { item } of listItems(y, pairIn(y, layer.root, 'include')?.value)) {
    const s = str(item);
    if (s) out.push(s);
    else if (isMap(item)) {
      const p = valueIn(y, item, 'path');
      const one = str(p);
      if (one) out.push(one);
      for (const x of listItems(y, p)) if (str(x.item)) out.push(str(x.item)!);
    }
  }
  return out;
}

function build(doc: InfraDocument, layers: Layer[], self: Layer, fragment: boolean): ComposeProject {
  const services = new Map<string, Service>();
  const top = { networks: new Map(), volumes: new Map(), secrets: new Map(), configs: new Map() } as ComposeProject['top'];
  for (const layer of layers) {
    if (!layer.root) continue;
    const ydoc = layer.ydoc;
    for (const { key, pair } of pairsOf(ydoc, layer.root)) {
      if (key === 'services') {
        for (const s of pairsOf(ydoc, pair.value)) {
          if (s.merged || !isScalar(s.pair.key)) continue;
          const m = resolve(ydoc, s.pair.value);
          let svc = services.get(s.key);
          if (!svc) services.set(s.key, (svc = { name: s.key, layers: [] }));
          svc.layers.push({ layer, key: s.pair.key as Scalar, map: isMap(m) ? (m as YAMLMap) : undefined });
        }
      } else if ((TOP_KINDS as string[]).includes(key)) {
        for (const d of pairsOf(ydoc, pair.value)) {
          if (d.merged || !isScalar(d.pair.key) || d.key.startsWith('x-')) continue;
          const table = top[key as TopKind];
          const list = table.get(d.key) ?? [];
          list.push({ name: d.key, key: d.pair.key as Scalar, value: resolve(ydoc, d.pair.value), layer });
          table.set(d.key, list);
        }
      }
    }
  }
  void doc;
  return { layers, self, fragment, services, top };
}

/** The value of a service key as merged across layers: the last layer that sets it wins. */
export function serviceValue(svc: Service, key: string): { value: unknown; pair: Pair; layer: Layer } | undefined {
  for (let i = svc.layers.length - 1; i >= 0; i--) {
    const l = svc.layers[i];
    if (!l.map) continue;
    const pair = pairIn(l.layer.ydoc, l.map, key);
    // `container_name: !reset null` in an override removes the key from the merged service
    if (pair && isReset(pair.value)) return undefined;
    if (pair) return { value: resolve(l.layer.ydoc, pair.value), pair, layer: l.layer };
  }
  return undefined;
}

/** Every layer's value for a service key (lists are appended across layers by Compose). */
export function serviceValues(svc: Service, key: string): { value: unknown; pair: Pair; layer: Layer }[] {
  const out: { value: unknown; pair: Pair; layer: Layer }[] = [];
  for (const l of svc.layers) {
    if (!l.map) continue;
    const pair = pairIn(l.layer.ydoc, l.map, key);
    if (!pair) continue;
    const value = resolve(l.layer.ydoc, pair.value);
    if (isReset(pair.value)) out.length = 0;
    else out.push({ value, pair, layer: l.layer });
  }
  return out;
}

/** Items of a list node with aliases resolved, keeping the original node for ranges. */
export function listItems(ydoc: Document, node: unknown): { item: unknown; node: Node }[] {
  const v = resolve(ydoc, node);
  if (!isSeq(v)) return [];
  return v.items.map((n) => ({ item: resolve(ydoc, n), node: n as Node }));
}

/** Names referenced by a service key that is a list of names or a mapping keyed by names. */
export function namesIn(ydoc: Document, node: unknown): { name: string; node: Node }[] {
  const v = resolve(ydoc, node);
  const out: { name: string; node: Node }[] = [];
  if (isSeq(v)) {
    for (const n of v.items) {
      const r = resolve(ydoc, n);
      if (isScalar(r) && typeof r.value === 'string') out.push({ name: r.value, node: n as Node });
      else if (isMap(r)) {
        const src = valueIn(ydoc, r, 'source');
        const s = str(src);
        if (s) out.push({ name: s, node: src as Node });
      }
    }
  } else if (isMap(v)) {
    for (const p of pairsOf(ydoc, v)) if (!p.key.startsWith('x-') && !p.merged) out.push({ name: p.key, node: p.pair.key as Node });
  }
  return out;
}

export function isExternal(d: Declared): boolean {
  const ext = isMap(d.value) ? valueIn(d.layer.ydoc, d.value, 'external') : undefined;
  if (!ext) return false;
  return isMap(ext) || (isScalar(ext) && (ext.value === true || ext.value === 'true'));
}

/** The profiles a service is limited to ([] = always started). */
export function profilesOf(svc: Service): string[] {
  const v = serviceValue(svc, 'profiles');
  if (!v) return [];
  return listItems(v.layer.ydoc, v.value).map((x) => str(x.item)).filter((x): x is string => !!x);
}

/** Two services that can never run together: both limited to profiles, and no profile in common. */
export function exclusive(a: Service, b: Service): boolean {
  const pa = profilesOf(a);
  const pb = profilesOf(b);
  if (pa.length === 0 || pb.length === 0) return false;
  return !pa.some((p) => pb.includes(p));
}
