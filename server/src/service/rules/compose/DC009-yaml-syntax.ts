// DC009 — YAML Compose can't read: bad indentation, a tab, an unclosed quote or bracket, a key
// written twice in one mapping (Compose refuses duplicate keys too).
import { yamlProblems } from '../../yaml/model';
import type { Rule } from '../types';
import { problemText } from '../yamlSyntax';

const MAX_REPORTED = 50;

export const rule: Rule = {
  id: 'DC009',
  kinds: ['compose'],
  check({ doc, settings, report }) {
    let n = 0;
    for (const p of yamlProblems(doc)) {
      report({ range: p.range, args: { problem: problemText(p, settings.locale) } });
      if (++n >= MAX_REPORTED) break;
    }
  },
};
