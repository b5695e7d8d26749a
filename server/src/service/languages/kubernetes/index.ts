import type { LanguageSupport } from '../support';
import { complete } from './completion';
import { directives } from './directives';
import { explain } from './explain';
import { hover } from './hover';
import { definition, references } from './navigation';
import { describe, symbols } from './symbols';
import { indexFile } from './workspace';

export const support: LanguageSupport = {
  family: 'kubernetes',
  kinds: ['kubernetes'],
  hover,
  complete,
  definition,
  references,
  symbols: (doc) => symbols(doc),
  directives: (doc) => directives(doc),
  explain,
  indexFile,
  describe: (doc) => describe(doc),
};
