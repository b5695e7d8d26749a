// The notes' rules (K8S010–K8S033) on caret-annotated fixtures, their quick fixes as before/after,
// the hardening rules (off by default) and kube-linter annotations as suppressions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics } from '../../helpers/service';

const F = 'k8s/app.yaml';
const codes = (src: string, o = {}) => diagnose(F, src, o).map((d) => String(d.code));

const deployment = (body: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${body}`;

describe('workload rules (K8S-05, K8S-06)', () => {
  it('K8S010 selector not matching the template labels', () => {
    expectDiagnostics(F, deployment(`  selector:
    matchLabels:
      app: web
      tier: front
      #^^^ K8S010
  template:
    metadata:
      labels:
        app: web
        tier: back
    spec:
      containers:
        - name: web
          image: nginx:1.27
`), { only: ['K8S010'] });
  });

  it('K8S011 template name, removed by the fix', () => {
    const before = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      name: web-pod
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
    expectDiagnostics(F, before.replace('      name: web-pod\n', '      name: web-pod\n      #^^^ K8S011\n'), { only: ['K8S011'] });
    assert.equal(applyFix(F, before, 'K8S011'), before.replace('      name: web-pod\n', ''));
  });

  it('K8S012 bare Pod (info), not for kube-system static pods', () => {
    expectDiagnostics(F, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n'.replace('kind: Pod\n', 'kind: Pod\n      #^^ K8S012\n'), { only: ['K8S012'] });
    assert.ok(!codes('apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n').includes('K8S012'));
  });

  it('K8S013 rollingUpdate under Recreate, removed by the fix', () => {
    const before = deployment(`  strategy:
    type: Recreate
    rollingUpdate:
      maxSurge: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`);
    expectDiagnostics(F, before.replace('    rollingUpdate:\n', '    rollingUpdate:\n    #^^^^^^^^^^^^ K8S013\n'), { only: ['K8S013'] });
    assert.equal(applyFix(F, before, 'K8S013'), before.replace('    rollingUpdate:\n      maxSurge: 1\n', ''));
  });

  it('K8S014 maxSurge and maxUnavailable both zero', () => {
    assert.ok(codes(deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: "0%"\n')).includes('K8S014'));
    assert.ok(!codes(deployment('  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n')).includes('K8S014'));
  });
});

const pod = (containers: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${extra}  containers:
${containers}`;

describe('probes (K8S-07)', () => {
  it('K8S015 successThreshold on liveness/startup, fixed to 1', () => {
    const before = pod(`    - name: c
      image: nginx:1.27
      startupProbe:
        exec: { command: [true] }
        successThreshold: 2
`);
    expectDiagnostics(F, before.replace('successThreshold: 2\n', 'successThreshold: 20\n                          #^ K8S015\n'), { only: ['K8S015'] }).length;
  });

  it('K8S015 fix', () => {
    const before = pod('    - name: c\n      image: nginx:1.27\n      livenessProbe:\n        tcpSocket: { port: 80 }\n        successThreshold: 3\n');
    assert.equal(applyFix(F, before, 'K8S015'), before.replace('successThreshold: 3', 'successThreshold: 1'));
  });

  it('K8S016 serving containers without readiness, only in workloads', () => {
    const body = `  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
                #^^ K8S016
          image: nginx:1.27
          ports: [{ containerPort: 80 }]
        - name: sidecar
          image: busybox:1.36
`;
    expectDiagnostics(F, deployment(body), { only: ['K8S016'] });
    assert.ok(!codes(pod('    - name: c\n      image: nginx:1.27\n      ports: [{ containerPort: 80 }]\n')).includes('K8S016'));
  });

  it('K8S017 a probe naming an undeclared port', () => {
    expectDiagnostics(F, pod(`    - name: c
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 80
      readinessProbe:
        httpGet:
          path: /
          port: htp
                #^^ K8S017
      livenessProbe:
        httpGet: { path: /, port: http }
`), { only: ['K8S017'] });
  });
});

describe('resources (K8S-08, K8S-09)', () => {
  it('K8S018 request above limit, K8S019 missing requests/limits', () => {
    expectDiagnostics(F, pod(`    - name: a
      image: nginx:1.27
      resources:
        requests:
          memory: 2Gi
                  #^^ K8S018
          cpu: 500m
        limits:
          memory: 1024Mi
          cpu: "0.5"
    - name: bb
            #^ K8S019
      image: nginx:1.27
      resources:
        limits: { memory: 1Gi }
`), { only: ['K8S018', 'K8S019'] });
  });
});

describe('config and secrets (K8S-10, K8S-11)', () => {
  it('K8S020 volumeMount without a volume (volumeClaimTemplates count)', () => {
    expectDiagnostics(F, pod(`    - name: c
      image: nginx:1.27
      volumeMounts:
        - name: data
          mountPath: /data
        - name: cfg
                #^^ K8S020
          mountPath: /etc/app
`, '  volumes:\n    - name: data\n      emptyDir: {}\n'), { only: ['K8S020'] });
    assert.ok(!codes(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: db
          image: postgres:16
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 1Gi
`).includes('K8S020'));
  });

  it('K8S021/K8S022 references across the workspace; optional and generated names are fine', () => {
    const files = {
      'k8s/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  MODE: prod\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: other\nstringData:\n  A: b\n',
      'k8s/kustomization.yaml': 'configMapGenerator:\n  - name: generated\n    literals: [A=1]\n',
    };
    expectDiagnostics(F, pod(`    - name: c
      image: nginx:1.27
      envFrom:
        - configMapRef:
            name: app-config
        - configMapRef:
            name: generated
        - secretRef:
            name: missing-secret
                  #^^^^^^^^^^^^^ K8S021
        - secretRef:
            name: opt
            optional: true
      env:
        - name: M
          valueFrom:
            configMapKeyRef:
              name: app-config
              key: MOD
                   #^^ K8S022
`, '  imagePullSecrets:\n    - name: regcred\n            #^^^^^^ K8S021\n'), { files, only: ['K8S021', 'K8S022'] });
  });

  it('K8S021 stays silent without a workspace index, or when the workspace defines no object of that kind', () => {
    const src = pod('    - name: c\n      image: nginx:1.27\n      envFrom:\n        - configMapRef:\n            name: nowhere\n');
    const files = { 'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: somewhere\n' };
    assert.ok(!codes(src, { index: false, files }).includes('K8S021'));
    assert.ok(!codes(src).includes('K8S021'));
    assert.ok(codes(src, { files }).includes('K8S021'));
  });

  it('K8S023 invalid base64, encoded by the fix; K8S024 tls keys', () => {
    const before = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: hunter2!\n  ok: aHVudGVyMg==\n';
    expectDiagnostics(F, before.replace('hunter2!\n', 'hunter2!\n            #^^^^^^^ K8S023\n'), { only: ['K8S023'] });
    assert.equal(applyFix(F, before, 'K8S023'), before.replace('hunter2!', Buffer.from('hunter2!').toString('base64')));
    expectDiagnostics(F, `apiVersion: v1
kind: Secret
metadata:
  name: t
type: kubernetes.io/tls
      #^^^^^^^^^^^^^^^^ K8S024
stringData:
  tls.crt: cert
`, { only: ['K8S024'] });
  });
});

describe('services and ingress (K8S-12, K8S-15)', () => {
  const app = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web, tier: front }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
`;
  const svc = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
    - name: http
      port: 80
      targetPort: http
`;

  it('K8S025 selector matching nothing, K8S026 undeclared targetPort', () => {
    expectDiagnostics('k8s/svc.yaml', `apiVersion: v1
kind: Service
metadata:
  name: other
spec:
  selector:
  #^^^^^^^ K8S025
    app: nothing
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web2
spec:
  selector:
    tier: front
  ports:
    - port: 80
      targetPort: web
                  #^^ K8S026
`, { files: { 'k8s/app.yaml': app }, only: ['K8S025', 'K8S026'] });
  });

  it('K8S027 missing backend Service, K8S028 port not exposed', () => {
    expectDiagnostics('k8s/ing.yaml', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
  ingressClassName: nginx
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: { number: 8080 }
                                #^^^ K8S028
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                      #^^ K8S027
                port: { name: http }
          - path: /x
            pathType: Prefix
            backend:
              service:
                name: web
                port: { name: http }
`, { files: { 'k8s/app.yaml': app, 'k8s/svc.yaml': svc }, only: ['K8S027', 'K8S028'] });
  });

  it('K8S027 only where Services are defined near the Ingress (same folder or kustomization)', () => {
    const ingress = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: site\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: api\n                port: { number: 80 }\n';
    // a Service of an unrelated example elsewhere in the repository says nothing about this folder
    assert.deepEqual(diagnose('examples/tls/ing.yaml', ingress, { files: { 'examples/other/svc.yaml': svc } }).filter((d) => d.code === 'K8S027'), []);
    // the same kustomization defines Services: the missing one is a finding
    const found = diagnose('deploy/overlays/ing.yaml', ingress, { files: { 'deploy/kustomization.yaml': 'resources: [base/svc.yaml, overlays/ing.yaml]\n', 'deploy/base/svc.yaml': svc } }).filter((d) => d.code === 'K8S027');
    assert.equal(found.length, 1);
  });
});

describe('scheduling and host access (K8S-19, DOCKER-10/11/12/13)', () => {
  it('flags nodeName, host namespaces, privileged, docker.sock and latest images', () => {
    expectDiagnostics(F, pod(`    - name: c
      image: nginx:latest
             #^^^^^^^^^^^ K8S033
      securityContext:
        privileged: true
        #^^^^^^^^^ K8S031
    - name: d
      image: quay.io/team/tool
             #^^^^^^^^^^^^^^^^ K8S033
`, `  nodeName: node-1
  #^^^^^^^ K8S029
  hostPID: true
  #^^^^^^ K8S030
  hostNetwork: false
  volumes:
    - name: sock
      hostPath:
        path: /var/run/docker.sock
              #^^^^^^^^^^^^^^^^^^^ K8S032
`), { only: ['K8S029', 'K8S030', 'K8S031', 'K8S032', 'K8S033'] });
  });
});

describe('hardening rules', () => {
  const src = pod('    - name: c\n      image: nginx:1.27\n');
  it('are off by default and on with the hardening setting', () => {
    const hard = ['K8S040', 'K8S041', 'K8S043'];
    assert.deepEqual(codes(src).filter((c) => hard.includes(c)), []);
    assert.deepEqual(codes(src, { settings: { hardening: true } }).filter((c) => hard.includes(c)).sort(), hard);
  });
});

describe('suppressions', () => {
  it('kube-linter ignore-check annotations suppress the matching rule over the object', () => {
    const src = `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    ignore-check.kube-linter.io/latest-tag: "pinned by digest at deploy time"
spec:
  hostNetwork: true
  containers:
    - name: c
      image: nginx
---
apiVersion: v1
kind: Pod
metadata:
  name: q
spec:
  containers:
    - name: c
      image: nginx
`;
    const d = diagnose(F, src).filter((x) => x.code === 'K8S033');
    assert.deepEqual(d.map((x) => x.range.start.line), [19]);
    assert.ok(codes(src).includes('K8S030'));
  });

  it("the extension's own comment form works too", () => {
    const src = pod('    - name: c\n      # infra-notes-ignore K8S033\n      image: nginx\n');
    assert.ok(!codes(src).includes('K8S033'));
  });
});
