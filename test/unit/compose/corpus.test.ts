// The validator and every Compose rule over a corpus of real-world-style projects
// (test/fixtures/compose/<project>/…): no false error, and only the findings each project is known
// to deserve.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../helpers/service';

const DIR = join(__dirname, '..', '..', 'fixtures', 'compose');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Findings a project is known to deserve (file → rule ids); anything else is a false positive. */
const EXPECTED: Record<string, string[]> = {
  'elk/docker-compose.yml': ['DC001'],
};

const projects = readdirSync(DIR).filter((d) => statSync(join(DIR, d)).isDirectory());

describe('compose corpus', () => {
  it('has at least 20 projects', () => {
    assert.ok(projects.length >= 20, `only ${projects.length} projects`);
  });

  for (const project of projects) {
    const files = walk(join(DIR, project));
    const all: Record<string, string> = {};
    for (const f of files) all[`${project}/${relative(join(DIR, project), f)}`] = readFileSync(f, 'utf8');
    for (const f of files.filter((x) => /\.ya?ml$/.test(x))) {
      const rel = `${project}/${relative(join(DIR, project), f)}`;
      it(`${rel}: no false findings`, () => {
        const diags = diagnose(rel, all[rel], { files: all });
        const got = diags.map((d) => `${d.code}@${d.range.start.line + 1}: ${d.message}`);
        const want = EXPECTED[rel] ?? [];
        assert.deepEqual(diags.map((d) => String(d.code)).sort(), [...want].sort(), got.join('\n'));
      });
    }
  }
});
