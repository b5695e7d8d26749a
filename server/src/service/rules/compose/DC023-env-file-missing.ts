// DC023 — an `env_file` that does not exist (unless marked `required: false`). When the project ships a
// template beside it (`.env.example`, `example.env`…), the file is one users are told to create: DC025.
import type { Rule } from '../types';
import { missingEnvFiles, range } from './util';

export const rule: Rule = {
  id: 'DC023',
  kinds: ['compose'],
  check(ctx) {
    for (const m of missingEnvFiles(ctx)) {
      if (m.example === undefined) ctx.report({ range: range(m.doc, m.node), args: { path: m.path } });
    }
  },
};
