// K8S028 — an Ingress backend port the Service doesn't expose (K8S-15).
import { objects } from '../../languages/kubernetes/model';
import { findObjects, hasWorkspace, workspaceObjects } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { backends } from './ingress';

export const rule: Rule = {
  id: 'K8S028',
  kinds: ['kubernetes'],
  check(ctx) {
    if (!hasWorkspace(ctx)) return;
    for (const o of objects(ctx.doc)) {
      if (o.kind !== 'Ingress' || o.templated) continue;
      const all = workspaceObjects(ctx.doc, ctx);
      for (const b of backends(ctx.doc, o)) {
        if (b.port === undefined || !b.portRange) continue;
        const svcs = findObjects(all, 'Service', b.service, o.namespace);
        if (!svcs.length || svcs.some((s) => s.templated)) continue;
        const ok = svcs.some((s) => (s.servicePorts ?? []).some((p) => p.port === b.port || (p.name !== undefined && p.name === b.port)));
        if (!ok) ctx.report({ range: b.portRange, args: { service: b.service, port: String(b.port) } });
      }
    }
  },
};
