// The Dockerfile model the hovers and the rules share: stages, ARG/ENV scoping, variable
// substitution, image references and the shell commands inside RUN with exact ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commandName, dockerfileInfo, findStage, globalArgs, parseImageRef, shellCommands, stageAt, stagesOf, substitute, variablesInScope,
} from '../../../server/src/service/languages/docker/model';
import { open } from '../../helpers/service';

const docOf = (text: string) => open('Dockerfile', text).doc;

describe('model: stages', () => {
  const doc = docOf([
    '# syntax=docker/dockerfile:1',
    'ARG GO=1.22',
    'FROM --platform=$BUILDPLATFORM golang:${GO} AS Build',
    'WORKDIR /src',
    'RUN go build -o /out/app',
    '',
    'FROM build AS test',
    'RUN go test ./...',
    'FROM gcr.io/distroless/static',
    'COPY --from=build /out/app /app',
  ].join('\n'));

  it('lists stages with names, images, platform, parents and ranges', () => {
    const s = stagesOf(doc);
    assert.deepEqual(s.map((x) => [x.index, x.name, x.image, x.resolvedImage, x.platform, x.parent, x.instructions.length]), [
      [0, 'Build', 'golang:${GO}', 'golang:1.22', '$BUILDPLATFORM', undefined, 3],
      [1, 'test', 'build', 'build', undefined, 0, 2],
      [2, undefined, 'gcr.io/distroless/static', 'gcr.io/distroless/static', undefined, undefined, 2],
    ]);
    assert.deepEqual(s[0].range.start, { line: 2, character: 0 });
    assert.equal(s[0].range.end.line, 4);
    assert.deepEqual(s[0].imageRange, { start: { line: 2, character: 31 }, end: { line: 2, character: 43 } });
    assert.deepEqual(s[0].nameRange, { start: { line: 2, character: 47 }, end: { line: 2, character: 52 } });
  });

  it('finds stages by name (case-insensitive) or index, and the stage at a line', () => {
    assert.equal(findStage(doc, 'build')?.index, 0);
    assert.equal(findStage(doc, '1')?.name, 'test');
    assert.equal(findStage(doc, 'test', 1), undefined, 'only earlier stages with `before`');
    assert.equal(stageAt(doc, 7)?.index, 1);
    assert.equal(stageAt(doc, 1), undefined);
    assert.equal(dockerfileInfo(doc).globalArgs.length, 1);
    assert.deepEqual(globalArgs(doc).map((a) => [a.name, a.value, a.global]), [['GO', '1.22', true]]);
  });

  it('is memoised per document version', () => {
    assert.equal(stagesOf(doc), stagesOf(doc));
  });

  it('tolerates files without FROM and half-typed FROMs', () => {
    assert.deepEqual(stagesOf(docOf('ARG X=1\n')), []);
    assert.equal(stagesOf(docOf('FROM \n')).length, 1);
    assert.doesNotThrow(() => stagesOf(docOf('FROM AS\nCOPY --from= . .\n')));
  });
});

describe('model: variable scope', () => {
  const doc = docOf([
    'ARG A=1',
    'ARG B=${A}-b',
    'FROM x:$B AS one',
    'ARG A',
    'ARG C=c',
    'ENV D=$A$C E=${MISSING:-dflt}',
    'RUN true',
    'FROM one',
    'RUN true',
  ].join('\n'));
  const scope = (line: number, character = 0) => Object.fromEntries([...variablesInScope(doc, { line, character })].map(([k, v]) => [k, v.resolved ?? null]));

  it('global ARGs in FROM lines, resolved in order', () => {
    assert.deepEqual(scope(2, 8), { A: '1', B: '1-b' });
    assert.equal(stagesOf(doc)[0].resolvedImage, 'x:1-b');
  });

  it('inside a stage: only re-declared globals, local ARG and ENV defined above', () => {
    assert.deepEqual(scope(3), {});
    assert.deepEqual(scope(6), { A: '1', C: 'c', D: '1c', E: 'dflt' });
  });

  it('a stage FROM another inherits its ARGs and ENVs (BuildKit); an unrelated stage nothing', () => {
    assert.deepEqual(scope(8), { A: '1', C: 'c', D: '1c', E: 'dflt' });
    const other = docOf('FROM a AS one\nARG X=1\nFROM b\nRUN true\n');
    assert.deepEqual([...variablesInScope(other, { line: 3, character: 0 }).keys()], []);
  });

  it('substitute handles the modifiers', () => {
    const vars: Record<string, string> = { X: 'x', EMPTY: '' };
    const look = (n: string) => vars[n];
    assert.equal(substitute('$X/${X}/${Y:-d}/${X:+set}/${Y:+set}/${EMPTY:-e}/${EMPTY-e}/\\$X', look), 'x/x/d/set//e//$X');
  });
});

describe('model: image references', () => {
  const cases: [string, string, string, string | undefined, string | undefined][] = [
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['nginx:1.27-alpine', 'docker.io', 'library/nginx', '1.27-alpine', undefined],
    ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7', undefined],
    ['docker.io/library/ubuntu:24.04', 'docker.io', 'library/ubuntu', '24.04', undefined],
    ['index.docker.io/node', 'docker.io', 'library/node', undefined, undefined],
    ['ghcr.io/org/app:v1@sha256:abc', 'ghcr.io', 'org/app', 'v1', 'sha256:abc'],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined, undefined],
    ['localhost/app:1', 'localhost', 'app', '1', undefined],
    ['harbor.example.com/proj/team/app:2', 'harbor.example.com', 'proj/team/app', '2', undefined],
  ];
  for (const [ref, registry, repository, tag, digest] of cases) {
    it(ref, () => {
      const p = parseImageRef(ref);
      assert.deepEqual([p.registry, p.repository, p.tag, p.digest], [registry, repository, tag, digest]);
    });
  }
  it('marks templated references', () => {
    assert.equal(parseImageRef('python:${PY}').templated, true);
    assert.equal(parseImageRef('python:3').explicitRegistry, false);
  });
});

describe('model: shell commands inside RUN', () => {
  const words = (text: string, at = 1) => {
    const doc = docOf(text);
    const instr = dockerfileInfo(doc).instructions[at];
    return shellCommands(doc, instr).map((c) => [c.prev, c.words.map((w) => w.text).join(' '), c.next]);
  };

  it('splits on &&, ||, ;, | and & with continuations and comment lines', () => {
    assert.deepEqual(words('FROM a\nRUN set -ex \\\n  # a comment\n  && apt-get update || true; make | tee log &\n'), [
      ['', 'set -ex', '&&'],
      ['&&', 'apt-get update', '||'],
      ['||', 'true', ';'],
      [';', 'make', '|'],
      ['|', 'tee log', '&'],
    ]);
  });

  it('keeps quotes together and redirections like 2>&1 inside words', () => {
    assert.deepEqual(words('FROM a\nRUN echo "a && b" \'c;d\' 2>&1 >/dev/null\n'), [['', 'echo a && b c;d 2>&1 >/dev/null', '']]);
  });

  it('skips flags of RUN and reads heredoc bodies as the script', () => {
    assert.deepEqual(words('FROM a\nRUN --mount=type=cache,target=/x <<EOF\nset -e\napt-get install -y x\nEOF\nRUN true\n'), [
      ['', '<<EOF', '\n'],
      ['', 'set -e', '\n'],
      ['\n', 'apt-get install -y x', '\n'],
    ]);
  });

  it('gives exact ranges of words', () => {
    const doc = docOf('FROM a\nRUN apt-get update \\\n && apt-get install -y curl\n');
    const [, second] = shellCommands(doc, dockerfileInfo(doc).instructions[1]);
    const install = second.words[1];
    assert.equal(install.text, 'install');
    assert.deepEqual(install.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 19 } });
  });

  it('honours the escape directive', () => {
    assert.deepEqual(words('# escape=`\nFROM a\nRUN apt-get update `\n  && apt-get install -y x\n', 1).map((c) => c[1]), ['apt-get update', 'apt-get install -y x']);
  });

  it('has nothing for the JSON form; names commands past sudo and env assignments', () => {
    assert.deepEqual(words('FROM a\nRUN ["apt-get", "update"]\n'), []);
    const doc = docOf('FROM a\nRUN sudo -E DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install x\n');
    const [cmd] = shellCommands(doc, dockerfileInfo(doc).instructions[1]);
    assert.deepEqual(commandName(cmd), { name: 'apt-get', index: 3 });
  });

  it('never throws on broken input', () => {
    for (const src of ['FROM a\nRUN "unclosed', 'FROM a\nRUN <<EOF\nno end', 'FROM a\nRUN \\', 'FROM a\nRUN &&&& ||| ;;']) {
      const doc = docOf(src);
      assert.doesNotThrow(() => shellCommands(doc, dockerfileInfo(doc).instructions[1]));
    }
  });
});
