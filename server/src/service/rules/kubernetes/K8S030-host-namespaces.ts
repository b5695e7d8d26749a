// K8S030 — hostNetwork / hostPID / hostIPC: the pod shares the node's namespaces (DOCKER-12). Not for
// node agents: a DaemonSet that tolerates every taint (a toleration `operator: Exists` without a key)
// runs on every node by design — CNI plugins, kube-proxy, node exporters — which is what host
// namespaces are for. So does one that tolerates the control-plane taint
// (`node-role.kubernetes.io/control-plane` or `/master`, `operator: Exists`): MetalLB's speaker.
import { get, getPair, objects, scalarString, seqItems, type K8sObject } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { keyRangeOf, scalarValue } from './util';

const CONTROL_PLANE_TAINTS = new Set(['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master']);

export const rule: Rule = {
  id: 'K8S030',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      if (isNodeAgent(o)) continue;
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
        const pair = getPair(o.podSpec, field);
        if (pair && scalarValue(pair.value) === true) report({ range: keyRangeOf(doc, pair)!, args: { field } });
      }
    }
  },
};

function isNodeAgent(o: K8sObject): boolean {
  if (o.kind !== 'DaemonSet') return false;
  return seqItems(get(o.podSpec, 'tolerations')).some((t) => {
    if (scalarString(get(t, 'operator')) !== 'Exists') return false;
    const key = scalarString(get(t, 'key'));
    return !key || CONTROL_PLANE_TAINTS.has(key);
  });
}
