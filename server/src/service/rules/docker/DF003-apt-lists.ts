// DF003 — apt-get install without removing /var/lib/apt/lists in the same RUN (DOCKER-04): `rm -rf
// /var/lib/apt/lists/*`, or `apt-get distclean` / `dist-clean` (apt 3.0), or a cache mount.
import { commandName } from '../../languages/docker/model';
import type { Rule } from '../types';
import { cacheMounts, facts } from './lib/model';
import { appendToInstruction, headRange, isInstall, pmCommands } from './lib/packages';

// `rm -rf /var/lib/apt/lists/*`, or a folder that holds the lists: `rm -rf /var/lib /var/cache`
// (penpot/penpot docker/images/Dockerfile.backend) or `/var/lib/apt/*`
const LIST_PARENTS = new Set(['/var', '/var/lib', '/var/lib/apt']);
function removesLists(word: string): boolean {
  if (word.startsWith('/var/lib/apt/lists')) return true;
  return LIST_PARENTS.has(word.replace(/\/\*$/, '').replace(/\/+$/, ''));
}

export const rule: Rule = {
  id: 'DF003',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.shipped) {
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'RUN') continue;
        const pms = pmCommands(f, instr);
        const install = pms.find((p) => (p.manager === 'apt-get' || p.manager === 'apt') && isInstall(p));
        if (!install) continue;
        if (cacheMounts(instr).some((t) => t.startsWith('/var/lib/apt'))) continue;
        const cleaned = f.commands(instr).some((c) => {
          const p = commandName(c);
          if (p?.name === 'rm' && c.words.slice(p.index + 1).some((w) => removesLists(w.text))) return true;
          // apt 3.0 (Debian trixie): `apt-get distclean` (alias `dist-clean`) removes the lists too (docker-library images)
          return (p?.name === 'apt-get' || p?.name === 'apt') && c.words.slice(p.index + 1).some((w) => w.text === 'dist-clean' || w.text === 'distclean');
        });
        if (cleaned) continue;
        const heredoc = /<<-?\s*["']?\w/.test(instr.getRawArgumentsContent() ?? '');
        report({
          range: headRange(doc, install),
          args: { command: install.manager },
          fixes: heredoc ? [] : [{ edits: [appendToInstruction(doc, instr, 'rm -rf /var/lib/apt/lists/*', f.escape)], preferred: true }],
        });
      }
    }
  },
};
