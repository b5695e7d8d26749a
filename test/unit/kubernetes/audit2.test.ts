// False positives found by the second real-world audit (vendor install manifests, operator and
// GitOps examples): embedded PVCs of old StatefulSet versions, images pinned by a kustomization,
// Services whose pods an operator creates, node agents that tolerate the control-plane taint.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, hoverText } from '../../helpers/service';

const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));

describe('K8S003 and whole objects embedded in old API versions', () => {
  // longhorn/longhorn examples/statefulset.yaml (apps/v1beta2: volumeClaimTemplates are PersistentVolumeClaims)
  const sts = `apiVersion: apps/v1beta2
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: k8s.gcr.io/nginx-slim:0.8
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      storageClassName: "longhorn"
      resources:
        requests:
          storage: 1Gi
`;

  it('a volumeClaimTemplate needs no apiVersion/kind (only K8S007 for the removed version)', () => {
    const found = codes('examples/statefulset.yaml', sts);
    assert.ok(!found.includes('K8S003'), found.join());
    assert.ok(found.includes('K8S007'));
  });

  it('other required fields of the embedded object are still checked', () => {
    // a container without a name
    assert.ok(codes('examples/statefulset.yaml', sts.replace('      - name: nginx\n        image', '      - image')).includes('K8S003'));
  });
});

describe('K8S033 and images pinned by a kustomization', () => {
  // kubernetes-sigs/external-dns kustomize/: the tag comes from `images: newTag`
  const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: external-dns
spec:
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: external-dns
  template:
    metadata:
      labels:
        app: external-dns
    spec:
      serviceAccountName: external-dns
      containers:
        - name: external-dns
          image: k8s.gcr.io/external-dns/external-dns
          args:
            - --source=service
`;
  const kustomization = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization

images:
  - name: k8s.gcr.io/external-dns/external-dns
    newTag: v0.10.0

resources:
  - ./external-dns-deployment.yaml
`;

  it('is silent when the kustomization beside it sets newTag (or digest) for that image', () => {
    assert.ok(!codes('kustomize/external-dns-deployment.yaml', deploy, { files: { 'kustomize/kustomization.yaml': kustomization } }).includes('K8S033'));
    const digest = kustomization.replace('newTag: v0.10.0', 'digest: sha256:1f4f402b9c14f3ae92b11ada1dfe9893a88f0faeb0b2f4b903e2c67a0c3bf0de');
    assert.ok(!codes('kustomize/external-dns-deployment.yaml', deploy, { files: { 'kustomize/kustomization.yaml': digest } }).includes('K8S033'));
  });

  it('an overlay that sets the tag counts too (base/ + overlays/prod/)', () => {
    const files = { 'app/overlays/prod/kustomization.yaml': 'resources: [../../base]\nimages:\n  - name: k8s.gcr.io/external-dns/external-dns\n    newTag: v0.10.0\n' };
    assert.ok(!codes('app/base/deployment.yaml', deploy, { files }).includes('K8S033'));
  });

  it('still fires without a kustomization, for another image, with newTag: latest, or with only newName', () => {
    assert.ok(codes('kustomize/external-dns-deployment.yaml', deploy).includes('K8S033'));
    const other = kustomization.replace('name: k8s.gcr.io/external-dns/external-dns', 'name: k8s.gcr.io/other');
    assert.ok(codes('kustomize/external-dns-deployment.yaml', deploy, { files: { 'kustomize/kustomization.yaml': other } }).includes('K8S033'));
    const latest = kustomization.replace('newTag: v0.10.0', 'newTag: latest');
    assert.ok(codes('kustomize/external-dns-deployment.yaml', deploy, { files: { 'kustomize/kustomization.yaml': latest } }).includes('K8S033'));
    const newName = kustomization.replace('newTag: v0.10.0', 'newName: registry.example.com/external-dns');
    assert.ok(codes('kustomize/external-dns-deployment.yaml', deploy, { files: { 'kustomize/kustomization.yaml': newName } }).includes('K8S033'));
  });
});

describe('K8S025 and pods an operator creates', () => {
  // prometheus-operator example/user-guides/getting-started: the Prometheus CR named `prometheus`
  // makes a StatefulSet whose pods carry `prometheus: prometheus`
  const service = `apiVersion: v1
kind: Service
metadata:
  name: prometheus
spec:
  type: NodePort
  ports:
  - name: web
    nodePort: 30900
    port: 9090
    protocol: TCP
    targetPort: web
  selector:
    prometheus: prometheus
`;
  const prometheus = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata:
  name: prometheus
spec:
  serviceMonitorSelector:
    matchLabels:
      team: frontend
  resources:
    requests:
      memory: 400Mi
`;
  const app = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: example-app\nspec:\n  selector:\n    matchLabels: { app: example-app }\n  template:\n    metadata:\n      labels: { app: example-app }\n    spec:\n      containers:\n      - name: example-app\n        image: quay.io/brancz/prometheus-example-app:v0.5.0\n';
  const dir = 'example/user-guides/getting-started';

  it('is silent when a custom resource of the same namespace is named like a selector value', () => {
    const files = { [`${dir}/prometheus.yaml`]: prometheus, [`${dir}/example-app-deployment.yaml`]: app };
    assert.ok(!codes(`${dir}/prometheus-service.yaml`, service, { files }).includes('K8S025'));
  });

  it('still fires without it, when the resource is built-in, or in another namespace', () => {
    assert.ok(codes(`${dir}/prometheus-service.yaml`, service, { files: { [`${dir}/example-app-deployment.yaml`]: app } }).includes('K8S025'));
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus\ndata:\n  a: b\n';
    assert.ok(codes(`${dir}/prometheus-service.yaml`, service, { files: { [`${dir}/cm.yaml`]: cm, [`${dir}/example-app-deployment.yaml`]: app } }).includes('K8S025'));
    const elsewhere = prometheus.replace('  name: prometheus\n', '  name: prometheus\n  namespace: monitoring\n');
    const svc = service.replace('  name: prometheus\n', '  name: prometheus\n  namespace: default\n');
    assert.ok(codes(`${dir}/prometheus-service.yaml`, svc, { files: { [`${dir}/prometheus.yaml`]: elsewhere, [`${dir}/example-app-deployment.yaml`]: app } }).includes('K8S025'));
  });
});

describe('K8S030 and DaemonSets that tolerate the control-plane taint', () => {
  // metallb/metallb config/controllers/speaker.yaml (trimmed): L2 announcements need the host network
  const speaker = (tolerations: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: speaker
spec:
  selector:
    matchLabels:
      app: metallb
      component: speaker
  template:
    metadata:
      labels:
        app: metallb
        component: speaker
    spec:
      containers:
      - name: speaker
        image: quay.io/metallb/speaker:v0.13.9
        securityContext:
          capabilities:
            add:
            - NET_RAW
      hostNetwork: true
      serviceAccountName: speaker
${tolerations}`;
  const cp = `      tolerations:
      - effect: NoSchedule
        key: node-role.kubernetes.io/master
        operator: Exists
      - effect: NoSchedule
        key: node-role.kubernetes.io/control-plane
        operator: Exists
`;

  it('is silent on a DaemonSet that runs on control-plane nodes too', () => {
    assert.ok(!codes('config/controllers/speaker.yaml', speaker(cp)).includes('K8S030'));
  });

  it('still fires for another taint key, an Equal toleration, or a Deployment', () => {
    assert.ok(codes('config/controllers/speaker.yaml', speaker(cp.replace(/node-role\.kubernetes\.io\/(master|control-plane)/g, 'dedicated'))).includes('K8S030'));
    assert.ok(codes('config/controllers/speaker.yaml', speaker(cp.replace(/operator: Exists/g, 'operator: Equal\n        value: "true"'))).includes('K8S030'));
    assert.ok(codes('config/controllers/speaker.yaml', speaker(cp).replace('kind: DaemonSet', 'kind: Deployment')).includes('K8S030'));
  });
});

describe('the Service selector hover', () => {
  const dir = 'example/user-guides/getting-started';
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: prometheus\nspec:\n  selector:\n    prom<|>etheus: prometheus\n  ports:\n  - port: 9090\n';
  const prometheus = 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: prometheus\nspec:\n  resources:\n    requests:\n      memory: 400Mi\n';
  const app = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: example-app\nspec:\n  selector:\n    matchLabels: { app: example-app }\n  template:\n    metadata:\n      labels: { app: example-app }\n    spec:\n      containers:\n      - name: example-app\n        image: quay.io/brancz/prometheus-example-app:v0.5.0\n';

  it('names the custom resource whose operator makes the pods, in both languages', () => {
    const files = { [`${dir}/prometheus.yaml`]: prometheus, [`${dir}/example-app-deployment.yaml`]: app };
    const en = hoverText(`${dir}/prometheus-service.yaml`, service, { files });
    assert.match(en, /an operator creates these pods/);
    assert.match(en, /`Prometheus\/prometheus`/);
    assert.doesNotMatch(en, /Matches no pod template/);
    const ru = hoverText(`${dir}/prometheus-service.yaml`, service, { files, settings: { locale: 'ru' } });
    assert.match(ru, /эти поды создаёт оператор/);
  });

  it('says "matches no pod template" only with a workspace index to look in', () => {
    const files = { [`${dir}/example-app-deployment.yaml`]: app };
    assert.match(hoverText(`${dir}/prometheus-service.yaml`, service, { files }), /Matches no pod template/);
    assert.doesNotMatch(hoverText(`${dir}/prometheus-service.yaml`, service, { files, index: false }), /Matches no pod template/);
  });
});
