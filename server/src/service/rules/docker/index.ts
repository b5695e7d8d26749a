import type { Rule } from '../types';
import { rule as DF007 } from './DF007-prefer-copy-over-add';

export const rules: Rule[] = [DF007];
