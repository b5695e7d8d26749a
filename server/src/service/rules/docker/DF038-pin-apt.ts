// DF038 — apt-get install of a package without `=version` (hadolint DL3008; off by default).
import type { Rule } from '../types';
import { reportUnpinned } from './lib/pinning';

export const rule: Rule = {
  id: 'DF038',
  kinds: ['dockerfile'],
  check(ctx) {
    reportUnpinned(ctx, ['apt-get', 'apt'], (p) => p.includes('=') || p.endsWith('.deb') || p.includes('/'));
  },
};
