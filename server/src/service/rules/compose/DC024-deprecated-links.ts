// DC024 — `links` is a legacy option: services on a shared network reach each other by name.
// When every link is a plain service name and there is no depends_on yet, the fix turns `links`
// into `depends_on` (the start order is what is left of links' meaning). A link with an alias
// (`traefik:localssl.dev`, photoprism/photoprism compose.yaml) gives an extra name: the message
// points to a `networks` alias, not to the service name.
import type { Node } from 'yaml';
import { t } from '../../knowledge/index';
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
      const items = listItems(y, pair.value).map(({ item }) => str(item) ?? '');
      const plain = items.every((v) => /^[\w.-]+$/.test(v));
      const canFix = plain && !pairIn(y, svc.map, 'depends_on');
      const aliased = items.map((v) => /^([\w.-]+):([\w.-]+)$/.exec(v)).find((m) => m && m[1] !== m[2]);
      const locale = ctx.settings.locale;
      const reason = aliased ? t('compose.links.alias', locale, { alias: aliased[2], target: aliased[1] }) : t('compose.links.byName', locale);
      ctx.report({ range: r, args: { service: svc.name, reason }, fixes: canFix ? [{ edits: [{ range: r, newText: 'depends_on' }] }] : [] });
    }
  },
};
