// AN011 — a value starting with `{{` that is not quoted: YAML reads it as a mapping (ANSIBLE-02, ANSIBLE-12).
import { isScalar, visit } from 'yaml';
import { yamlModel } from '../../yaml/model';
import type { Rule } from '../types';

const ANSIBLE_YAML = ['ansible-playbook', 'ansible-tasks', 'ansible-handlers', 'ansible-vars', 'ansible-inventory'] as const;
/** `key: {{ …` or `- {{ …` on one line; group 2 is the value up to a comment. A key never starts
 *  with `- ` (that is a list item: `- "Target: {{ x }}"` is a quoted string, not a key) */
const LINE = /^(\s*(?:-\s+)*(?:(?!-\s)[^\s#'"{}[\]][^:#]*?:\s+)?(?:-\s+)?)(\{\{.*?)\s*(?:\s#.*)?$/;

export const rule: Rule = {
  id: 'AN011',
  kinds: [...ANSIBLE_YAML],
  check({ doc, report }) {
    if (doc.kind === 'ansible-inventory' && doc.classification.variant === 'ini') return;
    const text = doc.content;
    if (!text.includes('{{')) return;
    const lines = text.split('\n');
    const candidates: { line: number; start: number; value: string }[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line.includes('{{')) continue;
      const m = LINE.exec(line.replace(/\r$/, ''));
      if (m) candidates.push({ line: i, start: m[1].length, value: m[2] });
    }
    if (candidates.length === 0) return;
    // lines inside multi-line scalars (block scalars, folded plain or quoted text) are text, not values
    const skip = new Set<number>();
    for (const d of yamlModel(doc).docs) {
      visit(d, {
        Scalar(_k, node) {
          if (!isScalar(node) || !node.range) return;
          const [a, b] = node.range;
          const nl = text.indexOf('\n', a);
          if (nl < 0 || nl >= b) return;
          const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
          const first = doc.positionAt(a).line;
          const last = doc.positionAt(b).line;
          for (let l = block ? first : first + 1; l <= last; l++) skip.add(l);
        },
      });
    }
    for (const c of candidates) {
      if (skip.has(c.line)) continue;
      const end = c.start + c.value.length;
      const quoted = c.value.includes('"') ? `'${c.value.replace(/'/g, "''")}'` : `"${c.value}"`;
      const range = { start: { line: c.line, character: c.start }, end: { line: c.line, character: end } };
      report({ range, fixes: [{ edits: [{ range, newText: quoted }], preferred: true }] });
    }
  },
};

