// DF013 — a process supervisor or several background processes as the container's main process
// (DOCKER-25: ideally one container, one process).
import { commandName } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

const SUPERVISORS = ['supervisord', 'runsvdir', 'runit', 'monit', 'circusd'];

export const rule: Rule = {
  id: 'DF013',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      const kw = instr.getKeyword();
      if (kw !== 'CMD' && kw !== 'ENTRYPOINT') continue;
      const cmds = f.commands(instr);
      let done = false;
      cmds.forEach((c, k) => {
        if (done) return;
        const p = commandName(c);
        if (p && SUPERVISORS.includes(p.name)) {
          const w = c.words[p.index];
          report({ range: doc.rangeOf(w.start, w.end), args: { command: p.name } });
          done = true;
          return;
        }
        // `a & b`: a runs in the background next to b (a trailing `&` alone is DF001)
        if (p && c.sep === '&' && cmds.slice(k + 1).some((n) => n.words.length > 0)) {
          report({ range: doc.rangeOf(c.words[p.index].start, c.sepEnd), args: { command: p.name } });
          done = true;
        }
      });
    }
  },
};
