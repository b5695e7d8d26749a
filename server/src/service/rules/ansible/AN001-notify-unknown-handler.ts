// AN001 — `notify` names no handler of the play, its roles or the role's handlers/ (ANSIBLE-13).
import { didYouMean } from '../../languages/ansible/catalog';
import { notifyNames } from '../../languages/ansible/model';
import type { AnsibleIndexData } from '../../languages/ansible/navigation';
import { visibleHandlers } from '../../languages/ansible/project';
import type { Rule } from '../types';
import { tasks, TASK_KINDS } from './util';

export const rule: Rule = {
  id: 'AN001',
  kinds: [...TASK_KINDS],
  check({ doc, workspace, index, report }) {
    // handlers anywhere in the indexed workspace (a role may be applied by a play we don't see here)
    let indexed: Set<string> | undefined;
    const inIndex = (name: string) => {
      if (!index) return false;
      if (!indexed) {
        indexed = new Set();
        for (const f of index.ofFamily('ansible')) for (const h of (f.data as AnsibleIndexData | undefined)?.handlers ?? []) indexed.add(h.name);
      }
      return indexed.has(name);
    };
    for (const task of tasks(doc)) {
      const names = notifyNames(task);
      if (names.length === 0) continue;
      const handlers = visibleHandlers(doc, task, workspace?.fs);
      if (!handlers) continue;
      const known = new Set(handlers.map((h) => h.name));
      for (const n of names) {
        if (known.has(n.name) || n.name.includes('{{') || (doc.kind !== 'ansible-playbook' && inIndex(n.name))) continue;
        const suggestion = didYouMean(n.name, known) ?? [...known].find((k) => k.toLowerCase() === n.name.toLowerCase());
        report({
          range: doc.rangeOf(n.start, n.end),
          args: { name: n.name },
          fixes: suggestion ? [{ args: { suggestion }, edits: [{ range: doc.rangeOf(n.start, n.end), newText: quoteLike(doc.content.slice(n.start, n.end), suggestion) }], preferred: true }] : [],
        });
      }
    }
  },
};

/** Keep the quoting style of the original scalar. */
export function quoteLike(original: string, value: string): string {
  if (original.startsWith('"')) return JSON.stringify(value);
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  return /^[\w][\w .\-/]*$/.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}
