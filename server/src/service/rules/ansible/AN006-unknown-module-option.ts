// AN006 — an option a documented module does not take, with "did you mean" (ANSIBLE-10). Front
// ends that pass arguments on (package, service) accept their backends' options; set_fact and
// add_host take any key as a variable. The hover reads the same `optionStatus`.
import { didYouMean, moduleInfo, optionNames, optionStatus } from '../../languages/ansible/catalog';
import { moduleArgs } from '../../languages/ansible/model';
import type { Finding, Rule } from '../types';
import { t } from '../../knowledge/index';
import { didYouMeanHint, tasks, TASK_KINDS } from './util';

/** Options that modules once took and ansible-core removed: the task fails now, and the message says
 *  why an option seen in older roles is gone (`warn` of command/shell: 2.14), or what replaced it
 *  (`sha256sum` of get_url, 2.14: sovereign/sovereign roles/mailserver/tasks/checkrbl.yml). */
const REMOVED: Record<string, Record<string, { version: string; use?: string }>> = {
  command: { warn: { version: '2.14' } },
  shell: { warn: { version: '2.14' } },
  get_url: { sha256sum: { version: '2.14', use: 'checksum: "sha256:…"' } },
};

export const rule: Rule = {
  id: 'AN006',
  kinds: [...TASK_KINDS],
  check({ doc, settings, report }) {
    for (const task of tasks(doc)) {
      if (!task.module) continue;
      const m = moduleInfo(task.module);
      if (!m || m.anyKeys) continue;
      const names = optionNames(m);
      const args = moduleArgs(task);
      const fromFreeForm = !!task.freeForm?.length;
      for (const [key, a] of args) {
        if (names.has(key) || key.includes('{{') || optionStatus(m, key).kind !== 'unknown') continue;
        // free-form text of command-like modules is the command itself, not options
        if (fromFreeForm && m.freeForm) continue;
        const suggestion = didYouMean(key, names);
        const range = doc.rangeOf(a.keyStart, a.keyEnd);
        const removed = task.short ? REMOVED[task.short]?.[key] : undefined;
        const hint = !removed
          ? didYouMeanHint(suggestion, settings.locale)
          : removed.use
            ? t('ansible.hint.removedOptionUse', settings.locale, { version: removed.version, replacement: removed.use })
            : t('ansible.hint.removedOption', settings.locale, { version: removed.version });
        const f: Finding = { range, args: { name: key, module: task.module, hint } };
        if (suggestion) f.fixes = [{ args: { suggestion }, edits: [{ range, newText: suggestion }], preferred: true }];
        report(f);
      }
    }
  },
};
