// Dockerfile hovers: every instruction, every flag (BuildKit's too), --mount types and keys, parser
// directives, variables, image references, stage names and the shell commands of the notes — in
// both languages, with the notes link where a fact applies, and the exact hovered range.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursor } from '../../helpers/annotations';
import { hoverAt, hoverText } from '../../helpers/service';

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;
const ru = { settings: { locale: 'ru' as const } };

/** The hovered text (the hover's range) in the fixture without the cursor marker. */
function hovered(src: string): string {
  const h = hoverAt('Dockerfile', src);
  assert.ok(h?.range, `no hover at:\n${src}`);
  const { text } = cursor(src);
  const lines = text.split('\n');
  const r = h.range;
  assert.equal(r.start.line, r.end.line, 'single-line range');
  return lines[r.start.line].slice(r.start.character, r.end.character);
}

interface Row { src: string; word: string; en: RegExp; ru: RegExp; note?: string }

const INSTRUCTIONS: Row[] = [
  { src: 'FR<|>OM alpine:3.20', word: 'FROM', en: /base image/, ru: /базовый образ/, note: 'DOCKER-11' },
  { src: 'FROM a\nR<|>UN make', word: 'RUN', en: /build time/, ru: /во время сборки/, note: 'DOCKER-04' },
  { src: 'FROM a\nC<|>MD ["app"]', word: 'CMD', en: /default arguments/, ru: /параметры запуска/, note: 'DOCKER-08' },
  { src: 'FROM a\nLAB<|>EL a=b', word: 'LABEL', en: /metadata/, ru: /метаданные/ },
  { src: 'FROM a\nMAINT<|>AINER me', word: 'MAINTAINER', en: /deprecated/, ru: /устаревш/ },
  { src: 'FROM a\nEXP<|>OSE 80', word: 'EXPOSE', en: /publishes nothing/, ru: /ничего не публикует/ },
  { src: 'FROM a\nE<|>NV A=1', word: 'ENV', en: /[Ee]nvironment variables/, ru: /переменные окружения/ },
  { src: 'FROM a\nA<|>DD x.tgz /x', word: 'ADD', en: /unpack/, ru: /распаков/, note: 'DOCKER-07' },
  { src: 'FROM a\nCO<|>PY . .', word: 'COPY', en: /build context/, ru: /контекста сборки/, note: 'DOCKER-03' },
  { src: 'FROM a\nENTRY<|>POINT ["app"]', word: 'ENTRYPOINT', en: /PID 1/, ru: /PID 1/, note: 'DOCKER-24' },
  { src: 'FROM a\nVOL<|>UME /data', word: 'VOLUME', en: /volume/, ru: /том/ },
  { src: 'FROM a\nUS<|>ER app', word: 'USER', en: /non-root/, ru: /не от root/, note: 'DOCKER-20' },
  { src: 'FROM a\nWORK<|>DIR /app', word: 'WORKDIR', en: /absolute path/, ru: /абсолютный/ },
  { src: 'A<|>RG V=1\nFROM a', word: 'ARG', en: /BUILD_PACKAGES/, ru: /BUILD_PACKAGES/, note: 'DOCKER-23' },
  { src: 'FROM a\nONB<|>UILD RUN x', word: 'ONBUILD', en: /child|another Dockerfile/, ru: /дочерн|другой Dockerfile/ },
  { src: 'FROM a\nSTOP<|>SIGNAL SIGQUIT', word: 'STOPSIGNAL', en: /SIGTERM/, ru: /SIGTERM/ },
  { src: 'FROM a\nHEALTH<|>CHECK CMD true', word: 'HEALTHCHECK', en: /healthy/, ru: /здоров/, note: 'DOCKER-28' },
  { src: 'FROM a\nSH<|>ELL ["/bin/bash", "-c"]', word: 'SHELL', en: /pipefail/, ru: /pipefail/ },
];

const FLAGS: Row[] = [
  { src: 'FROM --pl<|>atform=$BUILDPLATFORM golang AS b', word: '--platform', en: /platform/, ru: /платформ/ },
  { src: 'FROM a\nRUN --mo<|>unt=type=cache,target=/root/.cache pip install x', word: '--mount', en: /layer/, ru: /слое/, note: 'DOCKER-04' },
  { src: 'FROM a\nRUN --net<|>work=none make', word: '--network', en: /must not download/, ru: /[Сс]еть/ },
  { src: 'FROM a\nRUN --sec<|>urity=insecure make', word: '--security', en: /privileges/, ru: /привилег/ },
  { src: 'FROM a AS b\nFROM c\nCOPY --fr<|>om=b /x /x', word: '--from', en: /multi-stage/, ru: /многостадийн/, note: 'DOCKER-22' },
  { src: 'FROM a\nCOPY --ch<|>own=1:1 x /x', word: '--chown', en: /owner/, ru: /владельц/ },
  { src: 'FROM a\nCOPY --chm<|>od=755 x /x', word: '--chmod', en: /permissions/, ru: /права/ },
  { src: 'FROM a\nCOPY --li<|>nk x /x', word: '--link', en: /independent layer/, ru: /независимый слой/ },
  { src: 'FROM a\nCOPY --par<|>ents ./a/b /x/', word: '--parents', en: /source path/, ru: /путь источника/ },
  { src: 'FROM a\nCOPY --exc<|>lude=*.md . /x', word: '--exclude', en: /\.dockerignore/, ru: /\.dockerignore/, note: 'DOCKER-03' },
  { src: 'FROM a\nADD --chec<|>ksum=sha256:00 https://x/y.tgz /y', word: '--checksum', en: /reproducible/, ru: /воспроизводим/, note: 'DOCKER-07' },
  { src: 'FROM a\nADD --chec<|>ksum=be1f38e https://github.com/moby/buildkit.git#v0.26.2 /', word: '--checksum', en: /commit SHA or a prefix/, ru: /SHA коммита или его начало/, note: 'DOCKER-07' },
  { src: 'FROM a\nADD --keep-<|>git-dir=true https://g/r.git /r', word: '--keep-git-dir', en: /\.git/, ru: /\.git/ },
  { src: 'FROM a\nADD --li<|>nk x.tgz /x', word: '--link', en: /independent layer/, ru: /независимый слой/ },
  { src: 'FROM a\nADD --chm<|>od=644 x.tgz /x', word: '--chmod', en: /permissions/, ru: /права/ },
  { src: 'FROM a\nADD --ch<|>own=app x.tgz /x', word: '--chown', en: /owner/, ru: /владельц/ },
  { src: 'FROM a\nADD --exc<|>lude=*.md x /x', word: '--exclude', en: /pattern/, ru: /маск/ },
  { src: 'FROM a\nADD --unp<|>ack=true https://e.com/a.tar.gz /x/', word: '--unpack', en: /Dockerfile 1\.17/, ru: /Dockerfile 1\.17/, note: 'DOCKER-07' },
  { src: 'FROM a\nADD --unpack=fa<|>lse a.tar.gz /x/', word: 'false', en: /what `COPY` does/, ru: /то же, что `COPY`/, note: 'DOCKER-07' },
  { src: 'FROM a\nONBUILD COPY --par<|>ents ./a/b /x/', word: '--parents', en: /stable from 1\.20/, ru: /стабилен с 1\.20/ },
  { src: 'FROM a\nONBUILD RUN --mount=type=secret,id=t,e<|>nv=TOKEN ./b.sh', word: 'env', en: /environment variable/, ru: /переменной окружения/ },
  { src: 'FROM a\nONBUILD ADD --exc<|>lude=*.md x /x', word: '--exclude', en: /stable from 1\.19/, ru: /стабилен с 1\.19/ },
  { src: 'FROM a\nHEALTHCHECK --inter<|>val=10s CMD true', word: '--interval', en: /30s/, ru: /30s/, note: 'DOCKER-28' },
  { src: 'FROM a\nHEALTHCHECK --time<|>out=3s CMD true', word: '--timeout', en: /one check/, ru: /одна проверка/ },
  { src: 'FROM a\nHEALTHCHECK --start-p<|>eriod=5s CMD true', word: '--start-period', en: /[Gg]race/, ru: /на запуск/ },
  { src: 'FROM a\nHEALTHCHECK --start-i<|>nterval=1s CMD true', word: '--start-interval', en: /Engine 25/, ru: /Engine 25/ },
  { src: 'FROM a\nHEALTHCHECK --ret<|>ries=3 CMD true', word: '--retries', en: /unhealthy/, ru: /unhealthy/ },
];

const MOUNT = 'FROM a AS deps\nFROM b\nRUN --mount=';
const MOUNTS: Row[] = [
  ...['cache', 'bind', 'secret', 'ssh', 'tmpfs'].map((type) => ({
    src: `${MOUNT}type=${type.slice(0, 2)}<|>${type.slice(2)},target=/x true`, word: type, en: /What `RUN --mount` mounts/, ru: /Что монтирует `RUN --mount`/,
  })),
  { src: `${MOUNT}type=cache,tar<|>get=/x true`, word: 'target', en: /appears inside the step/, ru: /Куда монтировать/ },
  { src: `${MOUNT}type=cache,target=/x,i<|>d=apt true`, word: 'id', en: /which cache/, ru: /какой кэш/ },
  { src: `${MOUNT}type=cache,target=/x,shar<|>ing=locked true`, word: 'sharing', en: /parallel builds/, ru: /параллельные сборки/ },
  { src: `${MOUNT}type=cache,target=/x,sharing=lo<|>cked true`, word: 'locked', en: /waits/, ru: /ждёт/ },
  { src: `${MOUNT}type=bind,sou<|>rce=go.sum,target=/x true`, word: 'source', en: /path inside/, ru: /Путь внутри/ },
  { src: `${MOUNT}type=bind,fr<|>om=deps,target=/x true`, word: 'from', en: /stage, image/, ru: /Стадия, образ/ },
  { src: `${MOUNT}type=bind,from=de<|>ps,target=/x true`, word: 'deps', en: /Build stage `deps`/, ru: /Стадия сборки `deps`/ },
  { src: `${MOUNT}type=bind,r<|>w,target=/x true`, word: 'rw', en: /discarded/, ru: /выбрасывается/ },
  { src: `${MOUNT}type=cache,target=/x,r<|>o true`, word: 'ro', en: /read-only/, ru: /только для чтения/ },
  { src: `${MOUNT}type=cache,target=/x,mo<|>de=0755 true`, word: 'mode', en: /octal/, ru: /восьмерично/ },
  { src: `${MOUNT}type=cache,target=/x,ui<|>d=1000 true`, word: 'uid', en: /non-root/, ru: /не от root/ },
  { src: `${MOUNT}type=cache,target=/x,gi<|>d=1000 true`, word: 'gid', en: /non-root/, ru: /не от root/ },
  { src: `${MOUNT}type=secret,id=t,requ<|>ired=true true`, word: 'required', en: /fail the build/, ru: /прервать сборку/ },
  { src: `${MOUNT}type=secret,id=t,en<|>v=TOKEN true`, word: 'env', en: /environment variable/, ru: /переменной окружения/ },
  { src: `${MOUNT}type=tmpfs,target=/t,si<|>ze=64m true`, word: 'size', en: /size limit/, ru: /предел размера/ },
];

const COMMANDS: Row[] = [
  { src: 'FROM d\nRUN apt-get upd<|>ate && apt-get install -y x', word: 'update', en: /package lists/, ru: /списки пакетов/, note: 'DOCKER-21' },
  { src: 'FROM d\nRUN apt-get update && apt-get upg<|>rade -y', word: 'upgrade', en: /not reproducible/, ru: /не воспроизводится/, note: 'DOCKER-21' },
  { src: 'FROM d\nRUN apt-get dist-up<|>grade -y', word: 'dist-upgrade', en: /not reproducible/, ru: /не воспроизводится/, note: 'DOCKER-21' },
  { src: 'FROM d\nRUN apk upg<|>rade', word: 'upgrade', en: /not reproducible/, ru: /не воспроизводится/, note: 'DOCKER-21' },
  { src: 'FROM d\nRUN apt-g<|>et install -y --no-install-recommends curl', word: 'apt-get', en: /--no-install-recommends/, ru: /--no-install-recommends/, note: 'DOCKER-04' },
  { src: 'FROM d\nRUN apt-get install -y cu<|>rl', word: 'curl', en: /--no-install-recommends/, ru: /--no-install-recommends/ },
  { src: 'FROM d\nRUN apt-get update \\\n  && rm -rf /var/lib/apt/li<|>sts/*', word: '/var/lib/apt/lists/*', en: /same `RUN`/, ru: /том же `RUN`/, note: 'DOCKER-04' },
  { src: 'FROM debian:trixie-slim\nRUN apt-get install --update -y curl; apt-get dist<|>clean', word: 'distclean', en: /also removes the lists/, ru: /удаляет и списки/, note: 'DOCKER-04' },
  { src: 'FROM d\nRUN apt-get install -y curl && apt-get cl<|>ean', word: 'clean', en: /not the package lists/, ru: /не списки пакетов/, note: 'DOCKER-04' },
  { src: 'FROM d\nRUN s<|>et -ex && make', word: 'set', en: /first failing/, ru: /первой ошибке/, note: 'DOCKER-06' },
  { src: 'FROM d\nRUN set -e<|>x; make', word: '-ex', en: /first failing/, ru: /первой ошибке/, note: 'DOCKER-06' },
  { src: 'FROM nginx\nRUN ln -sf /dev/std<|>out /var/log/nginx/access.log', word: '/dev/stdout', en: /docker logs/, ru: /docker logs/, note: 'DOCKER-05' },
  { src: 'FROM nginx\nRUN ln -sf /dev/stderr /var/log/nginx/err<|>or.log', word: '/var/log/nginx/error.log', en: /docker logs/, ru: /docker logs/, note: 'DOCKER-05' },
  { src: 'FROM p\nRUN pip ins<|>tall -r requirements.txt', word: 'install', en: /--no-cache-dir/, ru: /--no-cache-dir/, note: 'DOCKER-04' },
  { src: 'FROM p\nRUN python3 -m pip inst<|>all flask', word: 'install', en: /--no-cache-dir/, ru: /--no-cache-dir/, note: 'DOCKER-04' },
  { src: 'FROM alpine\nRUN apk a<|>dd --no-cache curl', word: 'add', en: /--no-cache/, ru: /--no-cache/, note: 'DOCKER-19' },
  { src: 'FROM rocky\nRUN dnf ins<|>tall -y gcc && dnf clean all', word: 'install', en: /clean all/, ru: /clean all/, note: 'DOCKER-04' },
  { src: 'FROM d\nRUN <<EOF\napt-get upd<|>ate\nEOF', word: 'update', en: /package lists/, ru: /списки пакетов/ },
  { src: 'FROM d\nRUN sudo apt-get upd<|>ate', word: 'update', en: /package lists/, ru: /списки пакетов/ },
  { src: 'FROM d\nCMD serv<|>ice nginx start', word: 'service', en: /no init system/, ru: /нет init-системы/, note: 'DOCKER-01' },
  { src: 'FROM d\nENTRYPOINT ["systemctl", "st<|>art", "nginx"]', word: '"start"', en: /no init system/, ru: /нет init-системы/, note: 'DOCKER-01' },
  { src: 'FROM nginx\nCMD ["nginx", "-g", "daemon o<|>ff;"]', word: '"daemon off;"', en: /daemon off/, ru: /daemon off/, note: 'DOCKER-01' },
  { src: 'FROM php\nCMD ["php-fpm", "-<|>D"]', word: '"-D"', en: /nodaemonize/, ru: /nodaemonize/, note: 'DOCKER-01' },
  { src: 'FROM d\nCMD ["/usr/bin/supervi<|>sord", "-n"]', word: '"/usr/bin/supervisord"', en: /one process/, ru: /один процесс/, note: 'DOCKER-25' },
  { src: 'FROM node\nCMD npm run bu<|>ild && node server.js', word: 'build', en: /not `CMD`\/`ENTRYPOINT`/, ru: /а не `CMD`\/`ENTRYPOINT`/, note: 'DOCKER-24' },
  { src: 'FROM py\nRUN python manage.py collect<|>static --noinput', word: 'collectstatic', en: /static assets/, ru: /статику/, note: 'DOCKER-24' },
  { src: 'FROM eclipse-temurin:21\nENTRYPOINT ["ja<|>va", "-jar", "app.jar"]', word: '"java"', en: /cgroup limits/, ru: /лимиты cgroup/, note: 'DOCKER-26' },
];

function table(name: string, rows: Row[]) {
  describe(name, () => {
    for (const row of rows) {
      it(`${row.word} (${row.src.split('\n').pop()})`, () => {
        const en = hoverText('Dockerfile', row.src);
        const r = hoverText('Dockerfile', row.src, ru);
        assert.match(en, row.en, en);
        assert.match(r, row.ru, r);
        assert.notEqual(en, r, 'the two languages differ');
        if (row.note) {
          assert.ok(en.includes(link(row.note)), `no ${row.note} link:\n${en}`);
          assert.ok(r.includes(link(row.note)), `no ${row.note} link (ru):\n${r}`);
        }
        assert.equal(hovered(row.src), row.word);
      });
    }
  });
}

table('hover: every instruction', INSTRUCTIONS);
table('hover: every flag', FLAGS);
table('hover: --mount types and keys', MOUNTS);
table('hover: shell commands inside RUN', COMMANDS);

describe('hover: parser directives', () => {
  for (const [src, word, en, ruRe] of [
    ['# syn<|>tax=docker/dockerfile:1\nFROM a', 'syntax', /frontend/, /фронтенд/],
    ['# esc<|>ape=`\nFROM a', 'escape', /escape/, /экранир/],
    ['# syntax=docker/dockerfile:1\n# che<|>ck=skip=JSONArgsRecommended\nFROM a', 'check', /skip=/, /skip=/],
  ] as const) {
    it(word, () => {
      assert.match(hoverText('Dockerfile', src), en);
      assert.match(hoverText('Dockerfile', src, ru), ruRe);
      assert.equal(hovered(src), word);
    });
  }
  it('the value of a directive too; check=skip= lists the matching rules', () => {
    const src = '# check=skip=JSONArgsRecommended,NoSuchCheck<|>\nFROM a';
    const h = hoverText('Dockerfile', src);
    assert.match(h, /`JSONArgsRecommended` → DF\d{3} · /);
    assert.match(h, /`NoSuchCheck` → no matching rule/);
    assert.equal(hovered(src), 'skip=JSONArgsRecommended,NoSuchCheck');
    assert.match(hoverText('Dockerfile', src, ru), /нет соответствующего правила/);
  });

  it('the backtick value of escape is an inline code span, not a code fence', () => {
    // dotnet/dotnet-docker samples/aspnetapp/Dockerfile.nanoserver
    const src = '# escape=<|>`\nFROM mcr.microsoft.com/dotnet/sdk:10.0-nanoserver-ltsc2022 AS build\n';
    const h = hoverText('Dockerfile', src);
    assert.match(h, /^`` ` `` — for Windows images/m);
    assert.doesNotMatch(h, /^```/m);
    assert.match(hoverText('Dockerfile', src, ru), /^`` ` `` — для Windows-образов/m);
    assert.match(hoverText('Dockerfile', '# escape=<|>\\\nFROM a\n'), /^`\\` — the default/m);
  });

  it('a comment after the first instruction is not a directive', () => {
    assert.equal(hoverText('Dockerfile', 'FROM a\n# syn<|>tax=docker/dockerfile:1\n'), '');
  });
});

describe('hover: variables', () => {
  const SRC = [
    'ARG BASE=debian:12',
    'ARG VERSION=1.2',
    'FROM ${BASE} AS build',
    'ARG VERSION',
    'ENV APP_HOME=/opt/app DIR=$APP_HOME/v$VERSION',
    'RUN echo $DIR',
    'FROM build AS final',
    'RUN echo ${DIR}',
    'RUN echo $VERSION',
  ].join('\n');
  const at = (line: number, word: string, offset = 1) => {
    const lines = SRC.split('\n');
    const col = lines[line].indexOf(word) + offset;
    lines[line] = `${lines[line].slice(0, col)}<|>${lines[line].slice(col)}`;
    return lines.join('\n');
  };

  it('a global ARG in FROM: resolved value and where it is set', () => {
    const h = hoverText('Dockerfile', at(2, 'BASE'));
    assert.match(h, /Build argument `BASE`/);
    assert.match(h, /Value: `debian:12`/);
    assert.match(h, /line 1 \(global, before the first FROM\)/);
    assert.ok(h.includes(link('DOCKER-23')));
    assert.equal(hovered(at(2, 'BASE')), '${BASE}');
  });

  it('an ENV built from other variables resolves them, in Russian too', () => {
    const h = hoverText('Dockerfile', at(5, 'DIR'));
    assert.match(h, /Value: `\/opt\/app\/v1\.2`/);
    assert.match(h, /`ENV` on line 5 \(stage build\)/);
    const r = hoverText('Dockerfile', at(5, 'DIR'), ru);
    assert.match(r, /Переменная окружения `DIR`/);
    assert.match(r, /Значение: `\/opt\/app\/v1\.2`/);
    assert.match(r, /строке 5 \(стадия build\)/);
  });

  it('a re-declared global ARG takes the global default', () => {
    const h = hoverText('Dockerfile', at(3, 'VERSION'));
    assert.match(h, /Value: `1\.2`/);
    assert.match(h, /Takes the global `ARG` of line 2/);
  });

  it('a stage built FROM another inherits its ENV and ARG; elsewhere they are undefined', () => {
    assert.match(hoverText('Dockerfile', at(7, 'DIR')), /Value: `\/opt\/app\/v1\.2`/);
    const inherited = hoverText('Dockerfile', at(8, 'VERSION'));
    assert.match(inherited, /Value: `1\.2`/);
    assert.match(inherited, /line 4 \(stage build\)/);
    const undef = hoverText('Dockerfile', 'FROM a AS one\nARG VERSION=1\nFROM b\nRUN echo $VERS<|>ION\n');
    assert.match(undef, /`VERSION` is not defined here/);
    assert.match(hoverText('Dockerfile', 'FROM a AS one\nARG VERSION=1\nFROM b\nRUN echo $VERS<|>ION\n', ru), /не определена/);
  });

  it('an ARG without a default says so', () => {
    const h = hoverText('Dockerfile', 'FROM a\nARG TOK<|>EN\n');
    assert.match(h, /No default value/);
  });

  it('ARG TARGETARCH has no default and needs none: BuildKit sets it', () => {
    // denoland/deno_docker alpine.dockerfile: `ARG TARGETARCH` then `…/tini-${TARGETARCH}`
    const src = 'FROM buildpack-deps:20.04-curl AS tini\nARG TINI_VERSION=0.19.0\nARG TARGET<|>ARCH\nRUN curl -fsSL https://github.com/krallin/tini/releases/download/v${TINI_VERSION}/tini-${TARGETARCH} -o /tini\n';
    const h = hoverText('Dockerfile', src);
    assert.doesNotMatch(h, /empty unless given/);
    assert.match(h, /BuildKit sets `TARGETARCH` from the platform of the build/);
    assert.match(hoverText('Dockerfile', src, ru), /BuildKit задаёт `TARGETARCH` по платформе сборки/);
    assert.match(hoverText('Dockerfile', src.replace('TARGET<|>ARCH\nRUN', 'TARGETARCH\nRUN').replace('tini-${TARGETARCH}', 'tini-${TARGET<|>ARCH}')), /BuildKit sets `TARGETARCH`/);
  });

  it('a predefined argument, and a documented --platform value', () => {
    const h = hoverText('Dockerfile', 'FROM golang AS b\nRUN echo $TARGET<|>ARCH\n');
    assert.match(h, /Predefined build argument `TARGETARCH`/);
    assert.match(hoverText('Dockerfile', 'FROM golang AS b\nRUN echo $TARGET<|>ARCH\n', ru), /Предопределённый/);
    const v = hoverText('Dockerfile', 'FROM --platform=$BUILDPLA<|>TFORM golang AS b\n');
    assert.match(v, /`\$BUILDPLATFORM` — the platform of the machine that builds/);
    assert.equal(hovered('FROM --platform=$BUILDPLA<|>TFORM golang AS b\n'), '$BUILDPLATFORM');
  });

  it('a variable used before its ENV in the same stage is undefined there', () => {
    assert.match(hoverText('Dockerfile', 'FROM a\nRUN echo $LA<|>TER\nENV LATER=1\n'), /not defined here/);
  });
});

describe('hover: image references (DOCKER-11) and stages', () => {
  it('an official Hub image: default registry, library/ repository, tag', () => {
    const h = hoverText('Dockerfile', 'FROM ngi<|>nx:1.27-alpine\n');
    assert.match(h, /\| Registry \| `docker\.io` \(default: Docker Hub\) \|/);
    assert.match(h, /\| Repository \| `library\/nginx` \|/);
    assert.match(h, /\| Tag \| `1\.27-alpine` \|/);
    assert.ok(h.includes(link('DOCKER-11')));
    assert.equal(hovered('FROM ngi<|>nx:1.27-alpine\n'), 'nginx:1.27-alpine');
    const r = hoverText('Dockerfile', 'FROM ngi<|>nx:1.27-alpine\n', ru);
    assert.match(r, /Реестр \| `docker\.io` \(по умолчанию: Docker Hub\)/);
  });

  it('a private registry with a port, and a digest', () => {
    const h = hoverText('Dockerfile', 'FROM registry.local:5000/team/ap<|>p@sha256:abc123\n');
    assert.match(h, /\| Registry \| `registry\.local:5000` \|/);
    assert.match(h, /\| Repository \| `team\/app` \|/);
    assert.match(h, /\| Digest \| `sha256:abc123` \|/);
    assert.doesNotMatch(h, /\| Tag \|/);
  });

  it('quotes around a build argument in FROM are not part of the tag (jenkinsci/docker)', () => {
    // jenkinsci/docker debian/bookworm/hotspot/Dockerfile
    const h = hoverText('Dockerfile', 'ARG BOOKWORM_TAG=20250113\nFROM deb<|>ian:bookworm-"${BOOKWORM_TAG}" AS jre-build\n');
    assert.match(h, /With the build arguments: `debian:bookworm-20250113`/);
    assert.match(h, /\| Tag \| `bookworm-20250113` \|/);
  });

  it('an untagged image pulls latest', () => {
    assert.match(hoverText('Dockerfile', 'FROM ubu<|>ntu\n'), /none — `latest` is pulled/);
    assert.match(hoverText('Dockerfile', 'FROM ubu<|>ntu\n', ru), /скачается `latest`/);
  });

  it('a FROM whose name with the platform ARGs expanded names earlier stages refers to them (docker/buildx)', () => {
    const src = `FROM scratch AS binaries-unix
FROM binaries-unix AS binaries-darwin
FROM binaries-unix AS binaries-linux
FROM scratch AS binaries-windows
FROM binar<|>ies-$TARGETOS AS binaries
`;
    const h = hoverText('Dockerfile', src);
    assert.match(h, /names an earlier stage of this file, not an image: .*`binaries-darwin` \(line 2\), `binaries-linux` \(line 3\), `binaries-windows` \(line 4\)/);
    assert.match(h, /`TARGETOS`: set by BuildKit from the platform of the build/);
    assert.doesNotMatch(h, /latest|library\/binaries-|With the build arguments/);
    const r = hoverText('Dockerfile', src, ru);
    assert.match(r, /это имя одной из стадий выше, а не образ/);
    assert.doesNotMatch(r, /latest/);
  });

  it('never claims latest for a reference with variables that have no value in the file', () => {
    for (const src of ['ARG BASE\nFROM node<|>:$BASE\n', 'FROM no<|>de:22-$TARGETARCH\n', 'FROM ${REGISTRY}/te<|>am/app\n']) {
      const h = hoverText('Dockerfile', src);
      assert.doesNotMatch(h, /latest|\| Repository \|/, src);
    }
    assert.match(hoverText('Dockerfile', 'ARG BASE\nFROM node<|>:$BASE\n'), /Known only at build time \(`--build-arg`\): `BASE`/);
    assert.match(hoverText('Dockerfile', 'FROM no<|>de:22-$TARGETARCH\n', ru), /`TARGETARCH`: BuildKit задаёт по платформе сборки/);
  });

  it('an image built from global ARGs shows the resolved reference', () => {
    const h = hoverText('Dockerfile', 'ARG TAG=3.12\nFROM python:${T<|>AG}\n');
    // the cursor is on the variable: the variable hover wins
    assert.match(h, /Build argument `TAG`/);
    const img = hoverText('Dockerfile', 'ARG TAG=3.12\nFROM pyt<|>hon:${TAG}\n');
    assert.match(img, /With the build arguments: `python:3\.12`/);
    assert.match(img, /\| Tag \| `3\.12` \|/);
  });

  it('an image that is only a variable: no made-up table', () => {
    const h = hoverText('Dockerfile', 'FROM ${UNSET<|>}x AS b\n');
    assert.doesNotThrow(() => hoverText('Dockerfile', 'FROM ${UN<|>SET}\n'));
    const img = hoverText('Dockerfile', 'ARG BASE\nFROM $BA<|>SE\n');
    assert.match(img, /Build argument `BASE`/);
    const raw = hoverText('Dockerfile', 'FROM <|>$BASE\n');
    assert.doesNotMatch(raw, /\| Repository \|/);
    void h;
  });

  it('a stage name where it is defined and where it is used', () => {
    const src = 'FROM golang:1.22 AS bui<|>ld\nRUN go build\nFROM alpine\nCOPY --from=build /out /app\n';
    const h = hoverText('Dockerfile', src);
    assert.match(h, /Build stage `build`/);
    assert.match(h, /Defined on line 1: `FROM golang:1\.22`/);
    assert.ok(h.includes(link('DOCKER-22')));
    const used = hoverText('Dockerfile', 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine\nCOPY --from=bu<|>ild /out /app\n');
    assert.match(used, /Build stage `build`/);
    assert.equal(hovered('FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=bu<|>ild /out /app\n'), 'build');
    const final = hoverText('Dockerfile', 'FROM golang AS build\nFROM alpine AS ru<|>n\n', ru);
    assert.match(final, /финальная стадия/);
  });

  it('FROM an earlier stage shows that stage', () => {
    assert.match(hoverText('Dockerfile', 'FROM node:20 AS base\nFROM ba<|>se AS dev\n'), /Build stage `base`/);
  });

  it('COPY --from an image that is not a stage shows the image', () => {
    assert.match(hoverText('Dockerfile', 'FROM alpine\nCOPY --from=ngi<|>nx:1.27 /etc/nginx /etc/nginx\n'), /library\/nginx/);
  });
});

describe('hover: tolerance', () => {
  it('nothing on arguments that carry no knowledge, no throw on broken input', () => {
    assert.equal(hoverText('Dockerfile', 'FROM a\nRUN ./configu<|>re\n'), '');
    assert.equal(hoverText('Dockerfile', 'FROM a\nWORKDIR /sr<|>v\n'), '');
    for (const src of ['FR<|>', 'FROM <|>', 'RUN --mount=<|>', 'COPY --from=<|>', 'ENV <|>', 'ARG =<|>', 'FROM a\nRUN <<EOF\nset -e<|>x', 'FROM a\nRUN "unclosed <|>quote']) {
      assert.doesNotThrow(() => hoverText('Dockerfile', src));
    }
  });

  it('the escape directive: backtick continuations keep commands apart', () => {
    const src = '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN apt-get update `\n  && apt-get upg<|>rade\n';
    assert.match(hoverText('Dockerfile', src), /not reproducible/);
  });

  it('ONBUILD triggers are hovered like the instruction they hold', () => {
    assert.match(hoverText('Dockerfile', 'FROM a\nONBUILD RUN apt-get upg<|>rade\n'), /not reproducible/);
  });
});

describe('hover: USER values (DOCKER-19, DOCKER-20)', () => {
  it('www-data on an Alpine stage: the distro line and the user explained', () => {
    const src = 'FROM php:8.3-fpm-alpine\nUSER www-d<|>ata\n';
    const h = hoverText('Dockerfile', src);
    assert.match(h, /User `www-data`/);
    assert.match(h, /based on Alpine \(`php:8\.3-fpm-alpine`\)/);
    assert.match(h, /UID 82/);
    assert.ok(h.includes(link('DOCKER-19')) && h.includes(link('DOCKER-20')));
    assert.equal(hovered(src), 'www-data');
    assert.match(hoverText('Dockerfile', src, ru), /основана на Alpine/);
  });
  it('user and group parts are hovered separately; the distro comes through a parent stage', () => {
    const src = 'FROM debian:12-slim AS base\nFROM base\nUSER nginx:ngi<|>nx\n';
    assert.match(hoverText('Dockerfile', src), /based on Debian\/Ubuntu/);
    const h = hoverAt('Dockerfile', src);
    assert.deepEqual(h?.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 16 } });
    assert.equal(hovered('FROM a\nUSER ro<|>ot\n'), 'root');
  });
});

describe('hover: COPY . and the build context (DOCKER-03)', () => {
  it('says whether a .dockerignore trims the context', () => {
    const src = 'FROM node:20\nWORKDIR /app\nCOPY <|>. .\n';
    const without = hoverText('Dockerfile', src);
    assert.match(without, /the whole build context/);
    assert.match(without, /No `\.dockerignore` next to this Dockerfile/);
    assert.ok(without.includes(link('DOCKER-03')) && without.includes(link('DOCKER-18')));
    const withIgnore = hoverText('Dockerfile', src, { files: { '.dockerignore': 'node_modules\n.git\n# c\n' } });
    assert.match(withIgnore, /`\.dockerignore` excludes 2 pattern\(s\)/);
    const perFile = hoverText('app.Dockerfile', src, { files: { 'app.Dockerfile.dockerignore': '*\n!src\n' }, ...ru });
    assert.match(perFile, /`app\.Dockerfile\.dockerignore` исключает из контекста шаблонов: 2/);
    assert.equal(hovered(src), '.');
  });
  it('the destination `.` is not the context', () => {
    assert.doesNotMatch(hoverText('Dockerfile', 'FROM a\nCOPY . <|>.\n'), /build context/);
  });
});

describe('hover: LABEL keys', () => {
  it('OCI keys are explained; other keys get the generic text', () => {
    const src = 'FROM a\nLABEL org.opencontainers.image.sou<|>rce="https://github.com/x/y" team=web\n';
    assert.match(hoverText('Dockerfile', src), /GitHub links a package/);
    assert.match(hoverText('Dockerfile', src, ru), /GitHub связывает пакет/);
    assert.equal(hovered(src), 'org.opencontainers.image.source');
    const other = hoverText('Dockerfile', 'FROM a\nLABEL org.opencontainers.image.source="x" te<|>am=web\n');
    assert.match(other, /Label `team`/);
    assert.doesNotMatch(other, /GitHub/);
  });
});

describe('hover: EXPOSE ports and heredocs', () => {
  it('a port and its protocol', () => {
    const h = hoverText('Dockerfile', 'FROM a\nEXPOSE 80 5<|>3/udp\n');
    assert.match(h, /Port `53`/);
    assert.match(h, /`udp` — UDP/);
    assert.match(h, /-p 8080:53/);
    assert.equal(hovered('FROM a\nEXPOSE 80 5<|>3/udp\n'), '53/udp');
    assert.match(hoverText('Dockerfile', 'FROM a\nEXPOSE 8<|>0\n', ru), /опубликовать/);
  });
  it('the heredoc start of RUN and COPY', () => {
    const src = 'FROM a\nRUN <<E<|>OF\nset -eux\napt-get update\nEOF\n';
    const h = hoverText('Dockerfile', src);
    assert.match(h, /Here-document `<<EOF`/);
    assert.match(h, /one layer/);
    assert.ok(h.includes(link('DOCKER-06')));
    assert.equal(hovered(src), '<<EOF');
    assert.match(hoverText('Dockerfile', "FROM a\nCOPY <<-'CO<|>NF' /etc/x.conf\n\tk = v\n\tCONF\n", ru), /Here-document `<<CONF`/);
  });
});
