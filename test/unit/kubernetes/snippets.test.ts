// Every Kubernetes snippet, with its placeholders at their defaults, is a valid manifest (or a valid
// container fragment inside a Pod): no schema error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../helpers/service';

const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'snippets', 'kubernetes.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
const SCHEMA = new Set(['K8S001', 'K8S002', 'K8S003', 'K8S004', 'K8S005', 'K8S006', 'K8S007', 'K8S008', 'K8S010', 'K8S013', 'K8S014', 'K8S015', 'K8S017', 'K8S018', 'K8S020', 'K8S024']);

/** Placeholders to their defaults: ${1:x} → x, ${1|a,b|} → a, $1/$0 → ''. */
function expand(body: string[]): string {
  let s = body.join('\n');
  for (let i = 0; i < 5; i++) s = s.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  return s.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
}

function asManifest(text: string): string {
  if (text.startsWith('apiVersion:')) return text;
  const indent = (t: string, n: number) => t.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');
  if (text.startsWith('initContainers:')) return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(text, 2)}\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports: [{ name: http, containerPort: 80 }]\n  volumes:\n    - name: data\n      emptyDir: {}\n`;
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports: [{ name: http, containerPort: 80 }]\n${indent(text, 6)}\n`;
}

describe('kubernetes snippets', () => {
  it('cover the kinds and blocks of the issue', () => {
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    for (const p of ['k8s-pod', 'k8s-replicaset', 'k8s-deployment', 'k8s-statefulset', 'k8s-daemonset', 'k8s-job', 'k8s-cronjob', 'k8s-service', 'k8s-service-nodeport', 'k8s-ingress', 'k8s-configmap', 'k8s-secret', 'k8s-secret-tls', 'k8s-secret-registry', 'k8s-pv', 'k8s-pvc', 'k8s-liveness', 'k8s-readiness', 'k8s-startup', 'k8s-resources', 'k8s-initcontainers', 'k8s-networkpolicy']) {
      assert.ok(prefixes.includes(p), p);
    }
  });
  for (const [name, s] of Object.entries(snippets)) {
    it(`${name} expands to a valid manifest`, () => {
      const text = asManifest(expand(s.body));
      const bad = diagnose('k8s/snippet.yaml', text).filter((d) => SCHEMA.has(String(d.code)));
      assert.deepEqual(bad.map((d) => `${d.code} ${d.message}`), [], text);
    });
  }
});
