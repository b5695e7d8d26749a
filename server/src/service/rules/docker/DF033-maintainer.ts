// DF033 — MAINTAINER is deprecated: the author goes into a LABEL (hadolint DL4000, BuildKit MaintainerDeprecated).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF033',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      if (instr.getKeyword() !== 'MAINTAINER') continue;
      const value = (instr.getArgumentsContent() ?? '').trim().replace(/^"(.*)"$/, '$1');
      const r = instr.getRange();
      const single = r.start.line === r.end.line;
      report({
        range: instr.getInstructionRange(),
        fixes: single && value ? [{ edits: [{ range: r, newText: `LABEL org.opencontainers.image.authors="${value.replace(/(["\\])/g, '\\$1')}"` }], preferred: true }] : [],
      });
    }
  },
};
