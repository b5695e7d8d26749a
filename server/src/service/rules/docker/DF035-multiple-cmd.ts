// DF035 — more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one counts
// (hadolint DL4003/DL4004, BuildKit MultipleInstructionsDisallowed).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF035',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      for (const kw of ['CMD', 'ENTRYPOINT', 'HEALTHCHECK']) {
        const list = stage.instructions.filter((i) => i.getKeyword() === kw);
        for (const instr of list.slice(0, -1)) {
          const last = list[list.length - 1];
          report({ range: instr.getInstructionRange(), args: { instruction: kw, line: last.getRange().start.line + 1 } });
        }
      }
    }
  },
};
