// K8S043 (hardening) — a container that doesn't drop ALL capabilities (DOCKER-13).
import { containers, get, getPair, objects, scalarString, seqItems } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { keyRangeOf, valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S043',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      for (const c of containers(o)) {
        const drop = seqItems(get(get(get(c.node, 'securityContext'), 'capabilities'), 'drop')).map((d) => scalarString(d)?.toUpperCase());
        if (drop.includes('ALL')) continue;
        const p = getPair(c.node, 'name');
        report({ range: p ? valueRangeOf(doc, p)! : keyRangeOf(doc, c.node.items[0] as never)!, args: { container: c.name ?? '?' } });
      }
    }
  },
};
