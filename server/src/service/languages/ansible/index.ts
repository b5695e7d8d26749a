import type { LanguageSupport } from '../support';
import { hover } from './hover';

export const support: LanguageSupport = {
  family: 'ansible',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers', 'ansible-vars', 'ansible-inventory', 'ansible-cfg'],
  hover,
};
