// Fuzz: Compose files (see harness.ts for invariants and replay).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseCount, fuzzFamily, loadSeeds } from './harness';

const seeds = loadSeeds('compose', () => 'compose');

const fragments = [
  'services:', '  app:', '    image: nginx', '    image: nginx:latest', '    build: .', '    ports: ["80:80"]', '      - "80"',
  '      - 8080:80/udp', '    environment:', '      KEY: value', '      - KEY', '    depends_on: [db]', '    depends_on:',
  '      db: { condition: service_started }', '    network_mode: host', '    privileged: true', '    restart: always',
  '    extends: { service: web, file: other.yml }', '    healthcheck: { test: ["CMD-SHELL", "true"], interval: 5s }',
  '    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]', '    <<: *common', '    env_file: [.env, missing.env]',
  '    command: echo ${VAR:-default} $$HOME', '    profiles: [debug]', '    secrets: [token]', '    configs:', '    links: [db]',
  'version: "2"', 'volumes:', 'networks:', 'include:', '  - other-compose.yml', 'x-anchors: &x', 'name: "${PROJECT}"',
];

test(`compose: ${caseCount()} mutated Compose files through every feature`, () => {
  const ran = fuzzFamily({ family: 'compose', seeds, fragments, overrideRate: 0.3 });
  assert.ok(ran > 0 || process.env.FUZZ_CASE !== undefined, 'no case ran');
});
