import type { LanguageSupport } from '../support';
import { hover } from './hover';

export const support: LanguageSupport = {
  family: 'compose',
  kinds: ['compose'],
  hover,
  describe: (doc) => doc.classification.variant,
};
