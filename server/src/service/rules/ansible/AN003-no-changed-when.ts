// AN003 — command/shell/raw/script without changed_when, creates or removes (ANSIBLE-01, ANSIBLE-03).
import { getPair, isSeq, scalarString } from '../../yaml/model';
import { moduleArgs } from '../../languages/ansible/model';
import type { Rule } from '../types';
import { taskHead, tasks, TASK_KINDS } from './util';

const MODULES = new Set(['command', 'shell', 'raw', 'script']);

/** `when: not <registered>.stat.exists`: the stat-then-command form of `creates` — the command runs
 *  only while its result is missing, so a second run skips it (geerlingguy postgresql's initdb,
 *  certbot's certificate). */
const STAT_GUARD = /\bnot\s+\(?\s*[\w.[\]'"]+\.stat\.exists\b|\.stat\.exists\s*(==\s*false|is\s+false|is\s+falsy)\b/i;

function statGuarded(map: unknown): boolean {
  const when = getPair(map, 'when')?.value;
  const conds = isSeq(when) ? when.items.map((i) => scalarString(i)) : [scalarString(when)];
  return conds.some((c) => c !== undefined && STAT_GUARD.test(c));
}

export const rule: Rule = {
  id: 'AN003',
  kinds: [...TASK_KINDS],
  check({ doc, report }) {
    for (const task of tasks(doc)) {
      if (!task.short || !MODULES.has(task.short)) continue;
      // a handler runs only when notified: its changed status triggers nothing
      if (task.handler) continue;
      if (getPair(task.map, 'changed_when')) continue;
      const args = moduleArgs(task);
      if (args.has('creates') || args.has('removes')) continue;
      if (statGuarded(task.map)) continue;
      report({ range: taskHead(doc, task), args: { module: task.short } });
    }
  },
};
