// DC005 — a duration without a unit or in a wrong form (`30` instead of `30s`) — COMPOSE-03.
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC005',
  kinds: ['compose'],
  check({ doc, report }) {
    for (const p of problemsOf(doc, 'duration')) {
      const r = range(doc, p.node);
      const bare = /^\d+$/.test(p.value.trim());
      report({
        range: r,
        args: { key: p.key, value: p.value },
        fixes: bare ? [{ args: { suggestion: `${p.value.trim()}s` }, edits: [{ range: r, newText: `${p.value.trim()}s` }], preferred: true }] : [],
      });
    }
  },
};
