// AN012 — an opening `{{` or `{%` without its closing delimiter in a YAML string (ANSIBLE-12).
import { isScalar, visit } from 'yaml';
import { jinjaSpans } from '../../languages/ansible/model';
import { yamlModel } from '../../yaml/model';
import type { Rule } from '../types';

const CLOSE: Record<string, string> = { '{{': '}}', '{%': '%}' };

export const rule: Rule = {
  id: 'AN012',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers', 'ansible-vars', 'ansible-inventory'],
  check({ doc, report }) {
    if (doc.kind === 'ansible-inventory' && doc.classification.variant === 'ini') return;
    if (!doc.content.includes('{{') && !doc.content.includes('{%')) return;
    for (const d of yamlModel(doc).docs) {
      visit(d, {
        Scalar(_k, node) {
          if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
          if (!node.value.includes('{{') && !node.value.includes('{%')) return;
          const [a, b] = node.range;
          const src = doc.content.slice(a, b);
          if (!src.includes('{')) return;
          for (const sp of jinjaSpans(src, a)) {
            if (sp.end >= 0 || sp.open === '{#') continue;
            report({ range: doc.rangeOf(sp.start, sp.start + 2), args: { open: sp.open, close: CLOSE[sp.open] } });
          }
        },
      });
    }
  },
};
