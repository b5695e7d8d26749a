// DC018 — `privileged: true` gives the container the host's devices and capabilities (DOCKER-13).
import { isScalar, type Node } from 'yaml';
import { pairIn } from '../../languages/compose/model';
import type { Rule } from '../types';
import { ownServices, range } from './util';

export const rule: Rule = {
  id: 'DC018',
  kinds: ['compose'],
  check(ctx) {
    for (const svc of ownServices(ctx)) {
      const pair = pairIn(svc.ydoc, svc.map, 'privileged');
      const v = pair?.value;
      if (!pair || !isScalar(v) || !(v.value === true || v.value === 'true')) continue;
      const r = range(svc.doc, v as Node);
      ctx.report({
        range: { start: range(svc.doc, pair.key as Node).start, end: r.end },
        args: { service: svc.name },
        fixes: [{ edits: [{ range: r, newText: 'false' }] }],
      });
    }
  },
};
