// Completion, navigation (definition, references, outline), the status-bar description and
// "Explain this file" for Compose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsertTextFormat } from 'vscode-languageserver-types';
import { cursor } from '../../helpers/annotations';
import { completeAt, open, service } from '../../helpers/service';

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('compose completion', () => {
  it('offers service keys with snippet bodies for the long forms, on a half-typed line', () => {
    const items = completeAt('compose.yaml', 'services:\n  web:\n    image: nginx\n    heal<|>\n');
    const hc = items.find((i) => i.label === 'healthcheck');
    assert.ok(hc, labels(items).join(' '));
    assert.equal(hc.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(hc.insertText!, /test: \["CMD"/);
    assert.match(hc.insertText!, /interval: \$\{3:30s\}/);
    assert.ok(labels(items).includes('develop'));
    assert.ok(!labels(items).includes('links'), 'deprecated keys are not offered');
  });

  it('offers keys per level: top level, build, healthcheck, long-form volumes', () => {
    assert.deepEqual(labels(completeAt('compose.yaml', 'na<|>\n').filter((i) => i.kind !== 15 /* snippets */)).sort(), ['configs', 'include', 'models', 'name', 'networks', 'secrets', 'services', 'volumes', 'version'].sort().filter((k) => k !== 'version'));
    assert.ok(labels(completeAt('compose.yaml', 'services:\n  web:\n    build:\n      con<|>\n')).includes('context'));
    assert.ok(labels(completeAt('compose.yaml', 'services:\n  web:\n    healthcheck:\n      <|>\n')).includes('start_period'));
    const vol = labels(completeAt('compose.yaml', 'services:\n  web:\n    volumes:\n      - type: bind\n        <|>\n'));
    assert.ok(vol.includes('source') && vol.includes('bind'), vol.join(' '));
  });

  it('offers enum values with their documentation', () => {
    const r = completeAt('compose.yaml', 'services:\n  web:\n    restart: <|>\n');
    assert.deepEqual(labels(r), ['no', 'always', 'on-failure', 'unless-stopped']);
    const drivers = completeAt('compose.yaml', 'services:\n  web:\n    logging:\n      driver: <|>\n', { settings: { locale: 'ru' } });
    const j = drivers.find((d) => d.label === 'journald');
    assert.match(JSON.stringify(j?.documentation), /лучше не использовать/);
    assert.deepEqual(labels(completeAt('compose.yaml', 'services:\n  web:\n    depends_on:\n      db:\n        condition: <|>\n  db:\n    image: x\n')), ['service_started', 'service_healthy', 'service_completed_successfully']);
  });

  it('offers the other services inside depends_on, in both forms', () => {
    const src = 'services:\n  web:\n    image: x\n    depends_on:\n      - <|>\n  db:\n    image: postgres\n  cache:\n    image: redis\n';
    assert.deepEqual(labels(completeAt('compose.yaml', src)).filter((l) => l !== 'web').slice(0, 2).sort(), ['cache', 'db']);
    assert.ok(!labels(completeAt('compose.yaml', src)).includes('web'));
    const map = completeAt('compose.yaml', 'services:\n  web:\n    image: x\n    depends_on:\n      d<|>\n  db:\n    image: postgres\n');
    assert.ok(labels(map).includes('db'));
  });

  it('offers declared networks and secrets', () => {
    const src = 'services:\n  web:\n    image: x\n    networks:\n      - <|>\n    secrets: [a]\nnetworks:\n  front:\n  back:\nsecrets:\n  a:\n    file: a.txt\n';
    assert.deepEqual(labels(completeAt('compose.yaml', src)).slice(0, 2).sort(), ['back', 'front']);
  });

  it('offers the stages of the Dockerfile inside build.target', () => {
    const files = { 'api/Dockerfile': 'FROM node:22 AS deps\nFROM deps AS build\nFROM node:22-slim as runtime\n' };
    const items = completeAt('compose.yaml', 'services:\n  api:\n    build:\n      context: ./api\n      target: <|>\n', { files });
    assert.deepEqual(labels(items), ['deps', 'build', 'runtime']);
  });
});

function at(path: string, src: string, files?: Record<string, string>) {
  const { text, position } = cursor(src);
  const { doc, ctx } = open(path, text, { files });
  return { doc, ctx, position };
}

describe('compose navigation', () => {
  const SRC = 'services:\n  web:\n    image: x\n    depends_on: [d<|>b]\n    networks: [back]\n  db:\n    image: postgres\n    networks: [back]\nnetworks:\n  back:\n';

  it('goes from a depends_on name to the service definition', () => {
    const { doc, ctx, position } = at('compose.yaml', SRC);
    assert.deepEqual(service.findDefinition(doc, position, ctx), [{ uri: doc.uri, range: { start: { line: 5, character: 2 }, end: { line: 5, character: 4 } } }]);
  });

  it('finds every reference of a network from its declaration', () => {
    const { doc, ctx } = at('compose.yaml', SRC);
    const refs = service.findReferences(doc, { line: 9, character: 3 }, ctx).map((l) => l.range.start.line).sort();
    assert.deepEqual(refs, [4, 7, 9]);
  });

  it('goes from an override to the service in the base file', () => {
    const files = { 'compose.yaml': 'services:\n  web:\n    image: x\n  db:\n    image: postgres\n' };
    const { doc, ctx, position } = at('compose.override.yaml', 'services:\n  web:\n    depends_on: [d<|>b]\n', files);
    const defs = service.findDefinition(doc, position, ctx);
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, 'file:///ws/compose.yaml');
    assert.equal(defs[0].range.start.line, 3);
  });

  it('navigates YAML anchors and aliases', () => {
    const src = 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *ba<|>se\n  api:\n    <<: *base\n';
    const { doc, ctx, position } = at('compose.yaml', src);
    assert.deepEqual(service.findDefinition(doc, position, ctx).map((l) => l.range), [{ start: { line: 0, character: 9 }, end: { line: 0, character: 13 } }]);
    assert.equal(service.findReferences(doc, position, ctx).length, 3);
  });

  it('outlines the services', () => {
    const { doc, ctx } = at('compose.yaml', SRC);
    const syms = service.documentSymbols(doc, ctx);
    const services = syms.find((s) => s.name === 'services');
    assert.deepEqual(services?.children?.map((c) => [c.name, c.detail]), [['web', 'x'], ['db', 'postgres']]);
    assert.deepEqual(syms.map((s) => s.name), ['services', 'networks']);
  });
});

describe('compose describe and explain', () => {
  it('describes base, override and variant files', () => {
    const base = at('compose.yaml', 'services:\n  web:\n    image: x\n  db:\n    image: y\n<|>');
    assert.equal(service.describeKind(base.doc, base.ctx), 'Compose · base · 2 services');
    const files = { 'docker-compose.yml': 'services:\n  web:\n    image: x\n' };
    const o = at('docker-compose.override.yml', 'services:\n  web:\n    ports: ["80:80"]\n<|>', files);
    assert.equal(service.describeKind(o.doc, o.ctx), 'Compose · override · 1 service');
    const v = at('docker-compose.test.yml', 'services:\n  web:\n    environment: [A=1]\n<|>', files);
    assert.match(service.describeKind(v.doc, v.ctx), /variant of docker-compose\.yml/);
    const stack = at('deploy/stack.yml', 'services:\n  web:\n    image: x\n<|>');
    assert.equal(service.describeKind(stack.doc, stack.ctx), 'Compose · 1 service');
  });

  it('explains services, images, ports and dependencies with notes links', () => {
    const { doc, ctx } = at('compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    depends_on: [api]\n  api:\n    build: ./api\nvolumes:\n  data:\n<|>');
    const x = service.explain(doc, ctx);
    assert.match(x, /\*\*web\*\* — image `nginx:1\.27`; ports `8080:80`; depends on `api`/);
    assert.match(x, /\*\*api\*\* — built from `\.\/api`/);
    assert.match(x, /volumes: `data`/);
    assert.match(x, /COMPOSE-01/);
    const ru = open('compose.override.yaml', 'services:\n  web:\n    ports: ["80:80"]\n', { files: { 'compose.yaml': 'services:\n  web:\n    image: x\n' }, settings: { locale: 'ru' } });
    assert.match(service.explain(ru.doc, ru.ctx), /накладывается поверх `compose\.yaml`/);
  });
});

describe('compose completion in context', () => {
  it('does not offer keys the block already has', () => {
    const items = completeAt('compose.yaml', 'services:\n  web:\n    image: nginx\n    <|>\n    ports: ["80:80"]\n  db:\n    restart: always\n');
    const l = labels(items);
    assert.ok(!l.includes('image') && !l.includes('ports'), 'siblings are not offered again');
    assert.ok(l.includes('restart'), 'a key of another service is still offered');
  });
});
