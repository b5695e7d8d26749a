// The bounds of issue 9, one deterministic case each: the size limit, binary files, alias bombs,
// deep nesting, huge mappings (the duplicate-key check must stay linear), huge scalars.
// Timing is only checked against the gross hang bound of the fuzzers (CPU time), never tightly.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { MAX_NESTING, MAX_TEMPLATE_EXPRESSIONS, yamlModel } from '../../server/src/service/yaml/model';
import { diagnose, open, service } from '../helpers/service';
import { aliasBomb, HANG_MS, prng, Rand } from './harness';

function cpu<T>(fn: () => T): { value: T; ms: number } {
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, ms: (c.user + c.system) / 1000 };
}

const K8S_HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n';

describe('bounds', () => {
  test('a file above maxFileSize gets one informational diagnostic and only cheap features', () => {
    const text = `FROM alpine:3.20\nADD a /b\n${'# filler line to pass the limit\n'.repeat(200)}`;
    const small = { maxFileSize: 1024 };
    const diags = diagnose('Dockerfile', text, { settings: small });
    assert.equal(diags.length, 1);
    assert.equal(diags[0].severity, 3);
    assert.equal(diags[0].range.start.line, 0);
    const message = diags[0].message;
    assert.match(typeof message === 'string' ? message : message.value, /\d+(\.\d+)? (KB|MB|B)/);
    const { doc, ctx } = open('Dockerfile', text, { settings: small });
    assert.equal(service.doHover(doc, { line: 0, character: 1 }, ctx), null);
    assert.deepEqual(service.doComplete(doc, { line: 1, character: 0 }, ctx).items, []);
    // the same file under the default limit is checked in full
    assert.ok(diagnose('Dockerfile', text).some((d) => d.code === 'DF007'));
  });

  test('binary files are ignored by every feature', () => {
    for (const path of ['Dockerfile', 'k8s/app.yaml', 'compose.yaml', 'site.yml']) {
      const text = `FROM alpine\u0000\u0001\u0002\nADD a /b\n`;
      const { doc, ctx } = open(path, text);
      assert.equal(doc.kind, 'unknown', path);
      assert.deepEqual(service.doValidation(doc, ctx), []);
      assert.equal(service.doHover(doc, { line: 0, character: 1 }, ctx), null);
    }
  });

  test('a YAML alias bomb is neither expanded nor slow, in every YAML family', () => {
    const bomb = aliasBomb(new Rand(prng(1)));
    const texts: [string, string][] = [
      ['k8s/bomb.yaml', `${K8S_HEAD}  x: y\n---\n${bomb}\n`],
      ['compose.yaml', `services:\n  web:\n    image: nginx:1.27\n${bomb.split('\n').map((l) => `x-${l}`).join('\n')}\n`],
      ['group_vars/all.yml', `${bomb}\n`],
      ['site.yml', `- hosts: all\n  vars:\n${bomb.split('\n').map((l) => `    ${l}`).join('\n')}\n  tasks: []\n`],
    ];
    for (const [path, text] of texts) {
      const { doc, ctx } = open(path, text);
      const { ms } = cpu(() => {
        service.doValidation(doc, ctx);
        const lines = text.split('\n');
        for (let line = 0; line < lines.length; line++) service.doHover(doc, { line, character: lines[line].length - 2 }, ctx);
        service.doComplete(doc, { line: lines.length - 1, character: 0 }, ctx);
        service.documentSymbols(doc, ctx);
        service.explain(doc, ctx);
      });
      assert.ok(ms < HANG_MS, `${path}: ${Math.round(ms)} ms`);
    }
  });

  test(`nesting deeper than ${MAX_NESTING} levels is cut from the model (block and flow)`, () => {
    // flow deeper than MAX_FLOW_DEPTH is not parsed at all (see the test below); 200 levels are
    const flow = `${K8S_HEAD}  deep: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    const block = `${K8S_HEAD}${Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} leaf\n`;
    for (const text of [flow, block]) {
      const { doc, ctx } = open('k8s/deep.yaml', text);
      const model = yamlModel(doc);
      let depth = 0;
      // deepest collection in the model
      const stack: [unknown, number][] = [[model.docs[0].contents, 0]];
      while (stack.length) {
        const [n, d] = stack.pop()!;
        const items = (n as { items?: unknown[] })?.items;
        if (!Array.isArray(items)) continue;
        depth = Math.max(depth, d);
        for (const it of items) {
          const pair = it as { key?: unknown; value?: unknown };
          if (pair && typeof pair === 'object' && 'value' in pair && 'key' in pair && !('items' in pair)) stack.push([pair.value, d + 1]);
          else stack.push([it, d + 1]);
        }
      }
      assert.ok(depth <= MAX_NESTING + 1, `model depth ${depth}`);
      const { ms } = cpu(() => {
        service.doValidation(doc, ctx);
        service.doHover(doc, { line: 5, character: 4 }, ctx);
        service.documentSymbols(doc, ctx);
      });
      assert.ok(ms < HANG_MS, `${Math.round(ms)} ms`);
    }
  });

  test('a 50 000-key mapping is parsed in linear time, and duplicate keys are still found where the parser finds them', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  key${i}: v${i}`);
    keys.push('  key7: again');
    const text = `${K8S_HEAD}${keys.join('\n')}\n`;
    const { doc } = open('k8s/big.yaml', text);
    const { value: model, ms } = cpu(() => yamlModel(doc));
    assert.ok(ms < HANG_MS, `${Math.round(ms)} ms`);
    const ours = model.docs.flatMap((d) => d.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]));
    assert.deepEqual(ours, [text.indexOf('key7: again')]);
    // same positions as the parser's own (quadratic) check, on a smaller input
    const small = 'a: 1\nb:\n  c: 1\n  c: 2\n  d: {x: 1, x: 2}\na: 3\n"a": 4\n1: x\n1: y\n';
    const theirs = parseAllDocuments(small, { uniqueKeys: true })[0].errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos);
    const mine = yamlModel(open('k8s/small.yaml', small).doc).docs[0].errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos);
    assert.deepEqual(mine, theirs);
  });

  test('a 1 MB scalar on one line is handled within the bound in every family', () => {
    const big = 'x'.repeat(1024 * 1024);
    const cases: [string, string][] = [
      ['Dockerfile', `FROM alpine:3.20\nRUN echo ${big}\n`],
      ['compose.yaml', `services:\n  web:\n    image: nginx:1.27\n    command: ${big}\n`],
      ['k8s/app.yaml', `${K8S_HEAD}  big: ${big}\n`],
      ['site.yml', `- hosts: all\n  tasks:\n    - debug: msg=${big}\n`],
    ];
    for (const [path, text] of cases) {
      const { doc, ctx } = open(path, text);
      const { ms } = cpu(() => {
        service.doValidation(doc, ctx);
        service.doHover(doc, { line: text.split('\n').length - 2, character: 20 }, ctx);
      });
      assert.ok(ms < HANG_MS, `${path}: ${Math.round(ms)} ms`);
    }
  });
});

describe('Dockerfile lines beyond the parser', () => {
  test('a line over 256 KB: one information diagnostic that says why, no checks, no hover; a long line under it is still checked', () => {
    const huge = `FROM alpine:3.20\nRUN echo ${'x'.repeat(300 * 1024)}\nADD app.py /app/\n`;
    const found = diagnose('Dockerfile', huge);
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.equal(found[0].range.start.line, 1);
    assert.equal(found[0].severity, 3);
    assert.match(String(found[0].message), /Line 2 is 300 KB long/);
    assert.match(String(diagnose('Dockerfile', huge, { settings: { locale: 'ru' } })[0].message), /Строка 2 длиной/);
    const { doc, ctx } = open('Dockerfile', huge);
    assert.equal(service.doHover(doc, { line: 2, character: 1 }, ctx), null);
    const long = `FROM alpine:3.20\nRUN echo ${'x'.repeat(200 * 1024)}\nADD app.py /app/\n`;
    assert.ok(diagnose('Dockerfile', long).some((d) => d.code === 'DF007' && d.range.start.line === 2));
  });
});

describe('flow nesting beyond the parser', () => {
  test('a 1 500-deep flow collection is not parsed: one clear, deterministic syntax problem per run', async () => {
    const { diagnose } = await import('../helpers/service');
    const deep = `services:\n  web:\n    image: nginx:1.27\n    command: ${'['.repeat(1500)}x${']'.repeat(1500)}\n`;
    const runs = [0, 1, 2].map(() => diagnose('compose.yaml', deep).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message}`));
    assert.deepEqual(runs[1], runs[0]);
    assert.deepEqual(runs[2], runs[0]);
    assert.ok(runs[0].some((m) => m.startsWith('DC009 3:') && /nested deeper than 256/.test(m)), runs[0].join('\n'));
    const fine = `services:\n  web:\n    image: nginx:1.27\n    command: ${'['.repeat(100)}x${']'.repeat(100)}\n`;
    assert.ok(!diagnose('compose.yaml', fine).some((d) => /nested deeper/.test(String(d.message))));
  });
});

describe('template expressions beyond the parser', () => {
  const lines = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => `      K${i}: ${value(i)}`).join('\n');
  const compose = (body: string) => `services:\n  web:\n    image: nginx:1.27\n    environment:\n${body}\n`;

  test(`more than ${MAX_TEMPLATE_EXPRESSIONS} unquoted {{ }} are not parsed: one clear problem, in both languages`, () => {
    const over = compose(lines(MAX_TEMPLATE_EXPRESSIONS + 1, (i) => `{{ .Values.v${i} }}{{ x }}`));
    const { doc } = open('compose.yaml', over);
    const { value: model, ms } = cpu(() => yamlModel(doc));
    assert.ok(ms < HANG_MS, `${Math.round(ms)} ms`);
    assert.equal(model.docs.length, 0);
    assert.equal(model.problem?.code, 'TEMPLATED');
    const en = diagnose('compose.yaml', over);
    assert.deepEqual(en.map((d) => `${d.code} ${d.range.start.line}`), ['DC009 0']);
    assert.match(String(en[0].message), /More than 10 000 unquoted template expressions/);
    assert.match(String(diagnose('compose.yaml', over, { settings: { locale: 'ru' } })[0].message), /больше 10 000 шаблонных выражений/);
  });

  test('up to the limit, quoted ones and ones in comments are parsed as before', () => {
    const at = compose(lines(MAX_TEMPLATE_EXPRESSIONS, (i) => `{{ v${i} }}`));
    const quoted = compose(lines(MAX_TEMPLATE_EXPRESSIONS + 1, (i) => `"{{ v${i} }}"`));
    const commented = compose(lines(MAX_TEMPLATE_EXPRESSIONS + 1, (i) => `v${i}  # {{ old${i} }}`));
    for (const text of [at, quoted, commented]) {
      const model = yamlModel(open('compose.yaml', text).doc);
      assert.equal(model.problem, undefined);
      assert.equal(model.docs.length, 1);
    }
  });
});
