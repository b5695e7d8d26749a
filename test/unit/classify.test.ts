import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../server/src/service/documents/classify';
import type { FileKind } from '../../server/src/service/types';
import { memoryFs } from '../helpers/service';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
const MULTI = `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\n${DEPLOYMENT}`;
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n';
const PLAYBOOK = '- hosts: web\n  become: true\n  tasks:\n    - name: nginx\n      apt: name=nginx\n';
const TASKS = '- name: install nginx\n  ansible.builtin.apt:\n    name: nginx\n  notify: restart nginx\n';
const HANDLERS = '- name: restart nginx\n  service:\n    name: nginx\n    state: restarted\n';
const VARS = 'nginx_port: 80\nusers:\n  - alice\n';
const YAML_INV = 'all:\n  children:\n    web:\n      hosts:\n        web1.example.com:\n';
const INI_INV = '[web]\nweb1 ansible_host=10.0.0.1\n\n[db]\ndb1\n\n[prod:children]\nweb\ndb\n';
const WORKFLOW = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';
const OPENAPI = 'openapi: 3.0.0\ninfo:\n  title: x\npaths: {}\n';
const HELM_TEMPLATE = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n';
const GITLAB = 'stages: [build]\nbuild:\n  script:\n    - make\n';

const GITLAB_RUBY = 'image: "ruby:2.5"\n\n# Pick zero or more services\nservices:\n  - mysql:latest\n  - redis:latest\n  - postgres:latest\n\nvariables:\n  POSTGRES_DB: database_name\n\nrspec:\n  script:\n  - rspec spec\n\ndeploy:\n  type: deploy\n  environment: production\n  script:\n  - gem install dpl\n';

// woodpecker-ci/woodpecker .woodpecker/test.yaml
const WOODPECKER = "when:\n  - event: pull_request\n\nsteps:\n  test:\n    image: docker.io/golang:1.25\n    commands:\n      - make test-server\n\nservices:\n  postgres:\n    image: docker.io/postgres:18\n    ports: ['5432']\n    environment:\n      POSTGRES_USER: postgres\n";
// AlexMekkering/Home-Assistant-Configuration automations.yaml
const HA_AUTOMATIONS = "- id: away_evening_end\n  alias: Away Evening End\n  initial_state: 'off'\n  trigger:\n    platform: time\n    at: '23:00:00'\n  action:\n  - service: script.select_lights_all_off\n  - service: automation.turn_on\n    entity_id: automation.away_morning_start\n";

type Case = [path: string, text: string, kind: FileKind, variant?: string, extra?: { fs?: Record<string, string>; override?: FileKind }];

const cases: Case[] = [
  // Dockerfiles by name
  ['/p/Dockerfile', 'FROM alpine', 'dockerfile'],
  ['/p/Containerfile', 'FROM alpine', 'dockerfile'],
  ['/p/Dockerfile.dev', 'FROM alpine', 'dockerfile'],
  ['/p/Dockerfile-prod', 'FROM alpine', 'dockerfile'],
  ['/p/api.dockerfile', 'FROM alpine', 'dockerfile'],
  ['/p/build/web.Dockerfile', 'FROM alpine', 'dockerfile'],
  ['/p/dockerfile', 'FROM alpine', 'dockerfile'],
  // .dockerignore
  ['/p/.dockerignore', 'node_modules\n', 'dockerignore'],
  ['/p/Dockerfile.dockerignore', 'node_modules\n', 'dockerignore'],
  // Compose by name, with variants
  ['/p/compose.yaml', COMPOSE, 'compose', 'base'],
  ['/p/compose.yml', COMPOSE, 'compose', 'base'],
  ['/p/docker-compose.yml', COMPOSE, 'compose', 'base'],
  ['/p/docker-compose.override.yml', 'services:\n  web:\n    ports: ["8080:80"]\n', 'compose', 'override'],
  ['/p/compose.override.yaml', 'services:\n  web:\n    ports: ["8080:80"]\n', 'compose', 'override'],
  ['/p/docker-compose.test.yml', COMPOSE, 'compose', 'other'],
  ['/p/compose.prod.yaml', COMPOSE, 'compose', 'other'],
  // Compose by content (tricky: a stack file with another name)
  ['/p/stack.yml', COMPOSE, 'compose', 'other'],
  ['/p/deploy/app-stack.yaml', 'version: "3.8"\nservices:\n  api:\n    build: .\n', 'compose', 'other'],
  // Kubernetes by content, anywhere
  ['/p/k8s/deployment.yaml', DEPLOYMENT, 'kubernetes'],
  ['/p/manifests/all.yml', MULTI, 'kubernetes'],
  ['/p/roles/web/files/deployment.yaml', DEPLOYMENT, 'kubernetes'],
  ['/p/roles/web/tasks/manifest.yml', DEPLOYMENT, 'kubernetes'],
  ['/p/chart/templates/deployment.yaml', HELM_TEMPLATE, 'kubernetes'],
  ['/p/crd.yaml', 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: x\n', 'kubernetes'],
  ['/p/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n', 'kubernetes'],
  // Ansible by path
  ['/p/roles/web/tasks/main.yml', TASKS, 'ansible-tasks'],
  ['/p/roles/web/handlers/main.yml', HANDLERS, 'ansible-handlers'],
  ['/p/roles/web/defaults/main.yml', VARS, 'ansible-vars', 'role-defaults'],
  ['/p/roles/web/vars/main.yml', VARS, 'ansible-vars', 'role-vars'],
  ['/p/group_vars/all.yml', VARS, 'ansible-vars', 'group_vars'],
  ['/p/group_vars/web/main.yml', VARS, 'ansible-vars', 'group_vars'],
  ['/p/host_vars/web1.yml', VARS, 'ansible-vars', 'host_vars'],
  ['/p/inventory/group_vars/all.yml', 'download_run_once: true\n', 'ansible-vars', 'group_vars'],
  ['/p/playbooks/site.yml', PLAYBOOK, 'ansible-playbook'],
  ['/p/ansible.cfg', '[defaults]\ninventory = hosts\n', 'ansible-cfg'],
  // Ansible by content
  ['/p/site.yml', PLAYBOOK, 'ansible-playbook'],
  ['/p/deploy.yaml', '- import_playbook: web.yml\n', 'ansible-playbook'],
  ['/p/tasks/install.yml', TASKS, 'ansible-tasks'],
  ['/p/handlers/main.yml', HANDLERS, 'ansible-handlers'],
  // Inventories, INI and YAML
  ['/p/inventory/hosts', INI_INV, 'ansible-inventory', 'ini'],
  ['/p/hosts', INI_INV, 'ansible-inventory', 'ini'],
  ['/p/inventory.ini', INI_INV, 'ansible-inventory', 'ini'],
  ['/p/inventories/prod/hosts.yml', YAML_INV, 'ansible-inventory', 'yaml'],
  ['/p/inventory.yml', YAML_INV, 'ansible-inventory', 'yaml'],
  ['/p/prod.yml', YAML_INV, 'ansible-inventory', 'yaml', { fs: { '/p/ansible.cfg': '[defaults]\n' } }],
  // found on real repositories: a task file named like Compose, a Galaxy-layout role, an inventory
  // whose hosts are all commented out, flow-style manifests
  ['/p/roles/docker/tasks/docker-compose.yml', '---\n- name: Install Docker Compose\n  ansible.builtin.get_url:\n    url: https://example.com/compose\n    dest: /usr/local/bin/docker-compose\n', 'ansible-tasks'],
  ['/ansible-role-docker/tasks/docker-compose.yml', '- name: Check current version\n  ansible.builtin.command: docker-compose --version\n  register: v\n', 'ansible-tasks'],
  ['/p/docker-compose.yml', '', 'compose', 'base'],
  ['/ansible-role-nginx/defaults/main.yml', 'nginx_user: www-data\n', 'ansible-vars', 'role-defaults', { fs: { '/ansible-role-nginx/meta/main.yml': 'galaxy_info: {}\n' } }],
  ['/ansible-role-nginx/handlers/main.yml', HANDLERS, 'ansible-handlers', undefined, { fs: { '/ansible-role-nginx/meta/main.yml': 'galaxy_info: {}\n' } }],
  // round 3: sub-folders of a role's parts (nginxinc/ansible-role-nginx tasks/keys/apt-key.yml, a
  // single apt_key task), in a roles/ folder and in a role kept as its own repository
  ['/p/roles/nginx/tasks/keys/apt-key.yml', '---\n- name: (Debian/Ubuntu) Add NGINX signing key\n  apt_key:\n    id: 573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62\n    keyring: /usr/share/keyrings/nginx-archive-keyring.gpg\n', 'ansible-tasks'],
  ['/ansible-role-nginx/tasks/keys/apt-key.yml', '---\n- name: (Debian/Ubuntu) Add NGINX signing key\n  apt_key:\n    id: 573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62\n', 'ansible-tasks', undefined, { fs: { '/ansible-role-nginx/meta/main.yml': 'galaxy_info: {}\n' } }],
  ['/p/roles/nginx/vars/main/ports.yml', 'nginx_port: 80\n', 'ansible-vars', 'role-vars'],
  ['/p/roles/nginx/templates/sub/site.yml', 'server_name: x\n', 'unknown'],
  // a Helm chart's values with a `services:` mapping is not Compose; a Jekyll data list is not tasks
  ['/chart/values.yaml', 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n', 'unknown', undefined, { fs: { '/chart/Chart.yaml': 'apiVersion: v2\nname: app\n' } }],
  ['/chart/values-prod.yaml', 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n', 'unknown', undefined, { fs: { '/chart/Chart.yaml': 'apiVersion: v2\nname: app\n' } }],
  ['/site/_data/team.yml', '- name: Alice\n  user: alice\n  tags: [core]\n', 'unknown'],
  // round 5: an INI inventory named as one, hosts all commented out (geerlingguy/internet-pi)
  ['/internet-pi/example.inventory.ini', '[internet_pi]\n# 10.0.100.45 ansible_user=pi\n', 'ansible-inventory', 'ini'],
  ['/p/hosts-prod.ini', '[web]\n', 'ansible-inventory', 'ini'],
  ['/p/php.ini', '[PHP]\nmemory_limit = 128M\n', 'unknown'],
  ['/p/defaults/main.yml', 'x: 1\n', 'unknown'],
  ['/p/inventory/sample/hosts.yaml', '---\nkube-master:\n# node1:\n#   ip: 10.3.0.1\nkube-node:\netcd:\n', 'ansible-inventory', 'yaml'],
  ['/p/examples/svc.yaml', '{\n  apiVersion: "v1",\n  kind: "Service",\n  metadata: { name: "web" },\n  spec: { ports: [{ port: 80 }] },\n}\n', 'kubernetes'],
  ['/p/examples/secret.yaml', '# a Secret\n{ "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "s" }, "data": {} }\n', 'kubernetes'],
  ['/p/playbook.yml', '- hosts: all\n  tasks:\n    - kubernetes.core.k8s:\n        definition: { apiVersion: v1, kind: Namespace }\n', 'ansible-playbook'],
  ['/p/tomcat-standalone/group_vars/tomcat-servers', 'http_port: 8080\nhttps_port: 8443\n', 'ansible-vars', 'group_vars'],
  ['/p/host_vars/web1', 'ansible_host: 10.0.0.1\n', 'ansible-vars', 'host_vars'],
  // Unrelated YAML: nothing
  ['/p/.github/workflows/ci.yml', WORKFLOW, 'unknown'],
  ['/p/.gitlab-ci.yml', GITLAB, 'unknown'],
  ['/p/openapi.yaml', OPENAPI, 'unknown'],
  ['/p/api.yaml', OPENAPI, 'unknown'],
  ['/p/mkdocs.yml', 'site_name: docs\nnav:\n  - Home: index.md\n', 'unknown'],
  ['/p/chart/values.yaml', 'replicaCount: 1\nimage:\n  repository: nginx\n', 'unknown'],
  ['/p/chart/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n', 'unknown'],
  ['/p/config.yml', 'database:\n  host: localhost\n', 'unknown'],
  ['/p/list.yml', '- a\n- b\n', 'unknown'],
  ['/p/.pre-commit-config.yaml', 'repos:\n  - repo: local\n', 'unknown'],
  ['/p/etc/hosts', '127.0.0.1 localhost\n::1 localhost\n', 'unknown'],
  ['/p/setup.cfg', '[metadata]\nname = x\n', 'unknown'],
  ['/p/README.md', '# hello', 'unknown'],
  // round 3 audit: GitLab CI files named `*.gitlab-ci.yml` with a top-level `services:` list and
  // an indented `environment:` (gitlabhq/gitlabhq lib/gitlab/ci/templates/Ruby.gitlab-ci.yml)
  ['/p/lib/gitlab/ci/templates/Ruby.gitlab-ci.yml', GITLAB_RUBY, 'unknown'],
  ['/p/ci/ruby.yml', GITLAB_RUBY, 'unknown'],
  // tool configs with apiVersion + kind are not manifests: kind (kubernetes-sigs/kind
  // site/content/docs/user/kind-example-config.yaml), kubeadm (kubernetes-sigs/kind
  // images/base/files/etc/kubeadm.yaml), kubelet and encryption configs (kelseyhightower/
  // kubernetes-the-hard-way configs/), skaffold (GoogleContainerTools/skaffold
  // examples/getting-started/skaffold.yaml), a kubeconfig
  ['/p/kind-example-config.yaml', 'kind: Cluster\napiVersion: kind.sigs.k8s.io/v1alpha3\nkubeadmConfigPatches:\n- |\n  apiVersion: kubelet.config.k8s.io/v1beta1\n  kind: KubeletConfiguration\nnodes:\n- role: control-plane\n- role: worker\n', 'unknown'],
  ['/p/kind.yaml', 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n', 'unknown'],
  ['/p/etc/kubeadm.yaml', 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nkubernetesVersion: 1.23.7\n---\napiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  criSocket: /var/run/crio/crio.sock', 'unknown'],
  ['/p/configs/kubelet-config.yaml', 'kind: KubeletConfiguration\napiVersion: kubelet.config.k8s.io/v1beta1\ncgroupDriver: systemd\nmaxPods: 16\n', 'unknown'],
  ['/p/configs/encryption-config.yaml', 'kind: EncryptionConfiguration\napiVersion: apiserver.config.k8s.io/v1\nresources:\n  - resources:\n      - secrets\n', 'unknown'],
  ['/p/skaffold.yaml', 'apiVersion: skaffold/v1beta16\nkind: Config\nbuild:\n  artifacts:\n  - image: gcr.io/k8s-skaffold/skaffold-example\n', 'unknown'],
  ['/p/kubeconfig.yaml', 'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://127.0.0.1:6443\n  name: kind\ncurrent-context: kind\n', 'unknown'],
  // …but a manifest next to a tool config in one file is still a manifest
  ['/p/mixed.yaml', `apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n---\n${DEPLOYMENT}`, 'kubernetes'],
  // Compose by content still needs `services:` to be a mapping
  ['/p/stack-list.yml', 'services:\n  - web\nx:\n  image: nginx\n', 'unknown'],
  ['/p/stack-comment.yml', 'services:\n# the web tier\n\n  web:\n    image: nginx:1.27\n', 'compose', 'other'],
  // round 6 audit, not infra:
  // a Dockerfile parser's source (rcjsuen/dockerfile-ast src/dockerfile.ts), docs about Dockerfiles
  ['/p/src/dockerfile.ts', "'use strict';\n\nimport * as ast from './main';\n\nexport class Dockerfile extends ImageTemplate {\n    private foundFrom = false;\n}\n", 'unknown'],
  ['/p/docs/Dockerfile.md', '# Writing a Dockerfile\n\nStart with a base image:\n\n    FROM alpine\n', 'unknown'],
  // …while a Dockerfile with such a suffix is still one
  ['/p/Dockerfile.txt', '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN apk add curl\n', 'dockerfile'],
  ['/p/Dockerfile.go', 'FROM golang:1.22 AS build\n', 'dockerfile'],
  // Backstage catalog entities carry apiVersion + kind (backstage/backstage catalog-info.yaml)
  ['/p/catalog-info.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: backstage-existing\nspec:\n  type: library\n  owner: CNCF\n  lifecycle: production\n', 'unknown'],
  ['/p/templates/template.yaml', 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: react-ssr-template\nspec:\n  owner: web@example.com\n  type: website\n', 'unknown'],
  // Woodpecker CI: `services:` of images beside `steps:` (woodpecker-ci/woodpecker .woodpecker/test.yaml,
  // BDX-town/Akkoma .woodpecker.yml), under its own names and under any other name
  ['/p/.woodpecker/test.yaml', WOODPECKER, 'unknown'],
  ['/p/.woodpecker.yml', WOODPECKER, 'unknown'],
  ['/p/ci/test.yml', WOODPECKER, 'unknown'],
  ['/p/ci/old.yml', WOODPECKER.replace('steps:', 'pipeline:'), 'unknown'],
  // Lando's services (AcroMedia/commerce-demo .lando.yml)
  ['/p/.lando.yml', 'name: demo\nrecipe: drupal8\nservices:\n  appserver:\n    type: php:8.1\n    build:\n      - composer install\n', 'unknown'],
  ['/p/.lando.local.yml', 'services:\n  node:\n    type: node:18\n    command: npm start\n', 'unknown'],
  // Home Assistant automations: a list with `service:` actions (AlexMekkering/Home-Assistant-Configuration automations.yaml)
  ['/p/automations.yaml', HA_AUTOMATIONS, 'unknown'],
  ['/p/automations/lights.yaml', "- alias: Lights on\n  triggers:\n    - trigger: sun\n      event: sunset\n  actions:\n    - action: light.turn_on\n      target:\n        entity_id: light.porch\n", 'unknown'],
  // lists of data whose items carry a module-like key: a legacy Jupyter Book `_toc.yml` (the format
  // documented in executablebooks/jupyter-book docs), a Django fixture with a nested `user:` field,
  // a list of people with `tags:`
  ['/book/_toc.yml', '- file: features/features\n  sections:\n  - file: features/markdown\n  - file: features/notebooks\n', 'unknown'],
  ['/app/fixtures/posts.yaml', '- model: blog.post\n  pk: 1\n  fields:\n    title: Hello\n    user: 1\n    tags: [intro]\n', 'unknown'],
  ['/site/data/speakers.yaml', '- name: Alice\n  url: https://alice.example\n  tags: [go, k8s]\n', 'unknown'],
  // …while a handler with quoted k=v arguments still is one (geerlingguy/ansible-role-postgresql handlers/main.yml)
  ['/p/handlers/main.yml', '---\n- name: restart postgresql\n  service: "name={{ posgresql_daemon }} state=restarted sleep=5"\n', 'ansible-handlers'],
  ['/p/tasks/dirs.yml', '-   name: data dir\n    file:\n      path: /srv/data\n      state: directory\n', 'ansible-tasks'],
  // a Spring service named inventory (OpenNMS-Cloud/lokahi inventory/src/main/resources/application.yml)
  ['/p/inventory/src/main/resources/application.yml', 'spring:\n  application:\n    name: horizon-stream-inventory\ngrpc:\n  server:\n    port: 6565\n', 'unknown'],
  // …but inventories a few folders down still are
  ['/p/inventories/prod/eu/web.yml', 'web_port: 80\n', 'ansible-vars', 'vars'],
  ['/p/inventory/prod/hosts', INI_INV, 'ansible-inventory', 'ini'],
  // Modeline and user override beat everything
  ['/p/anything.yml', '# infra-notes: kind=ansible-tasks\n- debug: msg=hi\n', 'ansible-tasks'],
  ['/p/k8s/weird.yaml', `# infra-notes: kind=unknown\n${DEPLOYMENT}`, 'unknown'],
  ['/p/config.yml', 'a: 1\n', 'compose', 'other', { override: 'compose' }],
];

describe('file classification', () => {
  it('has at least 40 cases', () => assert.ok(cases.length >= 40));
  for (const [path, text, kind, variant, extra] of cases) {
    it(`${path} → ${kind}${variant ? ` (${variant})` : ''}`, () => {
      const c = classify({ path, text, override: extra?.override, fs: extra?.fs ? memoryFs(extra.fs) : undefined });
      assert.equal(c.kind, kind, `reason: ${c.reason}`);
      if (variant) assert.equal(c.variant, variant);
    });
  }

  it('lists every Kubernetes document of a multi-document file', () => {
    const c = classify({ path: '/p/all.yaml', text: MULTI });
    assert.deepEqual(c.k8s, [
      { index: 0, apiVersion: 'v1', kind: 'Service' },
      { index: 1, apiVersion: 'apps/v1', kind: 'Deployment' },
    ]);
  });

  it('classifies a 60 MB file from its head', () => {
    const big = DEPLOYMENT + 'x: '.padEnd(60 * 1024 * 1024, 'y');
    const c = classify({ path: '/p/big.yaml', text: big });
    assert.equal(c.kind, 'kubernetes');
    assert.deepEqual(c.k8s, [{ index: 0, apiVersion: 'apps/v1', kind: 'Deployment' }]);
  });
});
