// DF053 — a stage named `scratch` or `context`: names BuildKit keeps for itself (BuildKit ReservedStageName).
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF053',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      if (stage.name !== 'scratch' && stage.name !== 'context') continue;
      const r = safe(() => stage.from.getBuildStageRange(), null);
      if (r) report({ range: r, args: { stage: stage.name } });
    }
  },
};
