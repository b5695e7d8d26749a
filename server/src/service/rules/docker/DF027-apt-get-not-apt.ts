// DF027 — `apt` in a script: its interface is for people and may change; use apt-get (hadolint DL3027).
import type { Rule } from '../types';
import { facts } from './lib/model';
import { pmCommands } from './lib/packages';

export const rule: Rule = {
  id: 'DF027',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const pm of pmCommands(f, instr)) {
        if (pm.manager !== 'apt' || pm.nameWord.text !== 'apt') continue;
        const r = doc.rangeOf(pm.nameWord.start, pm.nameWord.end);
        report({ range: r, fixes: [{ edits: [{ range: r, newText: 'apt-get' }], preferred: true }] });
      }
    }
  },
};
