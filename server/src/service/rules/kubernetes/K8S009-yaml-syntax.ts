// K8S009 — YAML the parser can't read (bad indentation, a tab, an unclosed quote…). Files with
// Helm/Jinja templating (`{{`, `{%`) are left alone: they only become YAML once rendered.
import { yamlProblems } from '../../yaml/model';
import type { Rule } from '../types';
import { problemText } from '../yamlSyntax';

export const rule: Rule = {
  id: 'K8S009',
  kinds: ['kubernetes'],
  check({ doc, settings, report }) {
    if (/\{\{|\{%/.test(doc.content)) return;
    let n = 0;
    for (const p of yamlProblems(doc)) {
      if (p.code === 'DUPLICATE_KEY') continue;
      report({ range: p.range, args: { problem: problemText(p, settings.locale) } });
      if (++n >= 50) break;
    }
  },
};
