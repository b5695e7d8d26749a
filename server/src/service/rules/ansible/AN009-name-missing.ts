// AN009 — a task without `name` (info).
import { getPair } from '../../yaml/model';
import type { Rule } from '../types';
import { taskHead, tasks, TASK_KINDS } from './util';

export const rule: Rule = {
  id: 'AN009',
  kinds: [...TASK_KINDS],
  check({ doc, report }) {
    for (const task of tasks(doc)) {
      if (task.isBlock || getPair(task.map, 'name')) continue;
      if (task.short === 'meta') continue;
      report({ range: taskHead(doc, task), args: { module: task.module ?? '?' } });
    }
  },
};
