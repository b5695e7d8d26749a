// Round 7: inventory plugin configurations recognised wherever Ansible accepts them (`plugin:` at the
// top, a file name the plugin requires or an inventory folder), and a role's meta/main.yml and
// meta/argument_specs.yml recognised with hovers (PyratLabs/ansible-role-k3s,
// Checkmk/ansible-collection-checkmk.general, konstruktoid/ansible-role-hardening,
// companieshouse/security-scans-ansible inventory/aws_ec2.yml).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../../server/src/service/documents/classify';
import type { FileKind } from '../../../server/src/service/types';
import { completeAt, diagnose, hoverText, memoryFs, open } from '../../helpers/service';
import { service } from '../../helpers/service';

const ru = { settings: { locale: 'ru' as const } };
const at = (text: string, marker: string) => text.replace(marker.replace('|', ''), marker.replace('|', '<|>'));

const AWS_EC2 = `plugin: amazon.aws.aws_ec2
regions:
  - eu-west-2
filters:
  tag:SecurityScans: true
keyed_groups:
  - key: tags
    prefix: tag
compose:
  ansible_host: private_ip_address
`;
const GCP = `---
plugin: google.cloud.gcp_compute
projects:
  - my-project
auth_kind: serviceaccount
`;
const CONSTRUCTED = `plugin: ansible.builtin.constructed
strict: false
groups:
  webservers: "'web' in group_names"
`;

type Case = [path: string, text: string, kind: FileKind, variant?: string, files?: Record<string, string>];

const plugins: Case[] = [
  // outside any inventory folder, named as the plugin requires
  ['/p/aws_ec2.yml', AWS_EC2, 'ansible-inventory', 'plugin'],
  ['/p/prod.aws_ec2.yaml', AWS_EC2, 'ansible-inventory', 'plugin'],
  ['/p/inventory_aws_ec2.yml', AWS_EC2, 'ansible-inventory', 'plugin'],
  ['/p/envs/prod.gcp_compute.yml', GCP, 'ansible-inventory', 'plugin'],
  ['/p/cloud.hcloud.yml', 'plugin: hetzner.hcloud.hcloud\nlocations: [fsn1]\n', 'ansible-inventory', 'plugin'],
  ['/p/vmware.yml', "plugin: community.vmware.vmware_vm_inventory\nhostname: vc.example.com\n", 'ansible-inventory', 'plugin'],
  ['/p/netbox_inventory.yml', 'plugin: netbox.netbox.nb_inventory\napi_endpoint: https://netbox.local\n', 'ansible-inventory', 'plugin'],
  // in an inventory folder, whatever its name and plugin (was `ansible-vars`)
  ['/p/inventory/aws_ec2.yml', AWS_EC2, 'ansible-inventory', 'plugin'],
  ['/p/inventories/prod/cloud.yml', 'plugin: my_namespace.my_collection.my_plugin\nendpoint: x\n', 'ansible-inventory', 'plugin'],
  // constructed takes any file name: in an Ansible project
  ['/p/groups.yml', CONSTRUCTED, 'ansible-inventory', 'plugin', { '/p/ansible.cfg': '[defaults]\n' }],
];

const notPlugins: Case[] = [
  // a `plugin` variable in group_vars / role defaults stays a variable
  ['/p/inventory/group_vars/all.yml', 'plugin: mysql_native_password\n', 'ansible-vars', 'group_vars'],
  ['/p/roles/db/defaults/main.yml', 'plugin: aws_ec2\n', 'ansible-vars', 'role-defaults'],
  // CI and developer-portal files with a `plugin:` key
  ['/p/.woodpecker/docker.yml', 'steps:\n  - name: publish\n    image: plugins/docker\n    settings:\n      repo: foo/bar\n', 'unknown'],
  ['/p/docker.yml', 'steps:\n  build:\n    image: woodpeckerci/plugin-docker-buildx\n    plugin: docker\n', 'unknown'],
  ['/p/app-config.yaml', 'app:\n  title: Backstage\nplugin:\n  techdocs:\n    builder: local\n', 'unknown'],
  ['/p/k8s.yml', 'plugin: kubectl\ncommand: apply\n', 'unknown'],
  ['/p/docker.yml', 'plugin: docker\nrepo: foo/bar\n', 'unknown'],
  ['/p/aws_ec2.yml', 'plugin: amazon.aws.aws_ec2\n---\nplugin: amazon.aws.aws_ec2\n', 'unknown'],
  // a known plugin outside an Ansible project, in a file whose name it does not accept
  ['/p/groups.yml', CONSTRUCTED, 'unknown'],
];

const metas: Case[] = [
  ['/p/roles/agent/meta/main.yml', 'galaxy_info:\n  author: me\ndependencies: []\n', 'ansible-vars', 'role-meta'],
  ['/p/roles/agent/meta/main.yaml', '---\ndependencies:\n  - common\n', 'ansible-vars', 'role-meta'],
  ['/p/roles/hardening/meta/argument_specs.yml', 'argument_specs:\n  main:\n    options: {}\n', 'ansible-vars', 'role-argument-specs'],
  // a role kept as a repository of its own (PyratLabs/ansible-role-k3s, konstruktoid/ansible-role-hardening)
  ['/ansible-role-k3s/meta/main.yml', '---\n\ngalaxy_info:\n  role_name: k3s\n', 'ansible-vars', 'role-meta'],
  ['/ansible-role-hardening/meta/argument_specs.yml', '---\nargument_specs:\n  main:\n    short_description: x\n', 'ansible-vars', 'role-argument-specs'],
  // a collection's meta/runtime.yml, and a meta/main.yml that is no role's, stay unknown
  ['/community.zabbix/meta/runtime.yml', "requires_ansible: '>=2.15.0'\nplugin_routing: {}\n", 'unknown'],
  ['/site/meta/main.yml', 'title: My site\nlayout: default\n', 'unknown'],
];

function run([path, text, kind, variant, files]: Case): void {
  const c = classify({ path, text, fs: files ? memoryFs(files) : undefined });
  assert.equal(c.kind, kind, `${path}: ${c.kind}/${c.variant} (${c.reason})`);
  if (variant) assert.equal(c.variant, variant, path);
}

describe('inventory plugin configurations are classified as ansible-inventory (plugin)', () => {
  for (const c of plugins) it(`${c[0]} → plugin`, () => run(c));
  for (const c of notPlugins) it(`not a plugin config: ${c[0]} ${JSON.stringify(c[1].slice(0, 30))}`, () => run(c));

  it('is labelled as an inventory plugin, not a host list', () => {
    const { doc, ctx } = open('aws_ec2.yml', AWS_EC2);
    assert.match(service.describeKind(doc, ctx), /^Ansible · inventory plugin · /);
  });

  it('a modeline or override to ansible-inventory keeps the plugin variant', () => {
    assert.equal(classify({ path: '/x/a.yml', text: AWS_EC2, override: 'ansible-inventory' }).variant, 'plugin');
  });

  it('gives the plugin hovers outside an inventory folder, in both languages', () => {
    assert.match(hoverText('aws_ec2.yml', at(AWS_EC2, 'plu|gin:')), /plugin: amazon\.aws\.aws_ec2 — an inventory plugin's configuration/);
    assert.match(hoverText('prod.gcp_compute.yml', at(GCP, 'proj|ects:')), /projects — option of the google\.cloud\.gcp_compute inventory plugin/);
    assert.match(hoverText('aws_ec2.yml', at(AWS_EC2, 'comp|ose:'), ru), /compose — переменные хоста из выражений/);
  });

  it('offers no group/host completions and raises nothing on a plugin configuration', () => {
    assert.deepEqual(completeAt('inventory/aws_ec2.yml', AWS_EC2.replace('filters:', '  <|>\nfilters:')), []);
    assert.deepEqual(diagnose('aws_ec2.yml', AWS_EC2).map((d) => d.code), []);
    assert.deepEqual(diagnose('inventory/aws_ec2.yml', AWS_EC2, { files: { 'inventory/hosts': '[web]\nweb1\n' } }).map((d) => d.code), []);
  });

  it('does not take the plugin options of an inventory folder for groups', () => {
    const play = '- hosts: regions\n  tasks: []\n';
    const h = hoverText('site.yml', play.replace('hosts: regions', 'hosts: reg<|>ions'), { files: { 'inventory/aws_ec2.yml': AWS_EC2, 'inventory/hosts': '[web]\nweb1\n', 'ansible.cfg': '[defaults]\n' } });
    assert.doesNotMatch(h, /inventory\/aws_ec2\.yml/);
  });
});

// Checkmk roles/agent/meta/main.yml (shortened) with dependencies added
const META = `---
galaxy_info:
  role_name: agent
  author: Robin Gierse
  license: GPL-2.0-or-later
  min_ansible_version: "2.4"
  platforms:
    - name: Debian
      versions:
        - all
  galaxy_tags: [tribe29, checkmk, monitoring, agent]

dependencies:
  - common
  - role: firewall
    vars:
      firewall_ports: [6556]
allow_duplicates: false
collections:
  - community.general
`;
// konstruktoid/ansible-role-hardening meta/argument_specs.yml (shortened)
const SPECS = `---
argument_specs:
  main:
    short_description: AlmaLinux, Debian and Ubuntu hardening.
    options:
      manage_pam:
        description: "If True, manage PAM configuration files."
        type: "bool"
        default: "True"
      faillock:
        type: "dict"
        options:
          deny:
            description: "Deny access after this many failures."
            type: "int"
      aide_dir_exclusions:
        type: "list"
        elements: "str"
        required: false
      rkhunter_mirrors_mode:
        type: "int"
        choices:
          - 0
          - 1
`;

describe('role meta/main.yml and meta/argument_specs.yml', () => {
  for (const c of metas) it(`${c[0]} → ${c[2]}${c[3] ? ` (${c[3]})` : ''}`, () => run(c));

  it('explains the top-level keys of meta/main.yml', () => {
    const p = 'roles/agent/meta/main.yml';
    assert.match(hoverText(p, at(META, 'galaxy_|info:')), /galaxy_info — the role's description for Galaxy/);
    assert.match(hoverText(p, at(META, 'depend|encies:')), /dependencies — roles that run before this one/);
    assert.match(hoverText(p, at(META, 'allow_dup|licates:')), /allow_duplicates — run the role each time it is listed/);
    assert.match(hoverText(p, at(META, 'collec|tions:')), /collections — where the role's short module names are looked up/);
    assert.match(hoverText(p, at(META, 'depend|encies:'), ru), /dependencies — роли, выполняемые перед этой/);
  });

  it('explains galaxy_info fields, with a generic entry for the others', () => {
    const p = 'roles/agent/meta/main.yml';
    assert.match(hoverText(p, at(META, 'min_ansible|_version')), /min_ansible_version — oldest supported Ansible/);
    assert.match(hoverText(p, at(META, 'platf|orms:')), /platforms — systems the role is meant for/);
    assert.match(hoverText(p, at(META, 'galaxy_t|ags')), /galaxy_tags — search keywords on Galaxy/);
    assert.match(hoverText(p, at(META, 'lice|nse:')), /license — Galaxy metadata of the role/);
    assert.match(hoverText(p, at(META, 'lice|nse:'), ru), /license — метаданные роли для Galaxy/);
  });

  it('tells a dependency role and the keywords of a dependency entry', () => {
    const p = 'roles/agent/meta/main.yml';
    const files = { 'roles/common/tasks/main.yml': '- name: x\n  ansible.builtin.ping:\n' };
    assert.match(hoverText(p, at(META, 'com|mon'), { files }), /roles\/common/);
    assert.notEqual(hoverText(p, at(META, '    va|rs:')), '');
  });

  it('explains argument_specs: entry points, options and their fields', () => {
    const p = 'meta/argument_specs.yml';
    const files = { 'meta/main.yml': 'galaxy_info: {}\n' };
    const h = (m: string, o = {}) => hoverText(p, at(SPECS, m), { files, ...o });
    assert.match(h('argument_sp|ecs:'), /argument_specs — the role's variables, checked before it runs/);
    assert.match(h('ma|in:'), /main — an entry point of the role/);
    assert.match(h('short_desc|ription'), /short_description — documentation of the entry point/);
    assert.match(h('    opt|ions:'), /options — the variables the entry point accepts/);
    assert.match(h('manage|_pam:'), /manage_pam — a variable of the role/);
    assert.match(h('        ty|pe: "bool"'), /type — the expected type of the variable/);
    assert.match(h('type: "bo|ol"'), /`bool` — a boolean/);
    assert.match(h('        defa|ult: "True"'), /default — the documented default/);
    assert.match(h('        defa|ult: "True"'), /defaults\/main\.yml/);
    assert.match(h('elem|ents'), /elements — the type of a list's items/);
    assert.match(h('requ|ired: false'), /required — the caller must set it/);
    assert.match(h('choi|ces:'), /choices — the allowed values/);
    // nested options of a dict variable
    assert.match(h('        options:\n          de|ny:'), /deny — a variable of the role/);
    assert.match(h('            ty|pe: "int"'), /type — the expected type/);
    assert.match(h('ty|pe: "dict"'), /type — the expected type/);
    assert.match(h('ma|in:', ru), /main — точка входа роли/);
    assert.match(h('manage|_pam:', ru), /manage_pam — переменная роли/);
  });

  it('argument_specs inside meta/main.yml get the same hovers', () => {
    const text = 'galaxy_info:\n  author: me\nargument_specs:\n  main:\n    options:\n      web_port:\n        type: int\n';
    assert.match(hoverText('roles/web/meta/main.yml', at(text, 'web_p|ort')), /web_port — a variable of the role/);
  });

  it('describes the file and raises nothing on real meta files', () => {
    const { doc, ctx } = open('roles/agent/meta/main.yml', META);
    assert.match(service.describeKind(doc, ctx) ?? '', /^Ansible · role metadata · .*2 dependency/);
    const specs = open('meta/argument_specs.yml', SPECS, { files: { 'meta/main.yml': 'galaxy_info: {}\n' } });
    assert.match(service.describeKind(specs.doc, specs.ctx) ?? '', /^Ansible · role arguments · .*1 entry point\(s\), 4 variable/);
    const ru = open('roles/agent/meta/main.yml', META, { settings: { locale: 'ru' } });
    assert.match(service.describeKind(ru.doc, ru.ctx) ?? '', /^Ansible · метаданные роли · /);
    assert.match(service.explain(doc, ctx), /^\*\*Ansible · role metadata\*\*/);
    assert.deepEqual(diagnose('roles/agent/meta/main.yml', META).map((d) => d.code), []);
    assert.deepEqual(diagnose('meta/argument_specs.yml', SPECS).map((d) => d.code), []);
  });
});
