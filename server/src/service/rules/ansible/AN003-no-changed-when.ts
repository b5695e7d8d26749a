// AN003 — command/shell/raw/script without changed_when, creates or removes (ANSIBLE-01, ANSIBLE-03).
import { getPair } from '../../yaml/model';
import { moduleArgs } from '../../languages/ansible/model';
import type { Rule } from '../types';
import { taskHead, tasks, TASK_KINDS } from './util';

const MODULES = new Set(['command', 'shell', 'raw', 'script']);

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
      report({ range: taskHead(doc, task), args: { module: task.short } });
    }
  },
};
