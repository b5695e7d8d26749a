// AN007 — `state: latest` on a package module: the result depends on the day of the run (ANSIBLE-01).
import { getPair, isMap, type Node } from '../../yaml/model';
import { moduleArgs } from '../../languages/ansible/model';
import type { Rule } from '../types';
import { tasks, TASK_KINDS } from './util';

const PACKAGE_MODULES = new Set(['apt', 'yum', 'dnf', 'package', 'pip', 'community.general.apk', 'community.general.zypper', 'community.general.pacman', 'community.general.homebrew', 'community.general.snap', 'community.general.npm', 'community.general.gem']);

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
