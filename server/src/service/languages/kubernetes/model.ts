// The Kubernetes model of a file: one K8sObject per YAML document that carries apiVersion + kind,
// with its name, namespace, labels and where its pod template lives. Built once per document
// version (doc.cached) on top of the shared YAML model.
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import {
  entries, get, getPair, getPath, isMap, isScalar, isSeq, rangeOf, scalarString, seqItems, yamlModel,
  type Node, type Pair, type PathSegment, type YamlDoc, type YAMLMap,
} from '../../yaml/model';

export interface K8sObject {
  docIndex: number;
  yaml: YamlDoc;
  root: YAMLMap;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  /** the document holds Helm/Jinja `{{ … }}` or `{% … %}`: schema validation is skipped */
  templated: boolean;
  /** offsets of the document */
  start: number;
  end: number;
  /** path of the pod spec (Pod: spec; workloads: spec.template.spec; CronJob: spec.jobTemplate.spec.template.spec) */
  podSpecPath?: PathSegment[];
  podSpec?: YAMLMap;
  /** path of the pod template (workloads): …template */
  templatePath?: PathSegment[];
}

/** Helm/Jinja markup (`{{ … }}`, `{% … %}`): the text only becomes YAML once rendered. */
export const TEMPLATED = /\{\{|\{%/;

export const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);

export function podSpecPathOf(kind: string): PathSegment[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'PodTemplate') return ['template', 'spec'];
  if (WORKLOAD_KINDS.has(kind)) return ['spec', 'template', 'spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return undefined;
}

export function objects(doc: InfraDocument): K8sObject[] {
  return doc.cached('k8s.objects', () => {
    const out: K8sObject[] = [];
    const docs = yamlModel(doc).docs;
    for (let i = 0; i < docs.length; i++) {
      const y = docs[i];
      const root = y.contents;
      if (!isMap(root)) continue;
      const apiVersion = scalarString(get(root, 'apiVersion'));
      const kind = scalarString(get(root, 'kind'));
      if (!apiVersion || !kind) continue;
      const r = y.range ?? [0, 0, 0];
      const start = (root as YAMLMap).range?.[0] ?? r[0];
      const end = r[2] ?? r[1];
      const meta = get(root, 'metadata');
      const path = podSpecPathOf(kind);
      const podSpec = path ? getPath(root, path) : undefined;
      out.push({
        docIndex: i,
        yaml: y,
        root: root as YAMLMap,
        apiVersion,
        kind,
        name: scalarString(get(meta, 'name')),
        namespace: scalarString(get(meta, 'namespace')),
        labels: stringMap(get(meta, 'labels')),
        templated: TEMPLATED.test(doc.content.slice(r[0], end)),
        start,
        end,
        podSpecPath: path,
        podSpec: isMap(podSpec) ? (podSpec as YAMLMap) : undefined,
        templatePath: path && path.length > 2 ? path.slice(0, -1) : undefined,
      });
    }
    return out;
  });
}

export function objectAtDoc(doc: InfraDocument, docIndex: number): K8sObject | undefined {
  return objects(doc).find((o) => o.docIndex === docIndex);
}

/** A mapping of scalars as a plain record (labels, selectors, data). */
export function stringMap(node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, pair } of entries(node)) {
    const v = scalarString(pair.value);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export function templateLabels(o: K8sObject): Record<string, string> | undefined {
  if (!o.templatePath) return undefined;
  const m = getPath(o.root, [...o.templatePath, 'metadata', 'labels']);
  return isMap(m) ? stringMap(m) : undefined;
}

export interface ContainerRef {
  node: YAMLMap;
  name?: string;
  init: boolean;
  /** a native sidecar (Kubernetes 1.29+): an init container with `restartPolicy: Always`, which keeps
   *  running beside the app containers for the pod's whole life */
  sidecar: boolean;
  /** path of the container from the document root */
  path: PathSegment[];
}

/**
 * The containers of a pod template. `withInit`: true — init containers too; false — only `containers`;
 * 'running' — the containers that run for the pod's life: `containers` plus the native sidecars.
 */
export function containers(o: K8sObject, withInit: boolean | 'running' = true): ContainerRef[] {
  if (!o.podSpec || !o.podSpecPath) return [];
  const out: ContainerRef[] = [];
  const lists: [string, boolean][] = withInit ? [['initContainers', true], ['containers', false]] : [['containers', false]];
  for (const [key, init] of lists) {
    seqItems(get(o.podSpec, key)).forEach((c, i) => {
      if (!isMap(c)) return;
      const sidecar = init && scalarString(get(c, 'restartPolicy')) === 'Always';
      if (withInit === 'running' && init && !sidecar) return;
      out.push({ node: c as YAMLMap, name: scalarString(get(c, 'name')), init, sidecar, path: [...o.podSpecPath!, key, i] });
    });
  }
  return out;
}

/** `selector` of a Service (map) or `selector.matchLabels` of a workload. */
export function selectorOf(o: K8sObject): { labels: Record<string, string>; node: Node; hasExpressions: boolean } | undefined {
  const spec = get(o.root, 'spec');
  const sel = get(spec, 'selector');
  if (!isMap(sel)) return undefined;
  if (o.kind === 'Service' || o.kind === 'ReplicationController') return { labels: stringMap(sel), node: sel as Node, hasExpressions: false };
  const ml = get(sel, 'matchLabels');
  const me = get(sel, 'matchExpressions');
  return { labels: isMap(ml) ? stringMap(ml) : {}, node: (isMap(ml) ? ml : sel) as Node, hasExpressions: isSeq(me) && seqItems(me).length > 0 };
}

export function labelsMatch(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  if (!labels) return false;
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  return keys.every((k) => labels[k] === selector[k]);
}

export function pairRange(doc: InfraDocument, pair: Pair | undefined): Range | undefined {
  if (!pair) return undefined;
  return rangeOf(doc, (pair.key as Node) ?? (pair.value as Node));
}

export function valueRange(doc: InfraDocument, pair: Pair | undefined): Range | undefined {
  if (!pair) return undefined;
  return rangeOf(doc, ((pair.value as Node) ?? pair.key) as Node);
}

/** The pair at a path from the root (the last segment must be a key). */
export function pairAt(root: unknown, path: PathSegment[]): Pair | undefined {
  if (path.length === 0) return undefined;
  const parent = getPath(root, path.slice(0, -1));
  const last = path[path.length - 1];
  return typeof last === 'string' ? getPair(parent, last) : undefined;
}

/**
 * A SOPS-encrypted file (Flux/SOPS GitOps repos): the top-level `sops:` block holds the key
 * material and the MAC, and encrypted values read `ENC[AES256_GCM,data:…,type:str]`. Flux (or
 * `sops -d`) decrypts it before it reaches the API server, so neither is a mistake.
 */
export function isSopsMetadata(node: unknown): boolean {
  return isMap(node) && (get(node, 'mac') !== undefined || get(node, 'lastmodified') !== undefined) && get(node, 'version') !== undefined;
}

export function isSopsEncrypted(o: K8sObject): boolean {
  return isSopsMetadata(get(o.root, 'sops'));
}

/** A SOPS-encrypted value: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`. */
export const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,data:[^\]]*\]$/;

export function isTemplatedValue(v: unknown): boolean {
  return typeof v === 'string' && v.includes('{{');
}

export { entries, get, getPair, getPath, isMap, isScalar, isSeq, scalarString, seqItems };
