// DC008 — a memory size or CPU count Compose cannot read (`512MBytes`, `half`) — DOCKER-14.
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC008',
  kinds: ['compose'],
  check({ doc, report }) {
    for (const p of problemsOf(doc, 'size')) report({ range: range(doc, p.node), args: { key: p.key, value: p.value } });
  },
};
