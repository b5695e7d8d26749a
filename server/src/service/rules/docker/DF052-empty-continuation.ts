// DF052 — an empty line inside a continued instruction (BuildKit NoEmptyContinuation).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF052',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      const r = instr.getRange();
      if (r.end.line === r.start.line) continue;
      // Heredoc bodies may have empty lines; the heredoc may open on a continued line
      // (`RUN --mount=type=secret,id=GITHUB_TOKEN \` then `    <<EOF`), and everything after it is body.
      const heredoc = (line: number) => /<<-?\s*["']?\w/.test(doc.lineText(line));
      if (heredoc(r.start.line)) continue;
      for (let line = r.start.line + 1; line < r.end.line; line++) {
        if (heredoc(line)) break;
        if (doc.lineText(line).trim() !== '') continue;
        const prev = doc.lineText(line - 1);
        const end = prev.replace(/\s+$/, '').length;
        const start = prev.lastIndexOf(f.escape, end - 1);
        const range = start >= 0 ? { start: { line: line - 1, character: start }, end: { line: line - 1, character: end } } : { start: { line, character: 0 }, end: { line, character: 0 } };
        report({ range, fixes: [{ edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }], preferred: true }] });
      }
    }
  },
};
