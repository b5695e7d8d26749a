// K8S016 — a serving container (declares ports) of a Deployment/StatefulSet/DaemonSet/ReplicaSet
// without a readinessProbe: it gets traffic before it is ready (K8S-07).
import { containers, get, getPair, objects } from '../../languages/kubernetes/model';
import { isKustomizePatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { keyRangeOf, valueRangeOf } from './util';

const KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export const rule: Rule = {
  id: 'K8S016',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isKustomizePatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (!KINDS.has(o.kind) || o.templated) continue;
      for (const c of containers(o, false)) {
        if (get(c.node, 'readinessProbe') !== undefined || get(c.node, 'ports') === undefined) continue;
        const namePair = getPair(c.node, 'name');
        const range = namePair ? valueRangeOf(doc, namePair)! : keyRangeOf(doc, c.node.items[0] as never)!;
        report({ range, args: { container: c.name ?? '?' } });
      }
    }
  },
};
