// Ingress backends (networking.k8s.io/v1 `service: {name, port}`, v1beta1 `serviceName/servicePort`).
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { get, getPair, isMap, isSeq, type K8sObject } from '../../languages/kubernetes/model';
import { keyName, rangeOf, scalarString, type Node, type Pair, type YAMLMap, type YAMLSeq } from '../../yaml/model';

export interface Backend {
  service: string;
  serviceRange: Range;
  port?: string | number;
  portRange?: Range;
}

export function backends(doc: InfraDocument, o: K8sObject): Backend[] {
  const out: Backend[] = [];
  const visit = (node: unknown, parentKey?: string) => {
    if (isSeq(node)) return (node as YAMLSeq).items.forEach((i) => visit(i, parentKey));
    if (!isMap(node)) return;
    const m = node as YAMLMap;
    if (parentKey === 'backend' || parentKey === 'defaultBackend') {
      const svc = get(m, 'service');
      const namePair = isMap(svc) ? getPair(svc, 'name') : getPair(m, 'serviceName');
      const name = scalarString(namePair?.value);
      if (namePair && name && !name.includes('{{')) {
        const port = isMap(svc) ? get(svc, 'port') : undefined;
        const pnPair = isMap(port) ? (getPair(port, 'number') ?? getPair(port, 'name')) : getPair(m, 'servicePort');
        const pv = (pnPair?.value as { value?: unknown } | undefined)?.value;
        out.push({ service: name, serviceRange: rangeOf(doc, namePair.value as Node), ...(pnPair && (typeof pv === 'string' || typeof pv === 'number') ? { port: pv, portRange: rangeOf(doc, pnPair.value as Node) } : {}) });
      }
    }
    for (const it of m.items) visit((it as Pair).value, keyName(it as Pair));
  };
  visit(get(o.root, 'spec'));
  return out;
}
