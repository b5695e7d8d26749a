// K8S024 — a `kubernetes.io/tls` Secret without `tls.crt` or `tls.key` (K8S-11).
import { entries, get, getPair, objects, scalarString } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S024',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    for (const o of objects(doc)) {
      if (o.kind !== 'Secret' || o.templated) continue;
      const typePair = getPair(o.root, 'type');
      if (scalarString(typePair?.value) !== 'kubernetes.io/tls') continue;
      const keys = new Set([...entries(get(o.root, 'data')), ...entries(get(o.root, 'stringData'))].map((e) => e.key));
      const missing = ['tls.crt', 'tls.key'].filter((k) => !keys.has(k));
      if (missing.length) report({ range: valueRangeOf(doc, typePair)!, args: { missing: missing.join(', ') } });
    }
  },
};
