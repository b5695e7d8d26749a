// DF061 — FROM --platform=$TARGETPLATFORM says what is already the default (BuildKit RedundantTargetPlatform).
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF061',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      const fl = safe(() => stage.from.getPlatformFlag(), null);
      const v = fl?.getValue();
      if (!fl || !v || !/^\$\{?TARGETPLATFORM\}?$/.test(v)) continue;
      const r = fl.getRange();
      const start = doc.offsetAt(r.start);
      let end = doc.offsetAt(r.end);
      while (doc.content[end] === ' ' || doc.content[end] === '\t') end++;
      // the flag's range starts after the `--`
      const dash = doc.content.lastIndexOf('--', start);
      const from = dash >= 0 && dash >= start - 2 ? dash : start;
      report({ range: doc.rangeOf(from, doc.offsetAt(r.end)), fixes: [{ edits: [{ range: doc.rangeOf(from, end), newText: '' }], preferred: true }] });
    }
  },
};
