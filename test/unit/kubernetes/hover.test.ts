// Golden hovers in both languages: QoS class, Service DNS name, decoded Secret data; plus field
// reference hovers (type, required, allowed values), the notes link, apiVersion status, image parts,
// selector matches and the exact hover range.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt, hoverText } from '../../helpers/service';

const F = 'k8s/app.yaml';
const NOTE = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      re<|>sources:
        requests: { cpu: 250m, memory: 256Mi }
        limits: { cpu: 250m, memory: 256Mi }
    - name: log
      image: busybox:1.36
      resources:
        limits: { cpu: 100m, memory: 64Mi }
`;

describe('computed hovers', () => {
  it('QoS class with the reason per container (en)', () => {
    const text = hoverText(F, pod);
    assert.ok(text.includes('**QoS class of this pod: Guaranteed**\n- `app`: cpu and memory limits, requests equal to them\n- `log`: cpu and memory limits, requests equal to them'), text);
    assert.ok(text.includes(NOTE('K8S09'.replace('K8S09', 'K8S-09'))));
  });

  it('QoS class with the reason per container (ru), Burstable and BestEffort', () => {
    const burst = pod.replace('limits: { cpu: 250m, memory: 256Mi }', 'limits: { memory: 256Mi }');
    const ru = hoverText(F, burst, { settings: { locale: 'ru' } });
    assert.ok(ru.includes('**QoS Class этого пода: Burstable**\n- `app`: не задан лимит cpu или memory\n- `log`: лимиты cpu и memory, реквесты равны лимитам'), ru);
    const none = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  con<|>tainers:\n    - name: a\n      image: nginx:1.27\n`;
    assert.ok(hoverText(F, none).includes('**QoS class of this pod: BestEffort**\n- `a`: no requests or limits'));
  });

  it('QoS class on the kind of a pod or workload', () => {
    assert.ok(hoverText(F, pod.replace('re<|>sources', 'resources').replace('kind: Pod', 'kind: P<|>od')).includes('**QoS class of this pod: Guaranteed**'));
  });

  it('Service metadata.name → DNS name, default namespace when unset', () => {
    const svc = (ns: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: we<|>b\n${ns}spec:\n  ports:\n    - port: 80\n`;
    assert.ok(hoverText(F, svc('')).includes('**DNS name:** `web.default.svc.cluster.local`'));
    const ru = hoverText(F, svc('  namespace: shop\n'), { settings: { locale: 'ru' } });
    assert.ok(ru.includes('**DNS-имя:** `web.shop.svc.cluster.local` — внутри namespace `shop` резолвится и просто `web`.'), ru);
    assert.ok(ru.includes(NOTE('K8S-14')), ru);
  });

  it('Secret data value → decoded text (en/ru), invalid base64 said so', () => {
    const sec = (v: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: ${v}\n`;
    const en = hoverText(F, sec('aHVudGVy<|>Mg=='));
    assert.ok(en.includes('**Decoded value** (base64 is an encoding, not encryption):\n\n```\nhunter2\n```'), en);
    assert.ok(en.includes(NOTE('K8S-11')));
    const ru = hoverText(F, sec('aHVudGVy<|>Mg=='), { settings: { locale: 'ru' } });
    assert.ok(ru.includes('**Раскодированное значение** (base64 — кодировка, а не шифрование):\n\n```\nhunter2\n```'), ru);
    assert.ok(hoverText(F, sec('not-base<|>64!')).includes('Not valid base64'));
  });

  it('a reference → where the object is and its keys', () => {
    const files = { 'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  MODE: prod\n  LEVEL: info\n' };
    const src = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      envFrom:\n        - configMapRef:\n            name: app-con<|>fig\n';
    assert.ok(hoverText(F, src, { files }).includes('**ConfigMap `app-config`** is defined in `k8s/cm.yaml`; keys: `MODE`, `LEVEL`'));
    assert.ok(hoverText(F, src.replace('app-con<|>fig', 'oth<|>er'), { files, settings: { locale: 'ru' } }).includes('**ConfigMap `other`** не описан ни в одном манифесте рабочей области.'));
  });

  it('image → registry, repository, tag', () => {
    const text = hoverText(F, pod.replace('image: nginx:1.27', 'image: ghcr.io/org/ap<|>p:2.1').replace('re<|>sources', 'resources'));
    assert.ok(text.includes('registry `ghcr.io` · repository `org/app` · tag `2.1`'), text);
    assert.ok(text.includes(NOTE('DOCKER-11')));
  });

  it('apiVersion → its status in the target version', () => {
    const src = 'apiVersion: extensions/v1<|>beta1\nkind: Ingress\nmetadata:\n  name: i\n';
    assert.ok(hoverText(F, src).includes('removed in Kubernetes 1.22 (target 1.33): use `networking.k8s.io/v1`'));
    assert.ok(hoverText(F, src, { settings: { kubernetesVersion: '1.20' } }).includes('deprecated since Kubernetes 1.14'));
    assert.ok(hoverText(F, 'apiVersion: apps/v<|>1\nkind: Deployment\nmetadata:\n  name: d\n').includes('`apps/v1` is current for `Deployment` in Kubernetes 1.33'));
  });

  it('selector → the workloads it matches in the workspace', () => {
    const files = { 'k8s/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n' };
    const text = hoverText('k8s/s.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sel<|>ector:\n    app: web\n', { files });
    assert.ok(text.includes('**Matches 1 workload(s) in the workspace:**\n- `Deployment/web`'), text);
    assert.ok(text.includes(NOTE('K8S-13')));
  });
});

describe('field hovers', () => {
  it('upstream reference with type, required flag and allowed values, range = the key', () => {
    const src = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      imagePull<|>Policy: Always\n';
    const h = hoverAt(F, src)!;
    const text = (h.contents as { value: string }).value;
    assert.ok(text.includes('**Reference (Kubernetes API)** · `string` · optional'), text);
    assert.ok(text.includes('Allowed values: `Always`, `IfNotPresent`, `Never`'));
    assert.deepEqual(h.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 21 } });
    const name = hoverText(F, src.replace('imagePull<|>Policy', 'imagePullPolicy').replace('- name: c', '- na<|>me: c'), { settings: { locale: 'ru' } });
    assert.ok(name.includes('**Справка (Kubernetes API, на английском)** · `string` · обязательное'), name);
  });

  it('our notes prose on top for the fields the notes cover (en/ru)', () => {
    const src = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  strat<|>egy:\n    type: Recreate\n';
    const en = hoverText(F, src);
    assert.ok(en.startsWith('**strategy — how pods are replaced on update**'), en);
    assert.ok(en.includes('`DeploymentStrategy`'));
    assert.ok(en.includes(NOTE('K8S-06')));
    assert.ok(hoverText(F, src, { settings: { locale: 'ru' } }).startsWith('**strategy — как заменяются поды при обновлении**'));
  });

  it('explains a documented value under the cursor', () => {
    const text = hoverText(F, 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWrite<|>Many]\n', { settings: { locale: 'ru' } });
    assert.ok(text.includes('`ReadWriteMany` — пишут многие ноды; блокировки — забота хранилища'), text);
    assert.ok(text.includes('command:infraNotes.showNote'));
  });

  it('kind: explained in the notes terms, custom resources said so', () => {
    const text = hoverText(F, 'apiVersion: v1\nki<|>nd: Secret\nmetadata:\n  name: s\n');
    assert.ok(text.startsWith('**Secret — sensitive data**'));
    assert.ok(text.includes(NOTE('K8S-11')) && text.includes(NOTE('K8S-01')));
    assert.ok(hoverText(F, 'apiVersion: example.com/v1\nki<|>nd: Widget\nmetadata:\n  name: w\n').includes('custom resource'));
  });

  it('etcd ports (K8S-18)', () => {
    const src = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.15-0\n      ports:\n        - containerPort: 23<|>79\n';
    const text = hoverText(F, src);
    assert.ok(text.includes('**Port 2379: etcd**') && text.includes(NOTE('K8S-18')), text);
  });

  it('nothing on unknown fields or custom resource fields', () => {
    assert.equal(hoverText(F, 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  si<|>ze: 1\n'), '');
  });
});
