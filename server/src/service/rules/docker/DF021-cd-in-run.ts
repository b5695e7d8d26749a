// DF021 — `cd` inside RUN to change the working directory: WORKDIR says it for every later
// instruction (hadolint DL3003). Not when the `cd` enters a temporary folder the same RUN creates
// (mkdir, tar -x into it, git clone, unzip -d) and later deletes (rm -r): WORKDIR would leave the
// folder in the image — the docker-library `mkdir /usr/src/x; tar -C /usr/src/x …; cd /usr/src/x;
// make install; cd /; rm -rf /usr/src/x` pattern. The `cd` back out before the deletion goes with it.
// Nor when the target is a glob or a command substitution, which WORKDIR cannot say.
import { commandName, type ShellCommand } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

const norm = (p: string) => {
  const s = p.replace(/^\.\/(?=.)/, '');
  return s.length > 1 ? s.replace(/\/+$/, '') : s;
};

/** Folders a command creates: `mkdir A B`, `tar -x … -C A` / `--directory A`, `git clone URL A`, `unzip … -d A`. */
function createdBy(c: ShellCommand): string[] {
  const p = commandName(c);
  if (!p) return [];
  const args = c.words.slice(p.index + 1).map((w) => w.text);
  const out: string[] = [];
  if (p.name === 'mkdir') {
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-m' || args[i] === '--mode') i++;
      else if (!args[i].startsWith('-')) out.push(args[i]);
    }
  } else if (p.name === 'tar' || p.name === 'unzip') {
    const flag = p.name === 'tar' ? ['-C', '--directory'] : ['-d'];
    args.forEach((a, i) => {
      if (flag.includes(a) && args[i + 1]) out.push(args[i + 1]);
      else if (a.startsWith('--directory=')) out.push(a.slice('--directory='.length));
    });
  } else if (p.name === 'git' && args[0] === 'clone') {
    const positional: string[] = [];
    for (let i = 1; i < args.length; i++) {
      if (/^(-b|--branch|--depth|-c|--config|-o|--origin|--reference|-j|--jobs|--filter|--single-branch=)$/.test(args[i])) i++;
      else if (!args[i].startsWith('-')) positional.push(args[i]);
    }
    if (positional.length >= 2) out.push(positional[1]);
  }
  return out.map(norm);
}

/** Paths `rm -r` deletes (a trailing `/*` deletes what is under the folder). */
function deletedBy(c: ShellCommand): string[] {
  const p = commandName(c);
  if (p?.name !== 'rm') return [];
  const args = c.words.slice(p.index + 1).map((w) => w.text);
  if (!args.some((a) => /^-[a-zA-Z]*[rR]/.test(a) || a === '--recursive')) return [];
  return args.filter((a) => !a.startsWith('-')).map((a) => norm(a.replace(/\/\*$/, '/')));
}

const under = (path: string, root: string) => path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);

export const rule: Rule = {
  id: 'DF021',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      if (instr.getKeyword() !== 'RUN') continue;
      const cmds = f.commands(instr);
      const created: string[] = [];
      /** index of the command deleting the temporary folder entered last; `cd`s before it leave that folder */
      let leaveUntil = -1;
      cmds.forEach((c, k) => {
        created.push(...createdBy(c));
        const p = commandName(c);
        if (p?.name !== 'cd' || p.index !== 0) return;
        // `(cd dir && …)` changes directory only inside the subshell: that is what it is for
        if (cmds[k - 1]?.sep === '(') return;
        if (k < leaveUntil) return;
        const target = c.words[p.index + 1] ? norm(c.words[p.index + 1].text) : undefined;
        // WORKDIR expands ARG and ENV only: a glob or a command substitution (`cd jellyfin-web-*`
        // after unpacking an archive) names a folder WORKDIR cannot
        if (target && /[*?[]|\$\(|`/.test(target)) return;
        if (target && created.some((d) => under(target, d))) {
          const del = cmds.findIndex((d, j) => j > k && deletedBy(d).some((r) => under(target, r.replace(/\/$/, '') || '/')));
          if (del > 0) {
            leaveUntil = del;
            return;
          }
        }
        const last = c.words[Math.min(c.words.length - 1, 1)];
        report({ range: doc.rangeOf(c.words[0].start, last.end) });
      });
    }
  },
};
