// AN009 — a task without `name` (info).
import { t } from '../../knowledge/index';
import { getPair } from '../../yaml/model';
import type { Rule } from '../types';
import { taskHead, tasks, TASK_KINDS } from './util';

export const rule: Rule = {
  id: 'AN009',
  kinds: [...TASK_KINDS],
  check({ doc, settings, report }) {
    for (const task of tasks(doc)) {
      if (task.isBlock || getPair(task.map, 'name')) continue;
      if (task.short === 'meta') continue;
      const module = task.module ?? '?';
      // a static import is resolved when the playbook is parsed: the run prints no line for it
      // (ansible-lint still asks for a name), so the message must not promise one
      const detail = /^import_(tasks|role)$/.test(task.short ?? '')
        ? t('ansible.hint.unnamedImport', settings.locale, { module })
        : t('ansible.hint.unnamedTask', settings.locale, { module });
      report({ range: taskHead(doc, task), args: { module, detail } });
    }
  },
};
