// False positives found by the fourth real-world audit (zalando/postgres-operator, cloudnative-pg,
// ECK, gateway-api, descheduler, cluster-autoscaler, external-secrets, cert-manager, OpenShift…).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, hoverText } from '../../helpers/service';

const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));

describe('K8S025 and a Jinja-wrapped document the parser cannot read', () => {
  // external-secrets/external-secrets docs/snippets/bitwarden-cli-deployment.yaml: an mkdocs snippet
  // wrapped in `{% raw %}` … `{% endraw %}`; the Deployment the Service selects is in the first document
  const deployment = `{% raw %}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bitwarden-cli
  namespace: bitwarden
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: bitwarden-cli
      app.kubernetes.io/instance: bitwarden-cli
  template:
    metadata:
      labels:
        app.kubernetes.io/name: bitwarden-cli
        app.kubernetes.io/instance: bitwarden-cli
    spec:
      containers:
        - name: bitwarden-cli
          image: YOUR_BITWARDEN_CLI_IMAGE
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: bitwarden-cli
  namespace: bitwarden
spec:
  type: ClusterIP
  ports:
  - port: 8087
    targetPort: http
    protocol: TCP
    name: http
  selector:
    app.kubernetes.io/name: bitwarden-cli
    app.kubernetes.io/instance: bitwarden-cli
`;
  const other = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  selector:\n    matchLabels: { app: other }\n  template:\n    metadata:\n      labels: { app: other }\n    spec:\n      containers:\n      - name: other\n        image: nginx:1.27\n';
  const files = { 'docs/snippets/other.yaml': other };

  it('is silent when a templated document of the workspace may hold the pods', () => {
    const policy = 'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata:\n  namespace: bitwarden\n  name: external-secret-2-bw-cli\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: bitwarden-cli\n{% endraw %}\n';
    const src = `${deployment}---\n${service}---\n${policy}`;
    assert.ok(!codes('docs/snippets/bitwarden-cli-deployment.yaml', src, { files }).includes('K8S025'));
  });

  it('is silent when the unreadable templated document is in another file', () => {
    const more = { ...files, 'docs/snippets/bitwarden-cli-deployment-only.yaml': deployment };
    assert.ok(!codes('docs/snippets/bitwarden-cli-service.yaml', service, { files: more }).includes('K8S025'));
  });

  it('still fires when nothing templated is around', () => {
    assert.ok(codes('docs/snippets/bitwarden-cli-service.yaml', service, { files }).includes('K8S025'));
  });
});

describe('hovers on OpenShift kinds', () => {
  // openshift/origin examples/db-templates/redis-persistent-template.yaml: the legacy group-less `v1`
  // Template, and a DeploymentConfig of apps.openshift.io — OpenShift APIs, not CRDs
  const template = `---
kind: Temp<|>late
apiVersion: v1
metadata:
  name: redis-persistent
objects:
- kind: Service
  apiVersion: v1
  metadata:
    name: "\${DATABASE_SERVICE_NAME}"
parameters:
- name: DATABASE_SERVICE_NAME
  value: redis
`;
  const dc = 'apiVersion: apps.openshift.io/v1\nkind: Deployment<|>Config\nmetadata:\n  name: frontend\nspec:\n  replicas: 1\n';

  it('says the kind is an OpenShift API, not a custom resource with a CRD (en, ru)', () => {
    const en = hoverText('examples/db-templates/redis-persistent-template.yaml', template);
    assert.ok(en.includes('`v1` `Template` is an OpenShift API'), en);
    assert.ok(!en.includes('CRD defines'), en);
    const ru = hoverText('examples/dc.yaml', dc, { settings: { locale: 'ru' } });
    assert.ok(ru.includes('`apps.openshift.io/v1` `DeploymentConfig` — API OpenShift'), ru);
    const status = hoverText('examples/dc.yaml', dc.replace('apiVersion: apps', 'api<|>Version: apps').replace('Deployment<|>Config', 'DeploymentConfig'));
    assert.ok(status.includes('is an OpenShift API'), status);
  });

  it('a custom resource still reads as one', () => {
    const cr = 'apiVersion: cert-manager.io/v1\nkind: Certi<|>ficate\nmetadata:\n  name: www\nspec:\n  secretName: www-tls\n';
    assert.ok(hoverText('certificate.yaml', cr).includes('its CRD defines the fields'));
  });
});

describe('K8S021 and the Secrets controllers make from other objects', () => {
  // a GitOps folder that keeps one plain Secret (so the rule is on) next to the objects that make the rest
  const plainSecret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: x\n';
  const producers = `apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: api
spec:
  secretName: api-tls
  issuerRef: { name: letsencrypt, kind: ClusterIssuer }
  dnsNames: [api.example.com]
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: creds
spec:
  secretStoreRef: { name: vault, kind: ClusterSecretStore }
  target:
    name: app-creds
  data:
    - secretKey: token
      remoteRef: { key: app/token }
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: sealed
spec:
  encryptedData:
    k: AgBy3i4OJSWK
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  tls:
    - hosts: [example.com]
      secretName: web-tls
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: { name: web, port: { number: 80 } }
`;
  const pod = (secret: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: A
          valueFrom: { secretKeyRef: { name: ${secret}, key: k } }
`;
  it('is quiet on a Secret a Certificate, an ExternalSecret, a SealedSecret or a cert-manager Ingress makes', () => {
    for (const name of ['api-tls', 'app-creds', 'sealed', 'web-tls']) {
      assert.ok(!codes('k8s/app.yaml', pod(name), { files: { 'k8s/secret.yaml': plainSecret, 'k8s/producers.yaml': producers } }).includes('K8S021'), name);
    }
  });
  it('still reports a Secret nothing makes, and an Ingress TLS Secret without a cert-manager annotation', () => {
    assert.ok(codes('k8s/app.yaml', pod('nobody-makes-this'), { files: { 'k8s/secret.yaml': plainSecret, 'k8s/producers.yaml': producers } }).includes('K8S021'));
    const manual = producers.replace('    cert-manager.io/cluster-issuer: letsencrypt\n', '    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n');
    assert.ok(codes('k8s/app.yaml', pod('web-tls'), { files: { 'k8s/secret.yaml': plainSecret, 'k8s/producers.yaml': manual } }).includes('K8S021'));
  });
  it('a namespaced producer makes its Secret in its own namespace only', () => {
    const other = producers.replace('  name: creds\n', '  name: creds\n  namespace: tools\n');
    const inApps = pod('app-creds').replace('  name: app\n', '  name: app\n  namespace: apps\n');
    assert.ok(codes('k8s/app.yaml', inApps, { files: { 'k8s/secret.yaml': plainSecret, 'k8s/producers.yaml': other } }).includes('K8S021'));
  });
});
