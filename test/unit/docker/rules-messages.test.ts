// What a Dockerfile diagnostic carries: code, localised message with every placeholder filled, the
// notes ids in data.notes, a documentation link; in English and Russian.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRuleEntries, type RuleExample } from '../../../server/src/service/knowledge/index';
import type { DiagnosticData } from '../../../server/src/service/rules/engine';
import { DEFAULT_SETTINGS, type FileReader } from '../../../server/src/service/types';
import { diagnose, service } from '../../helpers/service';

const DF = allRuleEntries().filter((e) => e.id.startsWith('DF'));
const code = (ex: string | RuleExample) => (typeof ex === 'string' ? ex : ex.code);
const files = (ex: string | RuleExample) => (typeof ex === 'string' ? undefined : (ex as { files?: Record<string, string> }).files);

describe('Dockerfile diagnostics: messages and data', () => {
  it('there are rules for the notes, hadolint and BuildKit', () => {
    const tools = new Set(DF.flatMap((e) => (e.seeAlso ?? []).map((s) => s.tool)));
    assert.deepEqual([...tools].sort(), ['buildkit', 'hadolint']);
    const notes = new Set(DF.flatMap((e) => e.notes ?? []));
    for (const id of ['DOCKER-01', 'DOCKER-03', 'DOCKER-04', 'DOCKER-07', 'DOCKER-18', 'DOCKER-19', 'DOCKER-21', 'DOCKER-22', 'DOCKER-24', 'DOCKER-25', 'DOCKER-26']) {
      assert.ok(notes.has(id), `no rule carries ${id}`);
    }
  });

  it('no two Dockerfile rules claim the same hadolint code or BuildKit check', () => {
    const seen = new Map<string, string>();
    for (const e of DF) {
      for (const s of e.seeAlso ?? []) {
        const key = `${s.tool}:${s.id}`;
        assert.ok(!seen.has(key), `${key} claimed by ${seen.get(key)} and ${e.id}`);
        seen.set(key, e.id);
      }
    }
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`every invalid example gives a complete ${locale} message, notes and link`, () => {
      for (const e of DF) {
        for (const ex of e.examples.invalid) {
          const ds = diagnose('Dockerfile', code(ex), { files: files(ex), settings: { locale, rules: { [e.id]: e.severity } } }).filter((d) => d.code === e.id);
          if (ds.length === 0) continue; // the catalogue test reports examples that do not fire
          for (const d of ds) {
            const message = typeof d.message === 'string' ? d.message : d.message.value;
            assert.doesNotMatch(message, /\{\w+\}/, `${e.id}: unfilled placeholder in "${message}"`);
            if (locale === 'ru') assert.match(message, /[а-яё]/i, `${e.id}: not Russian: ${message}`);
            assert.deepEqual((d.data as DiagnosticData).notes, e.notes ?? []);
            assert.ok(d.codeDescription?.href.toLowerCase().includes(e.id.toLowerCase()), `${e.id}: no documentation link`);
            assert.equal(d.source, 'infra-notes');
          }
        }
      }
    });
  }

  it('DF062 fires through the service when the example brings its .dockerignore', () => {
    const e = DF.find((x) => x.id === 'DF062')!;
    const ex = e.examples.invalid[0];
    assert.ok(diagnose('Dockerfile', code(ex), { files: files(ex) }).some((d) => d.code === 'DF062'));
  });

  it('an untitled Dockerfile is not judged against a build context it does not have', () => {
    const doc = service.open('untitled:Untitled-1', 'FROM alpine:3.20\nCOPY . /app\n', 1, { override: 'dockerfile' });
    const ids = service.doValidation(doc, { settings: { ...DEFAULT_SETTINGS }, workspace: { roots: ['/ws'], fs: emptyFs } }).map((d) => d.code);
    assert.ok(!ids.includes('DF002'), ids.join(', '));
    // the same text saved in the workspace, without a .dockerignore: DF002 applies
    assert.ok(diagnose('Dockerfile', 'FROM alpine:3.20\nCOPY . /app\n').some((d) => d.code === 'DF002'));
  });

  it('messages quote what the file says: lowercase `as` (DF051), `apt install` (DF003)', () => {
    const msg = (text: string, id: string, locale: 'en' | 'ru' = 'en') => diagnose('Dockerfile', text, { settings: { locale } }).filter((d) => d.code === id).map((d) => d.message);
    // immich server/Dockerfile: `FROM … as builder`
    assert.deepEqual(msg('FROM node:22 as builder\n', 'DF051'), ['`as` should match the casing of `FROM`: write `AS`.']);
    assert.deepEqual(msg('from node:22 AS builder\n', 'DF051'), ['`AS` should match the casing of `from`: write `as`.']);
    assert.deepEqual(msg('FROM node:22 as builder\n', 'DF051', 'ru'), ['`as` должен быть в том же регистре, что `FROM`: пишите `AS`.']);
    // awesome-compose angular: `apt install`
    const apt = 'FROM debian:bookworm-slim\nRUN apt update && apt install -y --no-install-recommends curl\n';
    assert.match(String(msg(apt, 'DF003')[0]), /^`apt install` leaves/);
    assert.match(String(msg(apt, 'DF003', 'ru')[0]), /^`apt install` оставляет/);
    assert.match(String(msg(apt.replace(/apt /g, 'apt-get '), 'DF003')[0]), /^`apt-get install` leaves/);
  });

  it('DF054 behind a JSON ENTRYPOINT says where the CMD goes, not that the shell is PID 1', () => {
    // meilisearch/meilisearch Dockerfile: tini is PID 1, the shell-form CMD becomes its arguments
    const text = 'FROM alpine:3.22\nRUN apk add -q --no-cache tini\nENTRYPOINT ["tini", "--"]\nCMD     /bin/meilisearch\n';
    for (const locale of ['en', 'ru'] as const) {
      const [d] = diagnose('Dockerfile', text, { settings: { locale } }).filter((x) => x.code === 'DF054');
      assert.equal(d?.range.start.line, 3);
      assert.doesNotMatch(String(d.message), /PID 1/);
      assert.match(String(d.message), locale === 'en' ? /JSON ENTRYPOINT on line 3 as the arguments `\/bin\/sh -c …`/ : /JSON-ENTRYPOINT со строки 3/);
    }
    // without an ENTRYPOINT (fly-apps/live_beats `CMD /app/bin/server`) the shell is PID 1
    const [plain] = diagnose('Dockerfile', 'FROM debian:bookworm-slim\nCMD /app/bin/server\n').filter((x) => x.code === 'DF054');
    assert.match(String(plain.message), /becomes PID 1/);
    // a shell-form ENTRYPOINT keeps the PID 1 message
    const [shellEp] = diagnose('Dockerfile', 'FROM debian:bookworm-slim\nENTRYPOINT /app/bin/server\n').filter((x) => x.code === 'DF054');
    assert.match(String(shellEp.message), /^ENTRYPOINT in shell form runs under \/bin\/sh -c, which becomes PID 1/);
  });

  it('.containerignore counts as the ignore file (Podman/Buildah)', () => {
    const text = 'FROM alpine:3.20\nCOPY . /app\nCOPY .env /app/\n';
    const ids = diagnose('Dockerfile', text, { files: { '.containerignore': '.env\n' } }).map((d) => d.code);
    assert.ok(!ids.includes('DF002'));
    assert.ok(ids.includes('DF062'));
  });
});

const emptyFs: FileReader = { readFile: () => undefined, exists: () => false, isDirectory: () => false, readDir: () => [] };
