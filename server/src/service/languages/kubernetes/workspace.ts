// What the workspace index keeps about a manifest file (indexFile), and the cross-file queries the
// rules, hovers and navigation use. The open document always wins over its (possibly stale) entry.
import { parse as parseYaml } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { uriToPath, type InfraDocument } from '../../documents/document';
import type { RequestContext } from '../support';
import {
  containers, entries, get, getPair, getPath, isMap, objects, scalarString, selectorOf, seqItems, stringMap,
  templateLabels, TEMPLATED, type K8sObject,
} from './model';
import { rangeOf, yamlModel, type Node } from '../../yaml/model';
import { kindDef } from './schema';
import { refsOf } from './refs';

export interface IndexedPort {
  name?: string;
  port?: number;
}

export interface IndexedObject {
  kind: string;
  apiVersion: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  templateLabels?: Record<string, string>;
  /** Service: spec.selector; workloads: selector.matchLabels */
  selector?: Record<string, string>;
  /** container ports of the pod (template) */
  containerPorts?: IndexedPort[];
  /** Service ports (port number and name) */
  servicePorts?: IndexedPort[];
  /** ConfigMap / Secret keys (data, stringData, binaryData) */
  keys?: string[];
  /** range of metadata.name (or of the kind) */
  range: Range;
  templated: boolean;
  /** objects a controller makes from this one at run time (a cert-manager Certificate's Secret…) */
  produces?: IndexedProduct[];
}

export interface IndexedProduct {
  kind: string;
  name: string;
  /** made in every namespace that asks (ClusterExternalSecret), not only in the producer's */
  anyNamespace?: boolean;
}

export interface IndexedRef {
  kind: string;
  name: string;
  namespace?: string;
  range: Range;
}

export interface K8sIndexData {
  objects: IndexedObject[];
  refs: IndexedRef[];
}

export interface WorkspaceObject extends IndexedObject {
  uri: string;
}

export function indexedObject(doc: InfraDocument, o: K8sObject): IndexedObject {
  const namePair = getPair(get(o.root, 'metadata'), 'name');
  const range = rangeOf(doc, ((namePair?.value as Node) ?? getPair(o.root, 'kind')?.value ?? o.root) as Node);
  const out: IndexedObject = { kind: o.kind, apiVersion: o.apiVersion, labels: o.labels, range, templated: o.templated };
  if (o.name) out.name = o.name;
  if (o.namespace) out.namespace = o.namespace;
  const tl = templateLabels(o);
  if (tl) out.templateLabels = tl;
  const sel = selectorOf(o);
  if (sel && !sel.hasExpressions) out.selector = sel.labels;
  if (o.podSpec) {
    const ports: IndexedPort[] = [];
    for (const c of containers(o, 'running')) {
      for (const p of seqItems(get(c.node, 'ports'))) {
        const n = get(p, 'containerPort');
        const num = typeof (n as { value?: unknown })?.value === 'number' ? ((n as { value: number }).value) : undefined;
        ports.push({ name: scalarString(get(p, 'name')), port: num });
      }
    }
    out.containerPorts = ports;
  }
  if (o.kind === 'Service') {
    out.servicePorts = seqItems(get(get(o.root, 'spec'), 'ports')).map((p) => {
      const n = (get(p, 'port') as { value?: unknown })?.value;
      return { name: scalarString(get(p, 'name')), port: typeof n === 'number' ? n : undefined };
    });
  }
  if (o.kind === 'ConfigMap' || o.kind === 'Secret') {
    const keys = new Set<string>();
    for (const k of ['data', 'stringData', 'binaryData']) for (const e of entries(get(o.root, k))) keys.add(e.key);
    out.keys = [...keys];
  }
  const produces = producedBy(o);
  if (produces.length) out.produces = produces;
  return out;
}

const CERT_MANAGER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme'];

/**
 * The Secrets controllers make from an object: cert-manager (a Certificate's `secretName`, and the
 * TLS Secrets of an Ingress or Gateway its annotations hand to cert-manager), External Secrets,
 * Sealed Secrets, the Vault Secrets Operator, 1Password Connect and the Secrets Store CSI driver.
 * A manifest referring to them is fine though no `kind: Secret` is written anywhere.
 */
function producedBy(o: K8sObject): IndexedProduct[] {
  const out: IndexedProduct[] = [];
  const secret = (node: unknown, anyNamespace = false) => {
    const name = typeof node === 'string' ? node : scalarString(node);
    if (name && !name.includes('{{')) out.push({ kind: 'Secret', name, ...(anyNamespace ? { anyNamespace } : {}) });
  };
  const group = o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.indexOf('/')) : '';
  const spec = get(o.root, 'spec');
  switch (`${group}/${o.kind}`) {
    case 'cert-manager.io/Certificate':
      secret(get(spec, 'secretName'));
      break;
    case 'external-secrets.io/ExternalSecret':
      secret(getPath(spec, ['target', 'name']) ?? o.name);
      break;
    case 'external-secrets.io/ClusterExternalSecret':
      secret(getPath(spec, ['externalSecretSpec', 'target', 'name']) ?? get(spec, 'externalSecretName') ?? o.name, true);
      break;
    case 'bitnami.com/SealedSecret':
      secret(getPath(spec, ['template', 'metadata', 'name']) ?? o.name);
      break;
    case 'secrets.hashicorp.com/VaultStaticSecret':
    case 'secrets.hashicorp.com/VaultDynamicSecret':
    case 'secrets.hashicorp.com/VaultPKISecret':
    case 'secrets.hashicorp.com/HCPVaultSecretsApp':
      secret(getPath(spec, ['destination', 'name']));
      break;
    case 'onepassword.com/OnePasswordItem':
      secret(o.name);
      break;
    case 'secrets-store.csi.x-k8s.io/SecretProviderClass':
      for (const so of seqItems(get(spec, 'secretObjects'))) secret(get(so, 'secretName'));
      break;
    case 'networking.k8s.io/Ingress':
    case 'extensions/Ingress':
    case 'gateway.networking.k8s.io/Gateway': {
      const annotations = stringMap(getPath(o.root, ['metadata', 'annotations']));
      if (!CERT_MANAGER_ANNOTATIONS.some((a) => annotations[a] !== undefined && annotations[a] !== 'false')) break;
      if (o.kind === 'Ingress') for (const tls of seqItems(get(spec, 'tls'))) secret(get(tls, 'secretName'));
      else for (const l of seqItems(get(spec, 'listeners'))) for (const c of seqItems(getPath(l, ['tls', 'certificateRefs']))) secret(get(c, 'name'));
      break;
    }
    default:
      break;
  }
  return out;
}

const producedMemo = new WeakMap<WorkspaceObject[], Map<string, { producer: WorkspaceObject; product: IndexedProduct }[]>>();

/** A controller makes this object from another one of the workspace (see `producedBy`). */
export function producedIn(list: WorkspaceObject[], kind: string, name: string, namespace?: string): boolean {
  let map = producedMemo.get(list);
  if (!map) {
    map = new Map();
    for (const producer of list) {
      for (const product of producer.produces ?? []) {
        const k = `${product.kind}/${product.name}`;
        const arr = map.get(k);
        if (arr) arr.push({ producer, product });
        else map.set(k, [{ producer, product }]);
      }
    }
    producedMemo.set(list, map);
  }
  return (map.get(`${kind}/${name}`) ?? []).some(({ producer, product }) => product.anyNamespace || sameNamespace(producer.namespace, namespace));
}

/** The document's workspace-index entry; memoised, shared by the index and the cross-file rules (never mutated). */
export function indexFile(doc: InfraDocument): K8sIndexData {
  return doc.cached('k8s.indexFile', () => {
    const seen = new Set<string>();
    const refs: IndexedRef[] = [];
    for (const r of refsOf(doc)) {
      const k = `${r.range.start.line}:${r.range.start.character}`;
      if (seen.has(k)) continue;
      seen.add(k);
      refs.push({ kind: r.kind, name: r.name, range: r.range, ...(r.from.namespace ? { namespace: r.from.namespace } : {}) });
    }
    const parsed = objects(doc);
    const objs = parsed.map((o) => indexedObject(doc, o));
    // a templated document the parser could not read as an object (a Jinja `{% raw %}` line before
    // `apiVersion:`, as in mkdocs snippets) still declares something: keep its kind, unnamed and
    // templated, so that the cross-file rules know the workspace may define anything of that kind
    const read = new Set(parsed.map((o) => o.docIndex));
    const docs = yamlModel(doc).docs;
    docs.forEach((y, i) => {
      if (read.has(i) || !y.range) return;
      // a broken document's range may stop at the first error: read up to the next document
      const text = doc.content.slice(y.range[0], docs[i + 1]?.range?.[0] ?? doc.content.length);
      if (!TEMPLATED.test(text)) return;
      const kind = /^kind:[ \t]*["']?([A-Za-z][\w.]*)/m.exec(text)?.[1];
      if (!kind) return;
      const apiVersion = /^apiVersion:[ \t]*["']?([\w./-]+)/m.exec(text)?.[1] ?? '';
      const at = doc.positionAt(y.range[0]);
      objs.push({ kind, apiVersion, labels: {}, range: { start: at, end: at }, templated: true });
    });
    return { objects: objs, refs };
  });
}

/** Whether the workspace index holds manifests (cross-resource rules only run then). */
export function hasWorkspace(ctx: { index?: RequestContext['index'] }): boolean {
  return !!ctx.index && ctx.index.ofFamily('kubernetes').length > 0;
}

/** Every object of the workspace: this document's (fresh) plus the index's other files. */
export function workspaceObjects(doc: InfraDocument, ctx: { index?: RequestContext['index'] }): WorkspaceObject[] {
  const gen = ctx.index?.generation ?? -1;
  return doc.cached(`k8s.ws.${gen}.${ctx.index ? 'i' : 'n'}`, () => {
    const out: WorkspaceObject[] = indexFile(doc).objects.map((o) => ({ ...o, uri: doc.uri }));
    for (const f of ctx.index?.ofFamily('kubernetes') ?? []) {
      if (f.uri === doc.uri) continue;
      const data = f.data as K8sIndexData | undefined;
      for (const o of data?.objects ?? []) out.push({ ...o, uri: f.uri });
    }
    return out;
  });
}

/** Every reference of the workspace (this document fresh, the others from the index). */
export function workspaceRefs(doc: InfraDocument, ctx: { index?: RequestContext['index'] }): (IndexedRef & { uri: string })[] {
  const out = indexFile(doc).refs.map((r) => ({ ...r, uri: doc.uri }));
  for (const f of ctx.index?.ofFamily('kubernetes') ?? []) {
    if (f.uri === doc.uri) continue;
    for (const r of (f.data as K8sIndexData | undefined)?.refs ?? []) out.push({ ...r, uri: f.uri });
  }
  return out;
}

/** Namespaces match when equal, or when either side is unset (the namespace comes from kubectl -n). */
export function sameNamespace(a?: string, b?: string): boolean {
  return !a || !b || a === b;
}

/**
 * Custom resources (not a built-in kind) named like one of a selector's values, in the namespace:
 * an operator creates their pods with such labels (a `Prometheus` named `prometheus` → pods
 * labelled `prometheus: prometheus`; a Flux `HelmRelease` → `app.kubernetes.io/instance`).
 */
export function operatorObjects(all: WorkspaceObject[], selector: Record<string, string>, namespace?: string): WorkspaceObject[] {
  const values = Object.values(selector);
  return all.filter((x) => x.name !== undefined && values.includes(x.name) && !kindDef(x.apiVersion, x.kind) && sameNamespace(x.namespace, namespace));
}

const byName = new WeakMap<WorkspaceObject[], Map<string, WorkspaceObject[]>>();
const byLabel = new WeakMap<WorkspaceObject[], Map<string, WorkspaceObject[]>>();

/** Objects of a kind and name (namespace-compatible); indexed once per object list. */
export function findObjects(list: WorkspaceObject[], kind: string, name: string, namespace?: string): WorkspaceObject[] {
  let map = byName.get(list);
  if (!map) {
    map = new Map();
    for (const o of list) {
      if (!o.name) continue;
      const k = `${o.kind}/${o.name}`;
      const arr = map.get(k);
      if (arr) arr.push(o);
      else map.set(k, [o]);
    }
    byName.set(list, map);
  }
  return (map.get(`${kind}/${name}`) ?? []).filter((o) => sameNamespace(o.namespace, namespace));
}

const templatedMemo = new WeakMap<WorkspaceObject[], Set<string>>();

/** Kinds of the workspace's templated objects without a literal name (Helm): they may define anything. */
export function templatedKinds(list: WorkspaceObject[]): Set<string> {
  let s = templatedMemo.get(list);
  if (!s) {
    s = new Set(list.filter((o) => o.templated && !o.name).map((o) => o.kind));
    templatedMemo.set(list, s);
  }
  return s;
}

const anyTemplatedMemo = new WeakMap<WorkspaceObject[], boolean>();

/**
 * Kinds that never carry or make pods. Their `{{ … }}` is often not Helm at all: Prometheus alert
 * templates (`{{ $labels.pod }}` in a PrometheusRule), External Secrets' `target.template`
 * (`{{ .PASSWORD }}`), Alertmanager configs. A templated object of these kinds cannot be the
 * missing pod template of a Service.
 */
const NEVER_PODS = new Set([
  'PrometheusRule', 'AlertmanagerConfig', 'Alertmanager', 'ServiceMonitor', 'PodMonitor', 'Probe', 'ScrapeConfig',
  'ExternalSecret', 'ClusterExternalSecret', 'PushSecret', 'SecretStore', 'ClusterSecretStore', 'SealedSecret',
  'ConfigMap', 'Secret', 'Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass', 'NetworkPolicy',
  'IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'Gateway',
  'Certificate', 'Issuer', 'ClusterIssuer', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
  'Namespace', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'PodDisruptionBudget', 'HorizontalPodAutoscaler',
  'LimitRange', 'ResourceQuota', 'PriorityClass', 'CustomResourceDefinition',
]);

export function anyTemplated(list: WorkspaceObject[]): boolean {
  let v = anyTemplatedMemo.get(list);
  if (v === undefined) {
    v = list.some((o) => o.templated && !NEVER_PODS.has(o.kind));
    anyTemplatedMemo.set(list, v);
  }
  return v;
}

/** Workloads whose pod template (or Pods whose labels) carry every label of the selector. */
export function matchingPods(list: WorkspaceObject[], selector: Record<string, string>, namespace?: string): WorkspaceObject[] {
  const keys = Object.keys(selector);
  if (!keys.length) return [];
  let map = byLabel.get(list);
  if (!map) {
    map = new Map();
    for (const o of list) {
      const labels = o.templateLabels ?? (o.kind === 'Pod' ? o.labels : undefined);
      if (!labels || o.kind === 'Service') continue;
      for (const [k, v] of Object.entries(labels)) {
        const key = `${k}=${v}`;
        const arr = map.get(key);
        if (arr) arr.push(o);
        else map.set(key, [o]);
      }
    }
    byLabel.set(list, map);
  }
  const candidates = map.get(`${keys[0]}=${selector[keys[0]]}`) ?? [];
  return candidates.filter((o) => {
    const labels = o.templateLabels ?? o.labels;
    return keys.every((k) => labels[k] === selector[k]) && sameNamespace(o.namespace, namespace);
  });
}

// ---------------------------------------------------------------------------------------------
// Kustomize: patches and generators

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function readKustomizationText(ctx: RequestContext, dir: string): string | undefined {
  for (const n of KUSTOMIZATION_NAMES) {
    const text = ctx.workspace.fs.readFile(`${dir}/${n}`);
    if (text !== undefined) return text;
  }
  return undefined;
}

function readKustomization(ctx: RequestContext, dir: string): Record<string, unknown> | undefined {
  return parseKustomization(readKustomizationText(ctx, dir));
}

function parseKustomization(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v = parseYaml(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const PATCH_KEYS = new Set(['patchesStrategicMerge', 'patches', 'patchesJson6902']);

/**
 * Patch files a kustomization lists only in commented-out lines: the kubebuilder/operator-sdk
 * scaffold ships `config/crd/patches/webhook_in_*.yaml`, `cainjection_in_*.yaml` and
 * `config/default/*_patch.yaml` with `#- path: patches/webhook_in_x.yaml` (or `#- x_patch.yaml`
 * under `#patchesStrategicMerge:`) for the user to uncomment. A commented `- path:` item is a
 * patch (resources have no `path:`); a plain commented item counts under a patches key.
 */
function commentedPatchFiles(text: string): string[] {
  const out: string[] = [];
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const key = /^#?\s{0,1}([A-Za-z][\w]*):\s*(?:#.*)?$/.exec(line);
    if (key && !/^\s/.test(line)) {
      section = key[1];
      continue;
    }
    const item = /^\s*#+\s*-\s*(path:\s*)?([^\s#'"]+|'[^']*'|"[^"]*")\s*(?:#.*)?$/.exec(line);
    if (!item) continue;
    const p = item[2].replace(/^['"]|['"]$/g, '');
    if (!/\.(?:ya?ml|json)$/.test(p)) continue;
    if (item[1] || PATCH_KEYS.has(section)) out.push(p);
  }
  return out;
}

function patchFiles(k: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of ['patchesStrategicMerge', 'patches', 'patchesJson6902']) {
    const list = k[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item === 'string') out.push(item);
      else if (item && typeof item === 'object' && typeof (item as { path?: unknown }).path === 'string') out.push((item as { path: string }).path);
    }
  }
  return out;
}

/**
 * A Kustomize patch: listed as a patch by the kustomization.yaml of its folder (also in a
 * commented-out line, as scaffolds ship them), or a file in an `overlays/` folder whose
 * kustomization declares patches and doesn't list it as a resource.
 */
export function isKustomizePatch(doc: InfraDocument, ctx: RequestContext): boolean {
  return doc.cached('k8s.patch', () => {
    // a kustomization up to three folders above may list this file as a patch (`patches/x.yaml`)
    let dir = dirname(doc.path);
    for (let depth = 0; depth < 4; depth++) {
      const text = readKustomizationText(ctx, dir);
      if (text !== undefined && commentedPatchFiles(text).some((p) => normalize(`${dir}/${p}`) === doc.path)) return true;
      const k = parseKustomization(text);
      if (k) {
        if (patchFiles(k).some((p) => normalize(`${dir}/${p}`) === doc.path)) return true;
        if (depth === 0) {
          const base = doc.path.slice(dir.length + 1);
          const resources = Array.isArray(k.resources) ? (k.resources as unknown[]).map((r) => String(r).replace(/^\.\//, '')) : [];
          const hasPatches = ['patchesStrategicMerge', 'patches', 'patchesJson6902'].some((key) => key in k);
          if (hasPatches && /(^|\/)overlays\//.test(doc.path) && !resources.includes(base)) return true;
        }
      }
      if (ctx.workspace.roots.includes(dir) || dir === '/' || !dir) break;
      dir = dirname(dir);
    }
    return false;
  });
}

// kubeadm `--patches` files: `target[suffix][+patchtype].extension`, the target a control-plane
// component (https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/control-plane-flags/).
const KUBEADM_PATCH = /^(?:etcd|kube-apiserver|kube-controller-manager|kube-scheduler|kubeletconfiguration|corednsdeployment)[^+/]*?(\+(?:strategic|merge|json))?\.(?:ya?ml|json)$/;

/**
 * A kubeadm patch file: named `<component>[suffix]+<strategic|merge|json>.yaml`, or
 * `<component>[suffix].yaml` in a folder whose name says patches (kubespray's `patches/`,
 * `kubeadm-patches/`). A plain `kube-apiserver.yaml` elsewhere is a static pod manifest, not a patch.
 */
export function isKubeadmPatch(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const m = KUBEADM_PATCH.exec(base);
  if (!m) return false;
  if (m[1]) return true;
  const parent = dirname(path);
  return /patch/i.test(parent.slice(parent.lastIndexOf('/') + 1));
}

/**
 * A partial manifest — a Kustomize patch or a kubeadm patch: rules that require fields or judge a
 * workload as complete (required fields, bare Pod, probes, resources, volumes…) don't look at it.
 */
export function isPatch(doc: InfraDocument, ctx: RequestContext): boolean {
  return isKubeadmPatch(doc.path) || isKustomizePatch(doc, ctx);
}

/**
 * Whether the manifests around this file define objects of `kind`: a file in the same folder, or
 * anywhere in the same kustomization (the folder of the nearest kustomization.yaml and below).
 * Gates "referenced but not defined" checks, so that one unrelated Secret elsewhere in a monorepo
 * doesn't make every reference of every folder a finding.
 */
export function definesNearby(doc: InfraDocument, ctx: RequestContext, all: WorkspaceObject[], kind: string): boolean {
  const { folder, kustomization } = doc.cached('k8s.scope', () => {
    const folder = dirname(doc.path);
    let dir = folder;
    let kustomization: string | undefined;
    for (let depth = 0; depth < 8; depth++) {
      if (KUSTOMIZATION_NAMES.some((n) => ctx.workspace.fs.readFile(`${dir}/${n}`) !== undefined)) {
        kustomization = dir;
        break;
      }
      if (ctx.workspace.roots.includes(dir) || dir === '/' || !dir) break;
      dir = dirname(dir);
    }
    return { folder, kustomization };
  });
  return all.some((o) => {
    if (o.kind !== kind) return false;
    const dir = o.uri === doc.uri ? folder : dirname(uriToPath(o.uri));
    return dir === folder || (kustomization !== undefined && (dir === kustomization || dir.startsWith(`${kustomization === '/' ? '' : kustomization}/`)));
  });
}

/** `/a/b/../c/./d` → `/a/c/d` */
function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** The kustomizations near this file: in its folder and the folders above, and their `overlays/*`. */
function nearbyKustomizations(doc: InfraDocument, ctx: RequestContext): Record<string, unknown>[] {
  return doc.cached('k8s.kustomizations', () => {
    const out: Record<string, unknown>[] = [];
    const add = (k: Record<string, unknown> | undefined) => {
      if (k) out.push(k);
    };
    const roots = ctx.workspace.roots;
    let dir = dirname(doc.path);
    for (let depth = 0; depth < 6; depth++) {
      add(readKustomization(ctx, dir));
      for (const sub of ['overlays']) {
        const o = `${dir}/${sub}`;
        if (ctx.workspace.fs.isDirectory(o)) for (const n of ctx.workspace.fs.readDir(o)) add(readKustomization(ctx, `${o}/${n}`));
      }
      if (roots.includes(dir) || dir === '/' || !dir) break;
      dir = dirname(dir);
    }
    return out;
  });
}

/** ConfigMap / Secret names produced by kustomize generators near this file (ancestors and their overlays). */
export function generatedNames(doc: InfraDocument, ctx: RequestContext): Set<string> {
  return doc.cached('k8s.generated', () => {
    const names = new Set<string>();
    for (const k of nearbyKustomizations(doc, ctx)) {
      for (const key of ['configMapGenerator', 'secretGenerator']) {
        const list = k[key];
        if (Array.isArray(list)) for (const g of list) if (g && typeof (g as { name?: unknown }).name === 'string') names.add((g as { name: string }).name);
      }
    }
    return names;
  });
}

/**
 * Image names whose tag a kustomization near this file sets (`images:` entries with a `newTag` other
 * than `latest`, or a `digest`), as written there (`name`, without tag): kustomize replaces the tag
 * at build time.
 */
export function kustomizePinnedImages(doc: InfraDocument, ctx: RequestContext): Set<string> {
  return doc.cached('k8s.pinnedImages', () => {
    const names = new Set<string>();
    for (const k of nearbyKustomizations(doc, ctx)) {
      const list = k.images;
      if (!Array.isArray(list)) continue;
      for (const i of list) {
        if (!i || typeof i !== 'object') continue;
        const { name, newTag, digest } = i as { name?: unknown; newTag?: unknown; digest?: unknown };
        const tag = newTag === undefined || newTag === null ? '' : String(newTag);
        if (typeof name === 'string' && ((tag && tag !== 'latest') || (typeof digest === 'string' && digest))) names.add(name);
      }
    }
    return names;
  });
}

/**
 * Objects whose container image a kustomization near this file rewrites with `replacements:` (a
 * target `fieldPaths` entry that ends in `image`, e.g. `spec.template.spec.containers.0.image` with
 * `options: { delimiter: ':', index: 1 }` to set the tag from a ConfigMap), as the `select`
 * (kind and name, either may be absent) of each such target.
 */
export function kustomizeImageReplacementTargets(doc: InfraDocument, ctx: RequestContext): { kind?: string; name?: string }[] {
  return doc.cached('k8s.imageReplacements', () => {
    const out: { kind?: string; name?: string }[] = [];
    for (const k of nearbyKustomizations(doc, ctx)) {
      const list = k.replacements;
      if (!Array.isArray(list)) continue;
      for (const r of list) {
        const targets = r && typeof r === 'object' ? (r as { targets?: unknown }).targets : undefined;
        if (!Array.isArray(targets)) continue;
        for (const t of targets) {
          if (!t || typeof t !== 'object') continue;
          const { fieldPaths, select } = t as { fieldPaths?: unknown; select?: unknown };
          if (!Array.isArray(fieldPaths) || !fieldPaths.some((f) => typeof f === 'string' && /(?:^|\.)containers\.[^.]+\.image$/.test(f))) continue;
          const sel = select && typeof select === 'object' ? (select as { kind?: unknown; name?: unknown }) : {};
          out.push({ kind: typeof sel.kind === 'string' ? sel.kind : undefined, name: typeof sel.name === 'string' ? sel.name : undefined });
        }
      }
    }
    return out;
  });
}

export { getPath, isMap, stringMap };
