// Windows modules (server/knowledge/ansible/modules/windows.yaml): hovers under short names and
// every FQCN, and AN006 on their options — real-world Windows tasks stay clean, typos are caught.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moduleInfo } from '../../../server/src/service/languages/ansible/catalog';
import { diagnose, hoverText } from '../../helpers/service';

const TASKS = 'roles/win/tasks/main.yml';
const ru = { settings: { locale: 'ru' as const } };
const an006 = (src: string) => diagnose(TASKS, src).filter((d) => d.code === 'AN006');

describe('Windows module knowledge', () => {
  const MODULES = ['win_command', 'win_shell', 'win_powershell', 'win_copy', 'win_file', 'win_template', 'win_get_url', 'win_package', 'win_service',
    'win_feature', 'win_optional_feature', 'win_updates', 'win_reboot', 'win_regedit', 'win_user', 'win_group', 'win_group_membership', 'win_acl',
    'win_stat', 'win_ping', 'win_environment', 'win_path', 'win_lineinfile', 'win_chocolatey', 'win_firewall_rule', 'win_scheduled_task', 'win_dsc',
    'win_domain_membership'];

  it('documents every listed module under its short name and its collections', () => {
    for (const m of MODULES) assert.ok(moduleInfo(m), m);
    assert.equal(moduleInfo('ansible.windows.win_copy')?.id, 'ansible.module.win_copy');
    assert.equal(moduleInfo('ansible.builtin.win_get_url')?.id, 'ansible.module.win_get_url');
    assert.equal(moduleInfo('community.windows.win_firewall_rule')?.id, 'ansible.module.win_firewall_rule');
    assert.equal(moduleInfo('community.windows.win_scheduled_task')?.id, 'ansible.module.win_scheduled_task');
    assert.equal(moduleInfo('chocolatey.chocolatey.win_chocolatey')?.id, 'ansible.module.win_chocolatey');
  });

  it('hovers a Windows module in both languages with its options', () => {
    const en = hoverText(TASKS, '- name: t\n  ansible.windows.win_ser<|>vice:\n    name: spooler\n');
    assert.match(en, /win_service/);
    assert.match(en, /start_mode/);
    assert.match(en, /ansible\.windows\.win_service/);
    const r = hoverText(TASKS, '- name: t\n  ansible.windows.win_ser<|>vice:\n    name: spooler\n', ru);
    assert.match(r, /службы Windows/);
  });

  it('hovers an option with its values and default', () => {
    const h = hoverText(TASKS, '- name: t\n  ansible.windows.win_regedit:\n    path: HKLM:\\Software\\X\n    ty<|>pe: dword\n');
    assert.match(h, /dword/);
    assert.match(h, /string/);
  });

  it('says that win_domain_membership was removed in favour of microsoft.ad.membership', () => {
    const h = hoverText(TASKS, '- name: t\n  win_domain_members<|>hip:\n    dns_domain_name: x\n    domain_admin_user: a\n');
    assert.match(h, /microsoft\.ad\.membership/);
  });

  it('AN006 catches a misspelt option of a Windows module', () => {
    const ds = an006('- name: t\n  ansible.windows.win_service:\n    name: spooler\n    start_mod: auto\n');
    assert.equal(ds.length, 1);
    assert.match(String(ds[0].message), /start_mode/);
  });

  it('AN006 stays silent on real-world Windows tasks', () => {
    const src = [
      '- name: Download the agent',
      '  ansible.windows.win_get_url:',
      '    url: https://example.org/agent.msi',
      '    dest: C:\\Temp\\agent.msi',
      '    validate_certs: false',
      '    use_proxy: false',
      '- name: Install it',
      '  win_package:',
      '    path: C:\\Temp\\agent.msi',
      '    state: present',
      '    arguments: /quiet',
      '- name: Service',
      '  ansible.windows.win_service:',
      '    name: agent',
      '    start_mode: auto',
      '    state: started',
      '    failure_actions: [{ type: restart }]',
      '- name: Check',
      '  win_stat:',
      '    path: C:\\Temp\\agent.msi',
      '    get_checksum: false',
      '- name: Script',
      '  ansible.windows.win_shell: Get-Service agent',
      '  args:',
      '    chdir: C:\\Temp',
      '  changed_when: false',
      '- name: Cmd with free-form options',
      '  win_command: whoami /all creates=C:\\x',
      '- name: PowerShell',
      '  ansible.windows.win_powershell:',
      '    script: Write-Output 1',
      '    error_action: stop',
      '- name: Reboot',
      '  ansible.windows.win_reboot:',
      '    reboot_timeout_sec: 600',
      '- name: Firewall',
      '  community.windows.win_firewall_rule:',
      '    name: HTTP',
      '    localport: 80',
      '    protocol: tcp',
      '    action: allow',
      '    direction: in',
      '    enable: true',
      '- name: Task',
      '  community.windows.win_scheduled_task:',
      '    name: job',
      '    actions: [{ path: C:\\job.exe }]',
      '    triggers: [{ type: daily, start_boundary: "2024-01-01T03:00:00" }]',
      '    username: SYSTEM',
      '    run_level: highest',
      '- name: Choco',
      '  chocolatey.chocolatey.win_chocolatey:',
      '    name: git',
      '    state: present',
      '    version: 2.44.0',
      '    source: https://community.chocolatey.org/api/v2/',
      '',
    ].join('\n');
    assert.deepEqual(an006(src).map((d) => d.message), []);
  });

  it('AN006 accepts any DSC resource property under win_dsc, and its hover says so', () => {
    const src = '- name: t\n  ansible.windows.win_dsc:\n    resource_name: File\n    DestinationPath: C:\\x\n    Ensure: Present\n';
    assert.deepEqual(an006(src), []);
    const h = hoverText(TASKS, '- name: t\n  ansible.windows.win_dsc:\n    resource_name: File\n    Ens<|>ure: Present\n');
    assert.match(h, /DSC/);
  });
});
