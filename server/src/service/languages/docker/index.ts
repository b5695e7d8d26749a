import type { LanguageSupport } from '../support';
import { hover } from './hover';

export const support: LanguageSupport = {
  family: 'docker',
  kinds: ['dockerfile', 'dockerignore'],
  hover,
};
