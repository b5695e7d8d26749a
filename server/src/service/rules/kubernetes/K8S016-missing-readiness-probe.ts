// K8S016 — a serving container (declares ports) of a Deployment/StatefulSet/DaemonSet/ReplicaSet
// without a readinessProbe: it gets traffic before it is ready (K8S-07). Only when no container of the
// pod has one: the pod is ready when all its containers are, and a container without a probe counts
// as ready once started, so one probe (the main container's) already gates the pod's traffic.
// Native sidecars (init containers with `restartPolicy: Always`) run beside the app and their readiness
// counts for the pod's, so they are checked like `containers`.
import { containers, get, getPair, objects } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { keyRangeOf, valueRangeOf } from './util';

const KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export const rule: Rule = {
  id: 'K8S016',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (!KINDS.has(o.kind) || o.templated) continue;
      const list = containers(o, 'running');
      if (list.some((c) => get(c.node, 'readinessProbe') !== undefined)) continue;
      for (const c of list) {
        if (get(c.node, 'readinessProbe') !== undefined || get(c.node, 'ports') === undefined) continue;
        const namePair = getPair(c.node, 'name');
        const range = namePair ? valueRangeOf(doc, namePair)! : keyRangeOf(doc, c.node.items[0] as never)!;
        report({ range, args: { container: c.name ?? '?' } });
      }
    }
  },
};
