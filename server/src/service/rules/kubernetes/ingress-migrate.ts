// The mechanical part of moving an Ingress from extensions/v1beta1 or networking.k8s.io/v1beta1 to
// networking.k8s.io/v1: `serviceName`/`servicePort` → `service: { name, port: { number | name } }`,
// `spec.backend` → `spec.defaultBackend`, a `pathType` where the path has none. Returns undefined
// when the shape is not the plain one (other backend keys, aliases…): then no fix is offered.
import type { TextEdit } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import type { K8sObject } from '../../languages/kubernetes/model';
import { entries, get, getPair, isMap, isSeq, rangeOf, scalarString, seqItems, type Node, type Pair, type YAMLMap } from '../../yaml/model';

function backendEdits(doc: InfraDocument, backend: unknown, out: TextEdit[]): boolean {
  if (!isMap(backend)) return false;
  const keys = entries(backend).map((e) => e.key);
  if (!keys.includes('serviceName') || keys.some((k) => k !== 'serviceName' && k !== 'servicePort')) return false;
  const name = scalarString(get(backend, 'serviceName'));
  const portNode = get(backend, 'servicePort') as { value?: unknown } | undefined;
  const port = portNode?.value;
  if (!name) return false;
  const portText = typeof port === 'number' ? `number: ${port}` : typeof port === 'string' ? `name: ${port}` : undefined;
  const map = backend as YAMLMap;
  const r = rangeOf(doc, map as unknown as Node);
  if (map.flow) {
    out.push({ range: r, newText: `{ service: { name: ${name}${portText ? `, port: { ${portText} }` : ''} } }` });
    return true;
  }
  const first = rangeOf(doc, (map.items[0] as Pair).key as Node).start;
  const lastPair = map.items[map.items.length - 1] as Pair;
  const end = rangeOf(doc, ((lastPair.value ?? lastPair.key) as Node)).end;
  const ind = ' '.repeat(first.character);
  const lines = [`service:`, `${ind}  name: ${name}`];
  if (portText) lines.push(`${ind}  port:`, `${ind}    ${portText}`);
  out.push({ range: { start: first, end }, newText: lines.join('\n') });
  return true;
}

export function ingressV1Edits(doc: InfraDocument, o: K8sObject): TextEdit[] | undefined {
  const spec = get(o.root, 'spec');
  if (!isMap(spec)) return undefined;
  const out: TextEdit[] = [];
  const def = getPair(spec, 'backend');
  if (def) {
    out.push({ range: rangeOf(doc, def.key as Node), newText: 'defaultBackend' });
    if (!backendEdits(doc, def.value, out)) return undefined;
  }
  for (const rule of seqItems(get(spec, 'rules'))) {
    for (const path of seqItems(get(get(rule, 'http'), 'paths'))) {
      if (!isMap(path)) return undefined;
      if (!backendEdits(doc, get(path, 'backend'), out)) return undefined;
      if (get(path, 'pathType') === undefined) {
        const bk = getPair(path, 'backend')!;
        const at = rangeOf(doc, bk.key as Node).start;
        if ((path as YAMLMap).flow) return undefined;
        out.push({ range: { start: at, end: at }, newText: `pathType: ImplementationSpecific\n${' '.repeat(at.character)}` });
      }
    }
  }
  if (!isSeq(get(spec, 'rules')) && !def) return undefined;
  return out;
}
