// DC003 — a value of the wrong YAML type (a list where a mapping is expected, a string for a boolean…).
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC003',
  kinds: ['compose'],
  check({ doc, report }) {
    for (const p of problemsOf(doc, 'type')) {
      report({ range: range(doc, p.node), args: { key: p.key, expected: p.expected, actual: p.actual } });
    }
  },
};
