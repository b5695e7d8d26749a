// K8S040 (hardening) — a container not forced to run as non-root (DOCKER-13).
import { containers, getPair, objects } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { effective } from './hardening';
import { keyRangeOf, valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S040',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      for (const c of containers(o)) {
        if (effective(o, c, 'runAsNonRoot') === true) continue;
        const uid = effective(o, c, 'runAsUser');
        if (typeof uid === 'number' && uid > 0) continue;
        const p = getPair(c.node, 'name');
        report({ range: p ? valueRangeOf(doc, p)! : keyRangeOf(doc, c.node.items[0] as never)!, args: { container: c.name ?? '?' } });
      }
    }
  },
};
