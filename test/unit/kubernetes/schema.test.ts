// Schema validation (K8S001–K8S008) with exact ranges, and what must NOT be validated: custom
// resources, Helm templates, Kustomize patches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics } from '../../helpers/service';

const SCHEMA = ['K8S001', 'K8S002', 'K8S003', 'K8S004', 'K8S005', 'K8S006', 'K8S007', 'K8S008'];
const F = 'k8s/app.yaml';

describe('K8S001 unknown field', () => {
  it('flags the key with did-you-mean in the message, in both languages', () => {
    const src = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  lables:
  #^^^^^ K8S001
    app: web
spec:
  replica: 2
  #^^^^^^ K8S001
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resource: {}
          #^^^^^^^ K8S001
`;
    const d = expectDiagnostics(F, src, { only: SCHEMA });
    assert.match(d[0].message as string, /did you mean `labels`/);
    const ru = diagnose(F, src.replace(/^#.*\n/gm, ''), { settings: { locale: 'ru' } }).find((x) => x.code === 'K8S001');
    assert.match(ru!.message as string, /может быть, `labels`/);
  });

  it('renames with the quick fix', () => {
    const before = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selectr:\n    app: web\n  ports:\n    - port: 80\n';
    assert.equal(applyFix(F, before, 'K8S001'), before.replace('selectr', 'selector'));
  });

  it('never flags custom resources or open fields', () => {
    expectDiagnostics(F, `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
spec:
  anyField: 1
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, kind: Widget }
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          x-kubernetes-preserve-unknown-fields: true
`, { only: SCHEMA });
  });
});

describe('K8S002 wrong type', () => {
  it('flags numbers where text is expected and lists where a map is', () => {
    expectDiagnostics(F, `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    version: 1.0
             #^^ K8S002
spec:
  containers:
    name: web
    #^^^^^^^^ K8S002
`, { only: SCHEMA });
  });

  it('accepts YAML 1.1 booleans (kubectl reads yes/no as booleans)', () => {
    expectDiagnostics(F, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: no\n  containers:\n    - name: c\n      image: nginx:1.27\n      stdin: "yes"\n             #^^^^ K8S002\n      tty: yes\n', { only: SCHEMA });
  });

  it('quotes the value', () => {
    const before = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  PORT: 8080\n';
    assert.equal(applyFix(F, before, 'K8S002'), before.replace('8080', '"8080"'));
  });
});

describe('K8S003 missing required field', () => {
  it('reports at the object that lacks it', () => {
    expectDiagnostics(F, `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
#^^^ K8S003
  replicas: 1
  template:
    spec:
      containers:
        - image: nginx:1.27
          #^^^^ K8S003
`, { only: SCHEMA });
  });

  it('is silent in patches listed by a kustomization above (patches/ folder)', () => {
    const files = { 'k8s/overlays/dev/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: patches/replicas.yaml\n    target: { kind: Deployment }\n' };
    const src = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n';
    expectDiagnostics('k8s/overlays/dev/patches/replicas.yaml', src, { files, only: SCHEMA });
    assert.ok(diagnose('k8s/base/replicas.yaml', src, { files }).some((d) => d.code === 'K8S003'));
  });

  it('is silent in Kustomize patches', () => {
    const files = { 'k8s/overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: patch.yaml\n' };
    expectDiagnostics('k8s/overlays/prod/patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n', { files, only: [...SCHEMA, 'K8S019'] });
  });
});

describe('K8S004 enum and K8S005 quantity', () => {
  it('flags bad values with exact ranges', () => {
    expectDiagnostics(F, `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Sometimes
                 #^^^^^^^^ K8S004
  containers:
    - name: web
      image: nginx:1.27
      resources:
        requests:
          cpu: 1.5 cpu
               #^^^^^^ K8S005
          memory: 0.5
        limits:
          memory: 512mb
                  #^^^^ K8S005
`, { only: SCHEMA });
  });

  it('fixes the case of an enum and the unit of a quantity', () => {
    const pod = (v: string, m: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      imagePullPolicy: ${v}\n      resources:\n        limits:\n          memory: ${m}\n`;
    assert.equal(applyFix(F, pod('always', '1Gi'), 'K8S004'), pod('Always', '1Gi'));
    assert.equal(applyFix(F, pod('Always', '512mb'), 'K8S005'), pod('Always', '512Mi'));
  });
});

describe('K8S006 duplicate key', () => {
  it('flags the second key', () => {
    expectDiagnostics(F, `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  aa: "1"
  aa: "2"
  #^ K8S006
`, { only: SCHEMA });
  });
});

describe('templated documents', () => {
  it('skip schema validation (Helm)', () => {
    expectDiagnostics('charts/web/templates/deployment.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - name: web
          image: "{{ .Values.image }}"
          bogus: {{ .Values.x }}
`, { only: SCHEMA });
  });
});

describe('K8S007/K8S008 api versions', () => {
  it('depends on the target version', () => {
    const src = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: busybox:1.36\n';
    const codes = (v: string) => diagnose(F, src, { settings: { kubernetesVersion: v } }).map((d) => String(d.code)).filter((c) => c === 'K8S007' || c === 'K8S008');
    assert.deepEqual(codes('1.33'), ['K8S007']);
    assert.deepEqual(codes('1.22'), ['K8S008']);
    assert.deepEqual(codes('1.20'), []);
  });

  it('moves a Deployment to apps/v1, adding the selector from the template labels', () => {
    const before = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
    const after = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
      tier: front
  replicas: 2
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
    assert.equal(applyFix(F, before, 'K8S007'), after);
    assert.deepEqual(diagnose(F, after).filter((d) => SCHEMA.includes(String(d.code))), []);
  });

  it('reports the apiVersion value, with no fix where the move is not mechanical', () => {
    const src = `apiVersion: apiextensions.k8s.io/v1beta1
            #^^^^^^^^^^^^^^^^^^^^^^^^^^^ K8S007
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  version: v1
  scope: Namespaced
  names: { plural: widgets, kind: Widget }
`;
    const d = expectDiagnostics(F, src, { only: ['K8S007'] });
    assert.equal((d[0].data as { fixes: unknown[] }).fixes.length, 0);
  });

  it('moves an Ingress to networking.k8s.io/v1: backends, defaultBackend, pathType', () => {
    const before = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: site
spec:
  backend:
    serviceName: fallback
    servicePort: 80
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            backend:
              serviceName: web
              servicePort: http
          - path: /api
            pathType: Prefix
            backend: { serviceName: api, servicePort: 8080 }
`;
    const after = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
  defaultBackend:
    service:
      name: fallback
      port:
        number: 80
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: ImplementationSpecific
            backend:
              service:
                name: web
                port:
                  name: http
          - path: /api
            pathType: Prefix
            backend: { service: { name: api, port: { number: 8080 } } }
`;
    assert.equal(applyFix(F, before, 'K8S007'), after);
    assert.deepEqual(diagnose(F, after).filter((d) => SCHEMA.includes(String(d.code))).map((d) => d.message), []);
  });
});
