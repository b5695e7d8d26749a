// DF004 — pip install without --no-cache-dir in an image that ships (DOCKER-04).
import type { Rule } from '../types';
import { cacheMounts, facts } from './lib/model';
import { hasOption, headRange, insertAfterSub, isInstall, pmCommands } from './lib/packages';

export const rule: Rule = {
  id: 'DF004',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.shipped) {
      let envOff = false;
      for (const instr of stage.instructions) {
        const kw = instr.getKeyword();
        if (kw === 'ENV' || kw === 'ARG') {
          if (/PIP_NO_CACHE_DIR/.test(instr.getRawArgumentsContent() ?? '')) envOff = true;
          continue;
        }
        if (kw !== 'RUN' || envOff) continue;
        if (cacheMounts(instr).some((t) => t.includes('pip'))) continue;
        for (const pm of pmCommands(f, instr)) {
          if (pm.manager !== 'pip' || !isInstall(pm)) continue;
          if (hasOption(pm, (t) => t === '--no-cache-dir' || t.startsWith('--cache-dir'))) continue;
          report({ range: headRange(doc, pm), fixes: [{ edits: [insertAfterSub(doc, pm, '--no-cache-dir')], preferred: true }] });
        }
      }
    }
  },
};
