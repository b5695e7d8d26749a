// Regressions from the sixth real-world audit of Ansible trees (Molecule scenarios, collections,
// role meta/argument_specs, inventory plugins, execution environments: PyratLabs/ansible-role-k3s,
// konstruktoid/ansible-role-hardening, lae/ansible-role-proxmox, ansible-collections/community.zabbix,
// Linuxfabrik/lfops, companieshouse/security-scans-ansible…).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectDiagnostics, hoverText } from '../../helpers/service';

const only = (...ids: string[]) => ({ only: ids });

describe('AN002 and `sed -i` over a shell glob (ansible-collections/community.zabbix)', () => {
  // community.zabbix roles/zabbix_agent/handlers/main.yml: replace/lineinfile take one `path`
  const HANDLERS = `---
- name: "clean repo files from proxy creds"
  ansible.builtin.shell: ls /etc/yum.repos.d/zabbix* && sed -i 's/^proxy =.*//' /etc/yum.repos.d/zabbix* || true
  become: true
  when:
    - ansible_os_family == 'RedHat'
- name: drop the mirrors
  shell: sed -i -e '/^mirrorlist/d' /etc/yum.repos.d/CentOS-*.repo
`;

  it('does not send `sed -i … dir/*` in a shell task to lineinfile/replace', () => {
    expectDiagnostics('roles/zabbix_agent/handlers/main.yml', HANDLERS, only('AN002'));
  });

  it('still flags sed -i on one file, an unquoted script that looks like a glob, and a glob under command', () => {
    expectDiagnostics('roles/zabbix_agent/handlers/main.yml', `---
- name: one file
  shell: sed -i 's/^proxy =.*//' /etc/yum.repos.d/zabbix.repo
         #^^ AN002
- name: unquoted script, one file
  shell: sed -i s/a*/b/ /etc/app.conf
         #^^ AN002
- name: command does not expand the glob
  command: sed -i 's/x/y/' /etc/yum.repos.d/zabbix*
           #^^ AN002
`, only('AN002'));
  });
});

describe('hovers in an inventory plugin configuration (companieshouse/security-scans-ansible)', () => {
  // companieshouse/security-scans-ansible inventory/aws_ec2.yml: an inventory folder's YAML file
  // that lists no hosts; its keys are the aws_ec2 plugin's options, not variables
  const AWS_EC2 = (cursorAt: string) => `plugin: amazon.aws.aws_ec2
boto_profile: "{{ lookup('env', 'AWS_PROFILE') }}"

regions:
  - "{{ lookup('env', 'AWS_REGION') }}"

filters:
  tag:SecurityScans: true

keyed_groups:
  - key: tags
    prefix: tag
    separator: "_"

compose:
  ansible_host: private_ip_address

hostnames: private-ip-address
`.replace(cursorAt.replace('|', ''), cursorAt.replace('|', '<|>'));

  it('tells the plugin, its options and keyed_groups instead of "variable plugin"', () => {
    const plugin = hoverText('inventory/aws_ec2.yml', AWS_EC2('plu|gin:'));
    assert.match(plugin, /inventory plugin's configuration/);
    assert.match(plugin, /amazon\.aws\.aws_ec2/);
    assert.doesNotMatch(plugin, /variable plugin/);
    assert.match(hoverText('inventory/aws_ec2.yml', AWS_EC2('reg|ions:')), /regions — option of the amazon\.aws\.aws_ec2 inventory plugin/);
    assert.match(hoverText('inventory/aws_ec2.yml', AWS_EC2('keyed_gr|oups:')), /keyed_groups — groups named from a value/);
    assert.match(hoverText('inventory/aws_ec2.yml', AWS_EC2('pre|fix: tag')), /keyed_groups/);
    assert.match(hoverText('inventory/aws_ec2.yml', AWS_EC2('comp|ose:')), /compose — host variables from expressions/);
    assert.match(hoverText('inventory/aws_ec2.yml', AWS_EC2('comp|ose:'), { settings: { locale: 'ru' } }), /compose — переменные хоста из выражений/);
  });

  it('keeps the variable hover for a `plugin:` variable in group_vars', () => {
    const h = hoverText('group_vars/all.yml', 'plu<|>gin: mysql_native_password\nother: 1\n');
    assert.doesNotMatch(h, /inventory plugin/);
  });
});

describe('hovers on Ansible Vault content (EuroPython/ep-config, the encrypt_string format)', () => {
  // EuroPython/ep-config group_vars/all/vault.yml: the whole file encrypted with ansible-vault
  const FILE = `$ANSIBLE_VAULT;1.1;AES256
36626438373835383530313766366135386130626139633961376231323438373236313766393036
6434366566623734343335646136646431386337616639630a393530366464343539383663313634
`;

  it('explains a whole encrypted file instead of saying nothing', () => {
    const en = hoverText('group_vars/all/vault.yml', `$ANSIBLE<|>${FILE.slice('$ANSIBLE'.length)}`);
    assert.match(en, /Ansible Vault — an encrypted file/);
    assert.match(en, /ansible-vault edit/);
    const ru = hoverText('group_vars/all/vault.yml', FILE.replace('36626438373835', '36626438<|>373835'), { settings: { locale: 'ru' } });
    assert.match(ru, /Ansible Vault — зашифрованный файл/);
  });

  it('explains a `!vault |` value, naming the variable', () => {
    const VARS = `---
vault_db_password: !vault |
          $ANSIBLE_VAULT;1.1;AES256
          6643864<|>39653236336462626566653063336164663966303231363934653561363964363833313662
          6431626536303530376336343832656537303632313433360a626438346336353331386135323734
db_user: app
`;
    const h = hoverText('group_vars/web/vault.yml', VARS);
    assert.match(h, /!vault — an encrypted value \(vault_db_password\)/);
    assert.match(h, /encrypt_string/);
    // the key keeps its variable hover
    assert.match(hoverText('group_vars/web/vault.yml', VARS.replace('<|>', '').replace('vault_db_pass', 'vault_db<|>_pass')), /vault_db_password/);
  });
});

describe('AN013 and a collection playbook in import_playbook (ansible/ansible import_playbook docs, Linuxfabrik/lfops)', () => {
  // the example of ansible/ansible lib/ansible/modules/import_playbook.py, and Linuxfabrik/lfops'
  // playbooks (linuxfabrik.lfops.setup_basic) imported from a site playbook
  const files = { 'ansible.cfg': '[defaults]\n', 'playbooks/local.yml': '- hosts: all\n  tasks: []\n' };

  it('does not look for an FQCN playbook next to the importing playbook', () => {
    expectDiagnostics('site.yml', `---
- name: Include a playbook from a collection
  ansible.builtin.import_playbook: my_namespace.my_collection.my_playbook
- import_playbook: linuxfabrik.lfops.setup_basic
- import_playbook: playbooks/local.yml
`, { ...only('AN013'), files });
  });

  it('still reports a missing file, and says where it was looked for', () => {
    const [d] = expectDiagnostics('site.yml', `---
- import_playbook: playbooks/missing.yml
                   #^^^^^^^^^^^^^^^^^^^^ AN013
- import_playbook: other.playbook.yml
                   #^^^^^^^^^^^^^^^^^ AN013
`, { ...only('AN013'), files });
    const message = String(d.message);
    assert.match(message, /next to this playbook/);
    assert.doesNotMatch(message, /role's tasks/);
  });
});
