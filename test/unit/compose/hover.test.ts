// Hovers on every key of the Compose Specification, in both languages, with the notes links where
// a fact applies; enum value hovers; `${VAR}` against `.env`; override/variant files; tags, aliases.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT, SERVICE, type SpecNode } from '../../../server/src/service/languages/compose/data/spec';
import { hoverAt, hoverText } from '../../helpers/service';

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;
const ru = { settings: { locale: 'ru' as const } };

/** A compose document whose line `depth` holds `key:` at the right place, and the cursor on it. */
function withKey(prefix: string[], key: string): string {
  const lines = prefix.map((k, i) => `${'  '.repeat(i)}${k}:`);
  lines.push(`${'  '.repeat(prefix.length)}${key.slice(0, 1)}<|>${key.slice(1)}: x`);
  return `${lines.join('\n')}\n`;
}

/** Like withKey, with `[]` in the path for a list item (`- key:`). */
function nested(path: string[], key: string): string {
  const lines: string[] = [];
  let indent = 0;
  let dash = false;
  const line = (text: string) => {
    lines.push(`${' '.repeat(indent)}${dash ? '- ' : ''}${text}`);
    indent += dash ? 4 : 2;
    dash = false;
  };
  for (const seg of path) {
    if (seg === '[]') dash = true;
    else line(`${seg}:`);
  }
  line(`${key.slice(0, 1)}<|>${key.slice(1)}: x`);
  return `${lines.join('\n')}\n`;
}

describe('compose key hovers', () => {
  for (const key of Object.keys(ROOT.keys!)) {
    it(`top-level ${key} in en and ru`, () => {
      const en = hoverText('compose.yaml', withKey([], key));
      const r = hoverText('compose.yaml', withKey([], key), ru);
      assert.ok(en.includes(key), en);
      assert.ok(r && r !== en && /[а-яё]/i.test(r), r);
    });
  }

  it('every service key has a hover in both languages, its range the key itself', () => {
    const missing: string[] = [];
    for (const key of Object.keys(SERVICE.keys!)) {
      const src = withKey(['services', 'web'], key);
      const h = hoverAt('compose.yaml', src);
      const en = hoverText('compose.yaml', src);
      const r = hoverText('compose.yaml', src, ru);
      if (!en.includes(`**${key}`) || !/[а-яё]/i.test(r) || r === en) missing.push(key);
      else assert.equal(h!.range!.end.character - h!.range!.start.character, key.length, key);
    }
    assert.deepEqual(missing, []);
  });

  it('every key of the long syntaxes has a hover in both languages', () => {
    const missing: string[] = [];
    let checked = 0;
    const visit = (node: SpecNode, path: string[], seen: Set<SpecNode>) => {
      if (seen.has(node)) return;
      seen.add(node);
      for (const [k, child] of Object.entries(node.keys ?? {})) {
        const src = nested(path, k);
        const en = hoverText('compose.yaml', src);
        const r = hoverText('compose.yaml', src, ru);
        checked++;
        if (!en.includes(k) || !r || r === en) missing.push([...path, k].join('.'));
        visit(child, [...path, k], seen);
      }
      if (node.anyKey) visit(node.anyKey, [...path, path[path.length - 1] === 'services' ? 'web' : 'name1'], seen);
      if (node.items) visit(node.items, [...path, '[]'], seen);
    };
    visit(ROOT, [], new Set());
    assert.deepEqual(missing, []);
    assert.ok(checked > 250, `only ${checked} keys checked`);
  });

  it('carries the notes facts on the keys the notes cover', () => {
    const cases: [string[], string, string][] = [
      [['services', 'web'], 'privileged', 'DOCKER-13'],
      [['services', 'web'], 'cpus', 'DOCKER-14'],
      [['services', 'web'], 'mem_limit', 'DOCKER-14'],
      [['services', 'web'], 'network_mode', 'DOCKER-12'],
      [['services', 'web'], 'pid', 'DOCKER-12'],
      [['services', 'web'], 'sysctls', 'DOCKER-12'],
      [['services', 'web'], 'userns_mode', 'DOCKER-12'],
      [['services', 'web'], 'ulimits', 'DOCKER-17'],
      [['services', 'web'], 'dns', 'DOCKER-17'],
      [['services', 'web'], 'logging', 'DOCKER-16'],
      [['services', 'web'], 'deploy', 'DOCKER-29'],
      [['services', 'web'], 'healthcheck', 'COMPOSE-03'],
      [['services', 'web'], 'healthcheck', 'DOCKER-28'],
      [['services', 'web'], 'volumes', 'DOCKER-10'],
      [['services', 'web', 'healthcheck'], 'interval', 'COMPOSE-03'],
      [['services', 'web', 'deploy'], 'resources', 'DOCKER-14'],
      [['services', 'web', 'logging'], 'driver', 'DOCKER-16'],
      [[], 'version', 'COMPOSE-02'],
      [[], 'services', 'COMPOSE-01'],
    ];
    for (const [prefix, key, fact] of cases) {
      const h = hoverText('compose.yaml', withKey(prefix, key));
      assert.ok(h.includes(link(fact)), `${[...prefix, key].join('.')} → ${fact}\n${h}`);
    }
  });

  it('matches a golden rendering in both languages', () => {
    const src = 'services:\n  web:\n    image: x\n    cp<|>us: 0.5\n';
    assert.equal(hoverText('compose.yaml', src), [
      '**cpus — CPU limit**',
      'How many cores the container may use, as a decimal (`0.5`, `2`). Enforced by cgroups.',
      `Notes: [DOCKER-14 · cgroups limit resources](${link('DOCKER-14')} "Open this fact in the notes browser")`,
    ].join('\n\n'));
    assert.match(hoverText('compose.yaml', src, ru), /^\*\*cpus — лимит CPU\*\*\n\nСколько ядер/);
  });

  it('says when a key is recent or deprecated', () => {
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    dev<|>elop:\n'), /Since Compose 2\.22/);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    li<|>nks: [db]\n', ru), /Устарел/);
  });

  it('explains x-* keys, merge keys and service names', () => {
    assert.match(hoverText('compose.yaml', 'x-com<|>mon: &c\n  restart: always\n'), /extension/i);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    <<<|>: *c\n'), /merge/i);
    const svc = hoverText('compose.yaml', 'services:\n  we<|>b:\n    image: x\n');
    assert.match(svc, /Service `web`/);
  });

  it('explains keys inside an x-* block where its anchor is merged or aliased', () => {
    // invoke-ai/InvokeAI docker/docker-compose.yml: `x-invokeai: &invokeai` merged into each service
    const merged = 'x-invokeai: &invokeai\n  image: local/invokeai:latest\n  tty: true\n  healthcheck:\n    start_int<|>erval: 5s\n'
      + 'services:\n  invokeai-cpu:\n    <<: *invokeai\n    profiles: [cpu]\n';
    assert.match(hoverText('compose.yaml', merged), /start_interval — /);
    assert.match(hoverText('compose.yaml', merged.replace('start_int<|>erval', 'start_interval').replace('tty', 't<|>ty')), /tty — /);
    // a Swarm stack sharing one `deploy` block (`deploy: *default-deploy`), and `<<: [*a]` lists
    const stack = 'x-deploy: &default-deploy\n  update_config:\n    failure_act<|>ion: rollback\n  restart_policy:\n    condition: on-failure\n'
      + 'services:\n  api:\n    image: x\n    deploy: *default-deploy\n';
    assert.match(hoverText('compose.yaml', stack), /failure_action — /);
    assert.match(hoverText('compose.yaml', stack.replace('failure_act<|>ion', 'failure_action').replace('on-failure', 'on-fail<|>ure').replace('deploy: *default-deploy', 'deploy:\n      <<: [*default-deploy]'), ru), /on-failure/);
    // an anchor only other x-* blocks use: followed to the service (getsentry/self-hosted's chain)
    const chain = 'x-restart: &restart\n  rest<|>art: unless-stopped\nx-defaults: &defaults\n  <<: *restart\n  image: x\nservices:\n  web:\n    <<: *defaults\n';
    assert.match(hoverText('compose.yaml', chain), /restart — /);
    // an x-* block nobody uses stays silent; the x-* key itself stays the extension hover
    assert.equal(hoverText('compose.yaml', 'x-unused: &u\n  ima<|>ge: x\nservices:\n  web:\n    image: y\n'), '');
    assert.match(hoverText('compose.yaml', merged.replace('start_int<|>erval', 'start_interval').replace('x-invokeai', 'x-in<|>vokeai')), /extension/i);
  });
});

describe('compose value hovers', () => {
  it('documents enum values', () => {
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    restart: unless-st<|>opped\n'), /`unless-stopped` — like `always`/);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    restart: on-fail<|>ure:3\n'), /`on-failure` —/);
    const j = hoverText('compose.yaml', 'services:\n  web:\n    logging:\n      driver: jour<|>nald\n');
    assert.match(j, /`journald` — the systemd journal/);
    assert.ok(j.includes(link('DOCKER-16')));
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    network_mode: "serv<|>ice:vpn"\n'), /`service:` — share another/);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    depends_on:\n      db:\n        condition: service_hea<|>lthy\n', ru), /нужен|должен быть `healthcheck`/);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    volumes:\n      - type: bi<|>nd\n        source: .\n        target: /x\n'), /`bind` — a host path/);
  });

  it('says nothing on a free-form value', () => {
    assert.equal(hoverText('compose.yaml', 'services:\n  web:\n    container_name: ngi<|>nx\n'), '');
  });
});

describe('interpolation hovers', () => {
  it('shows the value from .env beside the file', () => {
    const h = hoverText('compose.yaml', 'services:\n  web:\n    image: nginx:${TA<|>G:-1.27}\n', { files: { '.env': '# comment\nTAG="1.27.1"\n' } });
    assert.match(h, /From `\.env`: `TAG` = `1\.27\.1`/);
    const r = hoverAt('compose.yaml', 'services:\n  web:\n    image: nginx:${TA<|>G:-1.27}\n');
    assert.deepEqual(r!.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 29 } });
  });

  it('falls back to the default, and says when there is no .env', () => {
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    image: nginx:${TA<|>G:-1.27}\n', { files: { '.env': 'OTHER=1\n' } }), /default `1\.27` applies/);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    image: nginx:$T<|>AG\n', ru), /Рядом нет `\.env`/);
  });
});

describe('override and variant files', () => {
  it('explains merging on services of an override, and -f on a named variant', () => {
    const o = hoverText('compose.override.yaml', 'serv<|>ices:\n  web:\n    ports: ["8080:80"]\n');
    assert.ok(o.includes(link('COMPOSE-04')), o);
    const v = hoverText('docker-compose.test.yml', 'serv<|>ices:\n  web:\n    environment: [A=1]\n');
    assert.ok(v.includes(link('COMPOSE-05')), v);
    assert.match(v, /-f/);
  });

  it('explains !reset and !override', () => {
    assert.match(hoverText('compose.override.yaml', 'services:\n  web:\n    ports: !re<|>set []\n'), /removes the value/);
    assert.match(hoverText('compose.override.yaml', 'services:\n  web:\n    environment: !overr<|>ide\n      A: 1\n', ru), /целиком/);
  });

  it('explains aliases', () => {
    assert.match(hoverText('compose.yaml', 'x-a: &base\n  image: x\nservices:\n  web: *ba<|>se\n'), /anchor `&base`/);
  });
});

describe('image hovers', () => {
  it('splits the reference into registry, repository and tag (DOCKER-11)', () => {
    const h = hoverText('compose.yaml', 'services:\n  web:\n    image: ngi<|>nx\n');
    assert.match(h, /Registry `docker\.io` · repository `library\/nginx` · tag `latest`/);
    assert.ok(h.includes(link('DOCKER-11')));
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    image: ghcr.io/acme/a<|>pi:2.1\n', ru), /Реестр `ghcr\.io` · репозиторий `acme\/api` · тег `2\.1`/);
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    image: localhost:5000/ap<|>p:dev\n'), /Registry `localhost:5000` · repository `app` · tag `dev`/);
  });
});

describe('reference hovers', () => {
  it('describes the service a depends_on entry names, on the name only', () => {
    const src = 'services:\n  web:\n    image: x\n    depends_on: [d<|>b]\n  db:\n    image: postgres:16\n';
    const h = hoverAt('compose.yaml', src);
    assert.match(hoverText('compose.yaml', src), /Service `db`[\s\S]*`postgres:16`/);
    assert.deepEqual(h!.range, { start: { line: 3, character: 17 }, end: { line: 3, character: 19 } });
    assert.match(hoverText('compose.yaml', 'services:\n  web:\n    image: x\n    networks: [ba<|>ck]\nnetworks:\n  back:\n', ru), /Сеть/);
  });

  it('says where a secret, config, volume or network a service names is declared, and what the container sees', () => {
    const project = (cursorAt: string) => `services:
  web:
    image: nginx:1.27
    secrets:
      - db_pass
      - source: api_key
        target: /etc/app/key
    configs: [nginx_conf]
    volumes:
      - data:/var/lib/data
    networks: [front, ghost]
volumes:
  data:
networks:
  front:
    driver: bridge
configs:
  nginx_conf:
    file: ./nginx.conf
secrets:
  db_pass:
    file: ./db_pass.txt
  api_key:
    environment: API_KEY
`.replace(cursorAt, cursorAt.replace(/^(.)/, '$1<|>'));
    const secret = hoverText('compose.yaml', project('db_pass\n    '));
    assert.match(secret, /`db_pass` is declared under the top-level `secrets:` at line 21 of `compose.yaml`/);
    assert.match(secret, /from the file `\.\/db_pass\.txt`[\s\S]*In the container: `\/run\/secrets\/db_pass`/);
    const long = hoverText('compose.yaml', project('api_key\n        target'));
    assert.match(long, /environment variable `API_KEY`[\s\S]*In the container: `\/etc\/app\/key`/);
    assert.match(hoverText('compose.yaml', project('nginx_conf]')), /from the file `\.\/nginx\.conf`[\s\S]*In the container: `\/nginx_conf`/);
    assert.match(hoverText('compose.yaml', project('data:/var')), /named volume/);
    assert.match(hoverText('compose.yaml', project('front,')), /Driver `bridge`/);
    assert.match(hoverText('compose.yaml', project('ghost]')), /`ghost` is not declared under the top-level `networks:`/);
    assert.match(hoverText('compose.yaml', project('db_pass\n    '), ru), /объявлен в верхнеуровневом `secrets:` в строке 21[\s\S]*В контейнере: `\/run\/secrets\/db_pass`/);
  });
});
