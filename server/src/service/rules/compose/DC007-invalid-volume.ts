// DC007 — a short volume that is not [SOURCE:]TARGET[:MODE] with an absolute container path.
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC007',
  kinds: ['compose'],
  check({ doc, report }) {
    for (const p of problemsOf(doc, 'volume')) report({ range: range(doc, p.node), args: { value: p.value } });
  },
};
