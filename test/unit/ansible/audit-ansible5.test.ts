// Regressions from the fifth real-world audit of Ansible trees (homelab and workstation
// repositories: khuedoan/homelab, notthebee/infra, davestephens/ansible-nas, geerlingguy's
// internet-pi, turing-pi-cluster and raspberry-pi-dramble, rishavnandi/ansible_homelab,
// adamchainz/mac-ansible): a deliberate whole-system upgrade (`name: "*"`, apt's `upgrade:`) is
// not the `state: latest` mistake, and ansible.cfg option names are case-insensitive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectDiagnostics, hoverText } from '../../helpers/service';

const only = (...ids: string[]) => ({ only: ids });

describe('AN007 and a deliberate upgrade of every package (khuedoan/homelab)', () => {
  // khuedoan/homelab metal/roles/prepare/tasks/main.yml: the apt docs' "upgrade all packages"
  const TASKS = `---
- name: First execution
  when: first_execution.changed
  block:
    - name: Upgrade all packages to the latest version
      apt:
        name: "*"
        state: latest
        force_apt_get: true
        update_cache: true
      notify: restart server
`;

  it('does not flag name: "*" with state: latest', () => {
    expectDiagnostics('roles/prepare/tasks/main.yml', TASKS, only('AN007'));
  });

  it('does not flag a list holding only "*", nor apt upgrade: with state: latest', () => {
    expectDiagnostics('roles/prepare/tasks/main.yml', `---
- name: Upgrade everything
  ansible.builtin.dnf:
    name:
      - '*'
    state: latest
- name: Upgrade all packages
  ansible.builtin.apt:
    upgrade: dist
    state: latest
`, only('AN007'));
  });

  it('still flags named packages, and apt upgrade: no', () => {
    expectDiagnostics('roles/prepare/tasks/main.yml', `---
- name: Install basic packages
  apt:
    name: "{{ prepare_basic_packages }}"
    state: latest
           #^^^^^ AN007
- name: Install extra packages
  apt:
    name: ["*", "nginx"]
    state: latest
           #^^^^^ AN007
- name: Install nginx
  apt:
    name: nginx
    upgrade: no
    state: latest
           #^^^^^ AN007
`, only('AN007'));
  });
});

describe('ansible.cfg hovers and upper-case option names (notthebee/infra)', () => {
  // notthebee/infra ansible/ansible.cfg: configparser lowercases option names, so this works
  it('explains INVENTORY like inventory', () => {
    const upper = hoverText('ansible.cfg', '[defaults]\nINVEN<|>TORY = hosts\n');
    const lower = hoverText('ansible.cfg', '[defaults]\ninven<|>tory = hosts\n');
    assert.ok(lower.length > 0);
    assert.equal(upper, lower);
  });
});

describe('AN002 and a shell glob the file module cannot take (geerlingguy/raspberry-pi-dramble)', () => {
  // geerlingguy/raspberry-pi-dramble playbooks/drupal/handlers/main.yml
  const HANDLERS = `---
- name: purge reverse proxy cache
  shell: "rm -rf /var/cache/nginx/*"
  delegate_to: "{{ item }}"
  loop: "{{ groups.balancer }}"
- name: fix permissions
  ansible.builtin.shell: chmod 0644 /etc/app/conf.d/*.conf
`;

  it('does not send `rm dir/*` or `chmod … *.conf` in a shell task to the file module', () => {
    expectDiagnostics('playbooks/drupal/handlers/main.yml', HANDLERS, only('AN002'));
  });

  it('still flags rm of one path, a quoted pattern, and a glob under command (not expanded)', () => {
    expectDiagnostics('playbooks/drupal/handlers/main.yml', `---
- name: remove the cache
  shell: rm -rf /var/cache/nginx
         #^ AN002
- name: remove a literal name
  shell: rm -f '/tmp/a*b'
         #^ AN002
- name: purge
  command: rm -rf /var/cache/nginx/*
           #^ AN002
`, only('AN002'));
  });
});
