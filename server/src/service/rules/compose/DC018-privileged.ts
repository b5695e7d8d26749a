// DC018 — `privileged: true` gives the container the host's devices and capabilities (DOCKER-13).
import { isScalar, type Node } from 'yaml';
import { pairIn } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC018',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    for (const svc of p.services.values()) {
      for (const sl of svc.layers) {
        if (!sl.layer.self || !sl.map) continue;
        const pair = pairIn(sl.layer.ydoc, sl.map, 'privileged');
        const v = pair?.value;
        if (!pair || !isScalar(v) || !(v.value === true || v.value === 'true')) continue;
        const r = range(sl.layer.doc, v as Node);
        ctx.report({
          range: { start: range(sl.layer.doc, pair.key as Node).start, end: r.end },
          args: { service: svc.name },
          fixes: [{ edits: [{ range: r, newText: 'false' }] }],
        });
      }
    }
  },
};
