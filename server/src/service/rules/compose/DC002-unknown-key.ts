// DC002 — a key the Compose Specification does not know at that level, with "did you mean".
import { t } from '../../knowledge/index';
import type { Rule } from '../types';
import { problemsOf, range } from './util';

export const rule: Rule = {
  id: 'DC002',
  kinds: ['compose'],
  check(ctx) {
    const { doc, report } = ctx;
    for (const p of problemsOf(doc, 'unknown-key')) {
      const r = range(doc, p.node);
      report({
        range: r,
        args: { key: p.key, path: p.path, hint: p.suggestion ? t('compose.didYouMean', ctx.settings.locale, { name: p.suggestion }) : '' },
        fixes: p.suggestion ? [{ args: { suggestion: p.suggestion }, edits: [{ range: r, newText: p.suggestion }], preferred: true }] : [],
      });
    }
  },
};
