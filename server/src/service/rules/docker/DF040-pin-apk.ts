// DF040 — apk add of a package without `=version` (hadolint DL3018; off by default).
import type { Rule } from '../types';
import { reportUnpinned } from './lib/pinning';

export const rule: Rule = {
  id: 'DF040',
  kinds: ['dockerfile'],
  check(ctx) {
    reportUnpinned(ctx, ['apk'], (p) => /[=<>~]/.test(p) || p.startsWith('.') || p.includes('/'));
  },
};
