// The shared YAML layer for Compose, Ansible and Kubernetes: one parse per document version, node
// lookup by position, ranges, and small typed accessors. Families never re-parse YAML themselves.
import {
  isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, Scalar, YAMLParseError,
  type Document, type Node, type Pair, type YAMLMap, type YAMLSeq,
} from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../documents/document';

export type YamlDoc = Document.Parsed;
export type PathSegment = string | number;

export interface YamlModel {
  docs: YamlDoc[];
  /** set when the text was not parsed at all (too deeply nested) */
  problem?: { at: number; code: string; message: string };
}

/**
 * Flow collections (`[ … ]`, `{ … }`) nested deeper than this are not parsed: the `yaml` parser
 * recurses on them and, around a thousand levels, overflows the stack — and reports that
 * differently from one run to the next. No infra file comes anywhere near it.
 */
export const MAX_FLOW_DEPTH = 256;

/**
 * Unquoted template expressions (`{{` outside quotes and comments) above this count and the text is
 * not parsed. To YAML each one opens a flow collection the template syntax then breaks, and the
 * `yaml` parser recovers from an error at almost every token: a 2 MB ConfigMap of 50 000
 * `key: {{ .Values.x }}{{ y }}` lines took seconds and hundreds of MB to parse into 600 000 errors,
 * for no diagnostic at all (templated manifests are not checked). Real templates carry hundreds.
 */
export const MAX_TEMPLATE_EXPRESSIONS = 10_000;

/**
 * One pass over the text: the deepest flow-bracket nesting outside quotes and comments, where it
 * passes the limit, and how many unquoted template expressions (`{{`) there are.
 */
export function flowDepth(text: string, limit = MAX_FLOW_DEPTH): { depth: number; at: number; templates: number } {
  let depth = 0;
  let max = 0;
  let at = -1;
  let templates = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n' && quote === "'") quote = ''; // be forgiving: quotes rarely span lines in flow
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (c === '{' && text[i + 1] === '{') templates++;
      depth++;
      if (depth > max) max = depth;
      if (depth > limit && at < 0) at = i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && depth === 0) quote = '';
  }
  return { depth: max, at, templates };
}

/** A problem found before parsing (the text is not parsed at all). */
interface PreParseProblem { at: number; code: string; message: string }

export function yamlModel(doc: InfraDocument): YamlModel {
  return doc.cached('yaml', () => {
    let docs: YamlDoc[];
    const tooDeep = flowDepth(doc.content);
    if (tooDeep.at >= 0) {
      const problem: PreParseProblem = { at: tooDeep.at, code: 'NESTING', message: `flow collections nested deeper than ${MAX_FLOW_DEPTH} levels` };
      return { docs: [], problem };
    }
    if (tooDeep.templates > MAX_TEMPLATE_EXPRESSIONS) {
      const problem: PreParseProblem = { at: 0, code: 'TEMPLATED', message: `more than ${MAX_TEMPLATE_EXPRESSIONS} unquoted template expressions` };
      return { docs: [], problem };
    }
    const previous = doc.previous;
    doc.previous = undefined; // release the older version either way
    const prevModel = previous?.peek<YamlModel>('yaml');
    docs = (previous && prevModel && incremental(previous.content, prevModel, doc.content)) || parseYaml(doc.content);
    return { docs };
  });
}

function parseYaml(text: string): YamlDoc[] {
  // The parser builds an Error per syntax problem: without stack traces that is ~3x cheaper on
  // broken input (a half-typed or templated file can carry tens of thousands of problems).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // uniqueKeys: the parser's own check is quadratic in the size of a mapping (a 50 000-key
    // mapping took 28 s); checkTree does the same check in linear time.
    let docs = parseAllDocuments(text, {
      prettyErrors: false,
      strict: false,
      uniqueKeys: false,
    }) as unknown as YamlDoc[];
    if (!Array.isArray(docs)) docs = [docs as unknown as YamlDoc];
    for (const d of docs) checkTree(d);
    return docs;
  } catch {
    return [];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Files smaller than this are simply parsed again: incremental reuse only pays on big streams. */
const INCREMENTAL_MIN_LENGTH = 16 * 1024;

/**
 * Re-parse only the YAML documents (`---`-separated) that an edit touched. Documents wholly before
 * the edit are reused as they are; documents wholly after it are reused with their offsets shifted.
 * A document is "wholly before" when the edit starts past the `---` marker of the document after it
 * (so that marker, and the document boundary, survive); "wholly after" when the edit ends before
 * the line of its own marker. Anything unusual (directives, too few documents, no reusable
 * document) returns undefined and the caller parses the whole text.
 *
 * The reused nodes are shared with (and, for the shifted ones, changed under) the previous
 * version's model: only an editor session, which never looks at an older version again, passes
 * `previous`.
 */
function incremental(old: string, prev: YamlModel, text: string): YamlDoc[] | undefined {
  const docs = prev.docs;
  if (prev.problem || docs.length < 3 || text.length < INCREMENTAL_MIN_LENGTH || /^%/m.test(text)) return undefined;
  const max = Math.min(old.length, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s; // the edit replaced old[p, oldEnd)
  const delta = text.length - old.length;
  const marker = (i: number) => {
    const q = docs[i]?.range?.[0];
    return q !== undefined && old.startsWith('---', q) && (q === 0 || old[q - 1] === '\n') ? q : -1;
  };
  // documents wholly before the edit: 0..before-1
  let before = 0;
  while (before < docs.length - 1) {
    const q = marker(before + 1);
    if (q < 0 || p <= q + 3) break;
    before++;
  }
  // documents wholly after the edit: after..n-1
  let after = docs.length;
  while (after - 1 > before) {
    const q = marker(after - 1);
    if (q < 0 || oldEnd > q - 1) break;
    after--;
  }
  if (before === 0 && after === docs.length) return undefined;
  const start = before < docs.length ? (before === 0 ? 0 : docs[before].range![0]) : text.length;
  const end = after < docs.length ? docs[after].range![0] + delta : text.length;
  if (start > end) return undefined;
  const slice = text.slice(start, end);
  const middle = parseYaml(slice);
  // A quoted scalar left open runs on across `---` markers in a full parse, swallowing the
  // documents after it: then (or with any problem at the very end of the slice) parse it all.
  if (after < docs.length && middle.some((d) => d.errors.some((e) => e.code === 'MISSING_CHAR' || e.pos[1] >= slice.length - 1))) return undefined;
  if (start !== 0) for (const d of middle) shiftDoc(d, start);
  const tail = docs.slice(after);
  if (delta !== 0) for (const d of tail) shiftDoc(d, delta);
  return [...docs.slice(0, before), ...middle, ...tail];
}

/** Move every offset of a parsed document (its range, its nodes' ranges, its problems) by delta. */
function shiftDoc(d: YamlDoc, delta: number): void {
  const shiftRange = (r: number[] | null | undefined) => {
    if (r) for (let i = 0; i < r.length; i++) r[i] += delta;
  };
  shiftRange(d.range as number[] | undefined);
  for (const e of [...d.errors, ...d.warnings]) shiftRange(e.pos as unknown as number[]);
  const stack: unknown[] = [d.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    shiftRange((n as { range?: number[] }).range);
    if (isMap(n) || isSeq(n)) stack.push(...(n.items as unknown[]));
  }
}

/** Collections nested deeper than this are replaced by empty scalars: no infra file comes near it, and
 * some tree walks (the `yaml` package's `visit` among them) are quadratic in depth. */
export const MAX_NESTING = 128;

/**
 * One linear, iterative pass over a parsed document (deep nesting cannot overflow the stack):
 * - the parser's DUPLICATE_KEY errors (same code, message and position: the start of the repeated
 *   key), found with one Set per mapping; scalar keys compare by value, other keys never match, as
 *   in the parser;
 * - collections nested deeper than MAX_NESTING become null scalars with the same range;
 * - aliases whose anchor is not set before them (the parser only notices when converting to JS;
 *   Compose, kubectl and Ansible refuse the file): BAD_ALIAS at the alias. The walk is in document
 *   order (keys before values), so "before" is the order anchors are met.
 */
function checkTree(d: YamlDoc): void {
  const found: YAMLParseError[] = [];
  const anchors = new Set<string>();
  // two parallel stacks rather than a [node, depth] pair per node: this walks every node of every
  // document at each parse
  const stack: unknown[] = [d.contents];
  const depths: number[] = [0];
  const push = (node: unknown, depth: number) => {
    stack.push(node);
    depths.push(depth);
  };
  const capped = (node: unknown, depth: number): unknown => {
    if (depth <= MAX_NESTING || !(isMap(node) || isSeq(node))) return node;
    const s = new Scalar(null);
    s.range = node.range;
    return s;
  };
  while (stack.length > 0) {
    const node = stack.pop();
    const depth = depths.pop()!;
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
    if (isAlias(node)) {
      if (!anchors.has(node.source) && node.range) found.push(new YAMLParseError([node.range[0], node.range[1]], 'BAD_ALIAS', `Unresolved alias (the anchor must be set before the alias): *${node.source}`));
    } else if (isMap(node)) {
      const seen = node.items.length > 1 ? new Set<unknown>() : undefined;
      for (const pair of node.items) {
        const key = pair.key;
        // `<<` merge keys may repeat (`<<: *a` then `<<: *b`): real files do it, Compose accepts it
        if (seen && isScalar(key) && key.value === key.value /* not NaN */ && key.value !== '<<') {
          if (seen.has(key.value) && key.range) found.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          seen.add(key.value);
        }
        pair.key = capped(pair.key, depth + 1);
        pair.value = capped(pair.value, depth + 1);
      }
      // pushed last pair first, so that pairs pop in document order
      for (let i = node.items.length - 1; i >= 0; i--) {
        push(node.items[i].value, depth + 1);
        push(node.items[i].key, depth + 1);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        node.items[i] = capped(node.items[i], depth + 1);
        push(node.items[i], depth + 1);
      }
    } else if (isPair(node)) {
      node.key = capped(node.key, depth);
      node.value = capped(node.value, depth);
      push(node.value, depth);
      push(node.key, depth);
    }
  }
  if (found.length > 0) d.errors.push(...found.sort((a, b) => a.pos[0] - b.pos[0]));
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
  // keyName(item) === key, without building a string per key: the hottest lookup of the rules
  for (const item of (map as YAMLMap).items) {
    const k = (item as Pair).key;
    if (!isScalar(k)) continue;
    const v = k.value;
    if (v === key || ((typeof v === 'number' || typeof v === 'boolean') && String(v) === key)) return item as Pair<Scalar, unknown>;
  }
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

/** Per parsed document: anchor name → the anchored nodes, in text order. Offsets are read from the
 * nodes at lookup time: the incremental parse shifts them in place. */
const anchorTables = new WeakMap<object, Map<string, Node[]>>();

function anchorTable(ydoc: YamlDoc): Map<string, Node[]> {
  let table = anchorTables.get(ydoc);
  if (table) return table;
  table = new Map();
  const stack: unknown[] = [ydoc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    if (isPair(n)) {
      stack.push(n.value, n.key);
      continue;
    }
    const node = n as Node & { anchor?: string };
    if (node.anchor && node.range) {
      const list = table.get(node.anchor) ?? [];
      list.push(node);
      table.set(node.anchor, list);
    }
    if (isMap(n) || isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  for (const list of table.values()) list.sort((a, b) => a.range![0] - b.range![0]);
  anchorTables.set(ydoc, table);
  return table;
}

/**
 * The node an alias (`*name`) stands for: the nearest anchor of that name before it, as YAML says.
 * One linear walk per document builds the table; the `yaml` package's own Alias.resolve walks the
 * whole document for every alias (quadratic on files with an anchor per service).
 */
export function resolveAlias(ydoc: YamlDoc, alias: Node): Node | undefined {
  const name = (alias as { source?: string }).source;
  const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
  const list = name ? anchorTable(ydoc).get(name) : undefined;
  if (!list) return undefined;
  let found: Node | undefined;
  for (const a of list) {
    if ((a.range?.[0] ?? 0) >= at) break;
    found = a;
  }
  return found;
}
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

/**
 * The syntax problems of the document, in text order, at most one per line (repeated keys apart):
 * one mis-indented line makes the parser report a cascade (six problems for a 3-space `- role:` in
 * a playbook, most of them on the same lines), and the first problem of a line is the one that
 * explains it.
 */
export function yamlProblems(doc: InfraDocument): YamlProblem[] {
  const all: { at: number; problem: YamlProblem }[] = [];
  const model = yamlModel(doc);
  if (model.problem) all.push({ at: model.problem.at, problem: { range: doc.rangeOf(model.problem.at, model.problem.at + 1), message: model.problem.message, code: model.problem.code } });
  for (const d of model.docs) {
    for (const e of d.errors) {
      const [a, b] = e.pos;
      all.push({ at: a, problem: { range: doc.rangeOf(a, Math.max(b, a + 1)), message: e.message.split('\n')[0], code: e.code } });
    }
  }
  all.sort((x, y) => x.at - y.at); // stable: same offset keeps the parser's order
  const out: YamlProblem[] = [];
  let lastLine = -1;
  for (const { problem } of all) {
    // a repeated key is a mistake of its own (K8S006 reports it), never part of a cascade
    if (problem.code !== 'DUPLICATE_KEY') {
      if (problem.range.start.line === lastLine) continue;
      lastLine = problem.range.start.line;
    }
    out.push(problem);
  }
  return out;
}

