// DC006 — a port mapping that is not [[IP:]HOST:]CONTAINER[/PROTOCOL].
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC006',
  kinds: ['compose'],
  check({ doc, report }) {
    for (const p of problemsOf(doc, 'port')) report({ range: range(doc, p.node), args: { value: p.value } });
  },
};
