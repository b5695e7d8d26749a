// DF037 — the image ends with USER root (hadolint DL3002; off by default, DOCKER-20).
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF037',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    const last = f.stages[f.stages.length - 1];
    if (!last) return;
    const users = last.instructions.filter((i) => i.getKeyword() === 'USER');
    const u = users[users.length - 1]?.getArguments()[0];
    if (!u) return;
    const name = u.getValue().split(':')[0];
    if (name === 'root' || name === '0') report({ range: u.getRange() });
  },
};
