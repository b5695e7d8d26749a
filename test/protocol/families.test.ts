// Over the real server: one hover slice per family (the fact and its link), and cross-file
// re-validation that reaches the documents depending on an edited file and no others.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { hoverMarkdown, LspClient, uriOf } from './lspClient';

/** Resolves once the server has published nothing for `ms` (pending debounced work has run). */
async function quiet(c: LspClient, ms = 600): Promise<void> {
  let n = -1;
  for (let i = 0; i < 100 && n !== c.published.length; i++) {
    n = c.published.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;

describe('families over stdio', () => {
  let c: LspClient;
  const ws = mkdtempSync(join(tmpdir(), 'infra-notes-families-'));
  const uri = (p: string) => uriOf(join(ws, p));

  before(async () => {
    c = new LspClient();
    await c.initialize(ws, { settings: { language: 'en' } });
  });
  after(() => c.kill());

  const slices: [file: string, lang: string, text: string, line: number, character: number, fact: string][] = [
    ['Dockerfile', 'dockerfile', 'FROM alpine:3.20\n', 0, 1, 'DOCKER-09'],
    ['compose.yaml', 'dockercompose', 'services:\n  web:\n    image: nginx:1.27\n', 0, 2, 'COMPOSE-01'],
    ['site.yml', 'yaml', '- hosts: web\n  tasks:\n    - ansible.builtin.ping:\n', 0, 4, 'ANSIBLE-01'],
    ['k8s/pod.yaml', 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n', 1, 1, 'K8S-01'],
  ];
  for (const [file, lang, text, line, character, fact] of slices) {
    test(`hover in ${file} names ${fact} and links to it`, async () => {
      c.open(uri(file), lang, text, 1);
      const md = hoverMarkdown(await c.hover(uri(file), line, character));
      assert.ok(md.includes(link(fact)), md);
    });
  }

  test('editing a workload re-validates the Service that selects it, and not an unrelated Dockerfile', async () => {
    const deploy = (app: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n`;
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 80\n';
    c.open(uri('k8s/deploy.yaml'), 'yaml', deploy('web'), 1);
    c.open(uri('k8s/service.yaml'), 'yaml', service, 1);
    await c.diagnosticsFor(uri('k8s/deploy.yaml'), 1);
    const first = await c.diagnosticsFor(uri('k8s/service.yaml'), 1);
    assert.ok(!first.diagnostics.some((d) => d.code === 'K8S025'), 'the selector matches the Deployment at first');
    await quiet(c);
    const dockerBefore = c.published.filter((p) => p.uri === uri('Dockerfile')).length;
    // rename the workload's labels: the Service (not edited) must now report K8S025
    c.change(uri('k8s/deploy.yaml'), 2, [{ text: deploy('frontend') }]);
    const later = await c.waitForDiagnostics(uri('k8s/service.yaml'), (p) => p.diagnostics.some((d) => d.code === 'K8S025'));
    assert.ok(later.diagnostics.some((d) => d.code === 'K8S025'));
    await quiet(c);
    assert.equal(c.published.filter((p) => p.uri === uri('Dockerfile')).length, dockerBefore, 'the Dockerfile was not re-validated');
  });
});
