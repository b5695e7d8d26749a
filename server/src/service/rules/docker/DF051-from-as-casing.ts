// DF051 — `FROM … as name` with the keyword and `AS` in different case (BuildKit FromAsCasing).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF051',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      const args = stage.from.getArguments();
      const as = args.find((a, k) => k > 0 && a.getValue().toLowerCase() === 'as');
      if (!as) continue;
      const kw = stage.from.getInstruction();
      const want = kw === kw.toLowerCase() ? 'as' : 'AS';
      if (as.getValue() === want) continue;
      report({ range: as.getRange(), args: { expected: want, actual: as.getValue(), keyword: kw }, fixes: [{ args: { expected: want }, edits: [{ range: as.getRange(), newText: want }], preferred: true }] });
    }
  },
};
