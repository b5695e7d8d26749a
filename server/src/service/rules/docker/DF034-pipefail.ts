// DF034 — a pipe in RUN without `pipefail`: the RUN succeeds when only the last command does
// (hadolint DL4006).
import type { Instruction } from 'dockerfile-ast';
import { commandName, isJsonForm } from '../../languages/docker/model';
import type { Rule } from '../types';
import { distroOf, facts, type Stage } from './lib/model';

/** The arguments of the SHELL in effect before instruction `k` of the stage (or its parents). */
function shellBefore(stage: Stage, k: number): string[] | undefined {
  for (let i = k - 1; i >= 0; i--) {
    const instr = stage.instructions[i];
    if (instr.getKeyword() === 'SHELL') return instr.getArguments().map((a) => a.getValue());
  }
  return stage.parent ? shellBefore(stage.parent, stage.parent.instructions.length) : undefined;
}

export const rule: Rule = {
  id: 'DF034',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      let fixed = false;
      stage.instructions.forEach((instr: Instruction, k) => {
        if (instr.getKeyword() !== 'RUN' || isJsonForm(instr)) return;
        const shell = shellBefore(stage, k);
        if (shell) {
          const joined = shell.join(' ');
          if (joined.includes('pipefail') || /pwsh|powershell|cmd/i.test(joined)) return;
        }
        const cmds = f.commands(instr);
        let pipefail = false;
        for (const c of cmds) {
          if (commandName(c)?.name === 'set' && c.words.some((w) => w.text.includes('pipefail'))) pipefail = true;
          if (c.sep === '|' && !pipefail) {
            const line = instr.getRange().start.line;
            const sh = distroOf(stage) === 'alpine' ? '/bin/ash' : '/bin/bash';
            const fixes = fixed ? [] : [{ args: { shell: sh }, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `SHELL ["${sh}", "-o", "pipefail", "-c"]\n` }] }];
            report({ range: doc.rangeOf(c.sepStart, c.sepEnd), fixes });
            fixed = true;
            return;
          }
        }
      });
    }
  },
};
