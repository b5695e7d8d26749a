// DC010 — depends_on / links / extends / volumes_from / network_mode: service:… names a service that
// no layer of the project defines (nor, for an add-on file beside a base compose file, that base).
import { refs } from '../../languages/compose/refs';
import type { Rule } from '../types';
import { baseBeside, composeProject } from './util';

export const rule: Rule = {
  id: 'DC010',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    if (p.fragment) return;
    // an add-on file beside its base (jitsi/docker-jitsi-meet jibri.yml: `depends_on: [jicofo]`)
    let base: ReturnType<typeof baseBeside> | false = false;
    for (const r of refs(p)) {
      if (r.kind !== 'service' || !r.layer.self || p.services.has(r.name) || r.name.includes('$')) continue;
      if ((base === false ? (base = baseBeside(ctx)) : base)?.services.has(r.name)) continue;
      ctx.report({ range: r.range, args: { name: r.name, via: r.via } });
    }
  },
};
