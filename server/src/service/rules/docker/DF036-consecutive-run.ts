// DF036 — consecutive RUN instructions that could be one layer (hadolint DL3059, info).
import { flagsOf } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF036',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      let prev: import('dockerfile-ast').Instruction | undefined;
      for (const instr of stage.instructions) {
        const isRun = instr.getKeyword() === 'RUN';
        if (isRun && prev && flagsOf(instr).length === 0 && flagsOf(prev).length === 0) {
          report({ range: instr.getInstructionRange() });
        }
        prev = isRun ? instr : undefined;
      }
    }
  },
};
