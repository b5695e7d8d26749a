// Round 7: K8S034 (Service fields that contradict its type, rejected by the API server), native sidecars
// (init containers with `restartPolicy: Always`, Kubernetes 1.29+), and kinds of the seventh real-world
// audit (Istio, Linkerd, Crossplane, CloudNativePG, Strimzi, OpenShift templates).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, diagnose, expectDiagnostics } from '../../helpers/service';

const F = 'k8s/svc.yaml';
const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));
const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${spec}`;

describe('K8S034 Service type conflicts', () => {
  it('headless (clusterIP: None) LoadBalancer and NodePort Services', () => {
    expectDiagnostics(F, service(`  type: LoadBalancer
  clusterIP: None
             #^^^ K8S034
  selector:
    app: db
  ports:
    - port: 5432
`), { only: ['K8S034'] });
    expectDiagnostics(F, service(`  type: NodePort
  clusterIP: None
             #^^^ K8S034
  selector:
    app: db
  ports:
    - port: 5432
`), { only: ['K8S034'] });
  });

  it('ExternalName without externalName, and with a cluster IP', () => {
    expectDiagnostics(F, service(`  type: ExternalName
        #^^^^^^^^^^^ K8S034
`), { only: ['K8S034'] });
    expectDiagnostics(F, service(`  type: ExternalName
  externalName: db.example.com
  clusterIP: None
             #^^^ K8S034
`), { only: ['K8S034'] });
  });

  it('nodePort on a ClusterIP Service (explicit or by default), removed by the fix', () => {
    expectDiagnostics(F, service(`  selector:
    app: db
  ports:
    - port: 5432
      nodePort: 30432
      #^^^^^^^ K8S034
`), { only: ['K8S034'] });
    const src = service(`  type: ClusterIP
  selector:
    app: db
  ports:
    - port: 5432
      nodePort: 30432
`);
    assert.equal(applyFix(F, src, 'K8S034'), service(`  type: ClusterIP
  selector:
    app: db
  ports:
    - port: 5432
`));
  });

  it('externalTrafficPolicy and loadBalancerSourceRanges where the type does not allow them', () => {
    expectDiagnostics(F, service(`  type: ClusterIP
  externalTrafficPolicy: Local
  #^^^^^^^^^^^^^^^^^^^^ K8S034
  selector:
    app: db
  ports:
    - port: 5432
`), { only: ['K8S034'] });
    expectDiagnostics(F, service(`  type: NodePort
  loadBalancerSourceRanges:
  #^^^^^^^^^^^^^^^^^^^^^^^ K8S034
    - 10.0.0.0/8
  selector:
    app: db
  ports:
    - port: 5432
`), { only: ['K8S034'] });
  });

  it('the message names the reason in both languages', () => {
    const src = service(`  type: LoadBalancer
  clusterIP: None
  ports:
    - port: 5432
`);
    const en = diagnose(F, src).find((d) => d.code === 'K8S034')!;
    assert.match(String(en.message), /LoadBalancer/);
    assert.match(String(en.message), /None/);
    const ru = diagnose(F, src, { settings: { locale: 'ru' } }).find((d) => d.code === 'K8S034')!;
    assert.match(String(ru.message), /API-сервер/);
    assert.match(String(ru.message), /LoadBalancer/);
  });

  it('valid combinations stay silent', () => {
    const valid = [
      // headless ClusterIP (StatefulSet governing Service), explicit and by default
      service(`  clusterIP: None
  selector:
    app: db
  ports:
    - port: 5432
`),
      service(`  type: ClusterIP
  clusterIP: None
  publishNotReadyAddresses: true
  ports:
    - name: peer
      port: 2380
`),
      // ExternalName with its target and an empty clusterIP
      service(`  type: ExternalName
  externalName: my.database.example.com
  clusterIP: ""
`),
      // LoadBalancer with the fields that belong to it
      service(`  type: LoadBalancer
  externalTrafficPolicy: Local
  loadBalancerSourceRanges:
    - 203.0.113.0/24
  selector:
    app: db
  ports:
    - port: 5432
      nodePort: 30432
`),
      // ClusterIP with externalIPs is reachable from outside: externalTrafficPolicy is allowed
      service(`  type: ClusterIP
  externalIPs:
    - 198.51.100.7
  externalTrafficPolicy: Local
  selector:
    app: db
  ports:
    - port: 5432
`),
      // openshift/origin db templates write `nodePort: 0` (unset) on ClusterIP Services
      service(`  ports:
  - name: redis
    protocol: TCP
    port: 6379
    targetPort: 6379
    nodePort: 0
  selector:
    name: redis
  type: ClusterIP
  sessionAffinity: None
`),
    ];
    for (const src of valid) assert.deepEqual(codes(F, src).filter((c) => c === 'K8S034'), [], src);
  });

  it('Helm templates and kustomize patches are not judged', () => {
    const helm = `apiVersion: v1
kind: Service
metadata:
  name: {{ include "app.fullname" . }}
spec:
  type: {{ .Values.service.type }}
  clusterIP: None
  ports:
    - port: {{ .Values.service.port }}
`;
    assert.deepEqual(codes('chart/templates/svc.yaml', helm, { files: { 'chart/Chart.yaml': 'name: app\nversion: 1.0.0\n' } }).filter((c) => c === 'K8S034'), []);
    const patch = service(`  type: NodePort
`).replace('spec:\n', 'spec:\n  clusterIP: None\n');
    const files = { 'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: svc-patch.yaml\n' };
    assert.deepEqual(codes('overlay/svc-patch.yaml', patch, { files }).filter((c) => c === 'K8S034'), []);
  });
});

// An Istio-like pod with the proxy as a native sidecar (`values.pilot.env.ENABLE_NATIVE_SIDECARS`),
// the way `istioctl kube-inject` writes it: istio-init (a regular init container) then istio-proxy with
// `restartPolicy: Always`, its own ports and probes.
const mesh = (appContainer: string, proxyExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews
spec:
  replicas: 2
  selector:
    matchLabels:
      app: reviews
  template:
    metadata:
      labels:
        app: reviews
    spec:
      initContainers:
        - name: istio-init
          image: docker.io/istio/proxyv2:1.24.0
          args: ["istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337"]
          securityContext:
            capabilities:
              add: ["NET_ADMIN", "NET_RAW"]
              drop: ["ALL"]
          resources:
            requests: { cpu: 10m, memory: 40Mi }
            limits: { cpu: "2", memory: 1Gi }
        - name: istio-proxy
          image: docker.io/istio/proxyv2:1.24.0
          restartPolicy: Always
          args: ["proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local"]
          ports:
            - name: http-envoy-prom
              containerPort: 15090
              protocol: TCP
${proxyExtra}          startupProbe:
            httpGet:
              path: /healthz/ready
              port: 15021
            periodSeconds: 1
            failureThreshold: 600
          lifecycle:
            preStop:
              exec:
                command: ["pilot-agent", "request", "POST", "drain"]
          resources:
            requests: { cpu: 10m, memory: 40Mi }
            limits: { cpu: "2", memory: 1Gi }
      containers:
${appContainer}`;
const app = `        - name: reviews
          image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.2
          ports:
            - name: http
              containerPort: 9080
          resources:
            requests: { cpu: 100m, memory: 256Mi }
            limits: { memory: 256Mi }
`;
const readiness = `          readinessProbe:
            httpGet:
              path: /healthz/ready
              port: 15021
`;

describe('native sidecars (initContainers with restartPolicy: Always)', () => {
  it('the schema accepts restartPolicy, probes and lifecycle on init containers', () => {
    const found = codes('k8s/reviews.yaml', mesh(app + readiness.replace(/15021/, '9080'), readiness));
    for (const id of ['K8S001', 'K8S002', 'K8S003', 'K8S004', 'K8S016', 'K8S017']) assert.ok(!found.includes(id), `${id} in ${found}`);
  });

  it('K8S016 checks a serving sidecar like an app container', () => {
    // the app serves nothing itself; the sidecar declares a port and has no readiness probe
    const worker = `        - name: worker
          image: docker.io/library/busybox:1.36
          resources:
            requests: { cpu: 100m, memory: 64Mi }
            limits: { memory: 64Mi }
`;
    const d = diagnose('k8s/reviews.yaml', mesh(worker)).filter((x) => x.code === 'K8S016');
    assert.equal(d.length, 1);
    assert.match(String(d[0].message), /istio-proxy/);
    // the sidecar's readiness probe gates the pod like any container's
    assert.deepEqual(codes('k8s/reviews.yaml', mesh(app, readiness)).filter((c) => c === 'K8S016'), []);
  });

  it('a regular init container does not count as serving (K8S016)', () => {
    const src = mesh(app, readiness).replace('          restartPolicy: Always\n', '');
    assert.deepEqual(codes('k8s/reviews.yaml', src).filter((c) => c === 'K8S016'), ['K8S016']);
  });

  it('K8S026: a Service may target a port that only a native sidecar declares', () => {
    const svc = `apiVersion: v1
kind: Service
metadata:
  name: reviews-metrics
spec:
  selector:
    app: reviews
  ports:
    - name: metrics
      port: 15090
      targetPort: http-envoy-prom
`;
    const files = { 'k8s/reviews.yaml': mesh(app, readiness) };
    assert.deepEqual(codes('k8s/svc.yaml', svc, { files }).filter((c) => c === 'K8S026'), []);
    const plainInit = { 'k8s/reviews.yaml': mesh(app, readiness).replace('          restartPolicy: Always\n', '') };
    assert.deepEqual(codes('k8s/svc.yaml', svc, { files: plainInit }).filter((c) => c === 'K8S026'), ['K8S026']);
  });
});

describe('K8S035 probes and lifecycle on a plain init container', () => {
  const pod = (init: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
${init}  containers:
    - name: web
      image: nginx:1.27
`;
  it('fires on each forbidden field of a plain init container, and the fix removes it', () => {
    expectDiagnostics('k8s/pod.yaml', pod(`    - name: migrate
      image: example.com/migrate:1.4
      readinessProbe:
      #^^^^^^^^^^^^^ K8S035
        exec: { command: ["true"] }
      lifecycle:
      #^^^^^^^^ K8S035
        preStop:
          exec: { command: ["sleep", "5"] }
`), { only: ['K8S035'] });
    const src = pod(`    - name: migrate
      image: example.com/migrate:1.4
      startupProbe:
        tcpSocket: { port: 8080 }
`);
    assert.equal(applyFix('k8s/pod.yaml', src, 'K8S035'), pod(`    - name: migrate
      image: example.com/migrate:1.4
`));
  });

  it('is silent on native sidecars (the Istio-like pod above) and on plain init containers without probes', () => {
    assert.deepEqual(codes('k8s/reviews.yaml', mesh(app, readiness)).filter((c) => c === 'K8S035'), []);
    assert.deepEqual(codes('k8s/pod.yaml', pod(`    - name: wait-db
      image: busybox:1.36
      command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]
`)).filter((c) => c === 'K8S035'), []);
  });

  it('fires once the sidecar loses restartPolicy: Always', () => {
    const src = mesh(app, readiness).replace('          restartPolicy: Always\n', '');
    // readinessProbe, startupProbe and lifecycle of the former sidecar
    assert.deepEqual(codes('k8s/reviews.yaml', src).filter((c) => c === 'K8S035'), ['K8S035', 'K8S035', 'K8S035']);
  });
});
