// DF009 — a user name from the other distribution: `www-data` in an Alpine/nginx-alpine stage, `nginx`
// in a plain Debian/Ubuntu stage (DOCKER-19).
import { commandName, flagOf } from '../../languages/docker/model';
import type { Rule } from '../types';
import { baseImage, distroOf, facts, splitImage, type Stage } from './lib/model';

/** The user name that does not exist in this stage's distribution, if we can tell. */
function foreignUser(stage: Stage): { user: string; distro: string } | undefined {
  const { repo } = splitImage(baseImage(stage));
  const last = repo.split('/').pop() ?? '';
  const distro = distroOf(stage);
  if (distro === 'alpine' && (last === 'alpine' || last === 'nginx')) return { user: 'www-data', distro: 'Alpine' };
  if (distro === 'debian' && (last === 'debian' || last === 'ubuntu')) return { user: 'nginx', distro: 'Debian' };
  return undefined;
}

export const rule: Rule = {
  id: 'DF009',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      const foreign = foreignUser(stage);
      if (!foreign) continue;
      const isForeign = (v: string) => v.split(':')[0] === foreign.user;
      const hit = (start: number, end: number) => report({ range: doc.rangeOf(start, end), args: { user: foreign.user, distro: foreign.distro } });
      for (const instr of stage.instructions) {
        const kw = instr.getKeyword();
        if (kw === 'USER') {
          const a = instr.getArguments()[0];
          if (a && isForeign(a.getValue())) hit(doc.offsetAt(a.getRange().start), doc.offsetAt(a.getRange().start) + foreign.user.length);
        } else if (kw === 'COPY' || kw === 'ADD') {
          const ch = flagOf(instr, 'chown');
          const v = ch?.getValue();
          const vr = ch?.getValueRange();
          if (v && vr && isForeign(v)) hit(doc.offsetAt(vr.start), doc.offsetAt(vr.start) + foreign.user.length);
        } else if (kw === 'RUN') {
          for (const c of f.commands(instr)) {
            if (commandName(c)?.name !== 'chown') continue;
            const w = c.words.find((x, i) => i > 0 && !x.text.startsWith('-') && isForeign(x.text.replace(/\.[^.]*$/, '')));
            if (w) hit(w.start, w.start + foreign.user.length);
          }
        }
      }
    }
  },
};
