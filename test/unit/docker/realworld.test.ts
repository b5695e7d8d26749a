// The Dockerfile rules over a corpus of real-world-style Dockerfiles (test/fixtures/docker/realworld):
// nothing crashes, and exactly the reviewed findings fire. Every entry below was read and judged
// correct by hand; the well-written files (official-image style, careful multi-stage builds) must
// stay silent. A change in this list is a behaviour change to review, not a snapshot to refresh.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allRuleEntries } from '../../../server/src/service/knowledge/index';
import { setRuleErrorLogger } from '../../../server/src/service/rules/engine';
import { diagnose } from '../../helpers/service';

const DIR = join(__dirname, '..', '..', 'fixtures', 'docker', 'realworld');

/** Projects whose build context has no .dockerignore (the rest get one beside the Dockerfile). */
const NO_DOCKERIGNORE = new Set(['node-naive', 'python-naive', 'legacy-mixed', 'nginx-debian-legacy']);

/** line (1-based) : rule id — reviewed. */
const REVIEWED: Record<string, string[]> = {
  // set -eux blocks kept apart on purpose; the one DF036: line 12 runs apk again right after the
  // `apk add` RUN of line 7 (the user-creation RUN before them is independent and stays silent)
  'alpine-official': ['12:DF036'],
  // yum -y update (DOCKER-21), no yum clean all, pip cache, supervisord running several processes
  'centos-yum-legacy': ['2:DF010', '3:DF006', '3:DF036', '6:DF004', '8:DF013'],
  'cross-platform': [],
  // ENV GOSU_VERSION 1.17 is the legacy form BuildKit warns about, as in many official images
  // `RUN mkdir /data` after the gosu RUN is independent of it: no DF036
  'debian-official': ['8:DF057'],
  'django-app': [],
  'dotnet-multistage': [],
  'go-multistage': [],
  'heredoc-buildkit': [],
  // openjdk 8u181 (DOCKER-26), MAINTAINER, legacy ENV, COPY . before gradle (DOCKER-18), shell-form CMD
  'java-gradle-legacy': ['1:DF014', '2:DF033', '3:DF057', '6:DF008', '9:DF054'],
  'java-maven': [],
  // everything a tutorial from 2017 gets wrong; `apt` is reported once per apt command on line 2;
  // `pip3 install` after the apt RUN is another package manager: no DF036 (DF003 tells about the lists)
  'legacy-mixed': ['1:DF050', '2:DF003', '2:DF026', '2:DF027', '2:DF027', '3:DF004', '3:DF050', '4:DF007', '5:DF058', '6:DF057', '7:DF060', '8:DF021', '8:DF034', '9:DF035', '10:DF054'],
  // apt-get upgrade, lists left, `service nginx start` as CMD (DOCKER-01) in shell form
  'nginx-debian-legacy': ['3:DF010', '4:DF003', '4:DF026', '4:DF036', '8:DF001', '8:DF054'],
  'nginx-static': [],
  'node-multistage': [],
  // latest tag, COPY . without .dockerignore and before npm install, build at start
  'node-naive': ['1:DF024', '3:DF002', '3:DF008', '6:DF012', '6:DF054'],
  'php-fpm-alpine': [],
  'postgres-extension': [],
  // useradd after the apt-get RUN is an independent step: no DF036
  'python-multistage': [],
  'python-naive': ['3:DF004', '4:DF002', '4:DF008', '5:DF004'],
  'ruby-rails': [],
  'rust-multistage': [],
  'ubi-minimal': [],
  'windows-escape': [],
};

const corpus = readdirSync(DIR).filter((f) => f.endsWith('.Dockerfile')).sort().map((f) => ({ name: f.replace(/\.Dockerfile$/, ''), text: readFileSync(join(DIR, f), 'utf8') }));

function run(name: string, text: string, settings = {}) {
  const files = NO_DOCKERIGNORE.has(name) ? {} : { [`${name}/.dockerignore`]: '.git\nnode_modules\n' };
  return diagnose(`${name}/Dockerfile`, text, { files, settings });
}

describe('Dockerfile rules over the real-world corpus', () => {
  const errors: string[] = [];
  before(() => setRuleErrorLogger((id, doc, err) => errors.push(`${id} on ${doc.uri}: ${String(err)}`)));
  after(() => setRuleErrorLogger(() => undefined));

  it('has at least 20 Dockerfiles, each with a reviewed list', () => {
    assert.ok(corpus.length >= 20, `${corpus.length} files`);
    assert.deepEqual(corpus.map((c) => c.name), Object.keys(REVIEWED).sort());
  });

  for (const { name, text } of corpus) {
    it(`${name}: exactly the reviewed findings`, () => {
      const got = run(name, text).map((d) => `${d.range.start.line + 1}:${d.code}`).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));
      assert.deepEqual(got, REVIEWED[name]);
    });
  }

  it('no rule throws on any file, with every rule switched on', () => {
    const all = Object.fromEntries(allRuleEntries().filter((e) => e.id.startsWith('DF')).map((e) => [e.id, 'warning' as const]));
    for (const { name, text } of corpus) {
      run(name, text, { rules: all, hardening: true });
      // half-typed versions of the same file, cut at some 40 points
      for (let i = 0; i < text.length; i += Math.max(7, Math.floor(text.length / 40))) run(name, text.slice(0, i), { rules: all });
    }
    assert.deepEqual(errors, []);
  });

  it('no rule throws on broken, half-typed or templated Dockerfiles', () => {
    const all = Object.fromEntries(allRuleEntries().filter((e) => e.id.startsWith('DF')).map((e) => [e.id, 'warning' as const]));
    const broken = [
      '', '\n\n', 'FROM', 'FROM ', 'FROM alpine AS', 'COPY --from=', 'COPY --from= . .', 'RUN', 'RUN <<', 'RUN <<EOF', 'RUN <<EOF\napt-get install',
      'CMD [', 'CMD ["', 'CMD ["sh", "-c"', 'ENTRYPOINT ["sh", "-c", "a &', 'ENV', 'ENV A', 'ENV =1', 'ARG', 'ARG =', 'EXPOSE', 'EXPOSE /tcp', 'HEALTHCHECK CMD',
      'HEALTHCHECK --interval=', 'ONBUILD RUN apt-get install -y curl', 'ONBUILD', 'SHELL [', 'WORKDIR', 'USER', 'USER :', 'LABEL', 'MAINTAINER',
      'FROM {{ .Values.image }}\nRUN {% if debug %}apt-get install -y gdb{% endif %}\nCMD {{ cmd }}',
      'FROM alpine:3.20\nRUN apt-get install \\', 'FROM alpine:3.20\nRUN echo "unterminated \\\n  && echo \'more', 'FROM alpine:3.20\nRUN $(echo (', 'FROM alpine:3.20\nRUN `echo',
      '# escape=`\nFROM alpine:3.20\nRUN echo a `\n  && echo b', '# escape=\\\nFROM a\nCOPY --chown= . .', 'FROM --platform= a', 'FROM a AS b\nCOPY --from=b . .\nFROM b AS b',
    ];
    for (const text of broken) {
      for (const pre of ['', 'FROM debian:bookworm-slim\n']) run('broken', pre + text, { rules: all, hardening: true });
    }
    assert.deepEqual(errors, []);
  });
});
