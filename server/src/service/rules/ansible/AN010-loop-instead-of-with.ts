// AN010 — `with_*` loops: `loop:` is the current form (info), with a fix where it is equivalent.
import { entries, isScalar, isSeq, type Node } from '../../yaml/model';
import type { Rule } from '../types';
import { nodeRange, tasks, TASK_KINDS } from './util';

export const rule: Rule = {
  id: 'AN010',
  kinds: [...TASK_KINDS],
  check({ doc, report }) {
    for (const task of tasks(doc)) {
      for (const e of entries(task.map)) {
        if (!e.key.startsWith('with_')) continue;
        const range = nodeRange(doc, e.pair.key as Node);
        const v = e.pair.value;
        // with_list is loop; with_items over a flat list of scalars is loop too
        const flat = isSeq(v) && v.items.every((i) => isScalar(i));
        const fixable = e.key === 'with_list' || (e.key === 'with_items' && flat);
        report({ range, args: { name: e.key }, fixes: fixable ? [{ edits: [{ range, newText: 'loop' }], preferred: true }] : [] });
      }
    }
  },
};
