// AN015 — YAML the parser can't read (indentation, tabs, unclosed quotes, duplicate keys) (ANSIBLE-02).
// Lines with an unquoted `{{` are AN011's; files templated with `{% … %}` lines are left alone.
import { yamlProblems } from '../../yaml/model';
import type { Rule } from '../types';
import { problemText } from '../yamlSyntax';

export const rule: Rule = {
  id: 'AN015',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers', 'ansible-vars', 'ansible-inventory'],
  check({ doc, settings, report }) {
    if (doc.kind === 'ansible-inventory' && doc.classification.variant === 'ini') return;
    if (/^\s*\{%/m.test(doc.content)) return;
    let n = 0;
    for (const p of yamlProblems(doc)) {
      if (/\{\{|\{%/.test(doc.lineText(p.range.start.line))) continue;
      report({ range: p.range, args: { problem: problemText(p, settings.locale) } });
      if (++n >= 50) break;
    }
  },
};
