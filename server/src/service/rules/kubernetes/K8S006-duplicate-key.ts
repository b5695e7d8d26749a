// K8S006 — the same key twice in one mapping: only one of the values survives.
import { yamlProblems } from '../../yaml/model';
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'K8S006',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    if (/\{\{|\{%/.test(doc.content)) return; // templated: only YAML once rendered
    for (const p of yamlProblems(doc)) {
      if (p.code !== 'DUPLICATE_KEY') continue;
      const start = doc.offsetAt(p.range.start);
      const m = /^("[^"\n]*"|'[^'\n]*'|[^\s:#][^:\n#]*?)\s*:/.exec(doc.content.slice(start, start + 300));
      const raw = m ? m[1] : '';
      const range = raw ? doc.rangeOf(start, start + raw.length) : p.range;
      report({ range, args: { key: raw.replace(/^["']|["']$/g, '') } });
    }
  },
};
