// Regressions from the second real-world audit of Ansible trees (ansible-lockdown UBUNTU22-CIS /
// RHEL9-CIS, debops, openstack-ansible, geerlingguy postgresql/java/jenkins/firewall,
// ansible-examples): include files of a Galaxy-style role found from a sub-folder of tasks/,
// `command: touch` guarded by `creates`, the stat-then-command guard, the removed `warn` option and
// the replaced `sudo` keyword.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics } from '../../helpers/service';

const only = (...ids: string[]) => ({ only: ids });

describe('AN013 in a Galaxy-style role repository, from a sub-folder of tasks/ (ansible-lockdown)', () => {
  // ansible-lockdown/UBUNTU22-CIS tasks/section_1/cis_1.1.1.x.yml
  const SECTION = `---
- name: "1.1.1.10 | PATCH | Ensure unused filesystems kernel modules are not available"
  when: ubtu22cis_rule_1_1_1_10
  vars:
    warn_control_id: '1.1.1.10'
  block:
    - name: "1.1.1.10 | AUDIT | Ensure unused filesystems kernel modules are not available | Run discovery script"
      ansible.builtin.command: /var/fs_with_cves.sh
      changed_when: false
      failed_when: discovered_fs_modules_loaded.rc not in [ 0, 99 ]
      register: discovered_fs_modules_loaded

    - name: "1.1.1.10 | AUDIT | Ensure unused filesystems kernel modules are not available | Capture Warning"
      when: discovered_fs_modules_loaded.stdout | length > 0
      ansible.builtin.import_tasks:
        file: warning_facts.yml
`;
  const files = {
    'meta/main.yml': 'galaxy_info:\n  role_name: ubuntu22_cis\ndependencies: []\n',
    'tasks/main.yml': '- name: Run section 1\n  ansible.builtin.import_tasks: section_1/cis_1.1.1.x.yml\n',
    'tasks/warning_facts.yml': '- name: Count\n  ansible.builtin.set_fact:\n    warn_count: "{{ warn_count | int + 1 }}"\n',
  };

  it('finds the file in the role\'s tasks/ when the role root is known by its meta/main.yml', () => {
    expectDiagnostics('tasks/section_1/cis_1.1.1.x.yml', SECTION, { ...only('AN013'), files });
  });

  it('still flags a file that exists nowhere, and needs meta/main.yml to call the folder a role', () => {
    const missing = SECTION.replace('file: warning_facts.yml', 'file: warning_fact.yml\n              #^^^^^^^^^^^^^^^ AN013');
    expectDiagnostics('tasks/section_1/cis_1.1.1.x.yml', missing, { ...only('AN013'), files });
    const { 'meta/main.yml': _meta, ...noMeta } = files;
    const flagged = SECTION.replace('file: warning_facts.yml', 'file: warning_facts.yml\n              #^^^^^^^^^^^^^^^^ AN013');
    expectDiagnostics('tasks/section_1/cis_1.1.1.x.yml', flagged, { ...only('AN013'), files: noMeta });
  });
});

describe('AN002 and `touch` guarded by creates (debops sshd)', () => {
  // debops/debops ansible/roles/sshd/tasks/main.yml
  const SSHD = `---
- name: Make sure the system-wide known_hosts file exists
  command: touch {{ sshd__known_hosts_file }}
  args:
    creates: '{{ sshd__known_hosts_file }}'
  tags: [ 'role::sshd:known_hosts' ]

- name: Create the marker
  ansible.builtin.command: touch /var/lib/app/.done creates=/var/lib/app/.done
`;

  it('is idempotent as written: file state=touch would report a change on every run', () => {
    expectDiagnostics('roles/sshd/tasks/main.yml', SSHD, only('AN002'));
  });

  it('still flags touch without creates', () => {
    expectDiagnostics('roles/sshd/tasks/main.yml', `- name: Touch it
  ansible.builtin.command: touch /etc/ssh/ssh_known_hosts
                           #^^^^ AN002
`, only('AN002'));
  });
});

describe('AN003 and the stat-then-command guard (geerlingguy postgresql, certbot)', () => {
  // geerlingguy/ansible-role-postgresql tasks/initialize.yml
  const INIT = `---
- name: Check if PostgreSQL database is initialized.
  stat:
    path: "{{ postgresql_data_dir }}/PG_VERSION"
  register: pgdata_dir_version

- name: Ensure PostgreSQL database is initialized.
  command: "{{ postgresql_bin_path }}/initdb -D {{ postgresql_data_dir }}"
  when: not pgdata_dir_version.stat.exists
  become: true
  become_user: "{{ postgresql_user }}"
  vars:
    ansible_ssh_pipelining: true
`;
  // geerlingguy/ansible-role-certbot tasks/create-cert-standalone.yml (list form of when)
  const CERT = `- name: Generate new certificate if one doesn't exist.
  command: "{{ certbot_create_command }}"
  when:
    - certbot_create_method == 'standalone'
    - not letsencrypt_cert.stat.exists
`;

  it('a command that runs only while its result is missing is the same as creates', () => {
    expectDiagnostics('roles/postgresql/tasks/initialize.yml', INIT, only('AN003'));
    expectDiagnostics('roles/certbot/tasks/create-cert-standalone.yml', CERT, only('AN003'));
  });

  it('any other condition still leaves the command reporting changed', () => {
    expectDiagnostics('roles/postgresql/tasks/initialize.yml', `- name: Re-initialise
  command: "{{ postgresql_bin_path }}/initdb -D {{ postgresql_data_dir }}"
  #^^^^^^ AN003
  when: pgdata_dir_version.stat.exists
`, only('AN003'));
  });
});

describe('AN006 says when an option was removed (warn of command/shell, ansible-core 2.14)', () => {
  // ansible-lockdown/RHEL9-CIS handlers/main.yml (older commit)
  const HANDLERS = `---
- name: reload sysctl
  shell: sysctl --system
  args:
      warn: false
`;

  it('still an error, now with the reason, in both languages', () => {
    const [d] = diagnose('roles/cis/handlers/main.yml', HANDLERS).filter((x) => x.code === 'AN006');
    assert.equal(String(d.message), "'warn' is not an option of shell. It was removed in ansible-core 2.14: delete it (Ansible no longer warns about commands that have a module).");
    const [r] = diagnose('roles/cis/handlers/main.yml', HANDLERS, { settings: { locale: 'ru' } }).filter((x) => x.code === 'AN006');
    assert.match(String(r.message), /убрали в ansible-core 2\.14/);
  });

  it('other unknown options keep the did-you-mean hint', () => {
    const [d] = diagnose('roles/cis/tasks/main.yml', '- name: Run\n  ansible.builtin.command:\n    cmd: /bin/true\n    chdri: /tmp\n').filter((x) => x.code === 'AN006');
    assert.match(String(d.message), /Did you mean 'chdir'/);
  });
});

describe('AN005 names the replacement of sudo/su (ansible-examples tomcat-standalone)', () => {
  const TOMCAT = `---
- name: add user "tomcat"
  user: name=tomcat group=tomcat home=/usr/share/tomcat
  sudo: True
`;

  it('says to use become, with the fix, in both languages', () => {
    const [d] = diagnose('tomcat-standalone/roles/tomcat/tasks/main.yml', TOMCAT).filter((x) => x.code === 'AN005');
    assert.equal(String(d.message), "'sudo' is not a task keyword. The old privilege-escalation keywords were removed: use 'become'.");
    const [r] = diagnose('tomcat-standalone/roles/tomcat/tasks/main.yml', TOMCAT, { settings: { locale: 'ru' } }).filter((x) => x.code === 'AN005');
    assert.match(String(r.message), /используйте 'become'/);
    assert.equal(applyFix('tomcat-standalone/roles/tomcat/tasks/main.yml', TOMCAT, 'AN005'), TOMCAT.replace('sudo:', 'become:'));
  });
});
