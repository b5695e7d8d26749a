// K8S025 — a Service whose selector matches no pod template in the workspace (K8S-12). Not when a
// custom resource of the same namespace is named like a selector value: an operator makes those pods
// (a `Prometheus` named `prometheus` → pods labelled `prometheus: prometheus`; a Flux `HelmRelease`).
import { getPair, getPath, objects, selectorOf } from '../../languages/kubernetes/model';
import { anyTemplated, hasWorkspace, matchingPods, operatorObjects, workspaceObjects } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { keyRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S025',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (!hasWorkspace(ctx)) return;
    for (const o of objects(doc)) {
      if (o.kind !== 'Service' || o.templated) continue;
      const sel = selectorOf(o);
      if (!sel || !Object.keys(sel.labels).length) continue;
      const all = workspaceObjects(doc, ctx);
      if (anyTemplated(all)) continue;
      if (matchingPods(all, sel.labels, o.namespace).length) continue;
      if (operatorObjects(all, sel.labels, o.namespace).length) continue;
      report({ range: keyRangeOf(doc, getPair(getPath(o.root, ['spec']), 'selector'))!, args: { selector: Object.entries(sel.labels).map(([k, v]) => `${k}=${v}`).join(',') } });
    }
  },
};
