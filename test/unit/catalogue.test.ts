// Catalogue meta-tests: the knowledge base and the rule registry agree, and every example in a
// rule's entry gives exactly what it claims when run through the real service.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allEntries, allFacts, allRuleEntries, allTopics, fact, type RuleExample } from '../../server/src/service/knowledge/index';
import { ALL_RULES } from '../../server/src/service/rules/index';
import { diagnose } from '../helpers/service';

const DIGEST = join(__dirname, '..', '..', '..', 'shared', 'notes', 'DIGEST.md');
const FAMILY_FILE: Record<string, string> = { DF: 'Dockerfile', DC: 'compose.yaml', AN: 'playbooks/site.yml', K8: 'k8s/manifest.yaml' };

function digestIds(): string[] {
  return [...readFileSync(DIGEST, 'utf8').matchAll(/^\|\s*((?:DOCKER|COMPOSE|ANSIBLE|K8S)-\d{2})\s*\|/gm)].map((m) => m[1]);
}

describe('knowledge catalogue', () => {
  it('has every fact of DIGEST.md, in both languages, and nothing else', () => {
    const ids = digestIds();
    assert.ok(ids.length >= 70, `DIGEST parsed: ${ids.length} ids`);
    const missing = ids.filter((id) => !fact(id));
    assert.deepEqual(missing, [], `facts missing from server/knowledge/notes: ${missing.join(', ')}`);
    const extra = allFacts().map((f) => f.id).filter((id) => !ids.includes(id));
    assert.deepEqual(extra, []);
  });

  it('files every fact under a known topic', () => {
    const topics = new Set(allTopics().map((t) => t.id));
    for (const f of allFacts()) assert.ok(topics.has(f.topic), `${f.id}: unknown topic ${f.topic}`);
  });

  it('surfaces every fact: each is cited by at least one hover, rule or snippet entry', () => {
    const cited = new Set(allEntries().filter((e) => e.type !== 'fact').flatMap((e) => e.notes ?? []));
    const silent = allFacts().map((f) => f.id).filter((id) => !cited.has(id));
    assert.deepEqual(silent, [], `facts no entry cites: ${silent.join(', ')}`);
  });

  it('cites only facts that exist', () => {
    for (const e of allEntries()) {
      for (const n of e.notes ?? []) assert.ok(fact(n), `${e.id} cites unknown fact ${n}`);
    }
  });

  it('has an entry for every registered rule and a registered rule for every entry', () => {
    const registered = ALL_RULES.map((r) => r.id).sort();
    const documented = allRuleEntries().map((e) => e.id).sort();
    assert.deepEqual(registered, documented);
    assert.equal(new Set(registered).size, registered.length, 'a rule id is registered twice');
  });

  it('gives every rule its notes ids or a tool equivalent, and a fix title when it has fixes', () => {
    for (const e of allRuleEntries()) {
      assert.ok((e.notes?.length ?? 0) > 0 || (e.seeAlso?.length ?? 0) > 0, `${e.id}: cites neither a fact nor another tool's rule`);
    }
  });
});

function exampleOf(id: string, ex: string | RuleExample): { file: string; code: string; files?: Record<string, string> } {
  if (typeof ex === 'string') return { file: FAMILY_FILE[id.slice(0, 2)], code: ex };
  return { file: ex.file ?? FAMILY_FILE[id.slice(0, 2)], code: ex.code, files: ex.files };
}

describe('rule examples run through the service', () => {
  for (const e of allRuleEntries()) {
    const on = { settings: { rules: { [e.id]: e.severity }, hardening: true } };
    e.examples.invalid.forEach((ex, i) => {
      it(`${e.id} invalid example ${i + 1} fires ${e.id}`, () => {
        const { file, code, files } = exampleOf(e.id, ex);
        const ids = diagnose(file, code, { ...on, files }).map((d) => d.code);
        assert.ok(ids.includes(e.id), `${e.id} did not fire on:\n${code}\n(got ${ids.join(', ') || 'nothing'})`);
      });
    });
    (e.examples.valid ?? []).forEach((ex, i) => {
      it(`${e.id} valid example ${i + 1} does not fire ${e.id}`, () => {
        const { file, code, files } = exampleOf(e.id, ex);
        const ids = diagnose(file, code, { ...on, files }).map((d) => d.code);
        assert.ok(!ids.includes(e.id), `${e.id} fired on a valid example:\n${code}`);
      });
    });
  }
});
