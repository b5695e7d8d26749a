// Quick performance measurement (not a test): validation of a 5 000-line and a 50 000-line
// multi-document manifest built from the corpus. Run: node --import tsx test/unit/kubernetes/bench.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToUri } from '../../../server/src/service/documents/document';
import { makeContext, service } from '../../helpers/service';
import { yamlModel } from '../../../server/src/service/yaml/model';

const base = readFileSync(join(__dirname, '..', '..', 'fixtures', 'kubernetes', 'app', 'web.yaml'), 'utf8');
const docs = base.split(/^---\n/m);

function manifest(lines: number): string {
  const out: string[] = [];
  let n = 0;
  let i = 0;
  while (n < lines) {
    const d = docs[i % docs.length].replace(/name: (web[\w-]*)/g, `name: $1-${i}`);
    out.push(d);
    n += d.split('\n').length;
    i++;
  }
  return out.join('---\n');
}

for (const lines of [5000, 50000]) {
  const text = manifest(lines);
  const path = '/ws/k8s/big.yaml';
  const times: number[] = [];
  const parse: number[] = [];
  let count = 0;
  for (let run = 0; run < 5; run++) {
    const ctx = makeContext(path, text);
    const doc = service.open(pathToUri(path), text, run + 1, { workspace: ctx.workspace });
    const t0 = performance.now();
    yamlModel(doc);
    const t1 = performance.now();
    count = service.doValidation(doc, ctx).length;
    times.push(performance.now() - t0);
    parse.push(t1 - t0);
  }
  times.sort((a, b) => a - b);
  parse.sort((a, b) => a - b);
  console.log(`${text.split('\n').length} lines: total median ${times[2].toFixed(1)} ms (best ${times[0].toFixed(1)}), of which the shared YAML parse ${parse[2].toFixed(1)} ms; ${count} diagnostics`);
}
