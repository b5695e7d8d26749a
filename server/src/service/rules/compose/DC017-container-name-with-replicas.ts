// DC017 — container_name on a service scaled past one container: names must be unique, so only one
// replica can exist (COMPOSE-06: Compose scaling is bounded anyway).
import { isMap, type Node } from 'yaml';
import { serviceValue, str, valueIn } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC017',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    for (const svc of p.services.values()) {
      const cn = serviceValue(svc, 'container_name');
      if (!cn) continue;
      let replicas = Number(str(serviceValue(svc, 'scale')?.value) ?? NaN);
      const deploy = serviceValue(svc, 'deploy');
      if (deploy && isMap(deploy.value)) {
        const r = Number(str(valueIn(deploy.layer.ydoc, deploy.value, 'replicas')) ?? NaN);
        if (!Number.isNaN(r)) replicas = r;
        if (str(valueIn(deploy.layer.ydoc, deploy.value, 'mode')) === 'global') continue;
      }
      if (!(replicas > 1)) continue;
      if (!cn.layer.self) continue;
      ctx.report({ range: range(cn.layer.doc, cn.pair.key as Node), args: { service: svc.name, replicas } });
    }
  },
};
