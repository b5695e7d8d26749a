// AN016 — `include:`, removed in ansible-core 2.16 (debops and other older roles still use it): a task
// becomes `include_tasks` (dynamic, as `include` mostly behaved) or `import_tasks`; a playbook-level
// `include` becomes `import_playbook`. The fix is offered, not preferred: static and dynamic
// inclusion treat tags and `when` differently, which the user should choose knowingly.
import { ansibleModel } from '../../languages/ansible/model';
import { getPair, type Node } from '../../yaml/model';
import type { Rule } from '../types';
import { nodeRange, tasks, TASK_KINDS } from './util';

const REMOVED = /^(?:ansible\.(?:builtin|legacy)\.)?include$/;

export const rule: Rule = {
  id: 'AN016',
  kinds: [...TASK_KINDS],
  check({ doc, report }) {
    const found = (node: unknown, name: string, replacement: string) => {
      const range = nodeRange(doc, node);
      report({ range, args: { name, replacement }, fixes: [{ edits: [{ range, newText: replacement }] }] });
    };
    for (const task of tasks(doc)) {
      if (!task.modulePair || !task.module || !REMOVED.test(task.module)) continue;
      found(task.modulePair.key as Node, task.module, `${task.module}_tasks`);
    }
    for (const play of ansibleModel(doc).plays) {
      const pair = play.isImport ? getPair(play.map, 'include') : undefined;
      if (pair) found(pair.key, 'include', 'import_playbook');
    }
  },
};
