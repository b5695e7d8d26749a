// The CLI as a process (dist/cli.js) on fixture trees: text/json/SARIF outputs, exit codes 0/1/2,
// --language, --severity, --config, explain file:line:col, and unreadable input.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Ajv from 'ajv';

const REPO = resolve(__dirname, '../..');
const CLI = join(REPO, 'dist/cli.js');
const FIXTURES = join(REPO, 'test/fixtures/cli');

interface Run { code: number | null; stdout: string; stderr: string }

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace: no "    at fn (file:line)" frames and no Node error banner. */
function assertNoStack(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, `stack trace in stderr:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /node:internal|Node\.js v\d/);
}

interface JsonFinding { file: string; kind: string; line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string; notes: string[]; fixes: string[] }

describe('infra-notes check / explain as a process', () => {
  let tmp: string;
  let project: string;
  let empty: string;

  before(() => {
    // a copy, so that the folders the walker must skip can be created (git would not keep them)
    tmp = mkdtempSync(join(tmpdir(), 'infra-notes-cli-'));
    cpSync(FIXTURES, tmp, { recursive: true });
    project = join(tmp, 'project');
    empty = join(tmp, 'empty');
    for (const skipped of ['node_modules/pkg', '.git']) {
      mkdirSync(join(project, skipped), { recursive: true });
      writeFileSync(join(project, skipped, 'Dockerfile'), 'FROM alpine:3.20\nADD skipped.txt /x/\n');
    }
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  test('text: file:line:col severity rule message [notes]; exit 1 on findings', () => {
    const r = cli(['check'], project);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^app\/Dockerfile:5:1 warning DF007 .+ \[DOCKER-07\]$/m);
    assert.match(r.stdout, /^compose\.yaml:1:1 warning DC001 .+\[COMPOSE-02\]$/m);
    for (const line of r.stdout.trim().split('\n')) assert.match(line, /^[^:]+:\d+:\d+ (error|warning|info|hint) [A-Z0-9]+ .+/);
  });

  test('skips node_modules, .git and what .gitignore excludes', () => {
    const r = cli(['check', '--format', 'json'], project);
    const files = new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file));
    for (const f of files) assert.doesNotMatch(f, /node_modules|\.git\/|ignored\//);
    assert.ok(files.has('app/Dockerfile'));
  });

  test('json stays JSON when the yaml package\'s debug switches are set in the environment', () => {
    const r = cli(['check', '--format', 'json'], project, { LOG_TOKENS: '1', LOG_STREAM: '1' });
    assert.equal(r.code, 1, r.stderr);
    assert.ok((JSON.parse(r.stdout) as JsonFinding[]).some((f) => f.file === 'compose.yaml'));
  });

  test('globs select files under the current folder; a glob that matches nothing is a usage error', () => {
    const r = cli(['check', '**/Dockerfile', '--format', 'json'], project);
    assert.equal(r.code, 1, r.stderr);
    const files = new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file));
    assert.deepEqual([...files], ['app/Dockerfile'], 'only Dockerfiles, and not the git-ignored one');
    const none = cli(['check', 'nowhere/**/*.yaml'], project);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no infra file matches nowhere/);
  });

  test('json: one object per finding with position, rule, notes and fixes', () => {
    const r = cli(['check', '--format=json'], project);
    assert.equal(r.code, 1);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    const df007 = findings.find((f) => f.rule === 'DF007');
    assert.ok(df007);
    assert.deepEqual({ file: df007.file, kind: df007.kind, line: df007.line, column: df007.column, endLine: df007.endLine, severity: df007.severity },
      { file: 'app/Dockerfile', kind: 'dockerfile', line: 5, column: 1, endLine: 5, severity: 'warning' });
    assert.ok(df007.endColumn > df007.column);
    assert.deepEqual(df007.notes, ['DOCKER-07']);
    assert.ok(df007.fixes.length > 0 && df007.fixes.every((t) => typeof t === 'string' && t.length > 0));
    assert.match(df007.message, /main\.py/);
  });

  test('sarif: valid against the SARIF 2.1.0 schema, with rule metadata and help links', () => {
    const r = cli(['check', '--format', 'sarif'], project);
    assert.equal(r.code, 1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log = JSON.parse(r.stdout) as { version: string; runs: any[] };
    const schema = JSON.parse(readFileSync(join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // the schema is draft-04; Ajv 8 reads it once its draft-04 `id` is spelled `$id`
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }); // one of its patterns is not valid with the u flag
    ajv.addFormat('uri', (s: string) => { try { return !!new URL(s); } catch { return false; } });
    ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'infra-notes');
    const rules = run.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string }; properties: { notes: string[] } }[];
    const df007 = rules.findIndex((x) => x.id === 'DF007');
    assert.ok(df007 >= 0);
    assert.match(rules[df007].helpUri, /^https:\/\/.+#df007$/i);
    assert.ok(rules[df007].shortDescription.text.length > 0);
    assert.deepEqual(rules[df007].properties.notes, ['DOCKER-07']);
    // every result points at its rule
    for (const res of run.results) assert.equal(rules[res.ruleIndex].id, res.ruleId);
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'DF007');
    assert.equal(res.level, 'warning');
    assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'app/Dockerfile' });
    assert.equal(res.locations[0].physicalLocation.region.startLine, 5);
  });

  test('--language ru: messages in Russian; LANG=ru_RU picks Russian too', () => {
    const r = cli(['check', '--language', 'ru', 'app'], project);
    const line = r.stdout.split('\n').find((l) => l.includes(' DF007 '));
    assert.ok(line, r.stdout);
    assert.match(line, /[а-яё]/i);
    const byEnv = cli(['check', 'app'], project, { LANG: 'ru_RU.UTF-8' });
    assert.match(byEnv.stdout.split('\n').find((l) => l.includes(' DF007 ')) ?? '', /[а-яё]/i);
    const en = cli(['check', 'app'], project);
    assert.doesNotMatch(en.stdout.split('\n').find((l) => l.includes(' DF007 ')) ?? '', /[а-яё]/i);
  });

  test('--severity: findings below the threshold are left out and do not fail the run', () => {
    const all = JSON.parse(cli(['check', '--format', 'json', '--severity', 'hint'], project).stdout) as JsonFinding[];
    const errors = JSON.parse(cli(['check', '--format', 'json', '--severity', 'error'], project).stdout || '[]') as JsonFinding[];
    assert.ok(all.some((f) => f.rule === 'DF007'));
    assert.ok(errors.every((f) => f.severity === 'error'));
    assert.ok(!errors.some((f) => f.rule === 'DF007'));
    const r = cli(['check', '--severity', 'error'], project);
    assert.equal(r.code, errors.length > 0 ? 1 : 0);
  });

  test('--config: rule overrides switch a rule off or raise it to error', () => {
    const off = cli(['check', '--format', 'json', '--config', 'config-off.json'], project);
    assert.ok(!(JSON.parse(off.stdout) as JsonFinding[]).some((f) => f.rule === 'DF007'));
    const raised = cli(['check', '--severity', 'error', '--config', 'config-error.json', 'app'], project);
    assert.equal(raised.code, 1);
    assert.match(raised.stdout, /^app\/Dockerfile:5:1 error DF007 /m);
  });

  test('suppressions in the file are honoured as in the editor', () => {
    const dir = join(tmp, 'suppressed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.dockerignore'), '.git\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\n# hadolint ignore=DL3020\nADD a.txt /a/\n# infra-notes-ignore DF007\nADD b.txt /b/\nADD c.txt /c/\n');
    const findings = JSON.parse(cli(['check', '--format', 'json', '.'], dir).stdout) as JsonFinding[];
    assert.deepEqual(findings.filter((f) => f.rule === 'DF007').map((f) => f.line), [6]);
  });

  test('exit 0 when nothing at or above the threshold (a tree with no infra files)', () => {
    const r = cli(['check'], empty);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout.trim(), '');
    const json = cli(['check', '--format', 'json'], empty);
    assert.deepEqual(JSON.parse(json.stdout), []);
    const sarif = JSON.parse(cli(['check', '--format', 'sarif'], empty).stdout);
    assert.deepEqual(sarif.runs[0].results, []);
  });

  test('explain file:line:col prints the hover of that place for a terminal', () => {
    const r = cli(['explain', 'app/Dockerfile:1:2'], project);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /FROM/);
    assert.doesNotMatch(r.stdout, /command:infraNotes/, 'command links become plain text');
    assert.match(r.stdout, /DOCKER-\d+/);
    const ru = cli(['explain', 'app/Dockerfile:1:2', '--language', 'ru'], project);
    assert.match(ru.stdout, /[а-яё]/i);
    const line = cli(['explain', 'app/Dockerfile:5'], project);
    assert.match(line.stdout, /ADD/);
    const past = cli(['explain', 'app/Dockerfile:400:1'], project);
    assert.equal(past.code, 0);
    assert.match(past.stdout, /Nothing to explain at line 400, column 1/, 'a recognised file, a place with nothing to say');
    assert.doesNotMatch(past.stdout, /does not recognise/);
  });

  test('explain keeps code spans as written: backslashes and backticks inside them stay', () => {
    const dir = join(tmp, 'explain-code');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'Dockerfile'), '# escape=\\\nFROM alpine:3.20\n');
    writeFileSync(join(dir, 'Dockerfile.windows'), '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n');
    const r = cli(['explain', 'Dockerfile:1:10'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /`\\` \(default\) or `` ` ``/);
    assert.match(r.stdout, /^`\\` — /m);
    assert.match(cli(['explain', 'Dockerfile.windows:1:10'], dir).stdout, /^`` ` `` — .*`\\`/m);
  });

  test('explain sees the files around it, as the editor does: a Service selector names its workload', () => {
    const dir = join(tmp, 'explain-index');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n');
    const r = cli(['explain', 'svc.yaml:6:3'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /Deployment\/web/);
    writeFileSync(join(dir, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n');
    assert.match(cli(['explain', 'svc.yaml:6:3'], dir).stdout, /Deployment\/web/);
  });

  test('explain takes the repository the file is in as its workspace, wherever it runs from', () => {
    const top = join(tmp, 'explain-root');
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
    const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
    for (const d of ['repo/.git', 'repo/k8s', 'repo/apps', 'other']) mkdirSync(join(top, d), { recursive: true });
    writeFileSync(join(top, 'repo/k8s/svc.yaml'), svc);
    writeFileSync(join(top, 'repo/apps/deploy.yaml'), deployment('web'));
    writeFileSync(join(top, 'other/deploy.yaml'), deployment('stranger')); // another project, same labels
    const fromAbove = cli(['explain', 'repo/k8s/svc.yaml:6:3'], top);
    assert.equal(fromAbove.code, 0, fromAbove.stderr);
    assert.match(fromAbove.stdout, /Deployment\/web/);
    assert.doesNotMatch(fromAbove.stdout, /stranger/, 'files outside the repository are not its workspace');
    const fromElsewhere = cli(['explain', '../repo/k8s/svc.yaml:6:3'], join(top, 'other'));
    assert.equal(fromElsewhere.code, 0, fromElsewhere.stderr);
    assert.match(fromElsewhere.stdout, /Deployment\/web/);
    assert.doesNotMatch(fromElsewhere.stdout, /stranger/);
  });

  test('explain <file> prints the whole-file explanation', () => {
    const r = cli(['explain', 'compose.yaml'], project);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.trim().length > 0);
  });

  test('usage errors and unreadable input: exit 2, a clear message, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['check', 'does-not-exist'], /no such file or folder/],
      [['check', '--format', 'xml'], /unknown format 'xml'/],
      [['check', '--severity', 'fatal'], /unknown severity/],
      [['check', '--language', 'de'], /unknown language/],
      [['check', '--bogus'], /unknown option/],
      [['check', '--config', 'missing.json'], /cannot read config file/],
      [['check', '--config', 'config-broken.json'], /not valid JSON/],
      [['explain', 'missing/Dockerfile:1:1'], /cannot read/],
      [['explain', 'app'], /cannot read/], // a folder
      [['explain'], /explain needs a file/],
      [['frobnicate'], /unknown command/],
      [[], /Usage/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args, project);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}\n${r.stdout}${r.stderr}`);
      assert.match(r.stderr + r.stdout, message, args.join(' '));
      assertNoStack(r);
    }
  });

  test('usage errors speak the chosen language: --language, else the environment locale', () => {
    const ru = cli(['check', '--format', 'xml', '--language', 'ru'], project);
    assert.equal(ru.code, 2);
    assert.match(ru.stderr, /неизвестный формат 'xml'/);
    assert.match(ru.stderr, /Использование:/);
    const env = cli(['check', 'nowhere/*.yaml'], project, { LANG: 'ru_RU.UTF-8' });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /ни один инфраструктурный файл не подходит под nowhere\/\*\.yaml/);
    const en = cli(['check', 'nowhere/*.yaml', '--language=en'], project, { LANG: 'ru_RU.UTF-8' });
    assert.match(en.stderr, /no infra file matches/);
    assertNoStack(ru);
  });

  test('binary and odd files in the tree are skipped without failing the run', () => {
    const dir = join(tmp, 'odd');
    mkdirSync(join(dir, 'k8s'), { recursive: true });
    writeFileSync(join(dir, 'k8s', 'blob.yaml'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0x41]));
    writeFileSync(join(dir, 'Dockerfile'), Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('FROM alpine:3.20\r\nADD x /x/\r\n')]));
    writeFileSync(join(dir, 'k8s', 'empty.yaml'), '');
    const r = cli(['check', '--format', 'json', '.'], dir);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assertNoStack(r);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.ok(!findings.some((f) => f.file.endsWith('blob.yaml')));
    assert.ok(findings.some((f) => f.rule === 'DF007' && f.line === 2), 'a BOM and CRLF do not hide findings');
  });

  test('--version prints the package version', () => {
    const r = cli(['--version'], project);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});
