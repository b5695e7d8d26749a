// File classification: the one place that decides what kind of infra file a document is.
// Order: a user override, then a modeline comment, then names, then content, then paths.
// Kubernetes and Compose content wins over Ansible paths (a manifest under roles/ is a manifest).
import type { Classification, FileKind, FileReader, K8sDocumentInfo } from '../types';

export interface ClassifyInput {
  /** absolute path (or the uri's path for untitled documents) */
  path: string;
  text: string;
  /** kind chosen by the user for this file (status bar), wins over everything */
  override?: FileKind;
  /** optional look at the workspace layout (ansible.cfg, Chart.yaml in ancestors…) */
  fs?: FileReader;
}

export const FILE_KINDS: FileKind[] = [
  'dockerfile', 'dockerignore', 'compose', 'ansible-playbook', 'ansible-tasks', 'ansible-handlers',
  'ansible-vars', 'ansible-inventory', 'ansible-cfg', 'kubernetes', 'unknown',
];

/** Only the head of a file is looked at for content signals; classification stays cheap on 50 MB. */
const HEAD = 64 * 1024;

const MODELINE = /^\s*#\s*infra-notes:\s*kind\s*=\s*([a-z-]+)/m;

/** YAML files that are never infra (CI workflows, docs sites, chart metadata, tool configs…). */
const UNRELATED_NAMES = new Set([
  '.gitlab-ci.yml', '.gitlab-ci.yaml', 'mkdocs.yml', 'mkdocs.yaml', 'chart.yaml', 'chart.lock', '.pre-commit-config.yaml',
  '.pre-commit-hooks.yaml', '.travis.yml', 'azure-pipelines.yml', 'appveyor.yml', 'bitbucket-pipelines.yml',
  'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.yamllint', '.yamllint.yml', '.yamllint.yaml', '.ansible-lint',
  'galaxy.yml', 'requirements.yml', 'requirements.yaml', 'molecule.yml', 'codecov.yml', '.codecov.yml',
  'dependabot.yml', 'openapi.yaml', 'openapi.yml', 'swagger.yaml', 'swagger.yml', 'environment.yml',
  '.readthedocs.yaml', '.readthedocs.yml', 'netlify.toml', 'renovate.json', '.golangci.yml', '.goreleaser.yml',
  'action.yml', 'action.yaml', 'cloudbuild.yaml', 'serverless.yml', 'buildspec.yml', '.hadolint.yaml', '.hadolint.yml',
  '.kube-linter.yaml', '.kube-linter.yml', 'docker-bake.hcl',
  // Woodpecker / Drone CI: a `services:` mapping of images next to `steps:` (woodpecker-ci/woodpecker)
  '.woodpecker.yml', '.woodpecker.yaml', '.drone.yml', '.drone.yaml',
]);
/** Lando's `.lando.yml` (and `.lando.local.yml`, `.lando.dist.yml`…): its `services:` are Lando services, not Compose ones. */
const LANDO_NAME = /^\.lando(\.[\w-]+)?\.ya?ml$/;
// `_data`: a Jekyll site's data files (lists of people, links, tags)
const UNRELATED_DIRS = ['.github', '.circleci', '.gitlab', '.vscode', 'node_modules', '.git', '_data', '.woodpecker'];

const YAML_EXT = /\.(ya?ml)$/i;

export function basename(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] ?? p;
}

function segments(p: string): string[] {
  return p.split(/[\\/]/).filter(Boolean);
}

function dirname(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i <= 0 ? '/' : p.slice(0, i);
}

export function classify(input: ClassifyInput): Classification {
  const { path, override } = input;
  const text = input.text.length > HEAD ? input.text.slice(0, HEAD) : input.text;
  if (override && FILE_KINDS.includes(override)) return finish(override, 'override', input, text);

  const mode = MODELINE.exec(text);
  if (mode && FILE_KINDS.includes(mode[1] as FileKind)) return finish(mode[1] as FileKind, 'modeline', input, text);

  const name = basename(path);
  const lower = name.toLowerCase();
  const segs = segments(path);
  const dirs = segs.slice(0, -1).map((s) => s.toLowerCase());

  // --- names that decide on their own -----------------------------------------------------
  // `src/dockerfile.ts`, `dockerfile.go`, `Dockerfile.md`: source code or docs about Dockerfiles,
  // unless the text really is one (a `Dockerfile.txt` starting with FROM)
  if (isDockerfileName(name) && (!SOURCE_EXT.test(lower) || looksLikeDockerfile(text))) return { kind: 'dockerfile', reason: 'name' };
  if (lower === '.dockerignore' || lower.endsWith('.dockerignore') || lower === '.containerignore') return { kind: 'dockerignore', reason: 'name' };
  if (lower === 'ansible.cfg' || lower === '.ansible.cfg') return { kind: 'ansible-cfg', reason: 'name' };
  const compose = composeVariantFromName(lower);
  // a Compose file is a mapping: a list named docker-compose.yml is an Ansible task file that
  // manages Compose (roles/docker/tasks/docker-compose.yml), classified below
  if (compose && topLevelShape(text) !== 'sequence') return { kind: 'compose', variant: compose, reason: 'name' };

  if (UNRELATED_DIRS.some((d) => dirs.includes(d))) return { kind: 'unknown', reason: 'path' };
  if (UNRELATED_NAMES.has(lower) || LANDO_NAME.test(lower)) return { kind: 'unknown', reason: 'name' };
  // a Helm chart's values files (`values.yaml`, `values-prod.yaml` beside `Chart.yaml`): input to
  // templates, whatever keys they use (a `services:` mapping of images and ports is not Compose)
  if (/^values([.-][\w.-]+)?\.ya?ml$/.test(lower) && input.fs?.exists(`${dirname(path)}/Chart.yaml`)) return { kind: 'unknown', reason: 'path' };
  // GitLab CI files included from .gitlab-ci.yml: `Ruby.gitlab-ci.yml`, `build.docker.gitlab-ci.yml`
  if (/\.gitlab-ci\.ya?ml$/.test(lower)) return { kind: 'unknown', reason: 'name' };

  const isYaml = YAML_EXT.test(name);
  const isIni = /\.(ini|cfg)$/i.test(name);
  const noExt = !name.includes('.');

  // --- group_vars/all, host_vars/web1: Ansible reads extension-less files there as YAML ----
  if (noExt) {
    const vars = ansibleKindFromPath(dirs, lower);
    if (vars?.variant === 'group_vars' || vars?.variant === 'host_vars') return vars;
  }

  // --- INI-style inventories --------------------------------------------------------------
  if (/\.cfg$/i.test(name) && !inInventoryPlace(lower, dirs)) return { kind: 'unknown', reason: 'name' };
  if ((isIni || noExt) && !isYaml) {
    const hasSection = /^\s*\[[^\]\n]+\]\s*$/m.test(text);
    // in an inventory place, a section header is enough (the user may be half-way through a line)
    if (inInventoryPlace(lower, dirs) && (hasSection || looksLikeIniInventory(text))) return { kind: 'ansible-inventory', variant: 'ini', reason: 'path' };
    // an INI file named as an inventory (`example.inventory.ini`, `hosts-prod.ini`) whose hosts are
    // all commented out still is one (geerlingguy/internet-pi example.inventory.ini)
    if (isIni && hasSection && /(^|[._-])(inventory|hosts)([._-]|$)/.test(lower.replace(/\.ini$/, ''))) return { kind: 'ansible-inventory', variant: 'ini', reason: 'name' };
    if (hasSection && looksLikeIniInventory(text)) return { kind: 'ansible-inventory', variant: 'ini', reason: 'content' };
    return { kind: 'unknown', reason: 'none' };
  }
  if (!isYaml) return { kind: 'unknown', reason: 'none' };

  // --- content that outranks paths ---------------------------------------------------------
  const k8s = scanKubernetes(text);
  // kind, kubeadm, kubelet, skaffold configs and kubeconfigs carry apiVersion + kind too, but they
  // are read by a tool, never sent to a cluster: they are not manifests
  if (k8s.length > 0 && !k8s.every(isToolConfig)) return { kind: 'kubernetes', reason: 'content', k8s };
  if (looksLikeCompose(text)) return { kind: 'compose', variant: 'other', reason: 'content' };

  // --- Ansible layout ----------------------------------------------------------------------
  const meta = roleMetaKind(dirs, lower, text);
  if (meta) return meta;
  const fromPath = ansibleKindFromPath(dirs, lower) ?? roleRootKind(path, dirs, input.fs);
  // an inventory plugin's configuration (`plugin: amazon.aws.aws_ec2`): in an inventory folder, or a
  // known plugin named as it requires (`prod.aws_ec2.yml`) or anywhere in an Ansible project; never a
  // group_vars/role file that happens to define a `plugin` variable
  if (!fromPath || fromPath.kind === 'ansible-inventory') {
    const plugin = inventoryPluginOf(text);
    if (plugin && (fromPath || (INVENTORY_PLUGINS.has(plugin.split('.').pop()!) && (PLUGIN_FILE_NAME.test(lower) || inAnsibleProject(path, input.fs))))) {
      return { kind: 'ansible-inventory', variant: 'plugin', reason: fromPath ? 'path' : 'content' };
    }
  }
  if (fromPath) {
    // hosts.yml / inventory.yml are inventories even while every host is commented out
    if (fromPath.kind === 'ansible-inventory' && !looksLikeYamlInventory(text) && !INVENTORY_NAME.test(lower)) {
      // a YAML file in an inventory folder that is not an inventory: group_vars-like data
      return { kind: 'ansible-vars', variant: 'vars', reason: 'path' };
    }
    return fromPath;
  }

  // --- Ansible by content ------------------------------------------------------------------
  const top = topLevelShape(text);
  if (top === 'sequence') {
    // Home Assistant automations (`- id: … trigger: … action: - service: light.turn_on`): Ansible has
    // no `trigger` keyword
    if (ITEM_KEY('triggers?').test(text) && ITEM_KEY('actions?|sequence').test(text)) return { kind: 'unknown', reason: 'content' };
    // a play: `hosts:` or `import_playbook:` as a key of a top-level item (first key or not)
    if (/^(?:-[ \t]+|[ \t]{2})(hosts|import_playbook|ansible\.builtin\.import_playbook)[ \t]*:/m.test(text)) return { kind: 'ansible-playbook', reason: 'content' };
    if (looksLikeTaskList(text)) {
      const inHandlers = dirs[dirs.length - 1] === 'handlers';
      return { kind: inHandlers ? 'ansible-handlers' : 'ansible-tasks', reason: 'content' };
    }
  } else if (top === 'mapping' && looksLikeYamlInventory(text) && (inInventoryPlace(lower, dirs) || inAnsibleProject(path, input.fs))) {
    return { kind: 'ansible-inventory', variant: 'yaml', reason: 'content' };
  }
  return { kind: 'unknown', reason: 'none' };
}

function finish(kind: FileKind, reason: 'override' | 'modeline', input: ClassifyInput, text: string): Classification {
  const c: Classification = { kind, reason };
  if (kind === 'kubernetes') c.k8s = scanKubernetes(text);
  if (kind === 'compose') c.variant = composeVariantFromName(basename(input.path).toLowerCase()) ?? 'other';
  if (kind === 'ansible-inventory') c.variant = inventoryPluginOf(text) ? 'plugin' : /^\s*\[/m.test(text) && !/^\s*all\s*:/m.test(text) ? 'ini' : 'yaml';
  return c;
}

/** Extensions of source code, docs and data files: `dockerfile.ts` is a parser, not a Dockerfile. */
const SOURCE_EXT = /\.(tsx?|jsx?|mjs|cjs|go|py|rs|java|kt|rb|php|cs|swift|c|h|cc|cpp|hpp|scala|lua|pl|md|markdown|rst|adoc|txt|json|ya?ml|toml|xml|html?|css|scss|sh|bash|ps1|bat|snap)$/;

const DOCKERFILE_INSTRUCTION = /^(from|arg|run|cmd|label|maintainer|expose|env|add|copy|entrypoint|volume|user|workdir|onbuild|stopsignal|healthcheck|shell)\s/i;

/** The first line that is not blank or a comment is a Dockerfile instruction. */
function looksLikeDockerfile(text: string): boolean {
  for (const line of text.split('\n', 200)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    return DOCKERFILE_INSTRUCTION.test(line.trimStart());
  }
  return false;
}

/** A key of a top-level sequence item (`- key:` or `  key:`). */
const ITEM_KEY = (keys: string) => new RegExp(`^(?:-[ \\t]+|[ \\t]{2})(?:${keys})[ \\t]*:`, 'm');

export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'dockerfile' || lower === 'containerfile') return true;
  if (/^(dockerfile|containerfile)[.-][\w.-]+$/.test(lower) && !lower.endsWith('.dockerignore')) return true;
  return /\.(dockerfile|containerfile)$/.test(lower);
}

export function composeVariantFromName(lower: string): 'base' | 'override' | 'other' | undefined {
  const m = /^(docker-compose|compose)(?:\.([\w.-]+))?\.ya?ml$/.exec(lower);
  if (!m) return undefined;
  if (!m[2]) return 'base';
  return m[2] === 'override' ? 'override' : 'other';
}

const BLOCK_API = /^apiVersion\s*:\s*["']?([^\s"'#]+)/m;
const BLOCK_KIND = /^kind\s*:\s*["']?([^\s"'#]+)/m;
// in a flow mapping the first `apiVersion` / `kind` keys are the top-level ones (nested objects
// with a `kind`, such as ownerReferences or subjects, come after them in every real manifest)
const FLOW_API = /["']?\bapiVersion["']?\s*:\s*["']?([^\s"',}#]+)/;
const FLOW_KIND = /["']?\bkind["']?\s*:\s*["']?([^\s"',}#]+)/;

/** Every YAML document (split on `---`) with top-level `apiVersion` and `kind`. */
export function scanKubernetes(text: string): K8sDocumentInfo[] {
  if (!/\bapiVersion["']?\s*:/.test(text) || !/\bkind["']?\s*:/.test(text)) return [];
  const out: K8sDocumentInfo[] = [];
  const docs = text.split(/^---[^\n]*$/m);
  // A leading '---' produces an empty first chunk that is not a YAML document of its own.
  let index = 0;
  for (let i = 0; i < docs.length; i++) {
    const chunk = docs[i];
    if (i === 0 && /^\s*$/.test(chunk.replace(/^#.*$/gm, '')) && docs.length > 1) continue;
    // block style (`apiVersion: v1` at the start of a line), or one flow mapping (`{ apiVersion: …`)
    const flow = /^\s*\{/.test(chunk.replace(/^\s*#.*$/gm, ''));
    const api = (flow ? FLOW_API : BLOCK_API).exec(chunk);
    const kind = (flow ? FLOW_KIND : BLOCK_KIND).exec(chunk);
    if (api && kind) out.push({ index, apiVersion: api[1], kind: kind[1] });
    index++;
  }
  return out;
}

/**
 * apiVersion groups of configuration files that tools read (kind, kubeadm, the kubelet, kube-proxy,
 * the scheduler, the API server's encryption/admission/audit configs, skaffold, k3d, ctlptl, eksctl),
 * and Backstage catalog entities (`backstage.io/v1alpha1` Component, `scaffolder.backstage.io/v1beta3`
 * Template): read by Backstage from catalog-info.yaml, never applied to a cluster.
 */
const TOOL_CONFIG_API = /^(backstage\.io\/|[\w.-]+\.backstage\.io\/|skaffold\/|kind\.(x-k8s|sigs\.k8s)\.io\/|kubeadm\.k8s\.io\/|(kubelet|kubeproxy|kubescheduler|kubecontrollermanager|apiserver)\.config\.k8s\.io\/|apiserver\.k8s\.io\/|audit\.k8s\.io\/|k3d\.io\/|ctlptl\.dev\/|eksctl\.io\/)/;

/** A tool's configuration file rather than a manifest (a kubeconfig is `apiVersion: v1`, `kind: Config`). */
export function isToolConfig(doc: K8sDocumentInfo): boolean {
  return TOOL_CONFIG_API.test(doc.apiVersion) || (doc.apiVersion === 'v1' && doc.kind === 'Config');
}

const SERVICE_KEYS = /^\s{2,}(image|build|ports|volumes|environment|depends_on|command|restart|networks|healthcheck|container_name|env_file|expose|entrypoint|labels|deploy|profiles|extends)\s*:/m;

export function looksLikeCompose(text: string): boolean {
  if (!/^services\s*:\s*(#.*)?$/m.test(text)) return false;
  // a top-level `hosts:` / `tasks:` file is Ansible, not Compose
  if (/^-\s+hosts\s*:/m.test(text)) return false;
  // a CI pipeline with service containers beside its `steps:` / `pipeline:` (Woodpecker, Drone)
  if (/^(steps|pipeline)\s*:/m.test(text)) return false;
  const rest = text.slice(text.search(/^services\s*:/m));
  // Compose's `services:` is a mapping of service names; GitLab CI's top-level `services:` is a
  // list of images (`- postgres:latest`)
  const first = /\n(?:[ \t]*(?:#.*)?\n)*([ \t]*)(\S)/.exec(rest);
  if (!first || first[1].length === 0 || first[2] === '-') return false;
  return SERVICE_KEYS.test(rest);
}

function topLevelShape(text: string): 'sequence' | 'mapping' | 'other' {
  for (const line of text.split('\n', 400)) {
    if (/^\s*(#.*)?$/.test(line) || /^(---|%)/.test(line)) continue;
    if (/^-(\s|$)/.test(line)) return 'sequence';
    if (/^[\w"'.-][^:]*:(\s|$)/.test(line)) return 'mapping';
    return 'other';
  }
  return 'other';
}

/**
 * Keys of a top-level list item that make it an Ansible task: modules and task keywords that data
 * lists do not use.
 */
const STRONG_TASK_KEY = /^(ansible\.builtin\.\w+|ansible\.posix\.\w+|community\.\w+\.\w+|apt|yum|dnf|pip|lineinfile|blockinfile|systemd|systemd_service|command|shell|raw|get_url|unarchive|debug|set_fact|include_tasks|import_tasks|include_role|import_role|block|notify|become|when|register|with_items|loop|changed_when|failed_when|ignore_errors|delegate_to|include_vars|sysctl|authorized_key|firewalld|ufw|docker_container)$/;
/**
 * Module names that are common words in data lists too (`file:` in a Jupyter Book `_toc.yml`, `tags:`
 * of a list of people, `service: light.turn_on` in Home Assistant): a task only when their value is a
 * mapping of arguments or `k=v` arguments.
 */
const WEAK_TASK_KEY = /^(package|copy|template|file|service|user|group|git|tags|assert|fail|uri|wait_for|stat|cron|reboot|setup|mount|k8s|script|listen)$/;

/** A list whose items' own keys (not keys nested deeper: a Django fixture's `fields: {user: 1}`) are task keys. */
function looksLikeTaskList(text: string): boolean {
  const first = /^-([ \t]+)[\w.]+[ \t]*:/m.exec(text);
  if (!first) return false;
  const indent = 1 + first[1].length;
  const itemKey = new RegExp(`^(?:-[ \\t]+| {${indent}})([\\w.]+)[ \\t]*:(.*)$`, 'gm');
  for (const m of text.matchAll(itemKey)) {
    const key = m[1];
    if (STRONG_TASK_KEY.test(key)) return true;
    const value = m[2].replace(/\s#.*$/, '').trim();
    if (WEAK_TASK_KEY.test(key) && (value === '' || /^["']?[\w.-]+=/.test(value))) return true;
  }
  return false;
}

function looksLikeYamlInventory(text: string): boolean {
  return /^[\w.-]+\s*:\s*$/m.test(text) && /^\s+(hosts|children)\s*:/m.test(text);
}

function looksLikeIniInventory(text: string): boolean {
  const lines = text.split('\n', 2000).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith(';'));
  if (lines.length === 0) return false;
  let hosts = 0;
  let inVars = false;
  for (const l of lines) {
    const section = /^\[([^\]]+)\]$/.exec(l);
    if (section) {
      inVars = section[1].endsWith(':vars');
      continue;
    }
    if (inVars && /^[\w.-]+\s*=/.test(l)) continue;
    if (/^[\w.\-[\]:]+(\s+\w+=\S*)*\s*$/.test(l) || /\bansible_\w+=/.test(l)) hosts++;
    else return false;
  }
  return hosts > 0;
}

const INVENTORY_NAME = /^(hosts|inventory)(\.(ya?ml|ini))?$/;

/**
 * Inventory plugins that the default `auto` plugin loads from a YAML file naming them in `plugin:`.
 * Most accept only a file whose name ends with their own (`verify_file`): amazon.aws.aws_ec2
 * `aws_ec2.yml`, community.vmware `vmware.yml` or `vmware_vm_inventory.yml`, netbox.netbox
 * `nb_inventory.yml` or `netbox_inventory.yml`, kubevirt.core `*.kubevirt.yml`, oracle.oci `*.oci.yml`;
 * `constructed` and `generator` take any YAML file.
 */
const INVENTORY_PLUGINS = new Set([
  'aws_ec2', 'aws_rds', 'azure_rm', 'gcp_compute', 'openstack', 'hcloud', 'vmware_vm_inventory', 'vmware_host_inventory',
  'proxmox', 'nb_inventory', 'k8s', 'openshift', 'kubevirt', 'docker_containers', 'docker_swarm', 'docker_machine',
  'linode', 'digitalocean', 'scaleway', 'vultr', 'libvirt', 'oci', 'nmap', 'gitlab_runners', 'xen_orchestra',
  'cobbler', 'lxd', 'opennebula', 'icinga2', 'virtualbox', 'foreman', 'controller', 'tower', 'constructed', 'generator',
]);
/** The file names those plugins accept: `aws_ec2.yml`, `prod.aws_ec2.yaml`, `inventory_gcp.yml`… */
const PLUGIN_FILE_NAME = /(^|[._-])(aws_ec2|aws_rds|azure_rm|gcp_compute|gcp|openstack|hcloud|vmware|vmware_vm_inventory|vmware_host_inventory|proxmox|netbox_inventory|nb_inventory|k8s|openshift|kubevirt|docker|docker_swarm|docker_machine|linode|digitalocean|scaleway|vultr|libvirt|oci|nmap|gitlab_runners|xen_orchestra|cobbler|lxd|opennebula|icinga2|foreman|constructed)\.ya?ml$/;

/** The plugin named by a top-level `plugin:` key of a single YAML mapping (`plugin: amazon.aws.aws_ec2`). */
export function inventoryPluginOf(text: string): string | undefined {
  const m = /^plugin[ \t]*:[ \t]*["']?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*){0,2})["']?[ \t]*(?:#.*)?$/m.exec(text);
  if (!m || topLevelShape(text) !== 'mapping') return undefined;
  // one document only: a stream of documents is no plugin configuration
  const docs = text.split(/^---[^\n]*$/m).filter((chunk) => /^[ \t]*[^\s#]/m.test(chunk));
  return docs.length === 1 ? m[1] : undefined;
}

/**
 * A role's metadata: `meta/main.yml` (galaxy_info, dependencies, allow_duplicates, collections,
 * optionally argument_specs) and `meta/argument_specs.yml` (the role's argument validation).
 * Under `roles/<role>/meta/` or at the top of a role kept as a repository of its own; a collection's
 * `meta/runtime.yml` is not role metadata.
 */
function roleMetaKind(dirs: string[], lower: string, text: string): Classification | undefined {
  if (dirs[dirs.length - 1] !== 'meta') return undefined;
  const inRoles = dirs.length >= 3 && dirs[dirs.length - 3] === 'roles';
  if (/^argument_specs\.ya?ml$/.test(lower) && (inRoles || /^argument_specs[ \t]*:/m.test(text))) {
    return { kind: 'ansible-vars', variant: 'role-argument-specs', reason: inRoles ? 'path' : 'content' };
  }
  if (/^main\.ya?ml$/.test(lower) && (inRoles || /^(galaxy_info|dependencies|allow_duplicates|argument_specs)[ \t]*:/m.test(text))) {
    return { kind: 'ansible-vars', variant: 'role-meta', reason: inRoles ? 'path' : 'content' };
  }
  return undefined;
}

function inInventoryPlace(lower: string, dirs: string[]): boolean {
  // `inventory/hosts`, `inventories/prod/eu/web.yml`; not a service named inventory
  // (`inventory/src/main/resources/application.yml`, OpenNMS-Cloud/lokahi)
  const i = Math.max(dirs.lastIndexOf('inventory'), dirs.lastIndexOf('inventories'));
  if (i >= 0 && i >= dirs.length - 3 && !dirs.slice(i + 1).includes('src')) return true;
  return INVENTORY_NAME.test(lower);
}

const ROLE_PARTS: Record<string, Classification> = {
  tasks: { kind: 'ansible-tasks', reason: 'path' },
  handlers: { kind: 'ansible-handlers', reason: 'path' },
  defaults: { kind: 'ansible-vars', variant: 'role-defaults', reason: 'path' },
  vars: { kind: 'ansible-vars', variant: 'role-vars', reason: 'path' },
};

/**
 * A role kept as a repository of its own (the Galaxy layout: `tasks/`, `defaults/`, `meta/main.yml`
 * at the top, no `roles/` folder above): `<role>/defaults/main.yml` is recognised by its
 * `meta/main.yml` sibling.
 */
function roleRootKind(path: string, dirs: string[], fs?: FileReader): Classification | undefined {
  if (!fs) return undefined;
  // the part folder holding the file, or one of its sub-folders (`tasks/keys/apt-key.yml`)
  let dir = dirname(path);
  for (let i = dirs.length - 1; i >= 0 && i >= dirs.length - 4; i--, dir = dirname(dir)) {
    const part = ROLE_PARTS[dirs[i]];
    if (part && isRoleRepository(dirname(dir), fs)) return { ...part };
  }
  return undefined;
}

/** A folder that is a role kept as a repository of its own: it has a `meta/main.yml`. */
export function isRoleRepository(root: string, fs: FileReader): boolean {
  return fs.exists(`${root}/meta/main.yml`) || fs.exists(`${root}/meta/main.yaml`);
}

function ansibleKindFromPath(dirs: string[], lower: string): Classification | undefined {
  const n = dirs.length;
  const gv = dirs.lastIndexOf('group_vars');
  const hv = dirs.lastIndexOf('host_vars');
  if (gv >= 0 && gv >= n - 2) return { kind: 'ansible-vars', variant: 'group_vars', reason: 'path' };
  if (hv >= 0 && hv >= n - 2) return { kind: 'ansible-vars', variant: 'host_vars', reason: 'path' };
  const r = dirs.lastIndexOf('roles');
  // roles/<role>/<part>/ and its sub-folders (`roles/nginx/tasks/keys/apt-key.yml`, `vars/main/*.yml`)
  if (r >= 0 && r <= n - 3) {
    switch (dirs[r + 2]) {
      case 'tasks': return { kind: 'ansible-tasks', reason: 'path' };
      case 'handlers': return { kind: 'ansible-handlers', reason: 'path' };
      case 'defaults': return { kind: 'ansible-vars', variant: 'role-defaults', reason: 'path' };
      case 'vars': return { kind: 'ansible-vars', variant: 'role-vars', reason: 'path' };
      default: return undefined;
    }
  }
  if (inInventoryPlace(lower, dirs)) return { kind: 'ansible-inventory', variant: 'yaml', reason: 'path' };
  const last = dirs[n - 1];
  if (last === 'playbooks') return { kind: 'ansible-playbook', reason: 'path' };
  return undefined;
}

/** An ansible.cfg, a roles/ or playbooks/ folder beside the file or up to three levels above. */
export function inAnsibleProject(path: string, fs?: FileReader): boolean {
  if (!fs) return false;
  let dir = dirname(path);
  for (let i = 0; i < 4 && dir && dir !== '/'; i++) {
    if (fs.exists(`${dir}/ansible.cfg`) || fs.isDirectory(`${dir}/roles`) || fs.isDirectory(`${dir}/group_vars`)) return true;
    dir = dirname(dir);
  }
  return false;
}
