// Per-rule fixtures for the Compose rules: caret annotations name the rule ids and their exact
// ranges; quick fixes as before/after text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics, open } from '../../helpers/service';

const F = 'compose.yaml';

describe('DC001 obsolete version', () => {
  it('flags the key and its value; the fix removes the line', () => {
    expectDiagnostics(F, `version: "3.9"
#^^^^^^^^^^^^^ DC001
services:
  web:
    image: nginx:1.27
`, { only: ['DC001'] });
    assert.equal(applyFix(F, 'version: "3.9"\n\nservices:\n  web:\n    image: nginx:1.27\n', 'DC001'), 'services:\n  web:\n    image: nginx:1.27\n');
  });
});

describe('DC002 unknown key', () => {
  it('flags unknown keys at every level, with did-you-mean and a rename fix', () => {
    const d = expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    imgae: nginx
    #^^^^ DC002
    healthcheck:
      test: ["CMD", "true"]
      intervall: 10s
      #^^^^^^^^ DC002
    deploy:
      resources:
        limit:
        #^^^^ DC002
          memory: 512M
networks:
  back:
    drivr: bridge
    #^^^^ DC002
servics: {}
#^^^^^^ DC002
`, { only: ['DC002'] });
    assert.match(String(d[0].message), /Did you mean `image`\?/);
    assert.equal(applyFix(F, 'services:\n  web:\n    imgae: nginx\n', 'DC002'), 'services:\n  web:\n    image: nginx\n');
  });

  it('accepts x-* keys, merge keys, anchors and newer keys', () => {
    expectDiagnostics(F, `x-base: &base
  restart: always
  x-anything: { whatever: 1 }
services:
  web:
    <<: *base
    image: nginx:1.27
    x-team: web
    develop:
      watch:
        - action: sync+restart
          path: ./src
          target: /app
    post_start:
      - command: ["echo", "hi"]
    pre_stop:
      - command: echo bye
    gpus: all
    use_api_socket: false
    label_file: ./labels
    models: [llm]
    provider:
      type: model
      options: { model: ai/smollm2 }
include:
  - other/compose.yaml
models:
  llm:
    model: ai/smollm2
`, { only: ['DC002', 'DC003', 'DC004'] });
    // `initial_sync` of a watch rule (compose-go: the official form of the former `x-initialSync`)
    expectDiagnostics(F, `services:
  frontend:
    build: ./frontend
    develop:
      watch:
        - action: sync
          path: ./frontend/src
          target: /app/src
          initial_sync: true
        - action: sync
          path: ./frontend/public
          target: /app/public
          initial_sinc: true
          #^^^^^^^^^^^ DC002
`, { only: ['DC002', 'DC003', 'DC004'] });
  });

  it('says it in Russian too', () => {
    const d = diagnose(F, 'services:\n  web:\n    imgae: x\n', { settings: { locale: 'ru' } }).find((x) => x.code === 'DC002');
    assert.match(String(d!.message), /Возможно, имелось в виду `image`/);
  });
});

describe('DC003 wrong type', () => {
  it('flags a list for a mapping, a mapping for a list, a string for a boolean-only key', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    healthcheck:
      - CMD
      #^^^^ DC003
    ports:
      http: 80
      #^^^^^^^ DC003
    depends_on:
      db:
        required: "yes"
                  #^^^^ DC003
  db:
    image: postgres:16
`, { only: ['DC003'] });
  });

  it('skips interpolated values, nulls and !reset', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    ports: \${PORTS}
    healthcheck:
    environment: !reset null
    cpus: \${CPUS:-0.5}
`, { only: ['DC003', 'DC008'] });
  });
});

describe('DC004 invalid value', () => {
  it('flags enum values and offers the closest one', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    restart: allways
             #^^^^^^ DC004
    pull_policy: sometimes
                 #^^^^^^^^ DC004
    depends_on:
      db:
        condition: service_ready
                   #^^^^^^^^^^^^ DC004
    volumes:
      - type: bindd
              #^^^^ DC004
        source: ./x
        target: /x
  db:
    image: postgres:16
`, { only: ['DC004'] });
    assert.equal(applyFix(F, 'services:\n  web:\n    image: x\n    restart: allways\n', 'DC004'), 'services:\n  web:\n    image: x\n    restart: always\n');
  });

  it('accepts on-failure:N, every_ pull policies and Swarm modes', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    restart: on-failure:3
    pull_policy: every_12h
    deploy:
      mode: global
      update_config:
        order: start-first
`, { only: ['DC004'] });
  });
});

describe('DC005 invalid duration', () => {
  it('flags bare numbers and bad units; the fix adds seconds', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    healthcheck:
      test: ["CMD", "true"]
      interval: 10
                #^ DC005
      timeout: 5 seconds
               #^^^^^^^^ DC005
      start_period: 1m30s
    stop_grace_period: 1h2m3s4ms
`, { only: ['DC005'] });
    const fixed = applyFix(F, 'services:\n  web:\n    image: x\n    healthcheck:\n      interval: 10\n', 'DC005');
    assert.equal(fixed, 'services:\n  web:\n    image: x\n    healthcheck:\n      interval: 10s\n');
  });
});

describe('DC006 invalid port', () => {
  it('flags malformed short ports and accepts every valid form', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    ports:
      - "80:http"
        #^^^^^^^^ DC006
      - "70000:80"
        #^^^^^^^^^ DC006
      - "8080:80/icmp"
        #^^^^^^^^^^^^^ DC006
      - "127.0.0.1:8081:80"
      - "[::1]:8082:80"
      - "127.0.0.1::80"
      - "9000-9001:9000-9001"
      - "53:53/udp"
      - 8443
      - "3000"
`, { only: ['DC006'] });
  });
});

describe('DC007 invalid volume', () => {
  it('flags relative targets and unknown modes', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    volumes:
      - ./site:usr/share/nginx/html
        #^^^^^^^^^^^^^^^^^^^^^^^^^^ DC007
      - data:/data:readonly
        #^^^^^^^^^^^^^^^^^^ DC007
      - data:/data:ro,z
      - /anonymous
      - ./a:/b:cached
      - C:\\Users\\me:/data
volumes:
  data:
`, { only: ['DC007'] });
  });
});

describe('DC008 invalid size', () => {
  it('flags unreadable memory and CPU values', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    mem_limit: 1 gigabyte
               #^^^^^^^^^ DC008
    cpus: half
          #^^^ DC008
    shm_size: 256mb
    memswap_limit: -1
    deploy:
      resources:
        limits:
          cpus: "0.25"
          memory: 512M
`, { only: ['DC008'] });
  });
});

describe('DC010 undefined service', () => {
  it('flags every way of naming a missing service, on the name only', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    depends_on: [dbb]
                 #^^ DC010
    links:
      - cache:redis
        #^^^^ DC010
    volumes_from:
      - data:ro
        #^^^ DC010
    network_mode: service:vpn
                          #^^ DC010
  worker:
    extends: webb
             #^^^ DC010
    depends_on:
      web:
        condition: service_started
`, { only: ['DC010'] });
  });

  it('understands an override file through its base file', () => {
    const files = { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n' };
    expectDiagnostics('compose.override.yaml', `services:
  web:
    image: nginx:1.27
    depends_on: [db, cache]
                     #^^^^ DC010
`, { only: ['DC010'], files });
  });

  it('stays silent on a fragment without its base file', () => {
    expectDiagnostics('compose.override.yaml', 'services:\n  web:\n    depends_on: [db]\n', { only: ['DC010', 'DC013'] });
  });
});

describe('DC011 dependency cycle', () => {
  it('flags each edge of the cycle and nothing else', () => {
    expectDiagnostics(F, `services:
  aa:
    image: busybox:1.36
    depends_on: [bb]
                 #^ DC011
  bb:
    image: busybox:1.36
    depends_on:
      cc:
      #^ DC011
        condition: service_started
  cc:
    image: busybox:1.36
    depends_on: [aa, dd]
                 #^ DC011
  dd:
    image: busybox:1.36
`, { only: ['DC011'] });
  });
});

describe('DC012 service_healthy without healthcheck', () => {
  it('flags the condition; a Dockerfile HEALTHCHECK counts', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    depends_on:
      db:
        condition: service_healthy
                   #^^^^^^^^^^^^^^ DC012
      api:
        condition: service_healthy
  db:
    image: postgres:16
  api:
    build: ./api
`, { only: ['DC012'], files: { 'api/Dockerfile': 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' } });
  });

  it('sees the healthcheck the base file declares from the override', () => {
    expectDiagnostics('compose.override.yaml', `services:
  web:
    depends_on:
      db:
        condition: service_healthy
`, { only: ['DC012'], files: { 'compose.yaml': 'services:\n  web:\n    image: x\n  db:\n    image: postgres\n    healthcheck:\n      test: pg_isready\n' } });
  });
});

describe('DC013 / DC014 declarations', () => {
  it('flags undeclared and unused networks, volumes, secrets and configs', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    networks: [front, default]
               #^^^^ DC013
    volumes:
      - data:/data
        #^^^ DC013
      - ./html:/usr/share/nginx/html
      - type: volume
        source: logs
        target: /logs
    secrets: [token]
              #^^^^ DC013
    configs:
      - source: nginx
                #^^^^ DC013
        target: /etc/nginx/nginx.conf
volumes:
  logs:
  old:
  #^^ DC014
secrets:
  unused_secret:
  #^^^^^^^^^^^^ DC014
    file: ./s.txt
`, { only: ['DC013', 'DC014'] });
  });

  it('DC014: what an included file declares may be used by the file that includes it', () => {
    // docker/docs reference/compose-file/include.md: "resources pulled in from the included Compose
    // file can be used by the current Compose application"; a homelab compose.yaml with
    // `include: [- path: services/infra.yaml]` whose services use its network and secret
    const infra = `services:
  db:
    image: postgres:16
    networks: [backend]
networks:
  backend:
secrets:
  db_pw:
    file: ./db_pw.txt
  stale:
  #^^^^ DC014
    file: ./old.txt
`;
    const includer = 'name: homelab\ninclude:\n  - path: services/infra.yaml\nservices:\n  app:\n    image: app:1\n    secrets: [db_pw]\n';
    expectDiagnostics('services/infra.yaml', infra, { only: ['DC014'], files: { 'compose.yaml': includer } });
    // the same file with nobody including it: its unused secret is reported
    expectDiagnostics('services/infra.yaml', infra.replace('  db_pw:\n', '  db_pw:\n  #^^^^ DC014\n'), {
      only: ['DC014'], files: { 'compose.yaml': includer.replace('include:\n  - path: services/infra.yaml\n', '') },
    });
  });

  it('DC013 counts what the override Compose loads with the base file declares', () => {
    // zulip/docker-zulip compose.yaml: its compose.override.yaml holds the top-level `secrets:`
    const src = `services:
  database:
    image: "zulip/zulip-postgresql:14"
    secrets:
      - zulip__postgres_password
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/zulip__postgres_password
  zulip:
    image: "ghcr.io/zulip/zulip-server:12.0-0"
    secrets:
      - zulip__postgres_password
      - zulip__secret_key
      - zulip__other
        #^^^^^^^^^^^ DC013
`;
    const override = '---\nsecrets:\n  zulip__postgres_password:\n    environment: "ZULIP__POSTGRES_PASSWORD"\n  zulip__secret_key:\n    environment: "ZULIP__SECRET_KEY"\nservices:\n  zulip:\n    secrets:\n      []\n';
    expectDiagnostics('compose.yaml', src, { only: ['DC013'], files: { 'compose.override.yaml': override } });
    // a named variant beside it is not loaded on its own: it declares nothing for the base
    expectDiagnostics('compose.yaml', `services:
  zulip:
    image: "ghcr.io/zulip/zulip-server:12.0-0"
    secrets: [zulip__secret_key]
              #^^^^^^^^^^^^^^^^ DC013
`, { only: ['DC013'], files: { 'compose.prod.yaml': override } });
  });

  it('DC010 and DC013: an add-on file beside its base names what the base defines', () => {
    // jitsi/docker-jitsi-meet jibri.yml, run as `docker compose -f docker-compose.yml -f jibri.yml`
    const base = "services:\n    jicofo:\n        image: jitsi/jicofo:stable\n        networks:\n            meet.jitsi:\nnetworks:\n    meet.jitsi:\n";
    const src = `services:
    jibri:
        image: jitsi/jibri:stable-5142-3
        depends_on:
            - jicofo
            - jvb
              #^^ DC010
        networks:
            meet.jitsi:
            recorders:
            #^^^^^^^^ DC013
`;
    expectDiagnostics('jibri.yml', src, { only: ['DC010', 'DC013'], files: { 'docker-compose.yml': base } });
    // an alternative project named like Compose (temporalio/docker-compose docker-compose-mysql.yml) runs on its own
    expectDiagnostics('docker-compose-mysql.yml', `services:
    temporal:
        image: temporalio/auto-setup:1.22
        depends_on: [jicofo]
                     #^^^^^ DC010
`, { only: ['DC010', 'DC013'], files: { 'docker-compose.yml': base } });
    // without a base beside it, the add-on is checked on its own
    expectDiagnostics('jibri.yml', `services:
    jibri:
        image: jitsi/jibri:stable-5142-3
        depends_on: [jicofo]
                     #^^^^^ DC010
        networks:
            meet.jitsi:
            #^^^^^^^^^ DC013
`, { only: ['DC010', 'DC013'] });
  });
});

describe('DC015 duplicate host port', () => {
  it('flags both sides; different addresses or protocols do not clash', () => {
    expectDiagnostics(F, `services:
  a:
    image: nginx:1.27
    ports:
      - "8080:80"
        #^^^^^^^^ DC015
      - "127.0.0.1:9000:9000"
      - "53:53/udp"
  b:
    image: httpd:2.4
    ports:
      - target: 80
        #^^^^^^^^^ DC015
        published: 8080
      - "127.0.0.2:9000:9000"
      - "53:53/tcp"
`, { only: ['DC015'] });
  });

  it('checks the merged override against the base', () => {
    expectDiagnostics('compose.override.yaml', `services:
  web:
    ports: ["5432:5432"]
            #^^^^^^^^^^ DC015
`, { only: ['DC015'], files: { 'compose.yaml': 'services:\n  web:\n    image: x\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n' } });
  });
});

describe('DC016 / DC017 container_name', () => {
  it('flags duplicates and container_name with replicas', () => {
    expectDiagnostics(F, `services:
  a:
    image: nginx:1.27
    container_name: web
                    #^^ DC016
  b:
    image: nginx:1.27
    container_name: web
                    #^^ DC016
  c:
    image: nginx:1.27
    container_name: c
    #^^^^^^^^^^^^^ DC017
    deploy:
      replicas: 3
  d:
    image: nginx:1.27
    container_name: d
    scale: 1
`, { only: ['DC016', 'DC017'] });
  });

  it('DC017: `container_name: !reset null` removes the name, so the service may scale', () => {
    // the Compose merge reference's `!reset` example: a production variant that scales `web` drops the
    // fixed name its base gives it (`docker compose -f compose.yaml -f compose.prod.yaml up`)
    const base = 'services:\n  web:\n    image: nginx:1.27\n    container_name: web\n';
    expectDiagnostics('compose.prod.yaml', `services:
  web:
    deploy:
      replicas: 3
    container_name: !reset null
`, { only: ['DC017'], files: { 'compose.yaml': base } });
    // setting a name of its own in the variant is still flagged
    expectDiagnostics('compose.prod.yaml', `services:
  web:
    deploy:
      replicas: 3
    container_name: web-prod
    #^^^^^^^^^^^^^ DC017
`, { only: ['DC017'], files: { 'compose.yaml': base } });
  });
});

describe('DC018 privileged', () => {
  it('flags privileged: true; the fix sets false', () => {
    expectDiagnostics(F, `services:
  agent:
    image: busybox:1.36
    privileged: true
    #^^^^^^^^^^^^^^^ DC018
  other:
    image: busybox:1.36
    privileged: false
`, { only: ['DC018'] });
    assert.equal(applyFix(F, 'services:\n  a:\n    image: x\n    privileged: true\n', 'DC018'), 'services:\n  a:\n    image: x\n    privileged: false\n');
  });
});

describe('DC019 docker socket', () => {
  it('flags the socket in short and long form, on the source path', () => {
    expectDiagnostics(F, `services:
  ci:
    image: docker:27-cli
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
        #^^^^^^^^^^^^^^^^^^^ DC019
      - type: bind
        source: /run/docker.sock
                #^^^^^^^^^^^^^^^ DC019
        target: /var/run/docker.sock
      - /var/run:/host-run:ro
`, { only: ['DC019'] });
  });

  it('honours suppression comments', () => {
    expectDiagnostics(F, `services:
  ci:
    image: docker:27-cli
    volumes:
      # infra-notes-ignore DC019
      - /var/run/docker.sock:/var/run/docker.sock
`, { only: ['DC019'] });
  });
});

describe('DC020 journald', () => {
  it('flags the driver value; the fix switches to json-file', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    logging:
      driver: journald
              #^^^^^^^ DC020
`, { only: ['DC020'] });
    assert.match(applyFix(F, 'services:\n  web:\n    image: x\n    logging:\n      driver: journald\n', 'DC020'), /driver: json-file/);
  });
});

describe('DC021 / DC022 build paths and target', () => {
  it('flags a missing context, a missing Dockerfile and an unknown target', () => {
    expectDiagnostics(F, `services:
  a:
    build: ./nope
           #^^^^^ DC021
  b:
    build:
      context: ./api
      dockerfile: Dockerfile.prod
                  #^^^^^^^^^^^^^^ DC021
  c:
    build:
      context: ./api
      target: prod
              #^^^ DC022
  d:
    build:
      context: ./api
      target: runtime
  e:
    build: https://github.com/acme/app.git#main
`, { only: ['DC021', 'DC022'], files: { 'api/Dockerfile': 'FROM node:22 AS build\nFROM node:22-slim AS runtime\n' } });
  });

  it('DC022 lists the stages, or says the Dockerfile has none (awesome-compose django)', () => {
    const text = 'services:\n  web:\n    build:\n      context: ./app\n      target: builder\n';
    const msg = (dockerfile: string, locale: 'en' | 'ru' = 'en') =>
      diagnose(F, text, { files: { 'app/Dockerfile': dockerfile }, settings: { locale } }).filter((d) => d.code === 'DC022').map((d) => d.message);
    assert.deepEqual(msg('FROM python:3.12\nRUN pip install django\n'), ['`builder` is not a stage of the Dockerfile: it has no named stages (`FROM … AS <name>`).']);
    assert.deepEqual(msg('FROM python:3.12 AS base\nFROM base AS dev\n'), ['`builder` is not a stage of the Dockerfile: its stages are `base`, `dev`.']);
    assert.deepEqual(msg('FROM python:3.12\n', 'ru'), ['`builder` — не стадия Dockerfile: именованных стадий (`FROM … AS <имя>`) в нём нет.']);
    assert.ok(!msg('FROM python:3.12\n').some((m) => String(m).includes('—')));
  });

  it('an absolute context outside the workspace is a folder on the machine that runs Compose', () => {
    // RocketChat/Rocket.Chat docker-compose-local.yml (CI copies the build to /tmp/build first)
    expectDiagnostics(F, `services:
  rocketchat:
    build:
      dockerfile: apps/meteor/.docker/Dockerfile.alpine
      context: /tmp/build
  api:
    build:
      context: ./nope
               #^^^^^ DC021
`, { only: ['DC021'] });
  });

  it('names the folder actually looked in: the build context for the Dockerfile (immich docker-compose.dev.yml)', () => {
    const text = `services:
  immich-machine-learning:
    build:
      context: ../machine-learning
      dockerfile: Dockerfile
  web:
    build:
      context: .
      dockerfile: docker/web/Dockerfile
  sentry:
    build: ./sentry
`;
    const files = { 'docker/compose.yaml': text, 'machine-learning/app.py': '' };
    const d = diagnose('docker/compose.yaml', text, { files }).filter((x) => x.code === 'DC021');
    assert.deepEqual(d.map((x) => x.message), [
      'The build dockerfile `Dockerfile` does not exist in `../machine-learning` (relative to this compose file).',
      'The build dockerfile `docker/web/Dockerfile` does not exist in `docker/web` (relative to this compose file).',
      'The build context `./sentry` does not exist in `.` (relative to this compose file).',
    ]);
    assert.ok(d.every((x) => !/beside/.test(String(x.message))));
    const ru = diagnose('docker/compose.yaml', text, { files, settings: { locale: 'ru' } }).filter((x) => x.code === 'DC021');
    assert.match(String(ru[0].message), /нет в папке `\.\.\/machine-learning`/);
  });
});

describe('DC023 env_file', () => {
  it('flags missing env files unless optional', () => {
    expectDiagnostics(F, `services:
  a:
    image: x
    env_file:
      - .env
      - .env.prod
        #^^^^^^^^ DC023
      - path: .env.local
        required: false
      - path: ./config/missing.env
              #^^^^^^^^^^^^^^^^^^^ DC023
`, { only: ['DC023'], files: { '.env': 'A=1\n' } });
  });

  it('a fragment in a subfolder without its base resolves from the project folder above', () => {
    // plausible/community-edition geoip/docker-compose.geoip.yml, used with -f compose.yml -f geoip/docker-compose.geoip.yml
    const src = `services:
  geoip:
    image: maxmindinc/geoipupdate
    env_file:
      geoip/geoip.conf
  other:
    image: x
    env_file: geoip/missing.conf
              #^^^^^^^^^^^^^^^^^ DC023
`;
    expectDiagnostics('geoip/docker-compose.geoip.yml', src, { only: ['DC023'], files: { 'geoip/geoip.conf': 'A=1\n' } });
    // a base file does resolve from its own folder
    expectDiagnostics('geoip/compose.yaml', src.replace('      geoip/geoip.conf\n', '      geoip/geoip.conf\n      #^^^^^^^^^^^^^^^ DC023\n'), { only: ['DC023'], files: { 'geoip/geoip.conf': 'A=1\n' } });
  });
});

describe('DC023 / DC025 env_file with a template to copy', () => {
  it('a missing env file with a template beside it is a warning that names the copy (mastodon, immich, authentik)', () => {
    const text = `services:
  web:
    image: ghcr.io/mastodon/mastodon:v4.3
    env_file: .env.production
              #^^^^^^^^^^^^^^ DC025
  server:
    image: ghcr.io/immich-app/immich-server:release
    env_file:
      - .env
        #^^^ DC025
  worker:
    image: ghcr.io/goauthentik/server:2024.8
    env_file:
      - path: config/app.env
              #^^^^^^^^^^^^^ DC025
  other:
    image: x
    env_file: secrets.env
              #^^^^^^^^^^ DC023
`;
    const files = { '.env.production.sample': 'A=1\n', 'example.env': 'A=1\n', 'config/app.env.example': 'A=1\n' };
    const ds = expectDiagnostics(F, text, { only: ['DC023', 'DC025'], files });
    const byCode = (c: string) => ds.filter((d) => d.code === c);
    assert.deepEqual(byCode('DC025').map((d) => d.message), [
      'The env file `.env.production` does not exist yet: copy `.env.production.sample` to `.env.production` and fill it in (Compose stops without it).',
      'The env file `.env` does not exist yet: copy `example.env` to `.env` and fill it in (Compose stops without it).',
      'The env file `config/app.env` does not exist yet: copy `config/app.env.example` to `config/app.env` and fill it in (Compose stops without it).',
    ]);
    assert.ok(byCode('DC025').every((d) => d.severity === 2 && (d.data as { fixes: unknown[] }).fixes.length === 0));
    assert.ok(byCode('DC023').every((d) => d.severity === 1));
  });

  it('each template name projects use is recognised; without one it stays an error', () => {
    for (const example of ['.env.example', '.env.sample', '.env.dist', '.env.template', 'example.env', '.env.example']) {
      const ds = diagnose(F, 'services:\n  a:\n    image: x\n    env_file: .env\n', { files: { [example]: 'A=1\n' } });
      assert.deepEqual(ds.filter((d) => d.code === 'DC023' || d.code === 'DC025').map((d) => d.code), ['DC025'], example);
    }
    const bare = diagnose(F, 'services:\n  a:\n    image: x\n    env_file: .env\n');
    assert.deepEqual(bare.filter((d) => d.code === 'DC023' || d.code === 'DC025').map((d) => d.code), ['DC023']);
    const ru = diagnose(F, 'services:\n  a:\n    image: x\n    env_file: .env\n', { files: { '.env.example': '' }, settings: { locale: 'ru' } }).find((d) => d.code === 'DC025');
    assert.match(String(ru?.message), /скопируйте `\.env\.example` в `\.env`/);
  });
});

describe('DC026 duplicate mount point', () => {
  it('flags a second mount on the same container path: short, long and tmpfs (awesome-compose prometheus-grafana)', () => {
    const ds = expectDiagnostics(F, `services:
  prometheus:
    image: prom/prometheus:v2.53.0
    volumes:
      - ./prometheus:/etc/prometheus
      - ./etc/prometheus:/prometheus
      - prom_data:/prometheus
                  #^^^^^^^^^^ DC026
      - type: volume
        source: other
        target: /prometheus/
                #^^^^^^^^^^^ DC026
  app:
    image: nginx:1.27
    volumes:
      - type: bind
        source: ./cache
        target: /var/cache/nginx
    tmpfs:
      - /var/cache/nginx:size=64m
        #^^^^^^^^^^^^^^^ DC026
      - /run
  ok:
    image: nginx:1.27
    volumes:
      - ./a:/a
      - ./b:/b:ro
      - /anonymous
      - \${DATA_DIR}:/data
    tmpfs: /tmp
volumes:
  prom_data:
  other:
`, { only: ['DC026'] });
    assert.equal(ds[0].message, '`/prometheus` is already a mount point of `prometheus` (`./etc/prometheus:/prometheus`, line 6): Compose rejects a duplicate mount point.');
  });

  it('an override file re-mounting a target of its base is no duplicate (Compose merges volumes by target)', () => {
    const base = 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html\n';
    const override = 'services:\n  web:\n    volumes:\n      - ./dev-site:/usr/share/nginx/html\n';
    const ds = diagnose('compose.override.yaml', override, { files: { 'compose.yaml': base } });
    assert.deepEqual(ds.filter((d) => d.code === 'DC026'), []);
  });
});

describe('DC024 links', () => {
  it('flags the links key', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    links: [db]
    #^^^^ DC024
  db:
    image: postgres:16
`, { only: ['DC024'] });
  });

  it('a link with an alias points to a networks alias, in both languages', () => {
    // photoprism/photoprism compose.yaml: `links: ["traefik:localssl.dev", …]`
    const src = 'services:\n  photoprism:\n    image: photoprism/photoprism:develop\n    links:\n      - "traefik:localssl.dev"\n      - "traefik:app.localssl.dev"\n  traefik:\n    image: photoprism/traefik:latest\n';
    const [d] = diagnose(F, src).filter((x) => x.code === 'DC024');
    assert.equal(d.message, '`links` in `photoprism` is legacy: for the extra name `localssl.dev`, give `traefik` a `networks` alias instead.');
    const [ru] = diagnose(F, src, { settings: { locale: 'ru' } }).filter((x) => x.code === 'DC024');
    assert.match(String(ru.message), /алиас в `networks`/);
    const [plain] = diagnose(F, 'services:\n  web:\n    image: nginx:1.27\n    links: [db]\n  db:\n    image: postgres:16\n').filter((x) => x.code === 'DC024');
    assert.equal(plain.message, '`links` in `web` is legacy: services on a shared network already reach each other by name.');
  });
});

describe('robustness', () => {
  it('never throws on broken, partial or templated input', () => {
    const inputs = [
      'services:\n  web:\n    image: [\n',
      'services:\n  web:\n    depends_on:\n      - \n',
      'services: {{ .Values.services }}\n',
      'services:\n  web: &w\n    image: x\n  api: *w\n  other: *missing\n',
      'services:\n  - web\n',
      'services:\n  web:\n    <<: [*a, *b]\n',
      '',
      'version: 3\n',
      'services:\n  web:\n    build:\n      target: x\n',
    ];
    for (const text of inputs) assert.doesNotThrow(() => diagnose(F, text));
  });
});

describe('include', () => {
  it('knows the services and declarations of included files', () => {
    const files = { 'infra/compose.yaml': 'services:\n  db:\n    image: postgres:16\nnetworks:\n  back:\n' };
    expectDiagnostics(F, `include:
  - infra/compose.yaml
services:
  web:
    image: nginx:1.27
    depends_on: [db, queue]
                     #^^^^ DC010
    networks: [back]
`, { only: ['DC010', 'DC013'], files });
  });

  it('checks no cross-reference when an included file cannot be read', () => {
    expectDiagnostics(F, 'include:\n  - path: [missing/compose.yaml]\nservices:\n  web:\n    image: x\n    depends_on: [db]\n', { only: ['DC010'] });
  });
});

describe('profiles and merged layers', () => {
  it('does not report clashes between services that never run together', () => {
    expectDiagnostics(F, `services:
  app:
    image: ghcr.io/acme/app:1
    ports: ["8080:8080"]
    container_name: app
    profiles: [prod]
  app-debug:
    image: ghcr.io/acme/app:1-debug
    ports: ["8080:8080"]
    container_name: app
    profiles: [debug]
`, { only: ['DC015', 'DC016'] });
  });

  it('does not report a port the override repeats for the same service', () => {
    expectDiagnostics('compose.override.yaml', 'services:\n  db:\n    ports: ["5432:5432"]\n', { only: ['DC015'], files: { 'compose.yaml': 'services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n' } });
  });
});

describe('YAML that only looks like Compose', () => {
  it('stays silent on app data with a services: key', () => {
    const text = 'services:\n  api:\n    image: repo/api\n    replicaCount: 2\n    resources:\n      cpu: 1\n    ingress:\n      enabled: true\n    depends_on: [db]\n';
    assert.equal(open('values.yaml', text).doc.kind, 'compose', 'classified as Compose by its content');
    assert.deepEqual(diagnose('values.yaml', text).map((d) => d.code), []);
    assert.ok(diagnose('compose.yaml', text).some((d) => d.code === 'DC002'), 'a compose-named file is still checked');
  });
});

describe('declaration and links fixes', () => {
  it('DC013 declares the missing volume in the existing section', () => {
    const before = 'services:\n  db:\n    image: postgres\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  other:\n    driver: local\n\nnetworks: {}\n';
    assert.equal(applyFix(F, before, 'DC013'), 'services:\n  db:\n    image: postgres\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  other:\n    driver: local\n  pgdata:\n\nnetworks: {}\n');
  });

  it('DC013 adds the section when there is none', () => {
    const before = 'services:\n  web:\n    image: nginx\n    networks: [front]\n';
    assert.equal(applyFix(F, before, 'DC013'), 'services:\n  web:\n    image: nginx\n    networks: [front]\nnetworks:\n  front:\n');
  });

  it('DC024 turns plain links into depends_on', () => {
    assert.equal(applyFix(F, 'services:\n  web:\n    image: x\n    links: [db]\n  db:\n    image: y\n', 'DC024'), 'services:\n  web:\n    image: x\n    depends_on: [db]\n  db:\n    image: y\n');
  });
});
