// DF060 — EXPOSE 80/TCP: the protocol is written in lower case (BuildKit ExposeProtoCasing).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF060',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      if (instr.getKeyword() !== 'EXPOSE') continue;
      for (const a of instr.getArguments()) {
        const m = /^(\$?[\w{}-]+)\/([A-Za-z]+)$/.exec(a.getValue());
        if (!m || m[2] === m[2].toLowerCase()) continue;
        const s = doc.offsetAt(a.getRange().start) + m[1].length + 1;
        const range = doc.rangeOf(s, s + m[2].length);
        report({ range, args: { protocol: m[2] }, fixes: [{ args: { protocol: m[2].toLowerCase() }, edits: [{ range, newText: m[2].toLowerCase() }], preferred: true }] });
      }
    }
  },
};
