// DF025 — apt-get install without -y: the build has nobody to answer the prompt (hadolint DL3014).
import type { Rule } from '../types';
import { facts } from './lib/model';
import { hasOption, headRange, insertAfterSub, isInstall, pmCommands } from './lib/packages';

export function saysYes(t: string): boolean {
  return t === '--yes' || t === '--assume-yes' || t === '-qq' || t === '-q=2' || t === '--quiet=2' || /^-[a-zA-Z]*y[a-zA-Z]*$/.test(t);
}

export const rule: Rule = {
  id: 'DF025',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const pm of pmCommands(f, instr)) {
        if ((pm.manager !== 'apt-get' && pm.manager !== 'apt') || !isInstall(pm)) continue;
        if (hasOption(pm, saysYes)) continue;
        report({ range: headRange(doc, pm), fixes: [{ edits: [insertAfterSub(doc, pm, '-y')], preferred: true }] });
      }
    }
  },
};
