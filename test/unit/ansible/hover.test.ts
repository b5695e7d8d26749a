// Hovers of the Ansible family in both languages: every keyword and every documented module (short
// name and FQCN), module options and values, Jinja2 variables with where they are defined,
// ansible.cfg, INI/YAML inventories and Kubespray variables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allEntries, type RefEntry } from '../../../server/src/service/knowledge/index';
import { hoverAt, hoverText } from '../../helpers/service';

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;
const refs = (prefix: string) => allEntries().filter((e): e is RefEntry => e.type === 'ref' && e.id.startsWith(prefix));
const ru = { settings: { locale: 'ru' as const } };
const CYR = /[а-яё]/i;

function stripMd(s: string): string {
  return s.replace(/\*\*/g, '').replace(/`/g, '');
}

describe('keyword hovers', () => {
  const keywords = refs('ansible.keyword.');
  it('covers the play, block and task keywords the issue lists', () => {
    const ids = new Set(keywords.map((k) => k.id.slice('ansible.keyword.'.length)));
    for (const k of ['name', 'hosts', 'become', 'become_user', 'become_method', 'gather_facts', 'strategy', 'serial', 'max_fail_percentage', 'any_errors_fatal',
      'force_handlers', 'vars', 'vars_files', 'vars_prompt', 'roles', 'pre_tasks', 'tasks', 'post_tasks', 'handlers', 'tags', 'when', 'loop', 'with_', 'register',
      'notify', 'listen', 'changed_when', 'failed_when', 'ignore_errors', 'delegate_to', 'run_once', 'environment', 'check_mode', 'diff', 'no_log', 'collections',
      'module_defaults', 'import_playbook', 'block', 'rescue', 'always', 'until', 'retries', 'delay', 'async', 'poll', 'throttle', 'timeout', 'connection',
      'remote_user', 'port']) assert.ok(ids.has(k), `no hover entry for ${k}`);
  });

  for (const e of keywords) {
    const key = e.id.slice('ansible.keyword.'.length);
    const scopes = (e.scopes as string[]) ?? [];
    const word = key === 'with_' ? 'with_items' : key;
    let src: string;
    if (scopes.includes('play')) src = `- hosts: all\n  ${word}<|>: x\n`;
    else if (scopes.includes('role')) src = `- hosts: all\n  roles:\n    - ${word}<|>: x\n`;
    else if (scopes.includes('handler')) src = `- hosts: all\n  handlers:\n    - name: h\n      ansible.builtin.debug: msg=x\n      ${word}<|>: x\n`;
    else if (key === 'block' || key === 'rescue' || key === 'always') src = `- hosts: all\n  tasks:\n    - ${word}<|>: []\n`;
    else src = `- hosts: all\n  tasks:\n    - name: t\n      ansible.builtin.debug: msg=x\n      ${word}<|>: x\n`;
    if (key === 'hosts') src = '- hos<|>ts: all\n';
    it(`${key}: en and ru, with its notes links`, () => {
      const en = hoverText('site.yml', src);
      const r = hoverText('site.yml', src, ru);
      assert.ok(en.includes(stripMd(e.title.en).split(' ')[0]), `${key} en:\n${en}`);
      assert.match(r, CYR, `${key} ru:\n${r}`);
      for (const n of e.notes ?? []) {
        assert.ok(en.includes(link(n)), `${key}: en lacks ${n}`);
        assert.ok(r.includes(link(n)), `${key}: ru lacks ${n}`);
      }
    });
  }

  it('hover range is the key itself', () => {
    const h = hoverAt('site.yml', '- hosts: all\n  gather_<|>facts: false\n');
    assert.deepEqual(h?.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } });
  });

  it('explains serial with the correction and strategy values', () => {
    assert.match(hoverText('site.yml', '- hosts: all\n  ser<|>ial: 2\n'), /play keyword/);
    const free = hoverText('site.yml', '- hosts: all\n  strategy: fr<|>ee\n');
    assert.match(free, /`free` — each host/);
    assert.ok(free.includes(link('ANSIBLE-09')));
  });
});

describe('module hovers', () => {
  const modules = refs('ansible.module.');
  it('documents at least 40 modules, including the ones the issue names', () => {
    assert.ok(modules.length >= 40, String(modules.length));
    const names = new Set(modules.map((m) => m.id.slice('ansible.module.'.length)));
    for (const m of ['apt', 'yum', 'dnf', 'package', 'pip', 'copy', 'template', 'file', 'lineinfile', 'blockinfile', 'replace', 'service', 'systemd', 'command',
      'shell', 'raw', 'script', 'user', 'group', 'git', 'get_url', 'uri', 'unarchive', 'debug', 'set_fact', 'fail', 'assert', 'wait_for', 'stat', 'cron', 'reboot',
      'setup', 'ping', 'include_vars', 'find', 'fetch', 'apt_repository', 'yum_repository', 'hostname', 'known_hosts']) assert.ok(names.has(m), m);
  });

  it('every option is documented in both languages', () => {
    for (const m of modules) {
      for (const [k, o] of Object.entries((m.options ?? {}) as Record<string, { en?: string; ru?: string }>)) {
        assert.ok(o.en && o.ru && CYR.test(o.ru), `${m.id}.${k}`);
      }
    }
  });

  for (const m of modules) {
    const short = m.id.slice('ansible.module.'.length);
    for (const name of [short, m.fqcn as string]) {
      it(`${name}: en and ru with FQCN and ANSIBLE notes`, () => {
        const src = `- name: t\n  ${name}<|>:\n    x: 1\n`;
        const en = hoverText('roles/r/tasks/main.yml', src);
        const r = hoverText('roles/r/tasks/main.yml', src, ru);
        assert.ok(en.includes(`\`${m.fqcn as string}\``), `${name}:\n${en}`);
        assert.match(r, CYR);
        for (const n of m.notes ?? []) assert.ok(en.includes(link(n)) && r.includes(link(n)), `${name} lacks ${n}`);
      });
    }
  }

  it('an undocumented module gets a plain hover, never an error', () => {
    const h = hoverText('roles/r/tasks/main.yml', '- name: t\n  community.mysql.mysql_<|>db:\n    name: app\n');
    assert.match(h, /not documented here/);
    assert.match(hoverText('roles/r/tasks/main.yml', '- name: t\n  community.mysql.mysql_<|>db:\n    name: app\n', ru), /не описан/);
  });

  it('explains options and their values, in maps and in free form', () => {
    const opt = hoverText('roles/r/tasks/main.yml', '- name: t\n  ansible.builtin.apt:\n    sta<|>te: latest\n');
    assert.match(opt, /option of `ansible.builtin.apt`/);
    const val = hoverText('roles/r/tasks/main.yml', '- name: t\n  ansible.builtin.apt:\n    state: lat<|>est\n', ru);
    assert.match(val, /результат зависит от дня запуска/);
    const ff = hoverAt('roles/r/tasks/main.yml', '- name: t\n  service: name=nginx sta<|>te=restarted\n');
    assert.deepEqual(ff?.range, { start: { line: 1, character: 22 }, end: { line: 1, character: 27 } });
  });
});

describe('variable hovers (ANSIBLE-11)', () => {
  const files = {
    'roles/web/defaults/main.yml': 'web_port: 8080\n',
    'roles/web/vars/main.yml': 'web_conf: /etc/web.conf\n',
    'group_vars/all.yml': 'web_port: 80\n',
    'host_vars/web1.yml': 'web_port: 81\n',
    'inventory/hosts.ini': '[web]\nweb1 web_port=82\n',
    'ansible.cfg': '[defaults]\ninventory = inventory/hosts.ini\n',
  };
  it('lists every place a variable is defined', () => {
    const h = hoverText('roles/web/tasks/main.yml', '- name: t\n  ansible.builtin.debug:\n    msg: "port {{ web_<|>port }}"\n', { files });
    for (const where of ['roles/web/defaults/main.yml:1', 'group_vars/all.yml:1', 'host_vars/web1.yml:1', 'inventory/hosts.ini:2']) assert.ok(h.includes(where), `${where}:\n${h}`);
    assert.match(h, /role defaults/);
    assert.ok(h.includes(link('ANSIBLE-11')));
  });

  it('knows play vars, register and set_fact in the same playbook, and bare when expressions', () => {
    const src = `- hosts: all
  vars:
    a: 1
  tasks:
    - name: r
      ansible.builtin.command: id
      register: out
      changed_when: false
    - name: f
      ansible.builtin.set_fact:
        b: 2
    - name: use
      ansible.builtin.debug:
        msg: "{{ a }} {{ b }}"
      when: ou<|>t.rc == 0
`;
    assert.match(hoverText('site.yml', src), /register \(task result\): \[site\.yml:7\]/);
    assert.match(hoverText('site.yml', src.replace('ou<|>t.rc', 'out.rc').replace('{{ a }}', '{{ <|>a }}')), /play vars: \[site\.yml:3\]/);
    assert.match(hoverText('site.yml', src.replace('ou<|>t.rc', 'out.rc').replace('{{ b }}', '{{ <|>b }}')), /set_fact/);
  });

  it('explains special variables and says when nothing is found', () => {
    assert.match(hoverText('site.yml', '- hosts: all\n  tasks:\n    - name: x\n      ansible.builtin.debug:\n        msg: "{{ inventory_<|>hostname }}"\n'), /name in the inventory/);
    assert.match(hoverText('site.yml', '- hosts: all\n  tasks:\n    - name: x\n      ansible.builtin.debug:\n        msg: "{{ nowhere_<|>var }}"\n'), /No definition found/);
    assert.equal(hoverText('site.yml', '- hosts: all\n  tasks:\n    - name: x\n      ansible.builtin.debug:\n        msg: "{{ x | def<|>ault(1) }}"\n'), '');
  });
});

describe('ansible.cfg, inventories and Kubespray', () => {
  it('ansible.cfg sections and keys (mitogen: ANSIBLE-08)', () => {
    const cfg = '[defaults]\nstrategy_plugins = /opt/mitogen/ansible_mitogen/plugins/strategy\nstrategy = mitogen_linear\nforks = 20\n';
    const sp = hoverText('ansible.cfg', cfg.replace('strategy_plugins', 'strategy_<|>plugins'));
    assert.ok(sp.includes(link('ANSIBLE-08')), sp);
    assert.match(hoverText('ansible.cfg', cfg.replace('strategy_plugins', 'strategy_<|>plugins'), ru), /Mitogen/);
    assert.match(hoverText('ansible.cfg', cfg.replace('[defaults]', '[def<|>aults]')), /main settings/);
    assert.match(hoverText('ansible.cfg', cfg.replace('forks', 'fo<|>rks')), /parallel/);
    for (const key of ['inventory', 'roles_path', 'forks', 'remote_user', 'host_key_checking', 'gathering', 'strategy', 'strategy_plugins', 'callbacks_enabled', 'retry_files_enabled', 'pipelining', 'ssh_args', 'become', 'become_method', 'become_user']) {
      assert.notEqual(hoverText('ansible.cfg', `[defaults]\n${key}<|> = x\n`), '', key);
    }
  });

  it('INI inventory: groups, :children, :vars, ansible_* variables (ANSIBLE-07)', () => {
    const inv = '[web]\nweb1 ansible_host=10.0.0.1\n\n[prod:children]\nweb\n\n[prod:vars]\nansible_user=deploy\n';
    const g = hoverText('inventory/hosts.ini', inv.replace('[web]', '[w<|>eb]'));
    assert.ok(g.includes(link('ANSIBLE-07')), g);
    assert.match(hoverText('inventory/hosts.ini', inv.replace('prod:children', 'prod:chil<|>dren')), /groups of groups/);
    assert.match(hoverText('inventory/hosts.ini', inv.replace('ansible_host', 'ansible_<|>host')), /address/);
    assert.match(hoverText('inventory/hosts.ini', inv.replace('ansible_user=deploy', 'ansible_<|>user=deploy'), ru), /Пользователь/);
    assert.match(hoverText('inventory/hosts.ini', inv.replace('web1 ', 'we<|>b1 ')), /host web1/);
  });

  it('YAML inventory and Kubespray groups and variables (K8S-22)', () => {
    const inv = 'all:\n  children:\n    k8s_cluster:\n      children:\n        kube_node:\n          hosts:\n            node1:\n              ansible_host: 10.0.0.1\n';
    assert.ok(hoverText('inventory/hosts.yml', inv.replace('all:', 'a<|>ll:')).includes(link('ANSIBLE-07')));
    assert.ok(hoverText('inventory/hosts.yml', inv.replace('k8s_cluster', 'k8s_<|>cluster')).includes(link('K8S-22')));
    assert.match(hoverText('inventory/hosts.yml', inv.replace('ansible_host', 'ansible_<|>host')), /address/);
    for (const v of ['download_run_once', 'etcd_memory_limit', 'kube_version', 'container_manager']) {
      const h = hoverText('inventory/mycluster/group_vars/k8s_cluster/k8s-cluster.yml', `${v}<|>: x\n`);
      assert.ok(h.includes(link('K8S-22')), v);
      assert.match(hoverText('inventory/mycluster/group_vars/k8s_cluster/k8s-cluster.yml', `${v}<|>: x\n`, ru), CYR);
    }
  });
});

describe('handler hovers (ANSIBLE-13)', () => {
  it('a handler name tells how many tasks notify it and where', () => {
    const src = '- hosts: all\n  tasks:\n    - name: a\n      ansible.builtin.debug: msg=x\n      notify: Restart web\n    - name: b\n      ansible.builtin.debug: msg=y\n      notify: [Restart web]\n  handlers:\n    - name: Restart <|>web\n      ansible.builtin.debug: msg=z\n';
    const h = hoverText('site.yml', src);
    assert.match(h, /Notified by 2 task\(s\)/);
    assert.ok(h.includes('site.yml:5') && h.includes('site.yml:8'), h);
    assert.ok(h.includes(link('ANSIBLE-13')));
    assert.match(hoverText('site.yml', src, ru), /Вызывается тасками: 2/);
  });
});

describe('every Ansible reference entry speaks both languages', () => {
  for (const e of refs('ansible.')) {
    it(e.id, () => {
      assert.ok(e.title.en && e.title.ru && e.body.en && e.body.ru);
      assert.match(`${e.title.ru} ${e.body.ru}`, CYR, e.id);
      for (const [k, v] of Object.entries(e.values ?? {})) assert.ok(v.en && v.ru, `${e.id} value ${k}`);
    });
  }
});

describe('hosts patterns (ANSIBLE-07)', () => {
  it('shows the hosts of the group under the cursor, from INI and YAML inventories', () => {
    const files = { 'inventory/hosts.ini': '[web]\nweb1\nweb2\n\n[prod:children]\nweb\n', 'inventory/extra.yml': 'all:\n  children:\n    db:\n      hosts:\n        db1:\n' };
    const h = hoverText('site.yml', '- hosts: web:&pr<|>od\n  tasks: []\n', { files });
    assert.match(h, /Group `prod` \(1\): `web\/`/);
    assert.ok(h.includes('inventory/hosts.ini:5'), h);
    assert.match(hoverText('site.yml', '- hosts: d<|>b\n  tasks: []\n', { files }), /Group `db` \(1\): `db1`/);
    assert.ok(hoverText('site.yml', '- hosts: a<|>ll\n', { files }).includes(link('ANSIBLE-07')));
  });
});

describe('hosts pattern range', () => {
  it('is the group word under the cursor', () => {
    const h = hoverAt('site.yml', '- hosts: web:&pr<|>od\n  tasks: []\n');
    assert.deepEqual(h?.range, { start: { line: 0, character: 14 }, end: { line: 0, character: 18 } });
  });
});

describe('variables in quoted values', () => {
  it('single- and double-quoted YAML values, string literals inside the expression are not variables', () => {
    const src = "- hosts: all\n  vars:\n    web_port: 80\n  tasks:\n    - name: x\n      ansible.builtin.debug:\n        msg: '{{ web_<|>port }} {{ \"lit\" }}'\n";
    assert.match(hoverText('site.yml', src), /play vars/);
    assert.equal(hoverText('site.yml', src.replace('web_<|>port', 'web_port').replace('"lit"', '"l<|>it"')), '');
    assert.match(hoverText('site.yml', "- hosts: all\n  vars:\n    a: 1\n  tasks:\n    - name: x\n      ansible.builtin.debug: msg=x\n      when: \"<|>a == 'b'\"\n"), /play vars/);
  });
});

describe('variables from YAML inventories', () => {
  it('finds group vars and host vars of a YAML inventory', () => {
    const files = { 'inventory/hosts.yml': 'all:\n  vars:\n    ntp: pool.ntp.org\n  children:\n    web:\n      hosts:\n        web1:\n          web_port: 81\n' };
    const src = '- hosts: all\n  tasks:\n    - name: x\n      ansible.builtin.debug:\n        msg: "{{ web_<|>port }} {{ ntp }}"\n';
    assert.match(hoverText('site.yml', src, { files }), /inventory: \[inventory\/hosts\.yml:8\]/);
    assert.match(hoverText('site.yml', src.replace('web_<|>port', 'web_port').replace('{{ ntp', '{{ n<|>tp'), { files }), /inventory: \[inventory\/hosts\.yml:3\]/);
  });
});

describe('variables from the inventory named by ansible.cfg', () => {
  it('reads inventory = <file> at the project root', () => {
    const files = { 'ansible.cfg': '[defaults]\ninventory = inventory.yml\n', 'inventory.yml': 'all:\n  vars:\n    app_version: 2.4.1\n' };
    const src = '- hosts: all\n  tasks:\n    - name: x\n      ansible.builtin.debug:\n        msg: "{{ app_<|>version }}"\n';
    assert.match(hoverText('rolling.yml', src, { files }), /inventory: \[inventory\.yml:3\]\([^)]*\) = `2\.4\.1`/);
  });
});
