// The shared YAML layer for Compose, Ansible and Kubernetes: one parse per document version, node
// lookup by position, ranges, and small typed accessors. Families never re-parse YAML themselves.
import {
  isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments,
  type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq,
} from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../documents/document';

export type YamlDoc = Document.Parsed;
export type PathSegment = string | number;

export interface YamlModel {
  docs: YamlDoc[];
}

export function yamlModel(doc: InfraDocument): YamlModel {
  return doc.cached('yaml', () => {
    let docs: YamlDoc[];
    try {
      docs = parseAllDocuments(doc.content, {
        prettyErrors: false,
        strict: false,
        uniqueKeys: true,
      }) as unknown as YamlDoc[];
      if (!Array.isArray(docs)) docs = [docs as unknown as YamlDoc];
    } catch {
      docs = [];
    }
    return { docs };
  });
}

export function rangeOf(doc: InfraDocument, node: { range?: [number, number, number?] | null } | null | undefined): Range {
  const r = node?.range;
  if (!r) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return doc.rangeOf(r[0], r[1]);
}

/** Range of a pair's key, or of the value when the key has no range. */
export function keyRange(doc: InfraDocument, pair: Pair): Range {
  return rangeOf(doc, (pair.key as Node) ?? (pair.value as Node));
}

export function scalarString(node: unknown): string | undefined {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (v === null) return undefined;
  }
  return undefined;
}

export function keyName(pair: Pair): string | undefined {
  return scalarString(pair.key);
}

/** The entries of a mapping as (key, pair) with the key as text; merge keys (`<<`) included as '<<'. */
export function entries(map: unknown): { key: string; pair: Pair<Scalar, unknown> }[] {
  if (!isMap(map)) return [];
  const out: { key: string; pair: Pair<Scalar, unknown> }[] = [];
  for (const item of (map as YAMLMap).items) {
    const key = keyName(item as Pair);
    if (key !== undefined) out.push({ key, pair: item as Pair<Scalar, unknown> });
  }
  return out;
}

export function getPair(map: unknown, key: string): Pair<Scalar, unknown> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of (map as YAMLMap).items) if (keyName(item as Pair) === key) return item as Pair<Scalar, unknown>;
  return undefined;
}

export function get(map: unknown, key: string): unknown {
  return getPair(map, key)?.value;
}

export function getPath(node: unknown, path: PathSegment[]): unknown {
  let cur = node;
  for (const seg of path) {
    if (typeof seg === 'number') cur = isSeq(cur) ? (cur as YAMLSeq).items[seg] : undefined;
    else cur = get(cur, seg);
    if (cur === undefined) return undefined;
  }
  return cur;
}

export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? (node as YAMLSeq).items : [];
}

export { isAlias, isMap, isPair, isScalar, isSeq };
export type { Node, Pair, Scalar, YAMLMap, YAMLSeq };

export interface NodeAtResult {
  /** index of the YAML document in the file */
  docIndex: number;
  doc: YamlDoc;
  /** keys and indexes from the document root to the node under the cursor */
  path: PathSegment[];
  /** the node under the cursor (a key scalar when on a key) */
  node: Node | undefined;
  /** the pair whose key or value holds the cursor */
  pair?: Pair;
  /** the cursor is on a key (true) or in a value (false) */
  onKey: boolean;
  /** the mapping that contains `pair`, and its ancestors' nodes from the root */
  parents: Node[];
}

/** The innermost node at an offset, with its key path. */
export function nodeAt(model: YamlModel, offset: number): NodeAtResult | undefined {
  for (let i = 0; i < model.docs.length; i++) {
    const d = model.docs[i];
    const r = d.range;
    if (!r || offset < r[0] || offset > r[2]) continue;
    const res: NodeAtResult = { docIndex: i, doc: d, path: [], node: undefined, onKey: false, parents: [] };
    descend(d.contents as Node | null, offset, res);
    return res;
  }
  return undefined;
}

function within(node: { range?: [number, number, number?] | null } | null | undefined, offset: number): boolean {
  const r = node?.range;
  return !!r && offset >= r[0] && offset <= r[1];
}

function descend(node: Node | null, offset: number, res: NodeAtResult): void {
  if (!node) return;
  if (isMap(node)) {
    res.parents.push(node);
    for (const item of node.items) {
      const pair = item as Pair<Node, Node>;
      const key = pair.key as Node | null;
      if (key && within(key, offset)) {
        res.path.push(keyName(pair) ?? '?');
        res.pair = pair;
        res.node = key;
        res.onKey = true;
        return;
      }
      const value = pair.value as Node | null;
      if (value && within(value, offset)) {
        res.path.push(keyName(pair) ?? '?');
        res.pair = pair;
        res.onKey = false;
        res.node = value;
        if (isMap(value) || isSeq(value)) descend(value, offset, res);
        return;
      }
    }
    return;
  }
  if (isSeq(node)) {
    res.parents.push(node);
    for (let idx = 0; idx < node.items.length; idx++) {
      const n = node.items[idx] as Node;
      if (!n || !within(n, offset)) continue;
      res.path.push(idx);
      res.node = n;
      res.pair = undefined;
      res.onKey = false;
      if (isMap(n) || isSeq(n)) descend(n, offset, res);
      return;
    }
  }
}

/** Text of a YAML syntax problem with its range, for the families' syntax rules. */
export interface YamlProblem {
  range: Range;
  message: string;
  code: string;
}

export function yamlProblems(doc: InfraDocument): YamlProblem[] {
  const out: YamlProblem[] = [];
  for (const d of yamlModel(doc).docs) {
    for (const e of d.errors) {
      const [a, b] = e.pos;
      out.push({ range: doc.rangeOf(a, Math.max(b, a + 1)), message: e.message.split('\n')[0], code: e.code });
    }
  }
  return out;
}

export { LineCounter };
