// DF050 — instruction keywords in mixed or inconsistent case (BuildKit ConsistentInstructionCasing).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF050',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const list = facts(doc).df.getInstructions();
    let upper = 0;
    let lower = 0;
    for (const i of list) {
      const w = i.getInstruction();
      if (w === w.toUpperCase()) upper++;
      else if (w === w.toLowerCase()) lower++;
    }
    const wantUpper = upper >= lower;
    for (const i of list) {
      const w = i.getInstruction();
      const want = wantUpper ? w.toUpperCase() : w.toLowerCase();
      if (w === want) continue;
      const r = i.getInstructionRange();
      report({ range: r, args: { keyword: w, expected: want }, fixes: [{ args: { expected: want }, edits: [{ range: r, newText: want }], preferred: true }] });
    }
  },
};
