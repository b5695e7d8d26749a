// Per-rule fixtures for the Ansible rules (caret annotations), their quick fixes as before/after
// text, and the suppression syntaxes (`# noqa`, the extension's own comment).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics } from '../../helpers/service';

const TASKS = 'roles/web/tasks/main.yml';
const PLAY = 'playbooks/site.yml';
const only = (...ids: string[]) => ({ only: ids });

describe('AN001 notify-unknown-handler', () => {
  it('flags a notify naming no handler of the play, exactly on the name', () => {
    expectDiagnostics(PLAY, `- hosts: web
  tasks:
    - name: Configure nginx
      ansible.builtin.template:
        src: nginx.conf.j2
        dest: /etc/nginx/nginx.conf
        mode: '0644'
      notify:
        - Restart ngnix
          #^^^^^^^^^^^^ AN001
        - Reload nginx
  handlers:
    - name: Restart nginx
      ansible.builtin.service: name=nginx state=restarted
    - name: Reload nginx
      ansible.builtin.service: name=nginx state=reloaded
`, only('AN001'));
  });

  it('finds handlers in the role, by listen topic, in imported handler files and in dependencies', () => {
    const files = {
      'roles/web/handlers/main.yml': '- name: Restart web\n  ansible.builtin.service: name=web state=restarted\n  listen: web changed\n- ansible.builtin.import_tasks: more.yml\n',
      'roles/web/handlers/more.yml': '- name: Reload web\n  ansible.builtin.service: name=web state=reloaded\n',
      'roles/web/meta/main.yml': 'dependencies:\n  - role: base\n',
      'roles/base/handlers/main.yml': '- name: Restart base\n  ansible.builtin.service: name=base state=restarted\n',
    };
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.copy: { src: a, dest: /a, mode: '0644' }
  notify: [Restart web, web changed, Reload web, Restart base, Restart wbe]
                                                               #^^^^^^^^^^ AN001
`, { ...only('AN001'), files });
  });

  it('stays silent when the handlers cannot be known (no role around a task file)', () => {
    expectDiagnostics('tasks/extra.yml', '- name: A\n  ansible.builtin.debug: msg=x\n  notify: Whatever\n', only('AN001'));
  });

  it('fixes a near miss to the handler name', () => {
    const src = '- hosts: web\n  tasks:\n    - name: A\n      ansible.builtin.debug: msg=x\n      notify: Restart ngnix\n  handlers:\n    - name: Restart nginx\n      ansible.builtin.debug: msg=y\n';
    assert.equal(applyFix(PLAY, src, 'AN001'), src.replace('notify: Restart ngnix', 'notify: Restart nginx'));
  });
});

describe('AN002 command-instead-of-module', () => {
  it('names the command and its module, on the exact words', () => {
    expectDiagnostics(TASKS, `- name: Install
  ansible.builtin.shell: apt-get install -y nginx
                         #^^^^^^^^^^^^^^ AN002
  changed_when: false
- name: Restart
  command: sudo systemctl restart nginx
                #^^^^^^^^^^^^^^^^ AN002
  changed_when: false
- name: Clone
  shell: cd /opt && git clone https://example.com/app.git
                    #^^^^^^^^ AN002
  args: { creates: /opt/app }
- name: Make dirs
  ansible.builtin.command: mkdir -p /opt/app/logs
                           #^^^^ AN002
  changed_when: false
- name: Download
  shell: curl -fsSL -o /tmp/x.tgz https://example.com/x.tgz
         #^^^ AN002
  changed_when: false
- name: Fine
  ansible.builtin.command: git rev-parse HEAD
  changed_when: false
- name: Pipe to a file is not a download
  ansible.builtin.shell: curl -fsS http://localhost/health | grep ok
  changed_when: false
`, only('AN002'));
  });

  it('replaces a simple package install by the apt module (keeping FQCN style)', () => {
    const before = '- name: Install\n  ansible.builtin.shell: apt-get install -y nginx curl\n  become: true\n';
    assert.equal(applyFix(TASKS, before, 'AN002'), '- name: Install\n  ansible.builtin.apt:\n    name:\n      - nginx\n      - curl\n    state: present\n  become: true\n');
  });

  it('replaces systemctl and service calls by service/systemd', () => {
    assert.equal(applyFix(TASKS, '- name: R\n  command: systemctl restart nginx\n', 'AN002'), '- name: R\n  systemd:\n    name: nginx\n    state: restarted\n');
    assert.equal(applyFix(TASKS, '- name: E\n  command: systemctl enable --now nginx\n', 'AN002'), '- name: E\n  systemd:\n    name: nginx\n    enabled: true\n    state: started\n');
    assert.equal(applyFix(TASKS, '- name: S\n  shell: service redis-server stop\n', 'AN002'), '- name: S\n  service:\n    name: redis-server\n    state: stopped\n');
  });

  it('offers no fix for compound commands', () => {
    const ds = diagnose(TASKS, '- name: I\n  shell: apt-get update && apt-get install -y nginx\n').filter((d) => d.code === 'AN002');
    assert.equal(ds.length, 1);
    assert.deepEqual((ds[0].data as { fixes: unknown[] }).fixes, []);
  });
});

describe('AN003 no-changed-when', () => {
  it('flags command/shell without changed_when, creates or removes', () => {
    expectDiagnostics(TASKS, `- name: Migrate
  ansible.builtin.command: /opt/app/migrate
  #^^^^^^^^^^^^^^^^^^^^^^ AN003
- name: Guarded by creates (free form)
  ansible.builtin.command: /opt/app/init creates=/opt/app/.done
- name: Guarded by args
  ansible.builtin.shell: /opt/app/init
  args:
    removes: /opt/app/.todo
- name: Read only
  ansible.builtin.shell: cat /etc/os-release
  changed_when: false
`, only('AN003'));
  });
});

describe('AN004 unknown-strategy', () => {
  it('flags an unknown strategy (serial is not one) and suggests a close one', () => {
    expectDiagnostics(PLAY, `- hosts: all
  strategy: serial
            #^^^^^ AN004
  tasks: []
- hosts: all
  strategy: fre
            #^^ AN004
  tasks: []
- hosts: all
  strategy: mitogen_linear
  tasks: []
- hosts: all
  strategy: ansible.builtin.free
  tasks: []
`, only('AN004'));
    const src = '- hosts: all\n  strategy: lineer\n  tasks: []\n';
    assert.equal(applyFix(PLAY, src, 'AN004'), src.replace('lineer', 'linear'));
  });

  it('checks ansible.cfg too', () => {
    expectDiagnostics('ansible.cfg', `[defaults]
strategy = mitogen_liner
           #^^^^^^^^^^^^ AN004
`, only('AN004'));
  });
});

describe('AN005 unknown-keyword', () => {
  it('flags unknown play and task keywords, a second module, and suggests', () => {
    expectDiagnostics(PLAY, `- hosts: all
  gather_fact: false
  #^^^^^^^^^^ AN005
  tasks:
    - name: A
      ansible.builtin.apt: name=nginx
      notfy: Restart
      #^^^^ AN005
      ansible.builtin.service: name=nginx
      #^^^^^^^^^^^^^^^^^^^^^^ AN005
    - block:
        - name: B
          ansible.builtin.debug: msg=x
      resuce: []
      #^^^^^ AN005
`, only('AN005'));
    const ds = diagnose(PLAY, '- hosts: all\n  gather_fact: false\n');
    assert.match(String(ds.find((d) => d.code === 'AN005')?.message), /Did you mean 'gather_facts'/);
    const ru = diagnose(PLAY, '- hosts: all\n  gather_fact: false\n', { settings: { locale: 'ru' } });
    assert.match(String(ru.find((d) => d.code === 'AN005')?.message), /Может быть, 'gather_facts'/);
  });

  it('accepts role params in roles entries and listen in handlers', () => {
    expectDiagnostics(PLAY, `- hosts: all
  roles:
    - { role: nginx, nginx_port: 80, tags: [web] }
  handlers:
    - name: H
      ansible.builtin.debug: msg=x
      listen: topic
`, only('AN005'));
  });
});

describe('AN006 unknown-module-option', () => {
  it('flags unknown options of documented modules, in maps and free form', () => {
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.apt:
    name: nginx
    stat: present
    #^^^ AN006
- name: B
  copy: src=a dest=/a mdoe=0644 mode=0644
                      #^^^ AN006
- name: C
  community.general.ufw:
    anything: goes
- name: D
  ansible.builtin.set_fact:
    whatever: 1
`, only('AN006'));
    const src = '- name: A\n  ansible.builtin.apt:\n    name: nginx\n    stat: present\n';
    assert.equal(applyFix(TASKS, src, 'AN006'), src.replace('stat:', 'state:'));
  });
});

describe('AN007 package-latest', () => {
  it('flags state: latest and fixes it to present', () => {
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.dnf:
    name: httpd
    state: latest
           #^^^^^ AN007
- name: B
  apt: name=nginx state=latest
                        #^^^^^ AN007
- name: C
  ansible.builtin.yum:
    name: '*'
    state: latest
    update_only: true
`, only('AN007'));
    const src = '- name: A\n  apt: name=nginx state=latest\n';
    assert.equal(applyFix(TASKS, src, 'AN007'), src.replace('latest', 'present'));
  });
});

describe('AN008 risky-file-permissions', () => {
  it('flags files created without mode, and adds one', () => {
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.template:
  #^^^^^^^^^^^^^^^^^^^^^^^ AN008
    src: a.j2
    dest: /etc/a
- name: B
  ansible.builtin.file:
  #^^^^^^^^^^^^^^^^^^^ AN008
    path: /opt/app
    state: directory
- name: C
  ansible.builtin.file:
    path: /opt/old
    state: absent
`, only('AN008'));
    const src = '- name: A\n  ansible.builtin.template:\n    src: a.j2\n    dest: /etc/a\n  notify: x\n';
    assert.equal(applyFix(TASKS, src, 'AN008'), '- name: A\n  ansible.builtin.template:\n    src: a.j2\n    dest: /etc/a\n    mode: \'0644\'\n  notify: x\n');
    const dir = '- name: B\n  ansible.builtin.file:\n    path: /opt/app\n    state: directory\n';
    assert.equal(applyFix(TASKS, dir, 'AN008'), `${dir}    mode: '0755'\n`.replace("directory\n    mode", "directory\n    mode"));
  });
});

describe('AN009 name-missing', () => {
  it('flags tasks without a name on their module key', () => {
    expectDiagnostics(TASKS, `- ansible.builtin.apt:
  #^^^^^^^^^^^^^^^^^^ AN009
    name: nginx
- block:
    - name: Inner
      ansible.builtin.debug: msg=x
- ansible.builtin.meta: flush_handlers
`, only('AN009'));
  });
});

describe('AN010 loop-instead-of-with', () => {
  it('flags with_* and fixes with_items over a flat list', () => {
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.debug: msg={{ item }}
  with_items: [a, b]
  #^^^^^^^^^ AN010
- name: B
  ansible.builtin.debug: msg={{ item.key }}
  with_dict: "{{ users }}"
  #^^^^^^^^ AN010
`, only('AN010'));
    const src = '- name: A\n  ansible.builtin.debug: msg={{ item }}\n  with_items: [a, b]\n';
    assert.equal(applyFix(TASKS, src, 'AN010'), src.replace('with_items', 'loop'));
  });
});

describe('AN011 jinja-unquoted', () => {
  it('flags a value starting with {{ and quotes it', () => {
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.debug:
    msg: {{ nginx_port }}
         #^^^^^^^^^^^^^^^ AN011
- name: B
  ansible.builtin.debug:
    msg: "{{ nginx_port }}"
- name: C
  ansible.builtin.shell: |
    echo {{ x }}
    {{ y }}
  changed_when: false
`, only('AN011'));
    const src = '- name: A\n  ansible.builtin.debug:\n    msg: {{ nginx_port }}\n';
    assert.equal(applyFix(TASKS, src, 'AN011'), src.replace('{{ nginx_port }}', '"{{ nginx_port }}"'));
  });
});

describe('AN012 jinja-unbalanced', () => {
  it('flags the unclosed opener', () => {
    expectDiagnostics(TASKS, `- name: A
  ansible.builtin.debug:
    msg: "port {{ nginx_port }"
               #^ AN012
- name: B
  ansible.builtin.debug:
    msg: "{% if x %}a{% endif %} {{ y }}"
`, only('AN012'));
  });
});

describe('AN013 missing-role-or-file', () => {
  const files = {
    'playbooks/roles/web/tasks/main.yml': '- name: A\n  ansible.builtin.debug: msg=x\n',
    'roles/db/tasks/main.yml': '- name: A\n  ansible.builtin.debug: msg=x\n',
    'roles/db/tasks/install.yml': '- name: A\n  ansible.builtin.debug: msg=x\n',
    'ansible.cfg': '[defaults]\nroles_path = roles\n',
  };
  it('flags roles and task files that do not exist', () => {
    expectDiagnostics(PLAY, `- hosts: all
  roles:
    - web
    - db
    - role: cache
            #^^^^ AN013
    - community.general.thing
  tasks:
    - name: Include
      ansible.builtin.include_tasks: "{{ ansible_os_family }}.yml"
    - name: Missing
      ansible.builtin.import_tasks: nothere.yml
                                    #^^^^^^^^^^ AN013
`, { ...only('AN013'), files });
    expectDiagnostics('roles/db/tasks/main.yml', `- name: Install
  ansible.builtin.import_tasks: install.yml
- name: Configure
  ansible.builtin.include_tasks:
    file: configure.yml
          #^^^^^^^^^^^^ AN013
`, { ...only('AN013'), files });
  });
});

describe('AN014 inventory-undefined-group', () => {
  it('flags a :children entry without its own section', () => {
    expectDiagnostics('inventory/hosts.ini', `[web]
web1

[k8s_cluster:children]
web
kube_nodes
#^^^^^^^^^ AN014
`, only('AN014'));
  });
});

describe('suppressions', () => {
  it('honours # noqa with the ansible-lint name anywhere in the task, and our own ids', () => {
    expectDiagnostics(TASKS, `- name: Migrate  # noqa: no-changed-when
  ansible.builtin.command: /opt/app/migrate
- name: Install
  ansible.builtin.shell: apt-get install -y nginx  # noqa command-instead-of-module no-changed-when
- name: Name  # noqa: AN003
  ansible.builtin.command: /opt/x
- ansible.builtin.command: /opt/y  # noqa
- name: Skipped by tag
  ansible.builtin.command: /opt/z
  tags: [skip_ansible_lint]
- name: Own comment
  # infra-notes-ignore AN003
  ansible.builtin.command: /opt/w
- name: Not suppressed
  ansible.builtin.command: /opt/v
  #^^^^^^^^^^^^^^^^^^^^^^ AN003
`, only('AN002', 'AN003', 'AN009'));
  });

  it('maps ansible-lint names with a [detail] and their short form', () => {
    expectDiagnostics(TASKS, '- ansible.builtin.debug: msg=x  # noqa: name[missing]\n- ansible.builtin.debug: msg=y  # noqa: name\n', only('AN009'));
  });
});

describe('AN015 yaml-syntax', () => {
  it('reports indentation errors (ANSIBLE-02), but not lines AN011 explains', () => {
    const ds = diagnose(TASKS, '- name: Install nginx\n  ansible.builtin.apt:\n    name: nginx\n   state: present\n').filter((d) => d.code === 'AN015');
    assert.ok(ds.length >= 1);
    assert.ok(ds.every((d) => d.range.start.line >= 2), JSON.stringify(ds.map((d) => d.range)));
    const j = diagnose(TASKS, '- name: A\n  ansible.builtin.debug:\n    msg: {{ a }} and more\n').map((d) => d.code);
    assert.ok(j.includes('AN011') && !j.includes('AN015'), j.join(' '));
  });
});

describe('AN013 and roles installed outside the workspace', () => {
  it('trusts galaxy requirements and unresolvable roles_path entries', () => {
    const play = '- hosts: all\n  roles:\n    - docker\n';
    expectDiagnostics(PLAY, play, { ...only('AN013'), files: { 'requirements.yml': 'roles:\n  - name: docker\n    src: https://github.com/example/ansible-role-docker\n' } });
    expectDiagnostics(PLAY, play, { ...only('AN013'), files: { 'ansible.cfg': '[defaults]\nroles_path = ~/.ansible/roles:roles\n' } });
  });
});

describe('AN001 and handlers defined in the playbook that applies the role', () => {
  it('does not flag a role task notifying a play handler', () => {
    const files = { 'site.yml': '- hosts: all\n  roles: [web]\n  handlers:\n    - name: Restart app\n      ansible.builtin.service: name=app state=restarted\n' };
    expectDiagnostics(TASKS, '- name: A\n  ansible.builtin.debug: msg=x\n  notify: Restart app\n', { ...only('AN001'), files });
  });
});

describe('AN016 removed-include', () => {
  it('flags include: in task lists and at playbook level, on the key', () => {
    expectDiagnostics(PLAY, `- include: webservers.yml
  #^^^^^^ AN016
- hosts: all
  tasks:
    - name: Configure
      ansible.builtin.include: nginx.yml
      #^^^^^^^^^^^^^^^^^^^^^^ AN016
    - name: Fine
      ansible.builtin.include_tasks: nginx.yml
    - name: Also fine
      import_tasks: nginx.yml
`, only('AN016'));
  });

  it('offers include_tasks / import_playbook, keeping the FQCN prefix, and says why in both languages', () => {
    assert.equal(applyFix(TASKS, '- name: Configure\n  ansible.builtin.include: nginx.yml\n', 'AN016'), '- name: Configure\n  ansible.builtin.include_tasks: nginx.yml\n');
    assert.equal(applyFix(PLAY, '- include: webservers.yml\n', 'AN016'), '- import_playbook: webservers.yml\n');
    const ru = diagnose(TASKS, '- name: C\n  include: nginx.yml\n', { settings: { locale: 'ru' } }).find((d) => d.code === 'AN016');
    assert.match(String(ru?.message), /удалён в ansible-core 2\.16: используйте `include_tasks`/);
  });
});
