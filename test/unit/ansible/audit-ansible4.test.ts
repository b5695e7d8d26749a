// Regressions from the fourth real-world audit of Ansible trees (network, Windows and cloud
// playbooks of ansible/product-demos and ansible/workshops, AWX/Controller-as-code, roles of
// willshersystems, elastic, ansible-collections/ansible-consul, netbox-community): a quoted list
// item holding `Text: {{ x }}` is not an unquoted Jinja value, and a play's `collections:` keyword
// makes bare role names resolvable inside those collections, and an unnamed static import is not
// said to print its module name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, expectDiagnostics } from '../../helpers/service';

const only = (...ids: string[]) => ({ only: ids });

describe('AN011 and quoted list items that contain ": {{" (ansible/product-demos)', () => {
  // ansible/product-demos cloud/patch_windows.yml: debug msg as a list of quoted strings
  const PLAYBOOK = `---
- name: Targeted Windows security patching
  hosts: "{{ _hosts_windows | default('aws_win*') }}"
  gather_facts: false
  tasks:
    - name: Audit output
      ansible.builtin.debug:
        msg:
          - "Target KBs: {{ target_kb_ids | join(', ') }}"
          - "Found matching updates: {{ kb_patch_result.found_update_count | default(0) }}"
          - 'Reboot Required: {{ windows_reboot_needed }}'
`;

  it('does not read the quoted item as `key: {{ … }}`', () => {
    expectDiagnostics('cloud/patch_windows.yml', PLAYBOOK, only('AN011'));
  });

  it('still flags an unquoted `key: {{ … }}` inside a list item', () => {
    const src = PLAYBOOK.replace(`- 'Reboot Required: {{ windows_reboot_needed }}'`, `- Reboot: {{ windows_reboot_needed }}
                    #^^^^^^^^^^^^^^^^^^^^^^^^^^ AN011`);
    expectDiagnostics('cloud/patch_windows.yml', src, only('AN011'));
  });

  it('still flags an unquoted list item that starts with {{', () => {
    const src = PLAYBOOK.replace(`- 'Reboot Required: {{ windows_reboot_needed }}'`, `- {{ windows_reboot_needed }}
            #^^^^^^^^^^^^^^^^^^^^^^^^^^ AN011`);
    expectDiagnostics('cloud/patch_windows.yml', src, only('AN011'));
  });
});

describe('AN013 and a play\'s collections: keyword (RedHatNordicsSA/controller_configuration)', () => {
  // RedHatNordicsSA/controller_configuration aap-synchronization.yml: the roles come from
  // redhat_cop.controller_configuration, named without their collection prefix
  const PLAYBOOK = `---
- name: Playbook to configure ansible Controller post installation
  hosts: localhost
  connection: local
  collections:
    - ansible.controller
    - redhat_cop.controller_configuration
  roles:
    - {role: settings, when: controller_settings is defined, tags: settings}
    - {role: organizations, when: controller_organizations is defined, tags: organizations}
  tasks:
    - name: Include schedules role
      include_role:
        name: schedules
      when: controller_schedules is defined
`;
  const files = { 'ansible.cfg': '[defaults]\n' };

  it('does not report bare role names that a listed collection can provide', () => {
    expectDiagnostics('aap-synchronization.yml', PLAYBOOK, { ...only('AN013'), files });
  });

  it('still reports them when the play lists only ansible.builtin', () => {
    const src = `---
- name: Playbook to configure ansible Controller post installation
  hosts: localhost
  collections:
    - ansible.builtin
  roles:
    - role: settings
            #^^^^^^^ AN013
  tasks:
    - name: Include schedules role
      include_role:
        name: schedules
              #^^^^^^^^ AN013
`;
    expectDiagnostics('aap-synchronization.yml', src, { ...only('AN013'), files });
  });
});

describe('AN009 message on an unnamed import_tasks (mrlesmithjr/ansible-netplan)', () => {
  // mrlesmithjr/ansible-netplan tasks/netplan.yml: static imports print no line in the run
  const NETPLAN = `---

- import_tasks: existing.yml
  when:
    - netplan_remove_existing

- ansible.builtin.import_tasks: configure.yml

- ansible.builtin.include_tasks: apply.yml
`;
  const an009 = (locale: 'en' | 'ru') =>
    diagnose('roles/netplan/tasks/netplan.yml', NETPLAN, { settings: { locale } }).filter((d) => d.code === 'AN009').map((d) => ({ message: String(d.message) }));

  it('still asks for a name but does not promise an output line for imports', () => {
    const d = an009('en');
    assert.equal(d.length, 3);
    assert.equal(d[0].message, 'Task without a name: import_tasks prints nothing when it runs, so only a name tells a reader what it brings in.');
    assert.equal(d[1].message, d[0].message.replace('import_tasks', 'ansible.builtin.import_tasks'));
    assert.equal(d[2].message, "Task without a name: the output will only say 'ansible.builtin.include_tasks'.");
  });

  it('says the same in Russian', () => {
    const d = an009('ru');
    assert.match(d[0].message, /^Таск без name: import_tasks ничего не печатает при запуске/);
    assert.equal(d[2].message, "Таск без name: в выводе будет только 'ansible.builtin.include_tasks'.");
  });
});
