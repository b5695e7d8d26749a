// K8S010 — a workload's selector doesn't match its pod template's labels (K8S-05).
import { get, getPath, objects, selectorOf, templateLabels } from '../../languages/kubernetes/model';
import { entries, rangeOf, type Node } from '../../yaml/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'K8S010',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (!o.templatePath || o.templated || o.kind === 'Job' || o.kind === 'CronJob') continue;
      const sel = selectorOf(o);
      const labels = templateLabels(o);
      if (!sel || !labels) continue;
      const ml = o.kind === 'ReplicationController' ? get(get(o.root, 'spec'), 'selector') : getPath(o.root, ['spec', 'selector', 'matchLabels']);
      for (const { key, pair } of entries(ml)) {
        const v = sel.labels[key];
        if (v === undefined || labels[key] === v) continue;
        report({ range: rangeOf(doc, pair.key as Node), args: { label: `${key}: ${v}`, kind: o.kind } });
      }
    }
  },
};
