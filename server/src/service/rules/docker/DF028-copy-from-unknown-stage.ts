// DF028 — COPY --from names a stage that is not defined before it (hadolint DL3022).
import { flagOf } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF028',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      const earlier = f.stages.slice(0, stage.index);
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'COPY') continue;
        const fl = flagOf(instr, 'from');
        const v = fl?.getValue();
        const vr = fl?.getValueRange();
        if (!v || !vr) continue;
        // image references (`nginx:1.27`, `ghcr.io/x/y`) and variables are not stage names
        if (/[:/@.$]/.test(v)) continue;
        if (/^\d+$/.test(v)) {
          if (Number(v) < stage.index) continue;
        } else {
          const name = v.toLowerCase();
          if (earlier.some((s) => s.name === name) || stage.name === name) continue;
        }
        report({ range: vr, args: { stage: v } });
      }
    }
  },
};
