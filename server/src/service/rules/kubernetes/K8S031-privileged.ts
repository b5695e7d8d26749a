// K8S031 — a privileged container: root on the node (DOCKER-13).
import { containers, get, getPair, objects } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { keyRangeOf, scalarValue } from './util';

export const rule: Rule = {
  id: 'K8S031',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      for (const c of containers(o)) {
        const pair = getPair(get(c.node, 'securityContext'), 'privileged');
        if (pair && scalarValue(pair.value) === true) report({ range: keyRangeOf(doc, pair)!, args: { container: c.name ?? '?' } });
      }
    }
  },
};
