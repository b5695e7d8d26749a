// DF059 — EXPOSE of something that is not a container port (`8080:80`, `0.0.0.0:80`, `70000`)
// (BuildKit ExposeInvalidFormat, hadolint DL3011).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF059',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      if (instr.getKeyword() !== 'EXPOSE') continue;
      for (const a of instr.getArguments()) {
        const v = a.getValue();
        if (v.includes('$')) continue;
        const m = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]+)?$/.exec(v);
        const ok = m && Number(m[1]) <= 65535 && (!m[2] || (Number(m[2]) <= 65535 && Number(m[2]) >= Number(m[1])));
        if (ok) continue;
        const mapped = /^(?:[\d.]+:)?(\d+):(\d+(?:\/[A-Za-z]+)?)$/.exec(v);
        report({ range: a.getRange(), args: { value: v }, fixes: mapped ? [{ args: { port: mapped[2] }, edits: [{ range: a.getRange(), newText: mapped[2] }], preferred: true }] : [] });
      }
    }
  },
};
