// K8S001 — a field the built-in kind doesn't have (typo, wrong level), with "did you mean".
import { label, schemaRule } from './util';

export const rule = schemaRule('K8S001', 'unknown', (p, ctx) => ({
  hint: p.args.suggestion ? label('didYouMean', ctx.settings.locale, { suggestion: p.args.suggestion }) : '',
}));
