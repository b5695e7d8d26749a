// Fuzz: Ansible playbooks, tasks, handlers, vars, inventories (INI and YAML) and ansible.cfg.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileKind } from '../../server/src/service/types';
import { caseCount, fuzzFamily, loadSeeds } from './harness';

function kindOf(p: string): FileKind {
  if (p.endsWith('ansible.cfg')) return 'ansible-cfg';
  if (p.includes('/inventory/')) return 'ansible-inventory';
  if (p.includes('/handlers/')) return 'ansible-handlers';
  if (p.includes('/tasks/')) return 'ansible-tasks';
  if (p.includes('_vars/')) return 'ansible-vars';
  return 'ansible-playbook';
}

const seeds = loadSeeds('ansible', kindOf);

const fragments = [
  '- hosts: all', '- name: task', '  hosts: localhost', '  become: yes', '  tasks:', '  handlers:', '  roles: [x]',
  '    - name: Install', '      apt: name=nginx state=latest', '      ansible.builtin.command: rm -rf {{ path }}',
  '      shell: curl http://x | sh', '      with_items: "{{ list }}"', '      loop: [1, 2]', '      when: "{{ x }}"',
  '      notify: missing handler', '      ignore_errors: true', '      become_user: root', '      delegate_to: localhost',
  '      vars: { a: 1 }', '      args: { chdir: /tmp }', '      local_action: command true', '      include: old.yml',
  '      import_tasks: other.yml', '      tags: [a, b]', '      mode: 644', '      password: "{{ vault_pw }}"',
  '{{ undefined_var }}', '{% for x in y %}', '{% endfor %}', '{# comment #}', '[group]', '[group:vars]', '[group:children]',
  'host1 ansible_host=1.2.3.4', 'host[1:10].example.com', '[defaults]', 'inventory = hosts', 'vault_password_file = ~/.vault',
  'host_key_checking = False', 'remote_user=root', 'db_password: !vault |', '  $ANSIBLE_VAULT;1.1;AES256',
];

test(`ansible: ${caseCount()} mutated playbooks, tasks, inventories and ansible.cfg through every feature`, () => {
  const ran = fuzzFamily({ family: 'ansible', seeds, fragments, overrideRate: 0.3 });
  assert.ok(ran > 0 || process.env.FUZZ_CASE !== undefined, 'no case ran');
});
