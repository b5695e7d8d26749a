// K8S015 — liveness/startup probe with successThreshold ≠ 1: rejected by the API (K8S-07).
import { containers, get, getPair, objects } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { scalarValue, valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S015',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      for (const c of containers(o)) {
        for (const probe of ['livenessProbe', 'startupProbe']) {
          const pair = getPair(get(c.node, probe), 'successThreshold');
          const v = scalarValue(pair?.value);
          if (!pair || typeof v !== 'number' || v === 1) continue;
          const range = valueRangeOf(doc, pair)!;
          report({ range, args: { probe, value: v }, fixes: [{ edits: [{ range, newText: '1' }], preferred: true }] });
        }
      }
    }
  },
};
