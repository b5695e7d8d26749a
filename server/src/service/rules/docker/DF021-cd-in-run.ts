// DF021 — `cd` inside RUN to change the working directory: WORKDIR says it for every later
// instruction (hadolint DL3003).
import { commandName } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF021',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      const cmds = f.commands(instr);
      cmds.forEach((c, k) => {
        const p = commandName(c);
        if (p?.name !== 'cd' || p.index !== 0) return;
        // `(cd dir && …)` changes directory only inside the subshell: that is what it is for
        if (cmds[k - 1]?.sep === '(') return;
        const last = c.words[Math.min(c.words.length - 1, 1)];
        report({ range: doc.rangeOf(c.words[0].start, last.end) });
      });
    }
  },
};
