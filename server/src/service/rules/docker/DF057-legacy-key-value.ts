// DF057 — `ENV key value` / `LABEL key value`: the legacy form without `=` (BuildKit LegacyKeyValueFormat).
import type { Property } from 'dockerfile-ast';
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF057',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      const kw = instr.getKeyword();
      if (kw !== 'ENV' && kw !== 'LABEL') continue;
      const props = safe(() => (instr as unknown as { getProperties(): Property[] }).getProperties(), []);
      if (props.length !== 1) continue;
      const p = props[0];
      if (safe(() => p.getAssignmentOperator(), '=') !== null) continue;
      const value = p.getValue();
      if (value === null) continue;
      const name = p.getName();
      const argsRange = instr.getArgumentsRange();
      const r = instr.getRange();
      const single = r.start.line === r.end.line && argsRange;
      const raw = single ? doc.content.slice(doc.offsetAt(p.getValueRange()!.start), doc.offsetAt(argsRange.end)).trim() : '';
      // quotes and escapes inside a legacy value are processed by Docker: leave those to the author
      const fixable = single && raw && !/["'\\$]/.test(raw);
      const quoted = /\s/.test(raw) ? `"${raw}"` : raw;
      report({
        range: p.getNameRange(),
        args: { instruction: kw, name },
        fixes: fixable ? [{ args: { name }, edits: [{ range: argsRange, newText: `${name}=${quoted}` }], preferred: true }] : [],
      });
    }
  },
};
