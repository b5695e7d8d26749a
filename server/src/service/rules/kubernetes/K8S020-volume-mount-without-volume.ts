// K8S020 — a volumeMount naming no volume of the pod (K8S-10).
import { containers, get, getPair, objects, scalarString, seqItems } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S020',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (!o.podSpec || o.templated) continue;
      const volumes = new Set(seqItems(get(o.podSpec, 'volumes')).map((v) => scalarString(get(v, 'name'))));
      // StatefulSet volumeClaimTemplates provide volumes too
      for (const t of seqItems(get(get(o.root, 'spec'), 'volumeClaimTemplates'))) volumes.add(scalarString(get(get(t, 'metadata'), 'name')));
      for (const c of containers(o)) {
        for (const m of seqItems(get(c.node, 'volumeMounts'))) {
          const pair = getPair(m, 'name');
          const name = scalarString(pair?.value);
          if (!pair || !name || volumes.has(name) || name.includes('{{')) continue;
          report({ range: valueRangeOf(doc, pair)!, args: { name, container: c.name ?? '?' } });
        }
      }
    }
  },
};
