// K8S013 — `rollingUpdate` parameters under `type: Recreate`: rejected by the API (K8S-06).
import { get, getPair, getPath, objects, scalarString } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { deleteLines, keyRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S013',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      if (o.kind !== 'Deployment') continue;
      const strategy = getPath(o.root, ['spec', 'strategy']);
      if (scalarString(get(strategy, 'type')) !== 'Recreate') continue;
      const pair = getPair(strategy, 'rollingUpdate');
      if (!pair) continue;
      report({ range: keyRangeOf(doc, pair)!, fixes: [{ edits: [{ range: deleteLines(doc, pair), newText: '' }], preferred: true }] });
    }
  },
};
