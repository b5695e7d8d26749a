// One vertical slice per family: a hover that carries the notes' fact and links to it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../helpers/service';

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;

describe('hover slices per family', () => {
  it('Dockerfile FROM', () => {
    const en = hoverText('Dockerfile', 'FR<|>OM alpine:3.20\n');
    assert.match(en, /base image/i);
    assert.ok(en.includes(link('DOCKER-09')), en);
    const ru = hoverText('Dockerfile', 'FR<|>OM alpine:3.20\n', { settings: { locale: 'ru' } });
    assert.match(ru, /базов/);
  });

  it('compose services, and its override meaning in an override file', () => {
    const base = hoverText('compose.yaml', 'serv<|>ices:\n  web:\n    image: nginx:1.27\n');
    assert.ok(base.includes(link('COMPOSE-01')), base);
    const override = hoverText('docker-compose.override.yml', 'serv<|>ices:\n  web:\n    ports: ["8080:80"]\n');
    assert.ok(override.includes(link('COMPOSE-04')), override);
    assert.match(override, /override/i);
  });

  it('a play\'s hosts', () => {
    const h = hoverText('site.yml', '- ho<|>sts: web\n  tasks:\n    - debug: msg=hi\n');
    assert.ok(h.includes(link('ANSIBLE-01')), h);
    assert.ok(h.includes(link('ANSIBLE-07')), h);
  });

  it('a manifest\'s kind', () => {
    const h = hoverText('k8s/deploy.yaml', 'apiVersion: apps/v1\nki<|>nd: Deployment\nmetadata:\n  name: web\n');
    assert.ok(h.includes(link('K8S-01')), h);
    const ru = hoverText('k8s/deploy.yaml', 'apiVersion: apps/v1\nki<|>nd: Deployment\n', { settings: { locale: 'ru' } });
    assert.match(ru, /Тип объекта/);
  });

  it('says nothing on YAML that is not infra', () => {
    assert.equal(hoverText('.github/workflows/ci.yml', 'na<|>me: ci\non: [push]\n'), '');
    assert.equal(hoverText('values.yaml', 'ki<|>nd: thing\n'), '');
  });
});

describe('snippets of broad languages are served only in infra files', () => {
  it('offers Kubernetes snippets at the start of a key in a manifest, and nowhere else', async () => {
    const { completeAt } = await import('../helpers/service');
    const labels = (items: { label: string }[]) => items.map((i) => i.label);
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n<|>\n';
    assert.ok(labels(completeAt('k8s/all.yaml', manifest)).includes('k8s-deployment'));
    assert.ok(!labels(completeAt('k8s/all.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: <|>\n')).includes('k8s-deployment'), 'not inside a value');
    assert.deepEqual(completeAt('.github/workflows/ci.yml', 'name: ci\njobs:\n  <|>\n'), [], 'nothing in a CI workflow');
    assert.ok(!labels(completeAt('site.yml', '- hosts: all\n  tasks:\n    <|>\n')).includes('k8s-deployment'), 'no k8s snippets in a playbook');
    assert.ok(labels(completeAt('site.yml', '- hosts: all\n  tasks:\n    - <|>\n')).includes('block'), 'Ansible snippets in a playbook');
  });
});

describe('compose snippets', () => {
  it('are offered in compose files where a key starts, not in manifests', async () => {
    const { completeAt } = await import('../helpers/service');
    const labels = (items: { label: string }[]) => items.map((i) => i.label);
    assert.ok(labels(completeAt('compose.yaml', 'services:\n  web:\n    image: nginx:1.27\n<|>\n')).includes('volume-network'));
    assert.ok(!labels(completeAt('k8s/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n<|>\n')).includes('volume-network'));
  });
});
