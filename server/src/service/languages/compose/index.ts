import type { LanguageSupport } from '../support';
import { complete } from './completion';
import { describe, explain } from './explain';
import { hover } from './hover';
import { definition, references, symbols } from './navigation';
import { yamlModel } from '../../yaml/model';
import { isMap } from 'yaml';
import { pairsOf } from './model';

export const support: LanguageSupport = {
  family: 'compose',
  kinds: ['compose'],
  hover,
  complete,
  definition,
  references,
  symbols: (doc) => symbols(doc),
  describe,
  explain,
  /** the services a compose file defines, for the workspace index */
  indexFile(doc) {
    const y = yamlModel(doc).docs[0];
    if (!y || !isMap(y.contents)) return { services: [] };
    const services = pairsOf(y, pairsOf(y, y.contents).find((p) => p.key === 'services')?.pair.value).map((p) => p.key);
    return { services, variant: doc.classification.variant };
  },
};
