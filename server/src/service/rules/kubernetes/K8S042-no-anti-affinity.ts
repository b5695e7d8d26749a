// K8S042 (hardening) — several replicas without pod anti-affinity: they may all land on one node (K8S-19).
import { get, getPair, getPath, objects } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { keyRangeOf, scalarValue } from './util';

export const rule: Rule = {
  id: 'K8S042',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (o.kind !== 'Deployment' && o.kind !== 'StatefulSet') continue;
      const replicas = getPair(get(o.root, 'spec'), 'replicas');
      const n = scalarValue(replicas?.value);
      if (!replicas || typeof n !== 'number' || n < 2) continue;
      if (getPath(o.podSpec, ['affinity', 'podAntiAffinity']) !== undefined || get(o.podSpec, 'topologySpreadConstraints') !== undefined) continue;
      report({ range: keyRangeOf(doc, replicas)!, args: { replicas: n } });
    }
  },
};
