// DF036 — consecutive RUN instructions where being separate layers costs something (DOCKER-02: layers
// are read-only). hadolint's DL3059 flags every RUN after a RUN; on official images, which split their
// RUNs on purpose (one `set -eux` block per concern), that is dozens of findings that say nothing. This
// rule reports what the fact is about, once per group of consecutive RUNs, at the first RUN that:
// - deletes what an earlier RUN of the group wrote (`wget -O /tmp/x.tgz` … `rm /tmp/x.tgz`): the
//   earlier layer keeps the file, the deletion only hides it;
// - runs the same package manager again, or clears its cache, after an earlier RUN of the group did
//   (`apt-get update` / `apt-get install`, `apk add` / `apk del`): the lists, caches and removed
//   packages stay in the earlier layer.
// A RUN with flags (`--mount`, `--network`…) ends a group: it cannot simply be joined.
import type { Instruction } from 'dockerfile-ast';
import { commandName, flagsOf } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts, type DockerFacts } from './lib/model';
import { pmCommands } from './lib/packages';

/** Package-manager caches a RUN may clear by hand. */
const PM_CACHE = /^\/(var\/lib\/apt|var\/cache|root\/\.cache|root\/\.npm|tmp\/pip|usr\/local\/share\/\.cache)/;

interface RunFacts {
  instr: Instruction;
  managers: Set<string>;
  /** the words of the RUN (paths it writes among them) */
  words: string[];
  /** paths `rm` deletes */
  removed: string[];
}

function runFacts(f: DockerFacts, instr: Instruction): RunFacts {
  const cmds = f.commands(instr);
  const removed: string[] = [];
  for (const c of cmds) {
    const p = commandName(c);
    if (p?.name !== 'rm') continue;
    for (const w of c.words.slice(p.index + 1)) if (!w.text.startsWith('-')) removed.push(w.text.replace(/\/\*$/, '').replace(/\/+$/, ''));
  }
  const managers = new Set(pmCommands(f, instr).map((p) => (p.manager === 'apt' ? 'apt-get' : p.manager)));
  return { instr, managers, words: cmds.flatMap((c) => c.words.map((w) => w.text)), removed: removed.filter((r) => r.length > 1) };
}

/** The earlier RUN that `later` cleans up after, or repeats the package manager of. */
function matters(earlier: RunFacts[], later: RunFacts): RunFacts | undefined {
  for (const e of earlier) {
    for (const m of later.managers) if (e.managers.has(m)) return e;
    if (e.managers.size && later.removed.some((r) => PM_CACHE.test(r))) return e;
    if (later.removed.some((r) => !r.includes('$') && e.words.some((w) => w === r || w.startsWith(`${r}/`) || w.endsWith(`=${r}`)))) return e;
  }
  return undefined;
}

export const rule: Rule = {
  id: 'DF036',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      let group: RunFacts[] = [];
      let reported = false;
      for (const instr of stage.instructions) {
        if (instr.getKeyword() !== 'RUN' || flagsOf(instr).length > 0) {
          group = [];
          reported = false;
          continue;
        }
        const run = runFacts(f, instr);
        const earlier = reported ? undefined : matters(group, run);
        if (earlier) {
          report({ range: instr.getInstructionRange(), args: { line: earlier.instr.getRange().start.line + 1 } });
          reported = true;
        }
        group.push(run);
      }
    }
  },
};
