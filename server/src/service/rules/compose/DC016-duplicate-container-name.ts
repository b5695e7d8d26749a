// DC016 — two services with the same container_name: Docker refuses the second container.
import { isScalar, type Node } from 'yaml';
import { exclusive, serviceValue, str, type Layer, type Service } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC016',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    const byName = new Map<string, { service: string; svc: Service; node: Node; layer: Layer }[]>();
    for (const svc of p.services.values()) {
      const v = serviceValue(svc, 'container_name');
      const name = str(v?.value);
      if (!v || !name || name.includes('$') || !isScalar(v.value)) continue;
      byName.set(name, [...(byName.get(name) ?? []), { service: svc.name, svc, node: v.value as Node, layer: v.layer }]);
    }
    for (const [name, list] of byName) {
      if (list.length < 2) continue;
      for (const x of list) {
        if (!x.layer.self) continue;
        const other = list.find((o) => o !== x && !exclusive(o.svc, x.svc));
        if (!other) continue;
        ctx.report({ range: range(x.layer.doc, x.node), args: { name, other: other.service } });
      }
    }
  },
};
