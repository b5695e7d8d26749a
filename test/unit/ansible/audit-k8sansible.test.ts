// Regressions from the real-world audit of Ansible trees (geerlingguy roles, kubespray, dev-sec
// hardening): pass-through modules, path-style role names with an unresolvable roles_path, keys of
// set_fact / add_host / set_stats, and notify in a Galaxy-style role repository.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics, hoverText } from '../../helpers/service';

const only = (...ids: string[]) => ({ only: ids });
const ru = { settings: { locale: 'ru' as const } };
const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;

describe('AN006 and pass-through modules (package, service)', () => {
  // geerlingguy/ansible-role-docker tasks/main.yml
  const DOCKER = `---
- name: Install Docker packages.
  package:
    name: "{{ docker_packages }}"
    state: "{{ docker_packages_state }}"
  notify: restart docker
  ignore_errors: "{{ ansible_check_mode }}"
  when: "ansible_version.full is version_compare('2.12', '<') or ansible_os_family not in ['RedHat', 'Debian']"

- name: Install Docker packages (with downgrade option).
  package:
    name: "{{ docker_packages }}"
    state: "{{ docker_packages_state }}"
    allow_downgrade: true
  notify: restart docker
  ignore_errors: "{{ ansible_check_mode }}"
  when: "ansible_version.full is version_compare('2.12', '>=') and ansible_os_family in ['RedHat', 'Debian']"
`;

  it('accepts an option of any backend of package (apt/dnf/yum/zypper/apk/pacman)', () => {
    expectDiagnostics('roles/docker/tasks/main.yml', DOCKER, only('AN006'));
    expectDiagnostics('roles/base/tasks/main.yml', `- name: Refresh and install
  ansible.builtin.package:
    name: [curl, git]
    state: present
    update_cache: true
    install_recommends: false
    disable_gpg_check: false
    extra_args: --noconfirm
    no_cache: true
`, only('AN006'));
  });

  it('still flags what no backend takes, with the fix', () => {
    const src = `- name: Install curl
  ansible.builtin.package:
    name: curl
    stat: present
    #^^^ AN006
    cache_valid_tme: 3600
    #^^^^^^^^^^^^^^ AN006
`;
    expectDiagnostics('roles/base/tasks/main.yml', src, only('AN006'));
    const plain = '- name: Install curl\n  ansible.builtin.package:\n    name: curl\n    stat: present\n';
    assert.equal(applyFix('roles/base/tasks/main.yml', plain, 'AN006'), plain.replace('stat:', 'state:'));
  });

  it('service passes systemd and sysvinit options on, and nothing else', () => {
    expectDiagnostics('roles/web/handlers/main.yml', `- name: Restart nginx
  ansible.builtin.service:
    name: nginx
    state: restarted
    daemon_reload: true
    runlevels: [3, 5]
    enabeld: true
    #^^^^^^ AN006
- name: Reload nginx
  service: name=nginx state=reloaded daemon-reload=yes
`, only('AN006'));
  });

  it('the hover tells the same: a backend option, with the backends that take it', () => {
    const h = hoverText('roles/docker/tasks/main.yml', DOCKER.replace('    allow_downgrade:', '    allow_down<|>grade:'));
    assert.doesNotMatch(h, /is not an option of `package`\./);
    assert.match(h, /`allow_downgrade` is not an option of `package` itself/);
    for (const b of ['apt', 'dnf', 'yum']) assert.ok(h.includes(`\`${b}\``), h);
    const hr = hoverText('roles/docker/tasks/main.yml', DOCKER.replace('    allow_downgrade:', '    allow_down<|>grade:'), ru);
    assert.match(hr, /не собственная опция `package`/);
    // a documented backend option comes with its description
    const d = hoverText('roles/web/tasks/main.yml', '- name: r\n  ansible.builtin.service:\n    name: x\n    daemon_re<|>load: true\n');
    assert.match(d, /`systemd`/);
    assert.match(d, /daemon-reload/);
  });

  it('hover and AN006 agree on every key', () => {
    const cases: [string, string][] = [
      ['package', 'allow_downgrade'], ['package', 'update_cache'], ['package', 'stat'], ['package', 'use'],
      ['service', 'daemon_reload'], ['service', 'bogus'], ['apt', 'allow_downgrade'], ['apt', 'cache_valid_tme'],
      ['set_fact', 'nginx_user'], ['add_host', 'http_port'], ['copy', 'mdoe'],
    ];
    for (const [module, key] of cases) {
      const src = `- name: t\n  ${module}:\n    ${key}: 1\n`;
      const flagged = diagnose('roles/r/tasks/main.yml', src).some((x) => x.code === 'AN006');
      const h = hoverText('roles/r/tasks/main.yml', `- name: t\n  ${module}:\n    ${key.slice(0, 2)}<|>${key.slice(2)}: 1\n`);
      assert.equal(/is not an option of `[\w.]+`\./.test(h), flagged, `${module}.${key}: AN006=${flagged}, hover:\n${h}`);
    }
  });
});

describe('AN013 with a roles_path that cannot be resolved (kubespray cluster.yml)', () => {
  const CLUSTER = `---
- name: Install etcd
  hosts: etcd:kube_control_plane
  gather_facts: false
  any_errors_fatal: "{{ any_errors_fatal | default(true) }}"
  roles:
    - { role: kubespray_defaults }
    - { role: etcd, tags: etcd, etcd_cluster_setup: true }

- name: Install Kubernetes control plane
  hosts: kube_control_plane
  roles:
    - { role: kubespray_defaults }
    - { role: kubernetes/master, tags: master }
    - { role: kubernetes/node, tags: node }
`;

  it('treats path-style names like bare ones when the search path is not fully known', () => {
    const files = { 'ansible.cfg': '[defaults]\nroles_path = roles:$VIRTUAL_ENV/usr/local/share/kubespray/roles:$VIRTUAL_ENV/usr/local/share/ansible/roles:/usr/share/kubespray/roles\n' };
    expectDiagnostics('cluster.yml', CLUSTER, { ...only('AN013'), files });
  });

  it('keeps the true positives when roles_path is fully known, and finds path-style names under roles/', () => {
    const files = {
      'ansible.cfg': '[defaults]\nroles_path = roles\n',
      'roles/kubespray_defaults/tasks/main.yml': '- name: A\n  ansible.builtin.debug: msg=x\n',
      'roles/etcd/tasks/main.yml': '- name: A\n  ansible.builtin.debug: msg=x\n',
      'roles/kubernetes/node/tasks/main.yml': '- name: A\n  ansible.builtin.debug: msg=x\n',
    };
    const src = CLUSTER.replace('    - { role: kubernetes/master, tags: master }', '    - { role: kubernetes/master, tags: master }\n              #^^^^^^^^^^^^^^^^ AN013');
    expectDiagnostics('cluster.yml', src, { ...only('AN013'), files });
  });
});

describe('keys of set_fact, add_host and set_stats are variables (ANSIBLE-11)', () => {
  // geerlingguy/ansible-role-nginx tasks/main.yml
  const NGINX = `---
# Variable setup.
- name: Include OS-specific variables.
  include_vars: "{{ ansible_os_family }}.yml"

- name: Define nginx_user.
  set_fact:
    nginx_user: "{{ __nginx_user }}"
  when: nginx_user is not defined
`;
  const files = { 'roles/nginx/defaults/main.yml': 'nginx_user: www-data\n' };

  it('set_fact: the hover says it is a variable being set, in both languages, with its other definitions', () => {
    const h = hoverText('roles/nginx/tasks/main.yml', NGINX.replace('    nginx_user:', '    nginx_<|>user:'), { files });
    assert.doesNotMatch(h, /not an option of/);
    assert.match(h, /variable nginx_user, set by set_fact/);
    assert.ok(h.includes('roles/nginx/defaults/main.yml:1'), h);
    assert.ok(h.includes(link('ANSIBLE-11')), h);
    const hr = hoverText('roles/nginx/tasks/main.yml', NGINX.replace('    nginx_user:', '    nginx_<|>user:'), { ...ru, files });
    assert.match(hr, /переменная nginx_user, задаётся set_fact/);
    assert.doesNotMatch(hr, /не опция модуля/);
    // the value is not an option value either
    assert.doesNotMatch(hoverText('roles/nginx/tasks/main.yml', NGINX.replace('"{{ __nginx_user }}"', '"x<|>y"')), /not an option/);
  });

  it('set_fact with a templated key (dev-sec ssh_hardening)', () => {
    const src = `- name: Set variables for sshd
  ansible.builtin.set_fact:
    '{{ it<|>em.key }}': '{{ item.value }}'
  loop: "{{ sshd_vars | dict2items }}"
`;
    const h = hoverText('roles/ssh_hardening/tasks/hardening.yml', src);
    assert.doesNotMatch(h, /not an option of/);
    assert.match(h, /set by/);
    expectDiagnostics('roles/ssh_hardening/tasks/hardening.yml', src.replace('<|>', ''), only('AN006'));
  });

  it('add_host and set_stats data', () => {
    const src = `- name: Add the new server
  ansible.builtin.add_host:
    name: "{{ new_ip }}"
    groups: web
    http_port: 8080
- name: Record the build
  ansible.builtin.set_stats:
    data:
      build_id: "{{ build.id }}"
    per_host: false
`;
    const path = 'roles/deploy/tasks/main.yml';
    assert.match(hoverText(path, src.replace('http_port', 'http_<|>port')), /variable http_port of the added host/);
    assert.match(hoverText(path, src.replace('http_port', 'http_<|>port'), ru), /переменная http_port добавляемого хоста/);
    const s = hoverText(path, src.replace('build_id', 'build_<|>id'));
    assert.match(s, /variable build_id, recorded by ansible.builtin.set_stats/);
    assert.ok(s.includes(link('ANSIBLE-11')), s);
    assert.match(hoverText(path, src.replace('per_host', 'per_<|>host')), /option of `ansible.builtin.set_stats`/);
    expectDiagnostics(path, src, only('AN006'));
  });
});

describe('AN001 in a Galaxy-style role repository (handlers/, tasks/ at the top)', () => {
  // geerlingguy/ansible-role-docker, as copied by the audit
  const HANDLERS = `---
- name: restart docker
  service:
    name: docker
    state: "{{ docker_restart_handler_state }}"
  ignore_errors: "{{ ansible_check_mode }}"
  when: docker_service_manage | bool
`;
  const base = {
    'handlers/main.yml': HANDLERS,
    'defaults/main.yml': 'docker_edition: ce\ndocker_restart_handler_state: restarted\n',
    'tasks/main.yml': '- name: Install Docker packages.\n  package:\n    name: docker-ce\n    state: present\n  notify: restart docker\n',
  };
  const SETUP = `---
- name: Add or remove Docker repository.
  ansible.builtin.deb822_repository:
    name: docker
    types: deb
    uris: "{{ docker_repo_url }}"
    state: present
  notify: apt update
          #^^^^^^^^^ AN001

- name: Ensure handlers are notified immediately to update the apt cache.
  ansible.builtin.meta: flush_handlers

- name: Start Docker
  ansible.builtin.service:
    name: docker
    state: started
  notify: [restart docker, "{{ extra_handler }}"]
`;

  it('reports a notify with no handler when all handler sources are known', () => {
    expectDiagnostics('tasks/setup-Debian.yml', SETUP, { ...only('AN001'), files: base });
  });

  it('offers the near miss as a fix', () => {
    const src = '- name: Install\n  package:\n    name: docker-ce\n    state: present\n  notify: restart dockr\n';
    assert.equal(applyFix('tasks/setup-RedHat.yml', src, 'AN001', { files: base }), src.replace('restart dockr', 'restart docker'));
  });

  it('stays silent when a handler source is unknown', () => {
    const silent = (files: Record<string, string>, why: string) => {
      const got = diagnose('tasks/setup-Debian.yml', SETUP.replace(/ *#\^+ AN001\n/, ''), { files }).filter((d) => d.code === 'AN001');
      assert.deepEqual(got, [], why);
    };
    const { 'handlers/main.yml': _h, ...noHandlers } = base;
    silent(noHandlers, 'no handlers/main.yml');
    silent({ ...base, 'meta/main.yml': 'dependencies:\n  - role: geerlingguy.pip\n' }, 'a dependency brings handlers');
    silent({ ...base, 'tasks/extra.yml': '- name: Base\n  ansible.builtin.include_role:\n    name: base\n' }, 'an included role brings handlers');
    silent({ ...base, 'tasks/os/debian.yml': '- name: Base\n  ansible.builtin.import_role:\n    name: base\n' }, 'a role imported from a task subfolder');
    silent({ ...base, 'handlers/main.yml': `${HANDLERS}- name: More\n  ansible.builtin.include_tasks: "{{ handler_file }}"\n` }, 'a templated handler include');
    silent({ ...base, 'site.yml': '- hosts: all\n  tasks:\n    - ansible.builtin.import_tasks: tasks/setup-Debian.yml\n' }, 'a playbook beside tasks/: a project, not a role');
    const { 'defaults/main.yml': _d, ...bare } = base;
    silent(bare, 'nothing but tasks/ and handlers/: not recognisably a role');
    silent({ ...base, 'handlers/main.yml': `${HANDLERS}- name: Update apt cache\n  ansible.builtin.apt:\n    update_cache: true\n  listen: apt update\n` }, 'a listen topic');
  });
});
