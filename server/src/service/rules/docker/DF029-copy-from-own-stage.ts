// DF029 — COPY --from the stage it is in (hadolint DL3023).
import { flagOf } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF029',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'COPY') continue;
        const fl = flagOf(instr, 'from');
        const v = fl?.getValue();
        const vr = fl?.getValueRange();
        if (!v || !vr) continue;
        if (v.toLowerCase() === stage.name || v === String(stage.index)) report({ range: vr, args: { stage: v } });
      }
    }
  },
};
