// DF032 — COPY to a relative destination in a stage that never set WORKDIR: where it lands depends
// on the base image (hadolint DL3045).
import type { Rule } from '../types';
import { copyArgs, facts, type Stage } from './lib/model';

function hasWorkdir(stage: Stage, before: number): boolean {
  if (stage.instructions.slice(0, before).some((i) => i.getKeyword() === 'WORKDIR')) return true;
  return stage.parent ? hasWorkdir(stage.parent, stage.parent.instructions.length) : false;
}

export const rule: Rule = {
  id: 'DF032',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      stage.instructions.forEach((instr, k) => {
        if (instr.getKeyword() !== 'COPY') return;
        const { dest } = copyArgs(instr);
        if (!dest) return;
        const d = dest.getValue().replace(/^["']|["']$/g, '');
        if (d.startsWith('/') || d.startsWith('$') || /^[A-Za-z]:[\\/]/.test(d) || d.startsWith('\\')) return;
        if (hasWorkdir(stage, k)) return;
        report({ range: dest.getRange(), args: { dest: d } });
      });
    }
  },
};
