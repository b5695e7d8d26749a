// DC010 — depends_on / links / extends / volumes_from / network_mode: service:… names a service that
// no layer of the project defines.
import { refs } from '../../languages/compose/refs';
import type { Rule } from '../types';
import { composeProject } from './util';

export const rule: Rule = {
  id: 'DC010',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    if (p.fragment) return;
    for (const r of refs(p)) {
      if (r.kind !== 'service' || !r.layer.self || p.services.has(r.name) || r.name.includes('$')) continue;
      ctx.report({ range: r.range, args: { name: r.name, via: r.via } });
    }
  },
};
