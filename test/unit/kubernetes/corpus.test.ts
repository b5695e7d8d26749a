// The whole engine over the real-world-style corpus in test/fixtures/kubernetes (multi-document
// apps, StatefulSets, Jobs/CronJobs, Ingresses, CRDs and custom resources, a Helm chart, a Kustomize
// base with overlays): no crash, no correctness error on valid content, and only advice-level
// findings where the manifests make deliberate choices.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnose } from '../../helpers/service';

const DIR = join(__dirname, '..', '..', 'fixtures', 'kubernetes');

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

const files: Record<string, string> = {};
for (const p of walk(DIR)) files[`k8s/${relative(DIR, p)}`] = readFileSync(p, 'utf8');

/** Advice the corpus may legitimately draw (pinned images aside, it makes deliberate choices). */
const ADVICE = new Set(['K8S012', 'K8S019', 'K8S016']);

describe('kubernetes corpus', () => {
  it('holds at least 30 manifests', () => {
    assert.ok(Object.keys(files).length >= 30, `${Object.keys(files).length} files`);
  });

  for (const [path, text] of Object.entries(files)) {
    it(`${path}: no false findings`, () => {
      const diags = diagnose(path, text, { files });
      const unexpected = diags.filter((d) => !ADVICE.has(String(d.code)));
      assert.deepEqual(unexpected.map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.code} ${d.message}`), []);
      assert.ok(diags.every((d) => d.severity !== DiagnosticSeverity.Error));
    });
  }
});
