// References from an object to other objects by name: ConfigMaps and Secrets (volumes, envFrom,
// valueFrom, imagePullSecrets, Ingress TLS), Services (Ingress backends, StatefulSet serviceName),
// PersistentVolumeClaims, ServiceAccounts. One walk per object, memoised with the document.
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { isMap, isSeq, keyName, rangeOf, scalarString, type Node, type Pair, type YAMLMap, type YAMLSeq } from '../../yaml/model';
import { get, objects, type K8sObject } from './model';

export interface ObjectRef {
  kind: string;
  name: string;
  range: Range;
  /** configMapKeyRef / secretKeyRef / items[].key */
  key?: string;
  keyRange?: Range;
  optional: boolean;
  /** the object holding the reference */
  from: K8sObject;
}

const NAME_UNDER: Record<string, string> = {
  configMapRef: 'ConfigMap', configMapKeyRef: 'ConfigMap', configMap: 'ConfigMap',
  secretRef: 'Secret', secretKeyRef: 'Secret',
};

/** Subtrees that never hold object references (labels, annotations, probes, resources, data…). */
const SKIP = new Set(['labels', 'annotations', 'data', 'stringData', 'binaryData', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'securityContext', 'status', 'matchLabels', 'matchExpressions', 'ports', 'command', 'args', 'affinity', 'tolerations', 'managedFields']);

export function refsOf(doc: InfraDocument): ObjectRef[] {
  return doc.cached('k8s.refs', () => {
    const out: ObjectRef[] = [];
    for (const o of objects(doc)) walk(doc, o, o.root, undefined, out);
    return out;
  });
}

function push(doc: InfraDocument, o: K8sObject, out: ObjectRef[], kind: string, map: YAMLMap, nameKey: string, keyKey?: string): void {
  const nameNode = get(map, nameKey) as Node | undefined;
  const name = scalarString(nameNode);
  if (!name || name.includes('{{')) return;
  const keyNode = keyKey ? (get(map, keyKey) as Node | undefined) : undefined;
  const key = keyNode ? scalarString(keyNode) : undefined;
  const optional = (get(map, 'optional') as { value?: unknown } | undefined)?.value === true;
  out.push({ kind, name, range: rangeOf(doc, nameNode), optional, from: o, ...(key ? { key, keyRange: rangeOf(doc, keyNode) } : {}) });
}

function walk(doc: InfraDocument, o: K8sObject, node: unknown, parentKey: string | undefined, out: ObjectRef[]): void {
  if (isSeq(node)) {
    for (const it of (node as YAMLSeq).items) {
      if (isMap(it) && parentKey === 'imagePullSecrets') push(doc, o, out, 'Secret', it as YAMLMap, 'name');
      else if (isMap(it) && parentKey === 'tls' && o.kind === 'Ingress') push(doc, o, out, 'Secret', it as YAMLMap, 'secretName');
      walk(doc, o, it, parentKey, out);
    }
    return;
  }
  if (!isMap(node)) return;
  const map = node as YAMLMap;
  if (parentKey && NAME_UNDER[parentKey]) {
    push(doc, o, out, NAME_UNDER[parentKey], map, 'name', parentKey.endsWith('KeyRef') ? 'key' : undefined);
    if (parentKey === 'configMap') pushItems(doc, o, out, 'ConfigMap', map);
  }
  if (parentKey === 'secret') {
    push(doc, o, out, 'Secret', map, get(map, 'secretName') !== undefined ? 'secretName' : 'name');
    pushItems(doc, o, out, 'Secret', map);
  }
  if (parentKey === 'persistentVolumeClaim') push(doc, o, out, 'PersistentVolumeClaim', map, 'claimName');
  if (o.kind === 'Ingress' && parentKey === 'service') push(doc, o, out, 'Service', map, 'name');
  if ((parentKey === 'backend' || parentKey === 'defaultBackend') && o.kind === 'Ingress' && get(map, 'serviceName') !== undefined) push(doc, o, out, 'Service', map, 'serviceName');
  if (parentKey === 'spec' && get(map, 'serviceAccountName') !== undefined) push(doc, o, out, 'ServiceAccount', map, 'serviceAccountName');
  if (parentKey === 'spec' && o.kind === 'StatefulSet' && map === get(o.root, 'spec')) push(doc, o, out, 'Service', map, 'serviceName');
  for (const item of map.items) {
    const k = keyName(item as Pair);
    const v = (item as Pair).value;
    if (k && (isMap(v) || isSeq(v)) && !SKIP.has(k)) walk(doc, o, v, k, out);
  }
}

/** `items: [{ key, path }]` of a configMap / secret volume: each key must exist. */
function pushItems(doc: InfraDocument, o: K8sObject, out: ObjectRef[], kind: string, map: YAMLMap): void {
  const nameNode = get(map, kind === 'Secret' && get(map, 'secretName') !== undefined ? 'secretName' : 'name') as Node | undefined;
  const name = scalarString(nameNode);
  const items = get(map, 'items');
  if (!name || !isSeq(items)) return;
  const optional = (get(map, 'optional') as { value?: unknown } | undefined)?.value === true;
  for (const it of (items as YAMLSeq).items) {
    const kn = get(it, 'key') as Node | undefined;
    const key = scalarString(kn);
    if (key) out.push({ kind, name, range: rangeOf(doc, nameNode), key, keyRange: rangeOf(doc, kn), optional, from: o });
  }
}
