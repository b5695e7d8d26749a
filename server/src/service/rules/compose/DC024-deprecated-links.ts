// DC024 — `links` is a legacy option: services on a shared network reach each other by name.
// When every link is a plain service name and there is no depends_on yet, the fix turns `links`
// into `depends_on` (the start order is what is left of links' meaning).
import type { Node } from 'yaml';
import { listItems, pairIn, str } from '../../languages/compose/model';
import type { Rule } from '../types';
import { ownServices, range } from './util';

export const rule: Rule = {
  id: 'DC024',
  kinds: ['compose'],
  check(ctx) {
    for (const svc of ownServices(ctx)) {
      const y = svc.ydoc;
      const pair = pairIn(y, svc.map, 'links');
      if (!pair?.key) continue;
      const r = range(svc.doc, pair.key as Node);
      const plain = listItems(y, pair.value).every(({ item }) => /^[\w.-]+$/.test(str(item) ?? ''));
      const canFix = plain && !pairIn(y, svc.map, 'depends_on');
      ctx.report({ range: r, args: { service: svc.name }, fixes: canFix ? [{ edits: [{ range: r, newText: 'depends_on' }] }] : [] });
    }
  },
};
