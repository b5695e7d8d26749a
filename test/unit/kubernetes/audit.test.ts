// False positives and wrong messages found by the k8s/Ansible real-world audit: kubeadm patches,
// the K8S021 gate scoped to the folder / kustomization, sidecars without a readiness probe, messages
// that say what is true (K8S007 without a successor API, K8S011, K8S019) in both languages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, expectDiagnostics, hoverText } from '../../helpers/service';

const messages = (path: string, src: string, id: string, o = {}) => diagnose(path, src, o).filter((d) => d.code === id).map((d) => String(d.message));
const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));

// kubespray inventory/sample/patches/kube-controller-manager+merge.yaml (a kubeadm --patches file)
const KUBEADM_PATCH = `---
apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  annotations:
    prometheus.io/scrape: 'true'
    prometheus.io/port: '10257'
`;

describe('kubeadm --patches files are partial manifests', () => {
  it('K8S012 and the required-field / completeness rules stay silent on <component>+<type>.yaml', () => {
    const found = codes('inventory/sample/patches/kube-controller-manager+merge.yaml', KUBEADM_PATCH);
    assert.deepEqual(found, []);
    // a strategic patch of the apiserver's containers: no K8S003 (image), no K8S019/K8S016
    const patch = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\nspec:\n  containers:\n    - name: kube-apiserver\n      ports: [{ containerPort: 6443 }]\n';
    assert.deepEqual(codes('kubeadm/patches/kube-apiserver0+strategic.yaml', patch), []);
    assert.deepEqual(codes('kubeadm/kubeadm-patches/kube-apiserver.yaml', patch), []);
  });

  it('the same Pod is still a bare Pod elsewhere (name not a kubeadm target, or no patch folder)', () => {
    const pod = KUBEADM_PATCH.replace('kube-controller-manager', 'web').replace(/  annotations:[\s\S]*$/, 'spec:\n  containers:\n    - name: web\n      image: nginx:1.27\n');
    assert.ok(codes('inventory/sample/patches/web.yaml', pod).includes('K8S012'));
    assert.ok(codes('k8s/kube-controller-manager-debug.yaml', KUBEADM_PATCH).includes('K8S012'));
  });

  it('Kustomize patches get no K8S012 either', () => {
    const files = { 'k8s/overlays/dev/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: debug-pod.yaml\n' };
    assert.ok(!codes('k8s/overlays/dev/debug-pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n', { files }).includes('K8S012'));
  });
});

describe('K8S021 is gated by the Secrets/ConfigMaps defined near the reference', () => {
  // kubernetes/examples ai/vllm-deployment: hf-secret comes from `kubectl create secret`
  const vllm = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vllm-gemma-deployment
spec:
  replicas: 1
  selector:
    matchLabels: { app: gemma-server }
  template:
    metadata:
      labels: { app: gemma-server }
    spec:
      containers:
        - name: inference-server
          image: vllm/vllm-openai:v0.10.0
          env:
            - name: HUGGING_FACE_HUB_TOKEN
              valueFrom:
                secretKeyRef:
                  name: hf-secret
                        #^^^^^^^^ K8S021
                  key: hf_api_token
`;
  const unrelatedSecret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-tls\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: x\n  tls.key: y\n';
  const unrelatedConfigMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  a: b\n';
  const strip = (s: string) => s.replace(/^ *#\^+ K8S021\n/m, '');

  it('a Secret in another folder of a monorepo does not gate references here', () => {
    const files = { 'website/examples/secret/tls-auth-secret.yaml': unrelatedSecret, 'website/examples/secret/cm.yaml': unrelatedConfigMap };
    assert.ok(!codes('ai/vllm-deployment/vllm-deployment.yaml', strip(vllm), { files }).includes('K8S021'));
  });

  it('a Secret in the same folder does', () => {
    expectDiagnostics('ai/vllm-deployment/vllm-deployment.yaml', vllm, { files: { 'ai/vllm-deployment/tls.yaml': unrelatedSecret }, only: ['K8S021'] });
  });

  it('a Secret anywhere in the same kustomization does (folder of the nearest kustomization.yaml and below)', () => {
    const files = {
      'apps/llm/kustomization.yaml': 'resources:\n  - deploy/vllm-deployment.yaml\n  - secrets/tls.yaml\n',
      'apps/llm/secrets/tls.yaml': unrelatedSecret,
    };
    expectDiagnostics('apps/llm/deploy/vllm-deployment.yaml', vllm, { files, only: ['K8S021'] });
    // …but not a Secret of a sibling app outside that kustomization
    const sibling = { 'apps/llm/kustomization.yaml': files['apps/llm/kustomization.yaml'], 'apps/other/tls.yaml': unrelatedSecret };
    assert.ok(!codes('apps/llm/deploy/vllm-deployment.yaml', strip(vllm), { files: sibling }).includes('K8S021'));
  });

  it('ConfigMap references follow the same gate', () => {
    const src = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      envFrom:\n        - configMapRef:\n            name: nginxconfigmap\n';
    assert.ok(!codes('networking/nginx-secure-app.yaml', src, { files: { 'other/cm.yaml': unrelatedConfigMap } }).includes('K8S021'));
    assert.ok(codes('networking/nginx-secure-app.yaml', src, { files: { 'networking/cm.yaml': unrelatedConfigMap } }).includes('K8S021'));
    // the lookup itself stays workspace-wide: a ConfigMap of that name anywhere is found
    const named = unrelatedConfigMap.replace('name: other', 'name: nginxconfigmap');
    assert.ok(!codes('networking/nginx-secure-app.yaml', src, { files: { 'networking/cm.yaml': unrelatedConfigMap, 'shared/nginx.yaml': named } }).includes('K8S021'));
  });
});

describe('K8S016 and sidecars', () => {
  // kubernetes/website mysql-statefulset.yaml: mysql has a readinessProbe, the xtrabackup sidecar serves a port
  const sts = (mysqlProbe: boolean) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  selector:
    matchLabels: { app: mysql }
  serviceName: mysql
  template:
    metadata:
      labels: { app: mysql }
    spec:
      containers:
        - name: mysql
          image: mysql:5.7
          ports:
            - name: mysql
              containerPort: 3306
${mysqlProbe ? `          readinessProbe:
            exec:
              command: ["mysql", "-h", "127.0.0.1", "-e", "SELECT 1"]
` : ''}        - name: xtrabackup
          image: gcr.io/google-samples/xtrabackup:1.0
          ports:
            - name: xtrabackup
              containerPort: 3307
`;

  it('is silent when another container of the pod has a readinessProbe', () => {
    assert.ok(!codes('mysql/mysql-statefulset.yaml', sts(true)).includes('K8S016'));
  });

  it('fires on the serving containers when no container has one', () => {
    const found = diagnose('mysql/mysql-statefulset.yaml', sts(false)).filter((d) => d.code === 'K8S016');
    assert.equal(found.length, 2);
  });
});

describe('messages say what is true (en and ru)', () => {
  it('K8S007 for PodSecurityPolicy: removed with no replacement API, points to Pod Security Admission', () => {
    const psp = (v: string) => `apiVersion: ${v}\nkind: PodSecurityPolicy\nmetadata:\n  name: psp.flannel.unprivileged\nspec:\n  privileged: false\n`;
    for (const v of ['extensions/v1beta1', 'policy/v1beta1']) {
      for (const locale of ['en', 'ru'] as const) {
        const [m] = messages('flannel/kube-flannel.yml', psp(v), 'K8S007', { settings: { locale } });
        assert.ok(m, `${v} ${locale}`);
        assert.ok(m.includes('Pod Security Admission') && m.includes('pod-security.kubernetes.io/enforce'), m);
        assert.ok(!m.includes('—') && !m.includes('policy/v1beta1`:'), m);
        assert.ok(!/use `policy\/v1beta1`|используйте `policy\/v1beta1`/.test(m), m);
      }
      // no quick fix: there is nothing to move to
      const d = diagnose('flannel/kube-flannel.yml', psp(v)).find((x) => x.code === 'K8S007')!;
      assert.deepEqual((d.data as { fixes: unknown[] }).fixes, []);
    }
    // for a target where policy/v1beta1 was still served, the extensions PSP is told to move there
    const [old] = messages('flannel/kube-flannel.yml', psp('extensions/v1beta1'), 'K8S007', { settings: { kubernetesVersion: '1.20' } });
    assert.ok(old.endsWith('use `policy/v1beta1`'), old);
  });

  it('no K8S007/K8S008 message or apiVersion hover ends in a bare dash', () => {
    const cs = 'apiVersion: v1\nkind: ComponentStatus\nmetadata:\n  name: scheduler\n';
    for (const locale of ['en', 'ru'] as const) {
      const [m] = messages('k8s/cs.yaml', cs, 'K8S008', { settings: { locale } });
      assert.ok(m && !m.includes('—') && m.includes('/livez'), m);
      const h = hoverText('k8s/psp.yaml', 'apiVersion: policy/v1be<|>ta1\nkind: PodSecurityPolicy\nmetadata:\n  name: p\n', { settings: { locale } });
      assert.ok(h.includes('Pod Security Admission') && !h.includes('`—`'), h);
    }
  });

  it('K8S011 says the template has a name', () => {
    const src = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: metrics-server\nspec:\n  selector:\n    matchLabels: { k8s-app: metrics-server }\n  template:\n    metadata:\n      name: metrics-server\n      labels: { k8s-app: metrics-server }\n    spec:\n      containers:\n        - name: metrics-server\n          image: registry.k8s.io/metrics-server/metrics-server:v0.7.2\n';
    const [en] = messages('manifests/base/deployment.yaml', src, 'K8S011');
    const [ru] = messages('manifests/base/deployment.yaml', src, 'K8S011', { settings: { locale: 'ru' } });
    assert.equal(en, "The Deployment's pod template has a name: pod names are generated, so this one is ignored");
    assert.ok(!/no name|нет имени/.test(en + ru) && ru.includes('задано имя'), ru);
  });

  it('K8S019 reads "requests or limits"', () => {
    const pod = (res: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n${res}`;
    assert.deepEqual(messages('k8s/p.yaml', pod(''), 'K8S019'), ['Container `c` sets no requests or limits']);
    assert.deepEqual(messages('k8s/p.yaml', pod(''), 'K8S019', { settings: { locale: 'ru' } }), ['У контейнера `c` не заданы ни реквесты, ни лимиты']);
    assert.deepEqual(messages('k8s/p.yaml', pod('      resources:\n        requests: { cpu: 100m }\n'), 'K8S019'), ['Container `c` sets no limits']);
  });
});

describe('K8S030 and node agents', () => {
  // flannel-io/flannel Documentation/kube-flannel.yml (trimmed)
  const ds = (tolerations: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-flannel-ds-amd64
  namespace: kube-system
spec:
  selector:
    matchLabels: { app: flannel }
  template:
    metadata:
      labels: { app: flannel }
    spec:
      hostNetwork: true
${tolerations}      serviceAccountName: flannel
      containers:
        - name: kube-flannel
          image: quay.io/coreos/flannel:v0.11.0-amd64
          securityContext:
            capabilities:
              add: ["NET_ADMIN"]
`;

  it('is silent on a DaemonSet that tolerates every taint (CNI plugin, kube-proxy)', () => {
    assert.ok(!codes('flannel/kube-flannel.yml', ds('      tolerations:\n        - operator: Exists\n          effect: NoSchedule\n')).includes('K8S030'));
  });

  it('still fires on a DaemonSet scheduled only on some nodes, and on other workloads', () => {
    assert.ok(codes('flannel/kube-flannel.yml', ds('      tolerations:\n        - key: dedicated\n          operator: Exists\n')).includes('K8S030'));
    assert.ok(codes('flannel/kube-flannel.yml', ds('')).includes('K8S030'));
    const deploy = ds('      tolerations:\n        - operator: Exists\n').replace('kind: DaemonSet', 'kind: Deployment');
    assert.ok(codes('flannel/kube-flannel.yml', deploy).includes('K8S030'));
  });
});
