// DF022 — sudo in RUN: the build already runs as the USER in effect (hadolint DL3004).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF022',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const c of f.commands(instr)) {
        const i = c.words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text));
        const w = c.words[i];
        if (!w || w.text !== 'sudo') continue;
        const next = c.words[i + 1];
        const simple = next && !next.text.startsWith('-');
        report({ range: doc.rangeOf(w.start, w.end), fixes: simple ? [{ edits: [{ range: doc.rangeOf(w.start, next.start), newText: '' }], preferred: true }] : [] });
      }
    }
  },
};
