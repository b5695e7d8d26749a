// DF054 — CMD/ENTRYPOINT in shell form: /bin/sh becomes PID 1 and signals never reach the
// application (BuildKit JSONArgsRecommended, hadolint DL3025).
import { isJsonForm } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF054',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      // an explicit SHELL means the author chose the shell form on purpose
      if (stage.instructions.some((i) => i.getKeyword() === 'SHELL')) continue;
      for (const instr of stage.instructions) {
        const kw = instr.getKeyword();
        if ((kw !== 'CMD' && kw !== 'ENTRYPOINT') || isJsonForm(instr)) continue;
        const range = instr.getArgumentsRange();
        if (!range) continue;
        const cmds = f.commands(instr);
        const raw = instr.getRawArgumentsContent() ?? '';
        const simple = cmds.length === 1 && cmds[0].sep === '' && !/[$`*?<>|&;(){}\\'"]/.test(raw);
        const json = `[${cmds[0]?.words.map((w) => JSON.stringify(w.text)).join(', ')}]`;
        report({ range, args: { instruction: kw }, fixes: simple ? [{ edits: [{ range, newText: json }], preferred: true }] : [] });
      }
    }
  },
};
