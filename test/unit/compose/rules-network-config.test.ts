// Round 7: network_mode with networks (DC027), host networking with ports (DC028), unescaped `$` in
// inline config content (DC029), DC010 on `network_mode: service:…`, and DC001's note for stack files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics, hoverText } from '../../helpers/service';

const F = 'compose.yaml';
const codes = (path: string, text: string, id: string, files?: Record<string, string>) =>
  diagnose(path, text, files ? { files } : {}).filter((d) => d.code === id);

describe('DC027 network_mode with networks', () => {
  it('flags the later of the two keys in one file', () => {
    expectDiagnostics(F, `services:
  vpn:
    image: qmcgaw/gluetun:v3
  app:
    image: nginx:1.27
    network_mode: service:vpn
    networks: [front]
    #^^^^^^^ DC027
  agent:
    image: busybox:1.36
    networks:
      - front
    network_mode: host
    #^^^^^^^^^^^ DC027
networks:
  front:
`, { only: ['DC027'] });
  });

  it('flags an override that adds networks to a base service on host networking', () => {
    const files = { 'compose.yaml': 'services:\n  ha:\n    image: ghcr.io/home-assistant/home-assistant:2024.6\n    network_mode: host\n' };
    expectDiagnostics('compose.override.yaml', `services:
  ha:
    networks: [homelab]
    #^^^^^^^ DC027
networks:
  homelab:
`, { only: ['DC027'], files });
  });

  it('stays silent on an empty networks list, on `!reset`, and on network_mode alone (outline devcontainer)', () => {
    expectDiagnostics(F, `services:
  db:
    image: postgres:16
  app:
    image: node:22
    network_mode: service:db
  tool:
    image: busybox:1.36
    network_mode: none
    networks: []
`, { only: ['DC027'] });
    const files = { 'compose.yaml': 'services:\n  ha:\n    image: nginx:1.27\n    network_mode: host\n' };
    expectDiagnostics('compose.override.yaml', 'services:\n  ha:\n    network_mode: !reset null\n    networks: [front]\nnetworks:\n  front:\n', { only: ['DC027'], files });
  });
});

describe('DC027 / DC028 and a named variant run on its own', () => {
  it('stays silent when a variant contradicts its base (stefanprodan/dockprom docker-compose.exporters.yml)', () => {
    const files = { 'docker-compose.yml': 'services:\n  nodeexporter:\n    image: prom/node-exporter:v1.1.2\n    networks: [monitor-net]\n    ports: ["9100:9100"]\nnetworks:\n  monitor-net:\n' };
    const text = 'services:\n  nodeexporter:\n    image: prom/node-exporter:v1.1.2\n    network_mode: host\n';
    assert.deepEqual(diagnose('docker-compose.exporters.yml', text, { files }).filter((d) => d.code === 'DC027' || d.code === 'DC028'), []);
    // the same keys in the auto-loaded override do clash
    assert.deepEqual(diagnose('docker-compose.override.yml', text, { files }).filter((d) => d.code === 'DC027' || d.code === 'DC028').map((d) => d.code).sort(), ['DC027', 'DC028']);
  });
});

describe('DC028 ports with host networking', () => {
  it('flags ports of a service on host networking', () => {
    expectDiagnostics(F, `services:
  grafana:
    image: grafana/grafana:11.1.0
    network_mode: host
    ports:
    #^^^^ DC028
      - "3000:3000"
`, { only: ['DC028'] });
  });

  it('flags network_mode in an override when the ports come from the base', () => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]\n' };
    expectDiagnostics('compose.override.yaml', `services:
  web:
    network_mode: host
    #^^^^^^^^^^^ DC028
`, { only: ['DC028'], files });
  });

  it('stays silent without host networking, on `ports: []`, and on host networking without ports', () => {
    expectDiagnostics(F, `services:
  web:
    image: nginx:1.27
    network_mode: bridge
    ports: ["80:80"]
  node-exporter:
    image: prom/node-exporter:v1.8.1
    network_mode: host
    expose: ["9100"]
  other:
    image: busybox:1.36
    network_mode: host
    ports: []
`, { only: ['DC028'] });
  });
});

describe('DC029 `$` in inline config content', () => {
  const nginx = (body: string) => `services:
  proxy:
    image: nginx:1.27
    configs:
      - source: site
        target: /etc/nginx/conf.d/default.conf
configs:
  site:
    content: |
${body}`;

  it('flags nginx variables, braced or not, on the token itself', () => {
    expectDiagnostics(F, nginx(`      server {
        location / {
          proxy_set_header Upgrade $http_upgrade;
                                   #^^^^^^^^^^^^ DC029
          proxy_set_header Host \${host};
                                #^^^^^^ DC029
        }
      }
`), { only: ['DC029'] });
  });

  it('the fix doubles the `$`', () => {
    const text = nginx('      proxy_set_header Host $host;\n');
    assert.equal(applyFix(F, text, 'DC029'), nginx('      proxy_set_header Host $$host;\n'));
  });

  it('flags inline (quoted) content too', () => {
    expectDiagnostics(F, `configs:
  caddy:
    content: "respond \\"{http.request.host} $remote_ip\\""
                                            #^^^^^^^^^ DC029
services:
  web:
    image: caddy:2.8
    configs: [caddy]
`, { only: ['DC029'] });
  });

  it('stays silent on `$$`, defaults, uppercase names, names set in .env, and names Compose leaves alone', () => {
    const text = nginx(`      proxy_set_header Host $$host;
      set $$x "$$http_upgrade";
      listen \${PORT:-80};
      server_name \${DOMAIN};
      root $WEBROOT;
      rewrite ^/(.*)$ /$1 break;
      return 200 "$$ and $ alone";
      add_header X-Env $env_name;
`);
    assert.deepEqual(codes(F, text, 'DC029', { '.env': 'env_name=prod\n' }), []);
    // without the .env entry the lower-case name is reported
    assert.equal(codes(F, text, 'DC029').length, 1);
  });

  it('the Compose reference example (`${DEBUG}`, `${COMPOSE_PROJECT_NAME}`) is deliberate interpolation', () => {
    expectDiagnostics(F, `services:
  app:
    image: eclipse-temurin:21
    configs: [app_config]
configs:
  app_config:
    content: |
      debug=\${DEBUG}
      spring.application.admin.enabled=\${DEBUG}
      spring.application.name=\${COMPOSE_PROJECT_NAME}
`, { only: ['DC029'] });
  });
});

describe('DC010 and network_mode: service:', () => {
  it('reports a missing service named by network_mode (DC010 covers it); container: is not a service', () => {
    expectDiagnostics(F, `services:
  app:
    image: node:22
    network_mode: "service:vpnn"
                           #^^^ DC010
  side:
    image: busybox:1.36
    network_mode: container:some-container
`, { only: ['DC010'] });
  });
});

describe('DC001 on Swarm stack files', () => {
  const text = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n';
  const msg = (path: string, t: string) =>
    diagnose(path, t).filter((d) => d.code === 'DC001').map((d) => d.message).join('\n');

  it('adds the docker stack deploy note for stack-named files and files with Swarm placement', () => {
    for (const name of ['docker-stack.yml', 'stack.yml', 'monitoring-stack.yaml']) assert.match(msg(name, text), /docker stack deploy.*Docker 23/, name);
    assert.match(msg(F, 'version: "3.8"\nservices:\n  node:\n    image: prom/node-exporter:v1.8.1\n    deploy:\n      mode: global\n'), /Docker 23/);
    assert.match(msg(F, 'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n    deploy:\n      placement:\n        constraints: [node.role == manager]\n'), /Docker 23/);
  });

  it('keeps the plain message for an ordinary compose file', () => {
    const m = msg(F, text);
    assert.match(m, /obsolete/);
    assert.doesNotMatch(m, /stack/);
    assert.doesNotMatch(msg(F, 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: 2\n'), /stack/);
    assert.doesNotMatch(msg(F, 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    deploy:\n      mode: replicated\n      replicas: 2\n'), /stack/);
  });

  it('the hover on `version` tells the stack story', () => {
    assert.match(hoverText(F, 'vers<|>ion: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n'), /docker\/cli#3257/);
  });
});
