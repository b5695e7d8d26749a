// DC004 — a value outside the documented set (restart policy, depends_on condition, mount type…).
import { closest, distance } from 'fastest-levenshtein';
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC004',
  kinds: ['compose'],
  check({ doc, report }) {
    for (const p of problemsOf(doc, 'enum')) {
      const r = range(doc, p.node);
      const choices = p.values.split(', ').filter((v) => /^[\w+.-]+$/.test(v));
      const best = choices.length ? closest(p.value, choices) : undefined;
      const fix = best && distance(p.value, best) <= 3 ? best : undefined;
      report({
        range: r,
        args: { key: p.key, value: p.value, values: p.values },
        fixes: fix ? [{ args: { suggestion: fix }, edits: [{ range: r, newText: fix }], preferred: true }] : [],
      });
    }
  },
};
