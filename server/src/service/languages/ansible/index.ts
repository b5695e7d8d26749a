// The Ansible family: playbooks, task and handler files, vars files, inventories (INI and YAML)
// and ansible.cfg. Models in model.ts, cross-file lookups in project.ts, prose in server/knowledge/ansible.
import type { LanguageSupport } from '../support';
import { complete } from './completion';
import { hover } from './hover';
import { definition, indexFile, references } from './navigation';
import { describe, directives, explain, symbols } from './symbols';

export const support: LanguageSupport = {
  family: 'ansible',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers', 'ansible-vars', 'ansible-inventory', 'ansible-cfg'],
  hover,
  complete,
  definition,
  references,
  symbols,
  directives,
  explain,
  describe,
  indexFile,
};
