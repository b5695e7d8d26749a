// False positives found by the sixth real-world audit (operator scaffolds, CRs, Gateway API,
// GitOps: kubernetes-sigs/kubebuilder, envoyproxy/gateway, thanos-io/kube-thanos…).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../helpers/service';

const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));

describe('kubebuilder scaffold patches listed only in commented-out kustomization lines', () => {
  // kubernetes-sigs/kubebuilder testdata/project-v4-multigroup/config/crd/patches/webhook_in_crew_captains.yaml
  const crdPatch = `# The following patch enables a conversion webhook for the CRD
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: captains.crew.testproject.org
spec:
  conversion:
    strategy: Webhook
    webhook:
      clientConfig:
        service:
          namespace: system
          name: webhook-service
          path: /convert
      conversionReviewVersions:
      - v1
`;
  // …/config/crd/kustomization.yaml (shortened): the patch items ship commented out
  const crdKustomization = `resources:
- bases/crew.testproject.org_captains.yaml
#+kubebuilder:scaffold:crdkustomizeresource

patches:
# [WEBHOOK] To enable webhook, uncomment all the sections with [WEBHOOK] prefix.
#- path: patches/webhook_in_crew_captains.yaml
#+kubebuilder:scaffold:crdkustomizewebhookpatch

configurations:
- kustomizeconfig.yaml
`;
  it('K8S003 does not require group/names/scope/versions of a CRD patch', () => {
    const files = { 'config/crd/kustomization.yaml': crdKustomization };
    assert.deepEqual(codes('config/crd/patches/webhook_in_crew_captains.yaml', crdPatch, { files }), []);
  });

  // older scaffolds (go/v3): `#patchesStrategicMerge:` with plain commented items
  const oldKustomization = `bases:
- ../crd
- ../manager
#- ../prometheus

#patchesStrategicMerge:
# Protect the /metrics endpoint by putting it behind auth.
#- manager_auth_proxy_patch.yaml
#- webhookcainjection_patch.yaml
`;
  const deploymentPatch = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: controller-manager
  namespace: system
spec:
  template:
    spec:
      containers:
      - name: kube-rbac-proxy
        image: gcr.io/kubebuilder/kube-rbac-proxy:v0.13.1
        args:
        - "--secure-listen-address=0.0.0.0:8443"
        ports:
        - containerPort: 8443
          protocol: TCP
          name: https
`;
  it('a `#patchesStrategicMerge:` item marks the file as a patch', () => {
    const files = { 'config/default/kustomization.yaml': oldKustomization };
    assert.deepEqual(codes('config/default/manager_auth_proxy_patch.yaml', deploymentPatch, { files }), []);
  });

  it('still checks the file when no kustomization mentions it, or only as a commented resource', () => {
    assert.ok(codes('config/crd/patches/webhook_in_crew_captains.yaml', crdPatch).includes('K8S003'));
    const files = { 'config/default/kustomization.yaml': 'resources:\n- ../crd\n#- manager_auth_proxy_patch.yaml\n' };
    assert.ok(codes('config/default/manager_auth_proxy_patch.yaml', deploymentPatch, { files }).includes('K8S003'));
  });
});
