// DF039 — pip install of a package without a version (hadolint DL3013; off by default).
import type { Rule } from '../types';
import { reportUnpinned } from './lib/pinning';

export const rule: Rule = {
  id: 'DF039',
  kinds: ['dockerfile'],
  check(ctx) {
    reportUnpinned(ctx, ['pip'], (p) => /[=<>~!@]/.test(p) || p.startsWith('.') || p.includes('/') || /\.(whl|tar\.gz|zip)$/.test(p));
  },
};
