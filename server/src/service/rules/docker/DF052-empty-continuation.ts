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
      if (/<<-?\s*["']?\w/.test(doc.lineText(r.start.line))) continue; // heredoc bodies may have empty lines
      for (let line = r.start.line + 1; line < r.end.line; line++) {
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
