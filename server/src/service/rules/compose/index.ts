import type { Rule } from '../types';
import { rule as DC001 } from './DC001-obsolete-version';

export const rules: Rule[] = [DC001];
