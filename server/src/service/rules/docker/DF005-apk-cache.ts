// DF005 — apk add without --no-cache in an image that ships (DOCKER-04).
import { commandName } from '../../languages/docker/model';
import type { Rule } from '../types';
import { cacheMounts, facts } from './lib/model';
import { hasOption, headRange, insertAfterSub, pmCommands } from './lib/packages';

export const rule: Rule = {
  id: 'DF005',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.shipped) {
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'RUN') continue;
        if (cacheMounts(instr).some((t) => t.includes('/var/cache/apk') || t.startsWith('/etc/apk/cache'))) continue;
        const cleaned = f.commands(instr).some((c) => commandName(c)?.name === 'rm' && c.words.some((w) => w.text.startsWith('/var/cache/apk')));
        if (cleaned) continue;
        for (const pm of pmCommands(f, instr)) {
          if (pm.manager !== 'apk' || pm.sub?.text !== 'add') continue;
          if (hasOption(pm, (t) => t === '--no-cache')) continue;
          // `apk add --no-network --virtual .rundeps $runDeps` (docker-library) fetches nothing: no index to keep
          if (hasOption(pm, (t) => t === '--no-network')) continue;
          report({ range: headRange(doc, pm), fixes: [{ edits: [insertAfterSub(doc, pm, '--no-cache')], preferred: true }] });
        }
      }
    }
  },
};
