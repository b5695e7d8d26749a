// Completion, definition/references through the workspace index, symbols, explain, describe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToUri } from '../../../server/src/service/documents/document';
import { completeAt, open, ROOT, service } from '../../helpers/service';
import { cursor } from '../../helpers/annotations';

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  MODE: prod\n';
const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: { app: web }\n  ports:\n    - port: 80\n';
const dep = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: app-config
`;

function at(path: string, src: string, files: Record<string, string>) {
  const { text, position } = cursor(src);
  const { doc, ctx } = open(path, text, { files });
  return { doc, ctx, position };
}

describe('completion', () => {
  it('offers the fields of the object under the cursor, required subfields as a snippet', () => {
    const items = completeAt('k8s/a.yaml', dep.replace('          envFrom:', '          <|>\n          envFrom:'));
    const labels = items.map((i) => i.label);
    for (const f of ['livenessProbe', 'readinessProbe', 'resources', 'volumeMounts', 'imagePullPolicy']) assert.ok(labels.includes(f), f);
    assert.ok(!labels.includes('replicas'));
    assert.equal(items.find((i) => i.label === 'volumeMounts')!.insertText, 'volumeMounts:\n  - mountPath: $1\n    name: $2');
    assert.equal(items.find((i) => i.label === 'imagePullPolicy')!.insertText, 'imagePullPolicy: ${1|Always,IfNotPresent,Never|}');
  });

  it('offers spec fields at the spec level and enum values after a key', () => {
    const labels = completeAt('k8s/a.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  <|>\n').map((i) => i.label);
    assert.ok(labels.includes('replicas') && labels.includes('strategy') && labels.includes('template'));
    const values = completeAt('k8s/a.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  strategy:\n    type: <|>\n').map((i) => i.label);
    assert.deepEqual(values.sort(), ['Recreate', 'RollingUpdate']);
  });

  it('offers apiVersion/kind pairs in an empty document, current versions only', () => {
    const items = completeAt('k8s/new.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n<|>');
    const dep = items.find((i) => i.label === 'Deployment (apps/v1)');
    assert.ok(dep);
    assert.ok(dep!.insertText!.startsWith('apiVersion: apps/v1\nkind: Deployment\n'));
    assert.ok(!items.some((i) => i.label === 'Deployment (extensions/v1beta1)'));
    const versions = completeAt('k8s/new.yaml', 'apiVersion: <|>\nkind: CronJob\n').map((i) => i.label);
    assert.deepEqual(versions, ['batch/v1']);
  });

  it('offers the keys of the referenced ConfigMap after key:', () => {
    const src = dep.replace('          envFrom:\n            - configMapRef:\n                name: app-config\n', '          env:\n            - name: MODE\n              valueFrom:\n                configMapKeyRef:\n                  name: app-config\n                  key: <|>\n');
    assert.deepEqual(completeAt('k8s/d.yaml', src, { files: { 'k8s/cm.yaml': cm } }).map((i) => i.label), ['MODE']);
  });

  it('offers workspace names where a reference is expected', () => {
    const src = dep.replace('name: app-config', 'name: <|>');
    const labels = completeAt('k8s/d.yaml', src, { files: { 'k8s/cm.yaml': cm, 'k8s/cm2.yaml': cm.replace('app-config', 'other-config') } }).map((i) => i.label);
    assert.deepEqual(labels.sort(), ['app-config', 'other-config']);
  });
});

describe('navigation', () => {
  it('goes from a ConfigMap reference to its object', () => {
    const files = { 'k8s/cm.yaml': cm };
    const { doc, ctx, position } = at('k8s/d.yaml', dep.replace('name: app-config', 'name: app-<|>config'), files);
    const locs = service.findDefinition(doc, position, ctx);
    assert.deepEqual(locs, [{ uri: pathToUri(`${ROOT}/k8s/cm.yaml`), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } } }]);
  });

  it('goes from a Service selector to the workloads', () => {
    const { doc, ctx, position } = at('k8s/s.yaml', svc.replace('selector: { app: web }', 'selec<|>tor: { app: web }'), { 'k8s/d.yaml': dep });
    const locs = service.findDefinition(doc, position, ctx);
    assert.deepEqual(locs.map((l) => l.uri), [pathToUri(`${ROOT}/k8s/d.yaml`)]);
  });

  it('goes from an Ingress backend to the Service', () => {
    const ing = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  defaultBackend:\n    service:\n      name: w<|>eb\n      port: { number: 80 }\n';
    const { doc, ctx, position } = at('k8s/i.yaml', ing, { 'k8s/s.yaml': svc });
    assert.deepEqual(service.findDefinition(doc, position, ctx).map((l) => l.uri), [pathToUri(`${ROOT}/k8s/s.yaml`)]);
  });

  it('finds the references of an object', () => {
    const { doc, ctx, position } = at('k8s/cm.yaml', cm.replace('name: app-config', 'name: app-con<|>fig'), { 'k8s/d.yaml': dep, 'k8s/d2.yaml': dep.replace('name: web', 'name: web2') });
    const refs = service.findReferences(doc, position, ctx);
    assert.deepEqual(refs.map((r) => r.uri).sort(), [pathToUri(`${ROOT}/k8s/d.yaml`), pathToUri(`${ROOT}/k8s/d2.yaml`)]);
    assert.deepEqual(refs[0].range, { start: { line: 16, character: 22 }, end: { line: 16, character: 32 } });
  });
});

describe('symbols, explain, describe', () => {
  it('lists every object of a multi-document file', () => {
    const { doc, ctx } = open('k8s/all.yaml', `${cm}---\n${svc}`);
    const syms = service.documentSymbols(doc, ctx);
    assert.deepEqual(syms.map((s) => s.name), ['ConfigMap/app-config', 'Service/web']);
    assert.equal(service.describeKind(doc, ctx).endsWith('ConfigMap, Service'), true);
  });

  it('explains the file with kinds, API status and QoS', () => {
    const { doc, ctx } = open('k8s/d.yaml', dep);
    const md = service.explain(doc, { ...ctx, settings: { ...ctx.settings, locale: 'ru' } });
    assert.ok(md.includes('### Deployment `web`'));
    assert.ok(md.includes('QoS Class этого пода: BestEffort'));
    assert.ok(md.includes('command:infraNotes.showNote'));
  });

  it('indexes the objects of a file for the workspace', () => {
    const index = service.createIndex();
    index.update(pathToUri('/ws/k8s/all.yaml'), `${cm}---\n${dep}`, '1');
    const data = index.get(pathToUri('/ws/k8s/all.yaml'))!.data as { objects: { kind: string; name: string; keys?: string[] }[]; refs: { kind: string; name: string }[] };
    assert.deepEqual(data.objects.map((o) => `${o.kind}/${o.name}`), ['ConfigMap/app-config', 'Deployment/web']);
    assert.deepEqual(data.objects[0].keys, ['MODE']);
    assert.deepEqual(data.refs.map((r) => `${r.kind}/${r.name}`), ['ConfigMap/app-config']);
  });
});
