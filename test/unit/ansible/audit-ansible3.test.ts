// Regressions from the third real-world audit of Ansible trees (trailofbits/algo, roots/trellis,
// k3s-io and techno-tim k3s-ansible, linux-system-roles firewall/timesync, nginxinc
// ansible-role-nginx, prometheus-community/ansible, kolla-ansible, ceph-ansible, community.docker,
// robertdebock roles): a handler's import_tasks found in the role's tasks/, and the role under test
// named by its folder in a Molecule scenario, get_url's removed sha256sum told with its replacement.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, expectDiagnostics } from '../../helpers/service';

const only = (...ids: string[]) => ({ only: ids });
const an006 = (path: string, text: string, locale?: 'en' | 'ru') =>
  diagnose(path, text, locale ? { settings: { locale } } : {}).filter((d) => d.code === 'AN006');

describe('AN013 and import_tasks in a role\'s handlers/ (roots/trellis)', () => {
  // roots/trellis roles/common/handlers/main.yml: the imported files live in roles/common/tasks/
  const HANDLERS = `---
- name: disable temporary challenge sites
  import_tasks: disable_challenge_sites.yml

- name: restart memcached
  service:
    name: memcached
    state: restarted
  become: yes

- name: reload nginx
  import_tasks: reload_nginx.yml
`;
  const files = {
    'roles/common/tasks/main.yml': '- name: Noop\n  ansible.builtin.debug:\n    msg: ok\n',
    'roles/common/tasks/disable_challenge_sites.yml': '- name: Disable\n  ansible.builtin.file:\n    path: /etc/nginx/x.conf\n    state: absent\n',
    'roles/common/tasks/reload_nginx.yml': '- name: reload nginx\n  ansible.builtin.service:\n    name: nginx\n    state: reloaded\n',
  };

  it('finds the imported file in the role\'s tasks/, as Ansible does', () => {
    expectDiagnostics('roles/common/handlers/main.yml', HANDLERS, { ...only('AN013'), files });
  });

  it('still flags a file that is in neither handlers/ nor tasks/', () => {
    const missing = HANDLERS.replace('import_tasks: reload_nginx.yml', 'import_tasks: reload_nginx.yaml\n                #^^^^^^^^^^^^^^^^ AN013');
    expectDiagnostics('roles/common/handlers/main.yml', missing, { ...only('AN013'), files });
  });
});

describe('AN013 and the role under test in a Molecule scenario (nginxinc/ansible-role-nginx)', () => {
  // nginxinc/ansible-role-nginx molecule/agent/converge.yml: Molecule puts the folder above the
  // project on ANSIBLE_ROLES_PATH, so `ansible-role-nginx` is the repository itself
  const CONVERGE = `---
- name: Converge
  hosts: all
  tasks:
    - name: Install NGINX and NGINX Agent
      ansible.builtin.include_role:
        name: ansible-role-nginx
      vars:
        nginx_agent_enable: true
`;
  const files = {
    'ansible-role-nginx/meta/main.yml': 'galaxy_info:\n  role_name: nginx\n  namespace: nginxinc\n',
    'ansible-role-nginx/tasks/main.yml': '- name: Noop\n  ansible.builtin.debug:\n    msg: ok\n',
  };

  it('finds the role by the name of the project folder', () => {
    expectDiagnostics('ansible-role-nginx/molecule/agent/converge.yml', CONVERGE, { ...only('AN013'), files });
  });

  it('still flags a role that is neither the project nor beside it', () => {
    const src = CONVERGE.replace('name: ansible-role-nginx', 'name: ansible-role-nginx-plus\n              #^^^^^^^^^^^^^^^^^^^^^^ AN013');
    expectDiagnostics('ansible-role-nginx/molecule/agent/converge.yml', src, { ...only('AN013'), files });
  });
});

describe('AN006 and get_url\'s removed sha256sum (sovereign/sovereign)', () => {
  // sovereign/sovereign roles/mailserver/tasks/checkrbl.yml
  const CHECKRBL = `- name: Download check-rbl
  get_url: url=https://raw.githubusercontent.com/lukecyca/check-rbl/920f503f/check-rbl.pl dest=/opt/check-rbl.pl mode=0755 sha256sum=1f2a805fe8ba4d99
`;

  it('says the option was removed and names its replacement', () => {
    const d = an006('roles/mailserver/tasks/checkrbl.yml', CHECKRBL);
    assert.equal(d.length, 1);
    assert.match(String(d[0].message), /'sha256sum' is not an option of get_url\. It was removed in ansible-core 2\.14: use checksum: "sha256:…" instead\./);
    const ru = an006('roles/mailserver/tasks/checkrbl.yml', CHECKRBL, 'ru');
    assert.match(String(ru[0].message), /2\.14: используйте checksum: "sha256:…"\./);
  });

  it('keeps the plain message for the warn option of command', () => {
    const d = an006('roles/x/tasks/main.yml', '- name: Get version\n  command: rpm -q chrony\n  args:\n    warn: false\n  changed_when: false\n');
    assert.match(String(d[0].message), /removed in ansible-core 2\.14: delete it/);
  });
});
