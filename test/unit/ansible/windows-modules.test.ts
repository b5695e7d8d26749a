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
  const MORE = ['win_reg_stat', 'win_unzip', 'win_tempfile', 'win_service_info', 'win_whoami', 'win_hostname', 'win_dns_client',
    'win_file_version', 'win_find', 'win_uri', 'win_certificate_store', 'win_owner', 'win_share', 'win_timezone', 'win_wait_for',
    'win_product_facts', 'win_disk_facts', 'win_psmodule'];
  const COMMUNITY = new Set(['win_unzip', 'win_file_version', 'win_disk_facts', 'win_psmodule']);

  it('documents every listed module under its short name and its collections', () => {
    for (const m of MODULES) assert.ok(moduleInfo(m), m);
    assert.equal(moduleInfo('ansible.windows.win_copy')?.id, 'ansible.module.win_copy');
    assert.equal(moduleInfo('ansible.builtin.win_get_url')?.id, 'ansible.module.win_get_url');
    assert.equal(moduleInfo('community.windows.win_firewall_rule')?.id, 'ansible.module.win_firewall_rule');
    assert.equal(moduleInfo('community.windows.win_scheduled_task')?.id, 'ansible.module.win_scheduled_task');
    assert.equal(moduleInfo('chocolatey.chocolatey.win_chocolatey')?.id, 'ansible.module.win_chocolatey');
  });

  it('documents the round-8 modules under their short name, their collection and ansible.builtin', () => {
    for (const m of MORE) {
      const id = `ansible.module.${m}`;
      assert.equal(moduleInfo(m)?.id, id, m);
      assert.equal(moduleInfo(`${COMMUNITY.has(m) ? 'community' : 'ansible'}.windows.${m}`)?.id, id, m);
      assert.equal(moduleInfo(`ansible.builtin.${m}`)?.id, id, m);
    }
    // moved from community.windows to ansible.windows: both FQCNs resolve
    assert.equal(moduleInfo('community.windows.win_product_facts')?.id, 'ansible.module.win_product_facts');
  });

  it('hovers a round-8 module and its option aliases in both languages', () => {
    assert.match(hoverText(TASKS, '- name: t\n  community.windows.win_un<|>zip:\n    src: C:\\a.zip\n    dest: C:\\a\n'), /creates/);
    assert.match(hoverText(TASKS, '- name: t\n  win_hostn<|>ame:\n    name: web01\n', ru), /перезагрузки/);
    const h = hoverText(TASKS, '- name: t\n  ansible.windows.win_reg_stat:\n    path: HKLM:\\Software\n    prop<|>erty: X\n');
    assert.match(h, /Value to read/);
  });

  it('AN006 catches typos and options of other modules on round-8 modules', () => {
    const typo = an006('- name: t\n  community.windows.win_unzip:\n    src: C:\\a.zip\n    dest: C:\\a\n    delete_archiv: true\n');
    assert.equal(typo.length, 1);
    assert.match(String(typo[0].message), /delete_archive/);
    // win_whoami takes no options at all
    assert.equal(an006('- name: t\n  ansible.windows.win_whoami:\n    name: x\n').length, 1);
    // `dest` belongs to win_copy, not win_file_version
    assert.equal(an006('- name: t\n  community.windows.win_file_version:\n    path: C:\\a.exe\n    dest: C:\\b\n').length, 1);
    assert.equal(an006('- name: t\n  ansible.windows.win_tempfile:\n    state: directory\n    sufix: build\n').length, 1);
  });

  it('AN006 stays silent on real-world uses of the round-8 modules', () => {
    const src = [
      // ansible-collections/ansible-consul tasks/install_windows.yml
      '- name: Create temporary directory',
      '  win_tempfile:',
      '    state: directory',
      '    prefix: ansible-consul.',
      '  register: consul_temp_dir',
      '- name: Unarchive Consul and install binary',
      '  win_unzip:',
      '    src: "{{ consul_temp_dir.path }}\\consul.zip"',
      '    dest: "{{ consul_bin_path }}"',
      // community.zabbix roles/zabbix_agent/tasks/Windows.yml
      '- name: Get Installed Zabbix Agent Version',
      '  community.windows.win_file_version:',
      '    path: "{{ item.item }}"',
      '  with_items: "{{ agent_file_info.results }}"',
      '- name: Unzip file',
      '  community.windows.win_unzip:',
      "    src: '{{ zabbix_win_install_dir }}\\{{ zabbix_win_package }}'",
      '    dest: "{{ zabbix_win_install_dir }}"',
      '    creates: "{{ zabbix_win_exe_path }}"',
      // ansible/product-demos windows/join_ad_domain.yml
      '- name: Set a single address on the adapter named Ethernet',
      '  ansible.windows.win_dns_client:',
      "    adapter_names: 'Ethernet*'",
      '    dns_servers: "{{ domain_controller_private_ip }}"',
      '- name: Update the hostname',
      '  ansible.windows.win_hostname:',
      '    name: "{{ inventory_hostname.split(\'.\')[0] }}"',
      // ansible.windows integration tests and synthetic playbook
      '- name: get result of install local msi',
      '  win_reg_stat:',
      '    path: HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{{ good_id }}',
      '- name: Run as another user',
      '  ansible.windows.win_whoami:',
      '  become: true',
      '  become_method: runas',
      '- name: Services',
      '  ansible.windows.win_service_info:',
      '    name: W32Time',
      // documented forms with aliases
      '- name: Find logs',
      '  ansible.windows.win_find:',
      '    paths: D:\\Temp',
      "    regexp: 'out_\\d+.log'",
      '    use_regex: true',
      '    depth: 2',
      '    file_type: any',
      '- name: Call API',
      '  ansible.windows.win_uri:',
      '    url: https://example.org/api',
      '    method: POST',
      '    body: { a: 1 }',
      '    headers: { X-Token: t }',
      '    return_content: true',
      '    status_code: [200, 201]',
      '    validate_certs: false',
      '- name: Cert',
      '  ansible.windows.win_certificate_store:',
      '    path: C:\\Temp\\cert.pfx',
      '    password: x',
      '    store_type: service',
      '    store_location: NTDS',
      '    key_storage: machine',
      '- name: Share',
      '  ansible.windows.win_share:',
      '    name: company',
      '    path: C:\\shares\\company',
      '    list: true',
      '    full: Administrators',
      '    read: Global',
      '- name: Wait',
      '  ansible.windows.win_wait_for:',
      '    path: C:\\temp\\log.txt',
      '    search_regex: done',
      '- name: Owner',
      '  ansible.windows.win_owner: { path: C:\\apache, user: apache, recurse: true }',
      '- name: TZ',
      '  ansible.windows.win_timezone: { timezone: Pacific Standard Time_dstoff }',
      '- name: Facts',
      '  community.windows.win_product_facts:',
      '- name: Disks',
      '  community.windows.win_disk_facts:',
      '    filter: [physical_disk, partitions]',
      '- name: PS module',
      '  community.windows.win_psmodule:',
      '    name: Pester',
      '    skip_publisher_check: true',
      '    accept_license: true',
      '    required_version: 5.5.0',
      '',
    ].join('\n');
    assert.deepEqual(an006(src).map((d) => d.message), []);
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
