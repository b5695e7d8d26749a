// K8S018 — a request above its limit: rejected by the API (K8S-09).
import { containers, entries, get, objects } from '../../languages/kubernetes/model';
import { quantityValue } from '../../languages/kubernetes/quantity';
import type { Rule } from '../types';
import { scalarValue, valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S018',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      for (const c of containers(o)) {
        const res = get(c.node, 'resources');
        const limits = get(res, 'limits');
        for (const { key, pair } of entries(get(res, 'requests'))) {
          const req = quantityValue(scalarValue(pair.value));
          const limRaw = scalarValue(get(limits, key));
          const lim = quantityValue(limRaw);
          if (req === undefined || lim === undefined || req <= lim * (1 + 1e-12)) continue;
          report({ range: valueRangeOf(doc, pair)!, args: { resource: key, request: String(scalarValue(pair.value)), limit: String(limRaw), container: c.name ?? '?' } });
        }
      }
    }
  },
};
