// DC025 — a missing `env_file` the project tells users to create from a template beside it
// (`.env` with `.env.example`, mastodon's `.env.production` with `.env.production.sample`, immich's
// `example.env`): a setup step, not a mistake in the file — a warning that names the copy to make.
// Without the template it stays DC023 (an error: Compose stops).
import type { Rule } from '../types';
import { missingEnvFiles, range } from './util';

export const rule: Rule = {
  id: 'DC025',
  kinds: ['compose'],
  check(ctx) {
    for (const m of missingEnvFiles(ctx)) {
      if (m.example !== undefined) ctx.report({ range: range(m.doc, m.node), args: { path: m.path, example: m.example } });
    }
  },
};
