// DF011 — compilers and -dev/-devel packages installed in the stage that ships, and not removed in
// the same RUN: build in an earlier stage instead (DOCKER-22).
import type { Rule } from '../types';
import { facts } from './lib/model';
import { isInstall, packagesOf, pmCommands } from './lib/packages';

const BUILD_PACKAGE = /^(build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|make|cmake|autoconf|automake|libtool|musl-dev|linux-headers|[a-z0-9][a-z0-9.+-]*-(dev|devel))(=.*)?$/;

export const rule: Rule = {
  id: 'DF011',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    const last = f.stages[f.stages.length - 1];
    if (!last) return;
    for (const stage of f.shipped) {
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'RUN') continue;
        const pms = pmCommands(f, instr);
        // installed and removed in the same RUN (apk --virtual … && apk del, apt-get purge): fine
        if (pms.some((p) => ['del', 'purge', 'remove', 'autoremove', 'erase'].includes(p.sub?.text ?? ''))) continue;
        for (const pm of pms) {
          if (pm.manager === 'pip' || !isInstall(pm)) continue;
          if (pm.cmd.words.some((w) => w.text === '--virtual' || w.text === '-t')) continue;
          for (const w of packagesOf(pm)) {
            if (BUILD_PACKAGE.test(w.text) && !w.text.startsWith('$')) report({ range: doc.rangeOf(w.start, w.end), args: { package: w.text.replace(/=.*$/, '') } });
          }
        }
      }
    }
  },
};
