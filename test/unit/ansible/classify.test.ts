// Classification of Ansible files (the shared classifier in documents/classify.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../../server/src/service/documents/classify';
import type { FileKind } from '../../../server/src/service/types';
import { memoryFs } from '../../helpers/service';

const NAMED_PLAY = '- name: Configure web servers\n  hosts: web\n  become: true\n  roles:\n    - nginx\n';
const NAMED_IMPORT = '---\n- name: Common tasks\n  import_playbook: playbooks/boilerplate.yml\n\n- name: Install\n  import_playbook: playbooks/cluster.yml\n';
const TASKS = '- name: Install nginx\n  ansible.builtin.apt:\n    name: nginx\n';
const HANDLERS = '- name: Restart nginx\n  ansible.builtin.service:\n    name: nginx\n    state: restarted\n';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n';

type Case = [path: string, text: string, kind: FileKind, variant?: string, fs?: Record<string, string>];

const cases: Case[] = [
  ['/p/site.yml', '- hosts: all\n  tasks: []\n', 'ansible-playbook'],
  ['/p/playbooks/web.yml', NAMED_PLAY, 'ansible-playbook'],
  ['/p/roles/web/tasks/main.yml', TASKS, 'ansible-tasks'],
  ['/p/roles/web/tasks/Debian.yml', TASKS, 'ansible-tasks'],
  ['/p/roles/web/handlers/main.yml', HANDLERS, 'ansible-handlers'],
  ['/p/roles/web/defaults/main.yml', 'web_port: 80\n', 'ansible-vars', 'role-defaults'],
  ['/p/roles/web/vars/main.yml', 'web_conf: /etc/web.conf\n', 'ansible-vars', 'role-vars'],
  ['/p/group_vars/all.yml', 'ntp: pool.ntp.org\n', 'ansible-vars', 'group_vars'],
  ['/p/group_vars/k8s_cluster/k8s-cluster.yml', 'kube_version: v1.29.5\n', 'ansible-vars', 'group_vars'],
  ['/p/inventory/mycluster/group_vars/all/all.yml', 'download_run_once: true\n', 'ansible-vars', 'group_vars'],
  ['/p/host_vars/db1.yml', 'pg_port: 5432\n', 'ansible-vars', 'host_vars'],
  ['/p/inventory/hosts.ini', '[web]\nweb1 ansible_host=10.0.0.1\n', 'ansible-inventory', 'ini'],
  ['/p/hosts', '[web]\nweb1\n\n[prod:children]\nweb\n', 'ansible-inventory', 'ini'],
  ['/p/inventory/prod/hosts.yml', 'all:\n  children:\n    web:\n      hosts:\n        web1:\n', 'ansible-inventory', 'yaml'],
  ['/p/ansible.cfg', '[defaults]\ninventory = hosts\n', 'ansible-cfg'],
  // manifests and compose files under an Ansible tree stay what they are
  ['/p/roles/app/files/deployment.yaml', DEPLOYMENT, 'kubernetes'],
  ['/p/roles/app/tasks/deployment.yaml', DEPLOYMENT, 'kubernetes'],
  ['/p/roles/app/files/compose.yaml', COMPOSE, 'compose'],
  ['/p/roles/app/templates/docker-compose.yml', COMPOSE, 'compose'],
  // role metadata is data about the role (not tasks); templates are nothing of ours
  ['/p/roles/app/meta/main.yml', 'galaxy_info:\n  author: me\ndependencies: []\n', 'ansible-vars', 'role-meta'],
  ['/p/roles/app/templates/app.conf.j2', 'port={{ app_port }}\n', 'unknown'],
];

/** Plays whose first key is `name`, and a half-typed inventory line. */
const namedPlays: Case[] = [
  ['/p/site.yml', NAMED_PLAY, 'ansible-playbook'],
  ['/p/cluster.yml', NAMED_IMPORT, 'ansible-playbook'],
  ['/p/inventory/hosts.ini', '[web]\nweb1 ansible_\n', 'ansible-inventory', 'ini'],
  ['/p/deploy.yml', '- name: Deploy\n  hosts: app\n  tasks:\n    - name: Ping\n      ansible.builtin.ping:\n', 'ansible-playbook'],
];

function run([path, text, kind, variant, fs]: Case): void {
  const c = classify({ path, text, fs: fs ? memoryFs(fs) : undefined });
  assert.equal(c.kind, kind, `${path}: ${c.kind} (${c.reason})`);
  if (variant) assert.equal(c.variant, variant, path);
}

describe('Ansible classification', () => {
  for (const c of cases) it(`${c[0]} → ${c[2]}${c[3] ? ` (${c[3]})` : ''}`, () => run(c));
  for (const c of namedPlays) it(`${c[0]} → ${c[2]}${c[3] ? ` (${c[3]})` : ''}`, () => run(c));
});
