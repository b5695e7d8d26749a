// Dockerfile completion: instructions with snippet bodies and the snippets at the start of a line,
// flags per instruction, --from= stage names, --mount types and keys, flag values, $/${ variables
// in scope, parser directive names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { completeAt } from '../../helpers/service';

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const ru = { settings: { locale: 'ru' as const } };
const docText = (i: CompletionItem | undefined) => (typeof i?.documentation === 'string' ? i.documentation : i?.documentation?.value ?? '');
const newText = (i: CompletionItem | undefined) => (i?.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : '');

describe('completion: instructions and snippets', () => {
  it('offers every instruction with a snippet body at the start of a line', () => {
    const items = completeAt('Dockerfile', 'FROM debian:12\n<|>');
    for (const kw of ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']) {
      const it = items.find((i) => i.label === kw);
      assert.ok(it, `${kw} missing`);
      assert.equal(it.insertTextFormat, InsertTextFormat.Snippet);
      assert.ok(docText(it).length > 20, `${kw} has documentation`);
    }
    assert.equal(newText(items.find((i) => i.label === 'ENTRYPOINT')), 'ENTRYPOINT ["${1:executable}"]');
    assert.match(newText(items.find((i) => i.label === 'MAINTAINER')), /^LABEL org\.opencontainers\.image\.authors=/);
  });

  it('replaces the partly typed keyword', () => {
    const items = completeAt('Dockerfile', 'FROM a\nHEALTH<|>');
    const hc = items.find((i) => i.label === 'HEALTHCHECK');
    assert.ok(hc?.textEdit && 'range' in hc.textEdit);
    assert.deepEqual(hc.textEdit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 6 } });
  });

  it('FROM and ARG come first at the top of an empty file', () => {
    const items = completeAt('Dockerfile', '<|>').sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(labels(items).slice(0, 2).sort(), ['ARG', 'FROM']);
  });

  it('offers the notes\' snippets with documentation in both languages', () => {
    const en = completeAt('Dockerfile', 'FROM debian:12\n<|>');
    for (const p of ['multistage', 'apt-install', 'nginx-logs', 'entrypoint-cmd', 'build-packages', 'healthcheck', 'non-root-user']) assert.ok(en.some((i) => i.label === p), p);
    const apt = en.find((i) => i.label === 'apt-install');
    assert.match(newText(apt), /set -ex/);
    assert.match(newText(apt), /--no-install-recommends/);
    assert.match(newText(apt), /rm -rf \/var\/lib\/apt\/lists\/\*/);
    assert.doesNotMatch(newText(apt), /upgrade/);
    assert.match(newText(en.find((i) => i.label === 'nginx-logs')), /ln -sf \/dev\/stdout \/var\/log\/nginx\/access\.log/);
    assert.match(newText(en.find((i) => i.label === 'build-packages')), /^ARG BUILD_PACKAGES=/);
    const r = completeAt('Dockerfile', 'FROM debian:12\n<|>', ru).find((i) => i.label === 'apt-install');
    assert.match(String(r?.detail), /как надо/);
    assert.match(docText(r), /DOCKER-04/);
  });

  it('nothing inside arguments or on a continuation line', () => {
    assert.deepEqual(completeAt('Dockerfile', 'FROM a\nRUN apt-get <|>'), []);
    assert.deepEqual(completeAt('Dockerfile', 'FROM a\nRUN apt-get update \\\n  <|>'), []);
  });
});

describe('completion: flags', () => {
  const cases: [string, string[]][] = [
    ['FROM --<|>', ['--platform']],
    ['FROM a\nRUN --<|>', ['--mount', '--network', '--security']],
    ['FROM a\nCOPY --<|>', ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']],
    ['FROM a\nADD --<|>', ['--chown', '--chmod', '--link', '--checksum', '--keep-git-dir', '--unpack', '--exclude']],
    ['FROM a\nHEALTHCHECK --<|>', ['--interval', '--timeout', '--start-period', '--start-interval', '--retries']],
  ];
  for (const [src, want] of cases) {
    it(src.split('\n').pop()!, () => {
      const items = completeAt('Dockerfile', src);
      assert.deepEqual(labels(items).sort(), [...want].sort());
      assert.ok(items.every((i) => docText(i).length > 0));
    });
  }

  it('no flags after the arguments have started', () => {
    assert.deepEqual(completeAt('Dockerfile', 'FROM a\nCOPY x --<|>'), []);
  });

  it('flag bodies are snippets', () => {
    const hc = completeAt('Dockerfile', 'FROM a\nHEALTHCHECK --<|>').find((i) => i.label === '--interval');
    assert.equal(newText(hc), '--interval=${1:30s}');
  });
});

describe('completion: values', () => {
  it('--from= offers the earlier stages only', () => {
    const items = completeAt('Dockerfile', 'FROM golang AS build\nFROM node AS assets\nFROM nginx AS final\nCOPY --from=<|>\nFROM x AS later\n');
    assert.deepEqual(labels(items).sort(), ['assets', 'build']);
    assert.match(String(items.find((i) => i.label === 'build')?.detail), /FROM golang/);
  });

  it('unnamed stages are offered by index', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM golang\nFROM nginx\nCOPY --from=<|>')), ['0']);
  });

  it('--mount: type first, then the values, then the keys of that type', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --mount=<|>')), ['type']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --mount=type=<|>')).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --mount=type=secret,<|>')).sort(), ['env', 'gid', 'id', 'mode', 'required', 'target', 'uid']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --mount=type=cache,target=/x,<|>')).sort(), ['from', 'gid', 'id', 'mode', 'readonly', 'sharing', 'source', 'uid']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --mount=type=cache,sharing=<|>')).sort(), ['locked', 'private', 'shared']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a AS deps\nFROM b\nRUN --mount=type=bind,from=<|>')), ['deps']);
  });

  it('documented flag values', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --network=<|>')).sort(), ['default', 'host', 'none']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nRUN --security=<|>')).sort(), ['insecure', 'sandbox']);
  });
});

describe('completion: variables', () => {
  const SRC = 'ARG BASE=alpine\nFROM $BASE\nARG VERSION=1\nENV HOME_DIR=/app\n';
  it('$ and ${ offer the variables in scope, with their values', () => {
    const items = completeAt('Dockerfile', `${SRC}RUN echo $<|>`);
    assert.ok(items.some((i) => i.label === 'VERSION'));
    assert.ok(items.some((i) => i.label === 'HOME_DIR'));
    assert.ok(!items.some((i) => i.label === 'BASE'), 'a global ARG is not in scope inside the stage');
    assert.match(docText(items.find((i) => i.label === 'HOME_DIR')), /`\/app`/);
    const braced = completeAt('Dockerfile', `${SRC}RUN echo \${HO<|>`);
    const home = braced.find((i) => i.label === 'HOME_DIR');
    assert.ok(home?.textEdit && 'range' in home.textEdit);
    assert.deepEqual(home.textEdit.range.start, { line: 4, character: 11 });
  });

  it('global ARGs in FROM lines', () => {
    const items = completeAt('Dockerfile', 'ARG BASE=alpine\nFROM $<|>');
    assert.ok(items.some((i) => i.label === 'BASE'));
    assert.ok(items.some((i) => i.label === 'TARGETPLATFORM'));
  });
});

describe('completion: parser directives', () => {
  it('at the head of the file, minus the ones present', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', '# <|>')).sort(), ['check', 'escape', 'syntax']);
    assert.deepEqual(labels(completeAt('Dockerfile', '# syntax=docker/dockerfile:1\n# <|>')).sort(), ['check', 'escape']);
    assert.deepEqual(completeAt('Dockerfile', 'FROM a\n# <|>'), []);
  });
});

describe('completion: FROM and ONBUILD', () => {
  it('FROM offers earlier named stages, then AS after the image', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM golang AS build\nFROM node AS web\nFROM <|>')).sort(), ['build', 'web']);
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM --platform=$BUILDPLATFORM golang AS build\nFROM --platform=linux/amd64 b<|>')), ['build']);
    const as = completeAt('Dockerfile', 'FROM golang:1.22 <|>');
    assert.deepEqual(labels(as), ['AS']);
    assert.equal(newText(as[0]), 'AS ${1:name}');
  });
  it('--platform values', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM --platform=<|>')).sort(), ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64']);
  });
  it('ONBUILD offers the instructions it may hold', () => {
    const items = labels(completeAt('Dockerfile', 'FROM a\nONBUILD <|>'));
    assert.ok(items.includes('COPY') && items.includes('RUN'));
    assert.ok(!items.includes('FROM') && !items.includes('ONBUILD') && !items.includes('MAINTAINER'));
  });
});

describe('completion: LABEL keys', () => {
  it('offers the OCI keys, also after a first pair', () => {
    const items = completeAt('Dockerfile', 'FROM a\nLABEL org.opencontainers.image.<|>');
    assert.ok(items.some((i) => i.label === 'org.opencontainers.image.authors'));
    assert.equal(newText(items.find((i) => i.label === 'org.opencontainers.image.source')), 'org.opencontainers.image.source="${1}"');
    assert.ok(completeAt('Dockerfile', 'FROM a\nLABEL a="b c" <|>').length > 5);
    assert.deepEqual(completeAt('Dockerfile', 'FROM a\nLABEL a="<|>'), []);
  });
});

describe('completion: HEALTHCHECK and # check=skip=', () => {
  it('CMD or NONE after the HEALTHCHECK flags', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nHEALTHCHECK --interval=5s <|>')).sort(), ['CMD', 'NONE']);
  });
  it('BuildKit check names from the rule catalogue', () => {
    const items = completeAt('Dockerfile', '# check=skip=JSONArgsRecommended,<|>\nFROM a\n');
    assert.ok(items.length > 5, labels(items).join(','));
    assert.ok(items.some((i) => i.label === 'StageNameCasing' || i.label === 'FromAsCasing'));
    assert.match(String(items[0].detail), /^DF\d{3} · /);
  });
});

describe('completion: the newest Dockerfile flags', () => {
  it('ADD offers --unpack, with its true/false values', () => {
    assert.ok(labels(completeAt('Dockerfile', 'FROM a\nADD --<|>')).includes('--unpack'));
    const values = completeAt('Dockerfile', 'FROM a\nADD --unpack=<|>');
    assert.deepEqual(labels(values), ['true', 'false']);
    assert.match(docText(values[1]), /COPY/);
    assert.match(docText(completeAt('Dockerfile', 'FROM a\nADD --unpack=<|>', ru)[1]), /COPY/);
  });

  it('ONBUILD offers the flags and values of its trigger instruction', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nONBUILD COPY --<|>')), labels(completeAt('Dockerfile', 'FROM a\nCOPY --<|>')));
    assert.ok(labels(completeAt('Dockerfile', 'FROM a\nONBUILD COPY --<|>')).includes('--parents'));
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nONBUILD RUN --<|>')), ['--mount', '--network', '--security']);
    assert.ok(labels(completeAt('Dockerfile', 'FROM a\nONBUILD RUN --mount=type=secret,<|>')).includes('env'));
    assert.deepEqual(labels(completeAt('Dockerfile', 'FROM a\nONBUILD RUN --network=<|>')), ['default', 'none', 'host']);
    // the trigger keyword itself is still completed
    assert.ok(labels(completeAt('Dockerfile', 'FROM a\nONBUILD CO<|>')).includes('COPY'));
  });

  it('# check= offers its settings skip, error and experimental, also after a `;`', () => {
    assert.deepEqual(labels(completeAt('Dockerfile', '# check=<|>\nFROM a')), ['skip', 'error', 'experimental']);
    const after = completeAt('Dockerfile', '# check=skip=JSONArgsRecommended;<|>\nFROM a');
    assert.deepEqual(labels(after), ['skip', 'error', 'experimental']);
    assert.equal(newText(after[1]), 'error=');
    // check names after skip= are unchanged
    assert.ok(labels(completeAt('Dockerfile', '# check=skip=<|>\nFROM a')).includes('JSONArgsRecommended'));
    assert.match(String(completeAt('Dockerfile', '# check=<|>\nFROM a', ru)[0].detail), /через запятую/);
  });
});
