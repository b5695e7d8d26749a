import type { LanguageSupport } from '../support';
import { hover } from './hover';

export const support: LanguageSupport = {
  family: 'kubernetes',
  kinds: ['kubernetes'],
  hover,
  describe: (doc) => {
    const kinds = [...new Set((doc.classification.k8s ?? []).map((d) => d.kind))];
    return kinds.length ? kinds.join(', ') : undefined;
  },
};
