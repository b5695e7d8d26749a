// AN007 — `state: latest` on a package module: the result depends on the day of the run (ANSIBLE-01).
import { getPair, isMap, isSeq, scalarString, type Node } from '../../yaml/model';
import { moduleArgs } from '../../languages/ansible/model';
import type { Rule } from '../types';
import { tasks, TASK_KINDS } from './util';

const PACKAGE_MODULES = new Set(['apt', 'yum', 'dnf', 'package', 'pip', 'community.general.apk', 'community.general.zypper', 'community.general.pacman', 'community.general.homebrew', 'community.general.snap', 'community.general.npm', 'community.general.gem']);

/**
 * A deliberate whole-system upgrade — `name: "*"` (the idiom the apt, dnf and yum docs give for
 * "upgrade all packages") or apt's `upgrade:` — is the "upgrade deliberately" the rule asks for;
 * `state: present` would turn it into a no-op.
 */
function upgradesEverything(args: ReturnType<typeof moduleArgs>, module: string): boolean {
  const name = args.get('name') ?? args.get('pkg');
  const node = name?.node;
  const names = isSeq(node) ? node.items.map((i) => scalarString(i)) : [name?.value];
  if (names.length === 1 && names[0]?.trim() === '*') return true;
  if (module !== 'apt') return false;
  const upgrade = args.get('upgrade')?.value?.trim();
  return upgrade !== undefined && upgrade !== '' && !/^(no|false|off|n)$/i.test(upgrade);
}

export const rule: Rule = {
  id: 'AN007',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  check({ doc, report }) {
    for (const task of tasks(doc)) {
      if (!task.short || !PACKAGE_MODULES.has(task.short)) continue;
      const args = moduleArgs(task);
      if (args.get('state')?.value !== 'latest') continue;
      const only = args.get('update_only')?.value ?? args.get('only_upgrade')?.value;
      if (only === 'true' || only === 'yes' || only === 'True') continue;
      if (upgradesEverything(args, task.short)) continue;
      let start: number;
      let end: number;
      const v = task.modulePair?.value;
      const node = isMap(v) ? (getPair(v, 'state')?.value as Node | undefined) : undefined;
      if (node?.range) [start, end] = node.range;
      else {
        const tok = task.freeForm?.find((x) => x.key === 'state');
        if (!tok) continue;
        start = tok.valueStart;
        end = tok.valueEnd;
      }
      const range = doc.rangeOf(start, end);
      report({ range, fixes: [{ edits: [{ range, newText: 'present' }], preferred: true }] });
    }
  },
};
