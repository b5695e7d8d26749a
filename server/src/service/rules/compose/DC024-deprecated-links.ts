// DC024 — `links` is a legacy option: services on a shared network reach each other by name.
// When every link is a plain service name and there is no depends_on yet, the fix turns `links`
// into `depends_on` (the start order is what is left of links' meaning).
import type { Node } from 'yaml';
import { listItems, pairIn, str } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC024',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    for (const svc of p.services.values()) {
      for (const sl of svc.layers) {
        if (!sl.layer.self || !sl.map) continue;
        const y = sl.layer.ydoc;
        const pair = pairIn(y, sl.map, 'links');
        if (!pair?.key) continue;
        const r = range(sl.layer.doc, pair.key as Node);
        const plain = listItems(y, pair.value).every(({ item }) => /^[\w.-]+$/.test(str(item) ?? ''));
        const canFix = plain && !pairIn(y, sl.map, 'depends_on');
        ctx.report({ range: r, args: { service: svc.name }, fixes: canFix ? [{ edits: [{ range: r, newText: 'depends_on' }] }] : [] });
      }
    }
  },
};
