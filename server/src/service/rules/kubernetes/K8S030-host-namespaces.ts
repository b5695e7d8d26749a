// K8S030 — hostNetwork / hostPID / hostIPC: the pod shares the node's namespaces (DOCKER-12).
import { getPair, objects } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { keyRangeOf, scalarValue } from './util';

export const rule: Rule = {
  id: 'K8S030',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
        const pair = getPair(o.podSpec, field);
        if (pair && scalarValue(pair.value) === true) report({ range: keyRangeOf(doc, pair)!, args: { field } });
      }
    }
  },
};
