import type { LanguageSupport } from '../support';
import { complete } from './completion';
import { directives } from './directives';
import { describeDockerfile, explainDockerfile, symbols } from './describe';
import { describeDockerignore, explainDockerignore } from './dockerignore';
import { hover } from './hover';
import { MAX_LINE_LENGTH, overlongLine } from './model';
import { definition, references } from './navigation';

export const support: LanguageSupport = {
  family: 'docker',
  kinds: ['dockerfile', 'dockerignore'],
  hover,
  complete,
  definition,
  references,
  directives,
  symbols: (doc, ctx) => (doc.kind === 'dockerfile' ? symbols(doc, ctx) : []),
  describe: (doc, ctx) => (doc.kind === 'dockerfile' ? describeDockerfile(doc, ctx.settings.locale) : describeDockerignore(doc, ctx.settings.locale)),
  explain: (doc, ctx) => (doc.kind === 'dockerfile' ? explainDockerfile(doc, ctx.settings.locale) : explainDockerignore(doc, ctx.settings.locale)),
  overlongLine: (doc) => {
    const long = doc.kind === 'dockerfile' ? overlongLine(doc) : undefined;
    return long && { ...long, limit: MAX_LINE_LENGTH };
  },
};
