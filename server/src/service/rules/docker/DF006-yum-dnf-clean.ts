// DF006 — yum/dnf/microdnf/zypper install without `clean all` in the same RUN (DOCKER-04).
import { commandName } from '../../languages/docker/model';
import type { Rule } from '../types';
import { cacheMounts, facts } from './lib/model';
import { appendToInstruction, headRange, isInstall, pmCommands } from './lib/packages';

const MANAGERS = ['yum', 'dnf', 'microdnf', 'zypper'];

export const rule: Rule = {
  id: 'DF006',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.shipped) {
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'RUN') continue;
        const pms = pmCommands(f, instr);
        const install = pms.find((p) => MANAGERS.includes(p.manager) && isInstall(p));
        if (!install) continue;
        if (cacheMounts(instr).some((t) => /\/var\/cache\/(yum|dnf|zypp)/.test(t))) continue;
        if (pms.some((p) => MANAGERS.includes(p.manager) && p.sub?.text === 'clean')) continue;
        if (f.commands(instr).some((c) => commandName(c)?.name === 'rm' && c.words.some((w) => /^\/var\/cache\/(yum|dnf|zypp)/.test(w.text)))) continue;
        const heredoc = /<<-?\s*["']?\w/.test(instr.getRawArgumentsContent() ?? '');
        report({
          range: headRange(doc, install),
          args: { manager: install.manager },
          fixes: heredoc ? [] : [{ args: { manager: install.manager }, edits: [appendToInstruction(doc, instr, `${install.manager} clean all`, f.escape)], preferred: true }],
        });
      }
    }
  },
};
