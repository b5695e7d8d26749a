// False positives found by the third real-world audit (knative, rook, strimzi, tekton, kube-prometheus,
// k3s, velero, keda, kyverno, kubernetes/dashboard…).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../helpers/service';

const codes = (path: string, src: string, o = {}) => diagnose(path, src, o).map((d) => String(d.code));

describe('K8S033 and ko:// build references', () => {
  // knative/serving config/core/deployments/activator.yaml: `ko resolve` replaces the import path
  // with the built image's digest
  const activator = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: activator
  namespace: knative-serving
spec:
  selector:
    matchLabels:
      app: activator
  template:
    metadata:
      labels:
        app: activator
    spec:
      serviceAccountName: controller
      containers:
      - name: activator
        # This is the Go import path for the binary that is containerized
        # and substituted here.
        image: ${image}
        resources:
          requests:
            cpu: 300m
            memory: 60Mi
          limits:
            cpu: 1000m
            memory: 600Mi
`;

  it('a ko:// import path is not an untagged image', () => {
    assert.ok(!codes('config/core/deployments/activator.yaml', activator('ko://knative.dev/serving/cmd/activator')).includes('K8S033'));
  });

  it('still fires on a real untagged image', () => {
    assert.ok(codes('config/core/deployments/activator.yaml', activator('gcr.io/knative-releases/activator')).includes('K8S033'));
  });
});
