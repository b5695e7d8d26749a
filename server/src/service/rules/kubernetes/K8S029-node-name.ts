// K8S029 — `nodeName` set by hand: the pod bypasses the scheduler (K8S-19).
import { getPair, objects } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { keyRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S029',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      const pair = getPair(o.podSpec, 'nodeName');
      if (pair) report({ range: keyRangeOf(doc, pair)! });
    }
  },
};
