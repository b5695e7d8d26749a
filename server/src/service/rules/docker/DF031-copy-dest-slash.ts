// DF031 — COPY/ADD with several sources to a destination that does not end with `/` (hadolint DL3021).
import { isJsonForm } from '../../languages/docker/model';
import type { Rule } from '../types';
import { copyArgs, facts } from './lib/model';

export const rule: Rule = {
  id: 'DF031',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      const kw = instr.getKeyword();
      if (kw !== 'COPY' && kw !== 'ADD') continue;
      const { sources, dest } = copyArgs(instr);
      if (!dest || sources.length < 2) continue;
      const d = dest.getValue();
      if (d.endsWith('/') || d.endsWith('\\') || d.startsWith('$') || d === '.') continue;
      const r = dest.getRange();
      // in JSON form the slash goes inside the closing quote
      const at = isJsonForm(instr) ? { line: r.end.line, character: r.end.character - 1 } : r.end;
      report({ range: r, args: { dest: d }, fixes: [{ edits: [{ range: { start: at, end: at }, newText: '/' }], preferred: true }] });
    }
  },
};
