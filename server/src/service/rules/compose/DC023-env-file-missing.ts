// DC023 — an `env_file` that does not exist (unless marked `required: false`).
import { isMap, isScalar, type Node } from 'yaml';
import { dirOf, joinPath, listItems, pairIn, resolve, str, valueIn } from '../../languages/compose/model';
import type { Rule } from '../types';
import { ownServices, range } from './util';

export const rule: Rule = {
  id: 'DC023',
  kinds: ['compose'],
  check(ctx) {
    const fs = ctx.workspace?.fs;
    if (!fs) return;
    const dir = dirOf(ctx.doc.path);
    for (const svc of ownServices(ctx)) {
      const y = svc.ydoc;
      const pair = pairIn(y, svc.map, 'env_file');
      if (!pair) continue;
      const v = resolve(y, pair.value);
      const entries: { node: Node; path: string }[] = [];
      if (isScalar(v)) entries.push({ node: v as Node, path: str(v) ?? '' });
      for (const { item, node } of listItems(y, v)) {
        if (isScalar(item)) entries.push({ node, path: str(item) ?? '' });
        else if (isMap(item)) {
          const req = str(valueIn(y, item, 'required'));
          if (req === 'false') continue;
          const pn = valueIn(y, item, 'path');
          entries.push({ node: pn as Node, path: str(pn) ?? '' });
        }
      }
      for (const e of entries) {
        if (!e.path || e.path.includes('$') || !e.node) continue;
        if (!fs.exists(joinPath(dir, e.path))) ctx.report({ range: range(svc.doc, e.node), args: { path: e.path } });
      }
    }
  },
};
