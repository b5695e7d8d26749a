// K8S026 — a Service targetPort name that no matched container declares (K8S-12).
import { getPair, getPath, objects, selectorOf, seqItems } from '../../languages/kubernetes/model';
import { hasWorkspace, matchingPods, workspaceObjects } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { scalarValue, valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S026',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (!hasWorkspace(ctx)) return;
    for (const o of objects(doc)) {
      if (o.kind !== 'Service' || o.templated) continue;
      const sel = selectorOf(o);
      if (!sel || !Object.keys(sel.labels).length) continue;
      const matched = matchingPods(workspaceObjects(doc, ctx), sel.labels, o.namespace);
      if (!matched.length || matched.some((w) => w.templated)) continue;
      const names = new Set(matched.flatMap((w) => (w.containerPorts ?? []).map((p) => p.name)).filter(Boolean));
      for (const p of seqItems(getPath(o.root, ['spec', 'ports']))) {
        const pair = getPair(p, 'targetPort');
        const v = scalarValue(pair?.value);
        if (!pair || typeof v !== 'string' || /^\d+$/.test(v) || names.has(v)) continue;
        report({ range: valueRangeOf(doc, pair)!, args: { port: v } });
      }
    }
  },
};
