// K8S027 — an Ingress backend Service absent from the workspace (K8S-15). Only where the manifests
// near the Ingress (same folder, or same kustomization) define Services: an Ingress kept apart from its
// Services, or an example beside unrelated ones, says nothing about where they live.
import { objects } from '../../languages/kubernetes/model';
import { definesNearby, findObjects, hasWorkspace, workspaceObjects } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { backends } from './ingress';

export const rule: Rule = {
  id: 'K8S027',
  kinds: ['kubernetes'],
  check(ctx) {
    if (!hasWorkspace(ctx)) return;
    for (const o of objects(ctx.doc)) {
      if (o.kind !== 'Ingress' || o.templated) continue;
      const all = workspaceObjects(ctx.doc, ctx);
      if (all.some((w) => w.kind === 'Service' && w.templated) || !definesNearby(ctx.doc, ctx, all, 'Service')) continue;
      for (const b of backends(ctx.doc, o)) {
        if (!findObjects(all, 'Service', b.service, o.namespace).length) ctx.report({ range: b.serviceRange, args: { service: b.service } });
      }
    }
  },
};
