// DF010 — upgrading every package during the build (apt-get upgrade, apk upgrade, yum update…) (DOCKER-21).
import type { ShellCommand } from '../../languages/docker/model';
import type { Rule, Fix } from '../types';
import { facts } from './lib/model';
import { headRange, packagesOf, pmCommands, type PmCommand } from './lib/packages';

function isUpgrade(pm: PmCommand): boolean {
  const s = pm.sub?.text;
  switch (pm.manager) {
    case 'apt-get': case 'apt': return s === 'upgrade' || s === 'dist-upgrade' || s === 'full-upgrade';
    case 'apk': return s === 'upgrade';
    case 'yum': case 'dnf': case 'microdnf': return (s === 'upgrade' || s === 'update' || s === 'distro-sync') && packagesOf(pm).length === 0;
    case 'zypper': return s === 'update' || s === 'up' || s === 'dist-upgrade' || s === 'dup';
    default: return false;
  }
}

export const rule: Rule = {
  id: 'DF010',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      const cmds = f.commands(instr);
      for (const pm of pmCommands(f, instr)) {
        if (!isUpgrade(pm)) continue;
        report({ range: headRange(doc, pm), args: { command: `${pm.nameWord.text} ${pm.sub?.text ?? ''}`.trim() }, fixes: removal(doc, instr, cmds, pm.cmd) });
      }
    }
  },
};

/** Remove the command and the `&&` that joins it to its neighbour; the whole RUN when it is alone. */
function removal(doc: import('../../documents/document').InfraDocument, instr: import('dockerfile-ast').Instruction, cmds: ShellCommand[], cmd: ShellCommand): Fix[] {
  const k = cmds.indexOf(cmd);
  const real = cmds.filter((c) => c.words.length > 0);
  if (real.length === 1) {
    const r = instr.getRange();
    const end = r.end.line + 1 < doc.lineCount ? { line: r.end.line + 1, character: 0 } : r.end;
    return [{ edits: [{ range: { start: { line: r.start.line, character: 0 }, end }, newText: '' }] }];
  }
  const start = cmd.words[0].start;
  if (cmd.sep === '&&' || cmd.sep === ';' || cmd.sep === '\n') {
    const next = cmds.slice(k + 1).find((c) => c.words.length > 0);
    if (!next) return [];
    return [{ edits: [{ range: doc.rangeOf(start, next.words[0].start), newText: '' }] }];
  }
  const prev = cmds[k - 1];
  if (prev && (prev.sep === '&&' || prev.sep === ';' || prev.sep === '\n') && prev.words.length > 0) {
    const prevEnd = prev.words[prev.words.length - 1].end;
    return [{ edits: [{ range: doc.rangeOf(prevEnd, cmd.words[cmd.words.length - 1].end), newText: '' }] }];
  }
  return [];
}
