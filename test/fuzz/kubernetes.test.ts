// Fuzz: Kubernetes manifests, multi-document and Helm-templated (see harness.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseCount, fuzzFamily, loadSeeds } from './harness';

const seeds = loadSeeds('kubernetes', () => 'kubernetes');

const fragments = [
  'apiVersion: v1', 'apiVersion: apps/v1beta1', 'apiVersion: extensions/v1beta1', 'kind: Deployment', 'kind: Secret', 'kind: Unknown',
  'metadata:', '  name: x', '  namespace: default', '  labels: { app: x }', 'spec:', '  replicas: "3"', '  selector: {}',
  '      containers:', '        - name: c', '          image: nginx', '          image: nginx:latest', '          ports: [{containerPort: 80}]',
  '          securityContext: { privileged: true, runAsUser: 0 }', '          resources: {}', '          env: [{name: A, value: 1}]',
  '      hostPID: true', '      hostPath: { path: / }', 'data:', '  key: bm90LWJhc2U2NA==', '  bad: "%%%"', 'stringData: { a: b }',
  'type: kubernetes.io/tls', '  ports: [{port: "http"}]', '  targetPort: 99999', '  claimName: missing', '  storage: 1Gb',
  '{{- if .Values.enabled }}', '{{- end }}', '{{ .Values.x | quote }}', '---', 'items:', 'kind: List',
];

test(`kubernetes: ${caseCount()} mutated manifests through every feature`, () => {
  const ran = fuzzFamily({ family: 'kubernetes', seeds, fragments, overrideRate: 0.3 });
  assert.ok(ran > 0 || process.env.FUZZ_CASE !== undefined, 'no case ran');
});
