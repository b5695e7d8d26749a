// Completion by context, go to definition, find references, symbols, "Explain" and the description.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAt, open, service } from '../../helpers/service';
import { cursor } from '../../helpers/annotations';

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('completion', () => {
  it('play keywords at the top of a playbook, task keywords and modules in tasks', () => {
    const play = labels(completeAt('site.yml', '- hosts: all\n  gat<|>\n'));
    assert.ok(play.includes('gather_facts') && play.includes('serial') && !play.includes('notify'), play.join(' '));
    const task = labels(completeAt('site.yml', '- hosts: all\n  tasks:\n    - name: x\n      <|>\n'));
    for (const k of ['notify', 'when', 'register', 'loop', 'apt', 'ansible.builtin.apt', 'ansible.builtin.template']) assert.ok(task.includes(k), k);
    assert.ok(!task.includes('hosts'));
    const file = labels(completeAt('roles/r/tasks/main.yml', '- name: x\n  <|>\n'));
    assert.ok(file.includes('ansible.builtin.copy') && file.includes('become'));
  });

  it('handler files offer listen; roles entries offer role keywords', () => {
    assert.ok(labels(completeAt('roles/r/handlers/main.yml', '- name: x\n  <|>\n')).includes('listen'));
    const role = labels(completeAt('site.yml', '- hosts: all\n  roles:\n    - <|>\n'));
    assert.ok(role.includes('role') && role.includes('when') && !role.includes('hosts'), role.join(' '));
  });

  it('module options, and option values per module', () => {
    const opts = labels(completeAt('roles/r/tasks/main.yml', '- name: x\n  ansible.builtin.apt:\n    na<|>\n'));
    assert.ok(opts.includes('name') && opts.includes('update_cache') && !opts.includes('notify'), opts.join(' '));
    assert.deepEqual(labels(completeAt('roles/r/tasks/main.yml', '- name: x\n  ansible.builtin.service:\n    name: nginx\n    state: <|>\n')), ['started', 'stopped', 'restarted', 'reloaded']);
    assert.ok(labels(completeAt('roles/r/tasks/main.yml', '- name: x\n  file:\n    state: <|>\n')).includes('directory'));
    assert.ok(labels(completeAt('site.yml', '- hosts: all\n  strategy: <|>\n')).includes('mitogen_linear'));
    assert.ok(labels(completeAt('site.yml', '- hosts: all\n  become_method: <|>\n')).includes('su'));
  });

  it('handler names in notify (value and list item), from the play and the role', () => {
    const src = '- hosts: all\n  tasks:\n    - name: x\n      ansible.builtin.debug: msg=x\n      notify: <|>\n  handlers:\n    - name: Restart nginx\n      ansible.builtin.debug: msg=y\n      listen: web changed\n';
    assert.deepEqual(labels(completeAt('site.yml', src)).sort(), ['Restart nginx', 'web changed']);
    const files = { 'roles/web/handlers/main.yml': '- name: Reload web\n  ansible.builtin.service: name=web state=reloaded\n' };
    assert.deepEqual(labels(completeAt('roles/web/tasks/main.yml', '- name: x\n  ansible.builtin.debug: msg=x\n  notify:\n    - <|>\n', { files })), ['Reload web']);
  });

  it('ansible.cfg keys per section and values; inventory ansible_* variables', () => {
    const d = labels(completeAt('ansible.cfg', '[defaults]\nfo<|>\n'));
    assert.ok(d.includes('forks') && d.includes('strategy_plugins') && !d.includes('pipelining'), d.join(' '));
    assert.ok(labels(completeAt('ansible.cfg', '[ssh_connection]\n<|>\n')).includes('pipelining'));
    assert.ok(labels(completeAt('ansible.cfg', '[defaults]\ngathering = <|>\n')).includes('smart'));
    assert.ok(labels(completeAt('inventory/hosts.ini', '[web]\nweb1 ansible_host=10.0.0.1 <|>\n')).includes('ansible_host'));
    assert.ok(labels(completeAt('inventory/hosts.ini', '[web]\nweb1\n[db]\ndb1\n[prod:children]\n<|>\n')).includes('db'));
  });
});

function at(path: string, src: string, files: Record<string, string> = {}) {
  const { text, position } = cursor(src);
  const { doc, ctx } = open(path, text, { files });
  return { doc, ctx, position };
}

describe('go to definition and references', () => {
  const files = {
    'roles/web/tasks/main.yml': '- name: Conf\n  ansible.builtin.template: { src: a.j2, dest: /a, mode: "0644" }\n  notify: Restart web\n- name: Other\n  ansible.builtin.import_tasks: other.yml\n',
    'roles/web/tasks/other.yml': '- name: Again\n  ansible.builtin.copy: { src: b, dest: /b, mode: "0644" }\n  notify: Restart web\n',
    'roles/web/handlers/main.yml': '- name: Restart web\n  ansible.builtin.service: name=web state=restarted\n',
    'roles/web/defaults/main.yml': 'web_port: 8080\n',
    'roles/web/templates/a.j2': 'port={{ web_port }}\n',
  };

  it('notify → handler (in the role)', () => {
    const { doc, ctx, position } = at('roles/web/tasks/main.yml', files['roles/web/tasks/main.yml'].replace('notify: Restart web', 'notify: Restart <|>web'), files);
    const locs = service.findDefinition(doc, position, ctx);
    assert.equal(locs.length, 1);
    assert.match(locs[0].uri, /roles\/web\/handlers\/main\.yml$/);
    assert.equal(locs[0].range.start.line, 0);
  });

  it('role name → the role; include/import → the file; template src → the template', () => {
    const play = at('site.yml', '- hosts: all\n  roles:\n    - w<|>eb\n', files);
    assert.match(service.findDefinition(play.doc, play.position, play.ctx)[0].uri, /roles\/web\/tasks\/main\.yml$/);
    const imp = at('roles/web/tasks/main.yml', files['roles/web/tasks/main.yml'].replace('other.yml', 'oth<|>er.yml'), files);
    assert.match(service.findDefinition(imp.doc, imp.position, imp.ctx)[0].uri, /roles\/web\/tasks\/other\.yml$/);
    const tpl = at('roles/web/tasks/main.yml', files['roles/web/tasks/main.yml'].replace('src: a.j2', 'src: a<|>.j2'), files);
    assert.match(service.findDefinition(tpl.doc, tpl.position, tpl.ctx)[0].uri, /roles\/web\/templates\/a\.j2$/);
  });

  it('variable → its definitions', () => {
    const v = at('roles/web/tasks/main.yml', '- name: x\n  ansible.builtin.debug:\n    msg: "{{ web_<|>port }}"\n', files);
    const locs = service.findDefinition(v.doc, v.position, v.ctx);
    assert.ok(locs.some((l) => /roles\/web\/defaults\/main\.yml$/.test(l.uri)), JSON.stringify(locs));
  });

  it('references of a handler: every notify naming it, across the role', () => {
    const h = at('roles/web/handlers/main.yml', files['roles/web/handlers/main.yml'].replace('Restart web', 'Restart <|>web'), files);
    const refs = service.findReferences(h.doc, h.position, h.ctx).map((l) => `${l.uri.replace(/^.*\/ws\//, '')}:${l.range.start.line}`).sort();
    assert.deepEqual(refs, ['roles/web/tasks/main.yml:2', 'roles/web/tasks/other.yml:2']);
  });

  it('references in a playbook, through listen', () => {
    const src = '- hosts: all\n  tasks:\n    - name: a\n      ansible.builtin.debug: msg=x\n      notify: web changed\n  handlers:\n    - name: Restart\n      ansible.builtin.debug: msg=y\n      listen: web <|>changed\n';
    const h = at('site.yml', src);
    assert.deepEqual(service.findReferences(h.doc, h.position, h.ctx).map((l) => l.range.start.line), [4]);
  });
});

describe('symbols, explain, describe', () => {
  it('outlines plays with their tasks and handlers', () => {
    const { doc, ctx } = open('site.yml', '- name: Web\n  hosts: web\n  tasks:\n    - name: A\n      ansible.builtin.ping:\n    - block:\n        - name: B\n          ansible.builtin.ping:\n  handlers:\n    - name: H\n      ansible.builtin.ping:\n');
    const s = service.documentSymbols(doc, ctx);
    assert.equal(s[0].name, 'Web');
    assert.deepEqual(s[0].children!.map((c) => c.name), ['A', 'block', 'H']);
    assert.deepEqual(s[0].children![1].children!.map((c) => c.name), ['B']);
    assert.match(service.describeKind(doc, ctx), /1 play\(s\), 3 task\(s\)/);
    const ex = service.explain(doc, ctx);
    assert.match(ex, /ANSIBLE-10/);
    assert.match(ex, /`ping`/);
  });

  it('outlines INI inventories and ansible.cfg', () => {
    const { doc, ctx } = open('inventory/hosts.ini', '[web]\nweb1\nweb2\n\n[prod:children]\nweb\n');
    assert.deepEqual(service.documentSymbols(doc, ctx).map((s) => `${s.name}:${s.children!.length}`), ['web:2', 'prod:children:1']);
    assert.match(service.describeKind(doc, ctx), /2 group\(s\), 2 host\(s\)/);
  });
});

describe('robustness', () => {
  it('half-typed and templated files never throw', () => {
    const inputs = [
      '- hosts: all\n  tasks:\n    - name: x\n      ap', '- hosts: [\n', '- name: {{ broken\n  shell: "{{ a }"\n', '{% for x in y %}\n- name: {{ x }}\n{% endfor %}\n',
      '- hosts: all\n  roles:\n    - { role: \n', '---\n...\n', '- block:\n  - rescue:\n', '- name: x\n  notify:\n    -\n', ':\n-\n  - -\n',
    ];
    for (const text of inputs) {
      for (const path of ['site.yml', 'roles/r/tasks/main.yml', 'roles/r/handlers/main.yml', 'group_vars/all.yml']) {
        const { doc, ctx } = open(path, text);
        service.doValidation(doc, ctx);
        for (let line = 0; line < doc.lineCount; line++) {
          for (let c = 0; c <= doc.lineText(line).length; c++) {
            const p = { line, character: c };
            service.doHover(doc, p, ctx);
            service.doComplete(doc, p, ctx);
            service.findDefinition(doc, p, ctx);
            service.findReferences(doc, p, ctx);
          }
        }
        service.documentSymbols(doc, ctx);
      }
    }
    for (const text of ['[web\nhost1 a=', '[defaults]\n= x\nkey', '[a:children]\n\n[b:vars]\nx']) {
      for (const path of ['inventory/hosts.ini', 'ansible.cfg']) {
        const { doc, ctx } = open(path, text);
        service.doValidation(doc, ctx);
        for (let c = 0; c < text.length; c++) service.doHover(doc, doc.positionAt(c), ctx);
      }
    }
  });

  it('a 5 000-line task file validates (the parse is shared by every rule)', () => {
    const one = '- name: Install {i}\n  ansible.builtin.apt:\n    name: pkg{i}\n    state: present\n  notify: Restart app\n';
    const text = Array.from({ length: 1000 }, (_, i) => one.replaceAll('{i}', String(i))).join('');
    const { doc, ctx } = open('roles/app/tasks/main.yml', text, { files: { 'roles/app/handlers/main.yml': '- name: Restart app\n  ansible.builtin.service: name=app state=restarted\n' } });
    assert.ok(doc.lineCount >= 5000);
    assert.deepEqual(service.doValidation(doc, ctx).map((d) => d.code), []);
  });
});

describe('variable completion', () => {
  it('offers defined and special variables inside {{ }} and in when:', () => {
    const files = { 'roles/web/defaults/main.yml': 'web_port: 8080\n' };
    const inJinja = labels(completeAt('roles/web/tasks/main.yml', '- name: x\n  ansible.builtin.debug:\n    msg: "{{ we<|>"\n', { files }));
    assert.ok(inJinja.includes('web_port') && inJinja.includes('inventory_hostname'), inJinja.join(' '));
    const when = labels(completeAt('site.yml', '- hosts: all\n  vars:\n    enabled: true\n  tasks:\n    - name: x\n      ansible.builtin.debug: msg=x\n      when: ena<|>\n'));
    assert.ok(when.includes('enabled'), when.join(' '));
    const notInString = labels(completeAt('roles/web/tasks/main.yml', '- name: x\n  ansible.builtin.debug:\n    msg: "{{ a }} te<|>"\n', { files }));
    assert.ok(!notInString.includes('web_port'));
  });
});
