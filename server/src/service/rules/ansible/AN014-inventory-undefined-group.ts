// AN014 — an INI inventory `[group:children]` naming a group that has no section (ANSIBLE-07).
import { iniModel } from '../../languages/ansible/model';
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'AN014',
  kinds: ['ansible-inventory'],
  check({ doc, report }) {
    if (doc.classification.variant !== 'ini') return;
    const ini = iniModel(doc);
    const defined = new Set(['all', 'ungrouped']);
    for (const s of ini.sections) if (s.suffix !== 'vars') defined.add(s.group);
    for (const s of ini.sections) {
      if (s.suffix !== 'children') continue;
      for (const e of s.entries) {
        if (defined.has(e.key)) continue;
        report({ range: doc.rangeOf(e.keyStart, e.keyEnd), args: { name: e.key } });
      }
    }
  },
};
