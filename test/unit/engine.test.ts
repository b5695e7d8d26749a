// The diagnostic contract every family relies on, through the pure service.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveLocale, toServiceSettings } from '../../server/src/service/settings';
import { applyEdits, applyFix, codeActions, diagnose, expectDiagnostics } from '../helpers/service';

const ADD = 'FROM alpine:3.20\nADD app.py /app/\n';

describe('diagnostic contract', () => {
  it('carries source, stable code, doc link, notes ids, exact range and its fix in data', () => {
    const [d] = diagnose('Dockerfile', ADD);
    assert.equal(d.source, 'infra-notes');
    assert.equal(d.code, 'DF007');
    assert.match(d.codeDescription!.href, /RULES\.md#df007$/);
    assert.deepEqual((d.data as { rule: string }).rule, 'DF007');
    assert.deepEqual((d.data as { notes: string[] }).notes, ['DOCKER-07']);
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } });
    assert.match(d.message as string, /app\.py/);
  });

  it('annotates fixtures with carets', () => {
    expectDiagnostics('Dockerfile', 'FROM alpine:3.20\nADD app.py /app/\n#^^^^^^^^^^^^^^^ DF007\n');
  });

  it('speaks Russian when asked', () => {
    const [d] = diagnose('Dockerfile', ADD, { settings: { locale: 'ru' } });
    assert.match(d.message as string, /используйте COPY/);
  });

  it('offers the fix, preferred, and both suppressions', () => {
    const titles = codeActions('Dockerfile', ADD, 'DF007').map((a) => `${a.title}${a.isPreferred ? ' *' : ''}`);
    assert.deepEqual(titles, ['Replace ADD with COPY *', 'Suppress DF007 on this line', 'Suppress DF007 in this file']);
    assert.equal(applyFix('Dockerfile', ADD, 'DF007'), 'FROM alpine:3.20\nCOPY app.py /app/\n');
  });

  it('suppression actions produce comments that really suppress', () => {
    for (const action of codeActions('Dockerfile', `# syntax=docker/dockerfile:1\n${ADD}`, 'DF007').filter((a) => /Suppress/.test(a.title))) {
      const text = applyEdits(`# syntax=docker/dockerfile:1\n${ADD}`, Object.values(action.edit!.changes!)[0]);
      assert.ok(text.startsWith('# syntax=docker/dockerfile:1\n'), 'the parser directive stays first');
      assert.deepEqual(diagnose('Dockerfile', text).map((d) => d.code), [], `still reported after "${action.title}":\n${text}`);
    }
  });

  it('honours the own comment forms: next line, trailing, file, several ids', () => {
    assert.equal(diagnose('Dockerfile', 'FROM alpine:3.20\n# infra-notes-ignore DF007\n\nADD app.py /app/\n').length, 0);
    assert.equal(diagnose('Dockerfile', 'FROM alpine:3.20\n# infra-notes-ignore-file DF001, DF007\nADD a /a\nADD b /b\n').length, 0);
    assert.equal(diagnose('Dockerfile', 'FROM alpine:3.20\n# infra-notes-ignore DF001\nADD app.py /app/\n').length, 1, 'another id does not suppress');
    assert.equal(diagnose('compose.yaml', 'version: "3"  # infra-notes-ignore DC001\nservices:\n  a:\n    image: x:1\n').length, 0);
  });

  it('applies severity overrides and switches rules and families off', () => {
    assert.equal(diagnose('Dockerfile', ADD, { settings: { rules: { DF007: 'error' } } })[0].severity, 1);
    assert.equal(diagnose('Dockerfile', ADD, { settings: { rules: { DF007: 'off' } } }).length, 0);
    assert.equal(diagnose('Dockerfile', ADD, { settings: { families: { docker: false, compose: true, ansible: true, kubernetes: true } } }).length, 0);
  });

  it('gives an oversized file one informational diagnostic and nothing else', () => {
    const big = `${ADD}${'# padding\n'.repeat(2000)}`;
    const ds = diagnose('Dockerfile', big, { settings: { maxFileSize: 1000 } });
    assert.equal(ds.length, 1);
    assert.equal(ds[0].severity, 3);
    assert.equal(ds[0].code, undefined);
    assert.match(ds[0].message as string, /infraNotes\.maxFileSize/);
  });

  it('ignores binary content', () => {
    assert.deepEqual(diagnose('Dockerfile', `FROM alpine\u0000\u0001\nADD a /a\n`), []);
  });
});

describe('settings', () => {
  it('resolves the locale: explicit, then display language, then initialize locale', () => {
    assert.equal(resolveLocale('ru'), 'ru');
    assert.equal(resolveLocale('en', 'ru'), 'en');
    assert.equal(resolveLocale('auto', 'ru-RU'), 'ru');
    assert.equal(resolveLocale('auto', 'de'), 'en');
    assert.equal(resolveLocale('auto', undefined, 'ru'), 'ru');
    assert.equal(resolveLocale(undefined, undefined, undefined), 'en');
  });

  it('maps raw settings', () => {
    const s = toServiceSettings({ language: 'ru', rules: { df007: 'error', X: 'bogus' as never }, docker: { enable: false }, maxFileSize: 1, kubernetes: { version: '1.30' } });
    assert.equal(s.locale, 'ru');
    assert.deepEqual(s.rules, { DF007: 'error' });
    assert.equal(s.families.docker, false);
    assert.equal(s.families.kubernetes, true);
    assert.equal(s.maxFileSize, 1024 * 1024);
    assert.equal(s.kubernetesVersion, '1.30');
  });
});

describe('validation in steps', () => {
  it('yields once per active rule with the findings so far, and returns what doValidation returns', async () => {
    const { open, service } = await import('../helpers/service');
    const text = 'FROM alpine:3.20\nADD app.py /app/\nADD b.py /b/\n';
    const { doc, ctx } = open('Dockerfile', text);
    const steps = service.validationSteps(doc, ctx);
    const seen: string[] = [];
    let counts: number[] = [];
    let r = steps.next();
    while (!r.done) {
      seen.push(r.value.rule);
      counts.push(r.value.found.length);
      r = steps.next();
    }
    assert.ok(seen.length > 10, `one step per rule (got ${seen.length})`);
    assert.equal(new Set(seen).size, seen.length, 'each rule runs once');
    assert.ok(counts.every((c, i) => i === 0 || c >= counts[i - 1]), 'findings only grow');
    assert.deepEqual(r.value, service.doValidation(doc, ctx));
    counts = [];
  });
});

describe('failure isolation', () => {
  it('a rule that throws loses only its own result, and is logged once per document', async () => {
    const { open } = await import('../helpers/service');
    const { runRules, setRuleErrorLogger } = await import('../../server/src/service/rules/engine');
    const { rulesFor } = await import('../../server/src/service/rules/index');
    const text = 'FROM alpine:3.20\nADD app.py /app/\nRUN apt-get update && apt-get install -y curl\n';
    const { doc, ctx } = open('Dockerfile', text);
    const real = rulesFor('dockerfile');
    const broken = { id: 'DF007', kinds: ['dockerfile' as const], check: () => { throw new Error('boom'); } };
    const logged: string[] = [];
    setRuleErrorLogger((id, d, err) => logged.push(`${id} ${d.uri} ${(err as Error).message}`));
    try {
      const withBroken = real.map((r) => (r.id === 'DF007' ? broken : r));
      const healthy = runRules(doc, real, ctx, { suppressions: [] }).map((d) => d.code);
      const first = runRules(doc, withBroken, ctx, { suppressions: [] }).map((d) => d.code);
      const again = runRules(doc, withBroken, ctx, { suppressions: [] }).map((d) => d.code);
      assert.deepEqual(again, first);
      assert.ok(healthy.includes('DF007') && healthy.length > 1, `fixture should fire DF007 and others: ${healthy.join(',')}`);
      assert.deepEqual(first, healthy.filter((c) => c !== 'DF007'), 'every other rule still reports');
      assert.equal(logged.length, 1);
      assert.match(logged[0], /^DF007 .*boom$/);
    } finally {
      const { setRuleErrorLogger: reset } = await import('../../server/src/service/rules/engine');
      reset(() => undefined);
    }
  });
});

describe('one finding per place', () => {
  it('a mistake inside an anchor merged into many services is reported once', () => {
    const text = 'x-app: &app\n  build: ./nope\n  restart: always\nservices:\n  a:\n    <<: *app\n  b:\n    <<: *app\n  c:\n    <<: *app\n';
    const found = diagnose('compose.yaml', text, { files: { 'README.md': '' } }).filter((d) => d.code === 'DC021');
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.equal(found[0].range.start.line, 1);
  });
});
