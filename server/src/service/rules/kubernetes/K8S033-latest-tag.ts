// K8S033 — an image with `:latest` or no tag (and no digest): nodes may run different versions (DOCKER-11).
import { containers, getPair, objects, scalarString } from '../../languages/kubernetes/model';
import { parseImage } from '../../languages/kubernetes/image';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S033',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      for (const c of containers(o)) {
        const pair = getPair(c.node, 'image');
        const v = scalarString(pair?.value);
        const img = v ? parseImage(v) : undefined;
        if (!pair || !img || img.digest || (img.tag && img.tag !== 'latest')) continue;
        report({ range: valueRangeOf(doc, pair)!, args: { image: v! } });
      }
    }
  },
};
