// False positives found by the fifth real-world audit (learner and homelab repositories:
// onedr0p/home-ops, khuedoan/homelab, stefanprodan/podinfo, aks-store-demo, sock-shop…).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, hoverText } from '../../helpers/service';

const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));

describe('SOPS-encrypted Secrets (Flux GitOps)', () => {
  // onedr0p/home-ops .archive/kubernetes/apps/default/nextcloud/app/secret.sops.yaml (shortened)
  const sopsBlock = `sops:
  kms: []
  age:
    - recipient: age15uzrw396e67z9wdzsxzdk7ka0g2gr3l460e0slaea563zll3hdfqwqxdta
      enc: |
        -----BEGIN AGE ENCRYPTED FILE-----
        YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBaUldTSWdlcmpJNjlpblNP
        -----END AGE ENCRYPTED FILE-----
  lastmodified: "2022-08-28T13:18:51Z"
  mac: ENC[AES256_GCM,data:G3c7mkd40hgdD2EXWON4aKUDX3iQ43kjdNJd1xprs9yP,iv:u+XdfFXOYdhBeS8Ds9BHoxxPO4pr5m2jdv0jaVB1A10=,tag:Nn7csoiV8v8e5BG9njTSzA==,type:str]
  pgp: []
  encrypted_regex: ^(data|stringData)$
  version: 3.7.3
`;
  const stringData = `# yamllint disable
apiVersion: v1
kind: Secret
metadata:
  name: nextcloud
  namespace: default
stringData:
  nextcloud-username: ENC[AES256_GCM,data:mynIfWd7qiN/,iv:bLr3SOIGs1XK36y/7DGAsGtDfDeiycJpnjLkR91y3Cg=,tag:S8Uro4BWwLjdYti1v0cZ+Q==,type:str]
  smtp-username: ""
${sopsBlock}`;
  // the same encryption applied to `data` (encrypted_regex ^(data|stringData)$ covers it)
  const data = `apiVersion: v1
kind: Secret
metadata:
  name: wildcard-tls
type: kubernetes.io/tls
data:
  tls.crt: ENC[AES256_GCM,data:mynIfWd7qiN/,iv:bLr3SOIGs1XK36y/7DGAsGtDfDeiycJpnjLkR91y3Cg=,tag:S8Uro4BWwLjdYti1v0cZ+Q==,type:str]
  tls.key: ENC[AES256_GCM,data:AJ6lRDRsGU3mcXYNi8YBbIyKpvn4tsZm8ELG,iv:kPS2pdaR89A73Lc6F65eBPgC5+wICe5K499OS0nM4Ao=,tag:44z9yIWSUqu8avWQTMvpBQ==,type:str]
${sopsBlock}`;

  it('K8S001 does not flag the top-level `sops` metadata', () => {
    assert.deepEqual(codes('kubernetes/apps/default/nextcloud/app/secret.sops.yaml', stringData), []);
  });

  it('K8S023 does not flag `ENC[…]` values of an encrypted Secret', () => {
    assert.deepEqual(codes('kubernetes/apps/network/tls/secret.sops.yaml', data), []);
  });

  it('still flags a `sops` key that is not SOPS metadata, and non-base64 data without SOPS', () => {
    const bad = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nsops: yes\ndata:\n  a: ENC[AES256_GCM,data:mynIfWd7qiN/,type:str]\n';
    const c = codes('secret.yaml', bad);
    assert.ok(c.includes('K8S001'));
    assert.ok(c.includes('K8S023'));
  });

  it('the hover on an encrypted value says SOPS, not "invalid base64"', () => {
    const src = data.replace('tls.crt: ENC', 'tls.crt: E<|>NC');
    const en = hoverText('secret.sops.yaml', src);
    assert.match(en, /SOPS/);
    assert.doesNotMatch(en, /Not valid base64/);
    const ru = hoverText('secret.sops.yaml', src, { settings: { locale: 'ru' } });
    assert.match(ru, /SOPS/);
  });
});

describe('K8S033 and an image tag set by kustomize `replacements`', () => {
  // theepicsaxguy/homelab k8s/applications/ai/karakeep: the StatefulSet has no tag, the
  // kustomization copies KARAKEEP_VERSION from a generated ConfigMap into the tag
  const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "web"
  selector:
    matchLabels:
      app: karakeep-web
  template:
    metadata:
      labels:
        app: karakeep-web
    spec:
      containers:
        - name: web
          image: ghcr.io/karakeep-app/karakeep # renovate: docker=ghcr.io/karakeep-app/karakeep
`;
  const kustomization = (name: string) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: karakeep
configMapGenerator:
- literals:
  - KARAKEEP_VERSION=0.25.0
  name: karakeep-configuration
resources:
- web-statefulset.yaml
replacements:
- source:
    fieldPath: data.KARAKEEP_VERSION
    kind: ConfigMap
    name: karakeep-configuration
    version: v1
  targets:
  - fieldPaths:
    - spec.template.spec.containers.0.image
    options:
      delimiter: ':'
      index: 1
    select:
      group: apps
      kind: StatefulSet
      name: ${name}
      version: v1
`;
  const path = 'k8s/applications/ai/karakeep/web-statefulset.yaml';

  it('is silent when a replacement targets this object\'s image', () => {
    const files = { 'k8s/applications/ai/karakeep/kustomization.yaml': kustomization('web') };
    assert.ok(!codes(path, sts, { files }).includes('K8S033'));
  });

  it('still fires when the replacement selects another object, or there is none', () => {
    const files = { 'k8s/applications/ai/karakeep/kustomization.yaml': kustomization('chrome') };
    assert.ok(codes(path, sts, { files }).includes('K8S033'));
    assert.ok(codes(path, sts).includes('K8S033'));
  });
});

describe('K8S025 and `{{ … }}` that is not Helm', () => {
  // spring-projects/spring-petclinic k8s/petclinic.yml: the Service selects `app: petclini` (a typo
  // for petclinic); a PrometheusRule (afoteas/ckad_training cpu-alert-rule.yaml) or an
  // ExternalSecret template (onedr0p/home-ops paperless externalsecret.yaml) elsewhere in the
  // workspace used to count as "templated" and silence the rule everywhere
  const petclinic = `apiVersion: v1
kind: Service
metadata:
  name: petclinic
spec:
  type: NodePort
  ports:
    - port: 80
      targetPort: 8080
  selector:
    app: petclini
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: petclinic
spec:
  selector:
    matchLabels:
      app: petclinic
  template:
    metadata:
      labels:
        app: petclinic
    spec:
      containers:
        - name: workload
          image: dsyer/petclinic:3.3.0
          ports:
            - name: http
              containerPort: 8080
`;
  const rule = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: high-cpu-alert
  namespace: monitoring
spec:
  groups:
  - name: kubernetes-apps
    rules:
    - alert: HighCpuUsage
      expr: sum(rate(container_cpu_usage_seconds_total[2m])) by (pod) > 1
      annotations:
        summary: "Pod {{ $labels.pod }} in namespace {{ $labels.namespace }} is using high CPU."
`;
  const externalSecret = `apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: paperless
spec:
  secretStoreRef:
    kind: ClusterSecretStore
    name: onepassword-connect
  target:
    name: paperless-secret
    template:
      engineVersion: v2
      data:
        PAPERLESS_DBUSER: "{{ .PAPERLESS_DBUSER }}"
`;
  const helmDeployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    metadata:\n      labels:\n        app: {{ .Values.app }}\n';

  it('still fires when the only `{{ … }}` of the workspace is a Prometheus or External Secrets template', () => {
    const files = { 'k8s/alerts/cpu-alert-rule.yaml': rule, 'k8s/secrets/externalsecret.yaml': externalSecret };
    assert.ok(codes('k8s/petclinic.yml', petclinic, { files }).includes('K8S025'));
  });

  it('stays silent when a templated workload may hold the pods', () => {
    const files = { 'chart/templates/deployment.yaml': helmDeployment };
    assert.ok(!codes('k8s/petclinic.yml', petclinic, { files }).includes('K8S025'));
  });
});

describe('hover on a kustomization.yaml', () => {
  // aws-samples/eks-workshop-v2 manifests/base-application/catalog/kustomization.yaml
  const k = 'apiVersion: kustomize.config.k8s.io/v1beta1\nki<|>nd: Kustomization\nnamespace: catalog\nresources:\n- namespace.yaml\n- secrets.yaml\n';

  it('says it is a Kustomize build file, not a custom resource with a CRD', () => {
    const en = hoverText('manifests/base-application/catalog/kustomization.yaml', k);
    assert.match(en, /Kustomize build file/);
    assert.doesNotMatch(en, /custom resource/);
    const api = hoverText('manifests/base-application/catalog/kustomization.yaml', k.replace('ki<|>nd', 'kind').replace('apiVersion: kustomize', 'apiVer<|>sion: kustomize'));
    assert.match(api, /Kustomize build file/);
    assert.doesNotMatch(api, /CRD is installed/);
    const ru = hoverText('manifests/base-application/catalog/kustomization.yaml', k, { settings: { locale: 'ru' } });
    assert.match(ru, /Kustomize/);
  });

  it('a cert-manager Certificate still reads as a custom resource', () => {
    const c = 'apiVersion: cert-manager.io/v1\nki<|>nd: Certificate\nmetadata:\n  name: x\nspec:\n  secretName: x\n';
    assert.match(hoverText('certificate.yaml', c), /custom resource/);
  });
});
