// K8S011 — the pod template sets `metadata.name`: ignored, pod names are generated (K8S-05).
import { getPair, getPath, objects } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { deleteLines, keyRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S011',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      if (!o.templatePath) continue;
      const pair = getPair(getPath(o.root, [...o.templatePath, 'metadata']), 'name');
      if (!pair) continue;
      report({ range: keyRangeOf(doc, pair)!, args: { kind: o.kind }, fixes: [{ edits: [{ range: deleteLines(doc, pair), newText: '' }], preferred: true }] });
    }
  },
};
