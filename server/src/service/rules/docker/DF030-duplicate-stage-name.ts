// DF030 — two stages with the same name (hadolint DL3024, BuildKit DuplicateStageName).
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF030',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const seen = new Set<string>();
    for (const stage of facts(doc).stages) {
      if (!stage.name) continue;
      if (seen.has(stage.name)) {
        const r = safe(() => stage.from.getBuildStageRange(), null);
        if (r) report({ range: r, args: { stage: stage.name } });
      }
      seen.add(stage.name);
    }
  },
};
