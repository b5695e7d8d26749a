// K8S014 — maxSurge and maxUnavailable both zero: the rollout can never make progress (K8S-06).
import { get, getPair, getPath, objects } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { keyRangeOf, scalarValue } from './util';

const isZero = (v: unknown) => v === 0 || v === '0' || v === '0%';

export const rule: Rule = {
  id: 'K8S014',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      if (o.kind !== 'Deployment') continue;
      const strategy = getPath(o.root, ['spec', 'strategy']);
      const ru = get(strategy, 'rollingUpdate');
      if (isZero(scalarValue(get(ru, 'maxSurge'))) && isZero(scalarValue(get(ru, 'maxUnavailable')))) {
        report({ range: keyRangeOf(doc, getPair(strategy, 'rollingUpdate'))! });
      }
    }
  },
};
