// DF026 — apt-get install without --no-install-recommends pulls in packages nobody asked for
// (hadolint DL3015).
import type { Rule } from '../types';
import { facts } from './lib/model';
import { hasOption, headRange, insertAfterSub, isInstall, pmCommands } from './lib/packages';

export const rule: Rule = {
  id: 'DF026',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      for (const pm of pmCommands(f, instr)) {
        if ((pm.manager !== 'apt-get' && pm.manager !== 'apt') || !isInstall(pm)) continue;
        if (hasOption(pm, (t) => t === '--no-install-recommends')) continue;
        if (pm.cmd.words.some((w) => /Install-Recommends=(false|0|no)/i.test(w.text))) continue;
        report({ range: headRange(doc, pm), fixes: [{ edits: [insertAfterSub(doc, pm, '--no-install-recommends')], preferred: true }] });
      }
    }
  },
};
