// DF020 — WORKDIR with a relative path: it depends on the WORKDIR before it (hadolint DL3000).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF020',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      if (instr.getKeyword() !== 'WORKDIR') continue;
      const a = instr.getArguments()[0];
      if (!a) continue;
      const v = a.getValue().replace(/^["']|["']$/g, '');
      if (v.startsWith('/') || v.startsWith('$') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\')) continue;
      report({ range: a.getRange(), args: { path: v } });
    }
  },
};
