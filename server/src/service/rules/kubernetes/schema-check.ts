// One walk of every built-in object against the field bundle; the schema rules (K8S001–K8S005) each
// report their own kind of problem from it. Custom resources (no definition), templated documents
// (`{{ … }}`) are skipped; patches (Kustomize, kubeadm) get no required-field problems.
import { closest, distance } from 'fastest-levenshtein';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import type { RequestContext } from '../../languages/support';
import { isSopsMetadata, objects } from '../../languages/kubernetes/model';
import { isQuantity, suggestQuantity } from '../../languages/kubernetes/quantity';
import { def, isKindDef, isOpenDef, kindDef, shortDefName, typeLabel } from '../../languages/kubernetes/schema';
import { isPatch } from '../../languages/kubernetes/workspace';
import { isAlias, isMap, isScalar, isSeq, keyName, rangeOf, type Node, type Pair, type YAMLMap, type YAMLSeq } from '../../yaml/model';

const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export type ProblemKind = 'unknown' | 'type' | 'required' | 'enum' | 'quantity';

export interface SchemaProblem {
  kind: ProblemKind;
  range: Range;
  args: Record<string, string>;
  edits?: TextEdit[];
  /** fix name in the rule entry */
  fix?: string;
}

export function schemaProblems(doc: InfraDocument, ctx: RequestContext): SchemaProblem[] {
  return doc.cached('k8s.schemaProblems', () => {
    const out: SchemaProblem[] = [];
    const patch = isPatch(doc, ctx);
    for (const o of objects(doc)) {
      if (o.templated) continue;
      const rootDef = kindDef(o.apiVersion, o.kind);
      if (!rootDef) continue;
      const w = new Walker(doc, out, patch);
      w.walk(o.root, `@${rootDef}`, getKey(o.root, 'kind') ?? o.root, 'kind', true);
    }
    return out;
  });
}

function getKey(map: YAMLMap, key: string): Node | undefined {
  for (const it of map.items) if (keyName(it as Pair) === key) return (it as Pair).key as Node;
  return undefined;
}

function describeValue(node: Node): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    return 'string';
  }
  return 'value';
}

class Walker {
  constructor(private doc: InfraDocument, private out: SchemaProblem[], private patch: boolean) {}

  private typeProblem(node: Node, field: string, type: string): void {
    const p: SchemaProblem = { kind: 'type', range: rangeOf(this.doc, node), args: { field, expected: typeLabel(type), actual: describeValue(node) } };
    // a number or boolean where text is expected: quote it
    if (type === 'string' && isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean') && node.source !== undefined) {
      const src = this.doc.content.slice(node.range![0], node.range![1]);
      p.edits = [{ range: p.range, newText: `"${src}"` }];
      p.fix = 'quote';
    }
    this.out.push(p);
  }

  /**
   * `anchor`: the node where a missing required field of this object is reported (its range is
   * only computed then: most objects miss nothing); `root`: the top object.
   */
  walk(node: unknown, type: string, anchor: Node, field: string, root = false): void {
    if (node === null || node === undefined || isAlias(node)) return;
    const n = node as Node;
    if (isScalar(n) && (n.value === null || (typeof n.value === 'string' && n.value.includes('{{')))) return;
    if (type === 'any' || type === 'time' && isScalar(n)) return;
    if (type.startsWith('@')) {
      const name = type.slice(1);
      if (isOpenDef(name)) return;
      if (!isMap(n)) return this.typeProblem(n, field, type);
      const d = def(name)!;
      const required = this.patch ? undefined : d.r;
      const present = required?.length ? new Set<string>() : undefined;
      for (const item of (n as YAMLMap).items) {
        const pair = item as Pair<Node, Node>;
        const key = keyName(pair);
        if (key === undefined) continue;
        present?.add(key);
        const f = d.p[key];
        if (!f) {
          if (key === '<<' || key.includes('{{')) continue;
          // SOPS metadata of an encrypted file (onedr0p/home-ops `*.sops.yaml`), not a field
          if (root && key === 'sops' && isSopsMetadata(pair.value)) continue;
          const range = rangeOf(this.doc, pair.key);
          const keys = Object.keys(d.p);
          const guess = keys.length ? closest(key, keys) : undefined;
          const close = guess !== undefined && (guess.toLowerCase() === key.toLowerCase() || distance(guess, key) <= Math.max(2, Math.floor(key.length / 4)));
          this.out.push({
            kind: 'unknown', range,
            args: { field: key, parent: shortDefName(name), suggestion: close ? guess! : '' },
            ...(close ? { edits: [{ range, newText: guess! }], fix: 'rename' } : {}),
          });
          continue;
        }
        this.walk(pair.value, f.t, pair.key, key);
        if (f.e && isScalar(pair.value) && typeof pair.value.value === 'string' && !f.e.includes(pair.value.value) && !pair.value.value.includes('{{')) {
          const v = pair.value.value;
          const ci = f.e.find((e) => e.toLowerCase() === v.toLowerCase());
          const range = rangeOf(this.doc, pair.value);
          this.out.push({
            kind: 'enum', range, args: { field: key, value: v, allowed: f.e.join(', ') },
            ...(ci ? { edits: [{ range, newText: ci }], fix: 'default' } : {}),
          });
        }
      }
      if (required && present) {
        for (const r of required) {
          // apiVersion/kind of the top object are checked elsewhere; in an embedded whole object
          // (apps/v1beta2 volumeClaimTemplates) they are optional
          if (present.has(r) || ((root || isKindDef(name)) && (r === 'apiVersion' || r === 'kind'))) continue;
          this.out.push({ kind: 'required', range: rangeOf(this.doc, anchor), args: { field: r, parent: shortDefName(name) } });
        }
      }
      return;
    }
    if (type.startsWith('[]')) {
      if (!isSeq(n)) return this.typeProblem(n, field, type);
      const inner = type.slice(2);
      for (const item of (n as YAMLSeq).items) {
        const it = item as Node;
        const first = isMap(it) && (it as YAMLMap).items[0] ? ((it as YAMLMap).items[0] as Pair).key as Node : it;
        this.walk(it, inner, first ?? it, field);
      }
      return;
    }
    if (type.startsWith('{}')) {
      if (!isMap(n)) return this.typeProblem(n, field, type);
      const inner = type.slice(2);
      for (const item of (n as YAMLMap).items) {
        const pair = item as Pair<Node, Node>;
        const key = keyName(pair) ?? field;
        this.walk(pair.value, inner, pair.key, key);
      }
      return;
    }
    if (!isScalar(n)) return this.typeProblem(n, field, type);
    const v = n.value;
    switch (type) {
      case 'string':
      case 'time':
        if (typeof v !== 'string') this.typeProblem(n, field, type);
        return;
      case 'number':
      case 'integer':
        if (typeof v !== 'number') this.typeProblem(n, field, type);
        return;
      case 'boolean':
        // kubectl reads YAML 1.1, where a plain yes/no/on/off is a boolean too
        if (typeof v !== 'boolean' && !(typeof v === 'string' && n.type === 'PLAIN' && YAML11_BOOL.test(v))) this.typeProblem(n, field, type);
        return;
      case 'int-or-string':
        if (typeof v !== 'number' && typeof v !== 'string') this.typeProblem(n, field, type);
        return;
      case 'quantity':
        if (!isQuantity(v)) {
          const range = rangeOf(this.doc, n);
          const s = suggestQuantity(String(v));
          this.out.push({ kind: 'quantity', range, args: { field, value: String(v), suggestion: s ?? '' }, ...(s ? { edits: [{ range, newText: s }], fix: 'default' } : {}) });
        }
        return;
      default:
        return;
    }
  }
}
