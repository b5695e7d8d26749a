// K8S019 — a container without requests or limits (info; K8S-08, K8S-09).
import { containers, get, getPair, objects } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { keyRangeOf, label, valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S019',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report, settings } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (o.templated) continue;
      for (const c of containers(o)) {
        const res = get(c.node, 'resources');
        const missing = ['requests', 'limits'].filter((k) => get(res, k) === undefined);
        if (!missing.length) continue;
        const namePair = getPair(c.node, 'name');
        const range = namePair ? valueRangeOf(doc, namePair)! : keyRangeOf(doc, c.node.items[0] as never)!;
        const missingText = label(`resources.${missing.length === 2 ? 'both' : missing[0]}`, settings.locale);
        report({ range, args: { container: c.name ?? '?', missing: missingText } });
      }
    }
  },
};
