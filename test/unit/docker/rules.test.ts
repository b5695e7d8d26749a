// Per-rule fixtures for the Dockerfile rules: caret annotations name the rule ids, each block holds
// invalid lines (annotated) next to valid ones (not annotated), run through the whole service.
//
// The shared annotation form `#^^^ ID` is at least two columns wide (`#` + one caret); a rule whose
// range is one character (`.`, `&`, `|`) is annotated here with `^ ID` standing in that column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotated, describeActual } from '../../helpers/annotations';
import { diagnose, type Options } from '../../helpers/service';

const SINGLE = /^(\s*)\^\s+([A-Z][A-Z0-9]*\d(?:[\s,]+[A-Z][A-Z0-9]*\d)*)\s*$/;

function expectDf(path: string, src: string, o: Options & { only: string[] }): void {
  const kept: string[] = [];
  const singles: { id: string; line: number; start: number; end: number }[] = [];
  for (const line of src.split('\n')) {
    const m = SINGLE.exec(line);
    if (!m) {
      kept.push(line);
      continue;
    }
    // the annotated line is the nearest one above that is not an annotation
    let target = kept.length - 1;
    while (target > 0 && /^\s*#\^+\s+[A-Z]/.test(kept[target])) target--;
    const before = kept.slice(0, target + 1).filter((l) => /^\s*#\^+\s+[A-Z]/.test(l)).length;
    for (const id of m[2].split(/[\s,]+/)) singles.push({ id, line: target - before, start: m[1].length, end: m[1].length + 1 });
  }
  const { text, expected } = annotated(kept.join('\n'));
  const key = (e: { id: string; line: number; start: number; end: number }) => `${e.line}:${e.start}-${e.end} ${e.id}`;
  const actual = diagnose(path, text, o).filter((d) => o.only.includes(String(d.code)));
  assert.deepEqual(actual.map((d) => key(describeActual(text, d))).sort(), [...expected, ...singles].map(key).sort());
}

describe('Dockerfile rules from the notes', () => {
  it('DF001', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
CMD service nginx start
    #^^^^^^^^^^^^^^^^^^ DF001
FROM debian:bookworm-slim
ENTRYPOINT /etc/init.d/apache2 start && tail -f /dev/null
           #^^^^^^^^^^^^^^^^^^^^^^^^ DF001
FROM debian:bookworm-slim
CMD ["systemctl", "start", "nginx"]
     #^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DF001
FROM nginx:1.27
CMD ["nginx"]
     #^^^^^^ DF001
FROM nginx:1.27
CMD nginx -c /etc/nginx/nginx.conf
    #^^^^ DF001
FROM php:8.3-fpm
CMD ["php-fpm", "-D"]
                #^^^ DF001
FROM alpine:3.20
CMD /usr/bin/app --port 80 &
                           ^ DF001
FROM nginx:1.27
CMD ["nginx", "-g", "daemon off;"]
FROM php:8.3-fpm
CMD ["php-fpm", "-F"]
FROM nginx:1.27
RUN nginx -t
CMD ["sh", "-c", "nginx -g 'daemon off;'"]
`, { only: ['DF001'] });
  });

  it('DF003', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl
                      #^^^^^^^^^^^^^^ DF003
RUN apt-get update \\
    && apt-get -q install -y --no-install-recommends ca-certificates \\
    && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y --no-install-recommends git
RUN apt-get update; \\
    apt-get install -y --no-install-recommends tini; \\
    #^^^^^^^^^^^^^^ DF003
    apt-get clean
`, { only: ['DF003'] });
  });

  it('DF003: apt-get dist-clean (apt 3.0) removes the lists', () => {
    // docker-library/haproxy 3.2/Dockerfile (debian:trixie-slim)
    expectDf("Dockerfile", `FROM debian:trixie-slim
RUN set -eux; \\
\tapt-get install --update -y --no-install-recommends \\
\t\tca-certificates \\
\t; \\
\tapt-get dist-clean
RUN apt-get install --update -y --no-install-recommends wget; apt-get clean
    #^^^^^^^^^^^^^^ DF003
`, { only: ['DF003'] });
  });

  it('DF003: removing a folder that holds the lists (rm -rf /var/lib) cleans them too', () => {
    // penpot/penpot docker/images/Dockerfile.backend
    expectDf("Dockerfile", `FROM debian:trixie-slim
RUN set -ex; \\
    apt-get -qq update; \\
    apt-get -qqy --no-install-recommends install ca-certificates curl; \\
    apt-get clean; \\
    rm -rf /var/lib /var/cache; \\
    rm -rf /usr/include
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/*
RUN apt-get update && apt-get install -y --no-install-recommends jq && rm -rf /var/lib/dpkg/info/foo.list
                      #^^^^^^^^^^^^^^ DF003
`, { only: ['DF003'] });
  });

  it('DF004', () => {
    expectDf("Dockerfile", `FROM python:3.12-slim AS build
RUN pip install wheel==0.43.0
FROM python:3.12-slim
RUN pip install flask==3.0.3
    #^^^^^^^^^^ DF004
RUN python3 -m pip install --upgrade pip==24.1
    #^^^^^^^^^^^^^^^^^^^^^ DF004
RUN pip3 install --no-cache-dir gunicorn==22.0.0
RUN --mount=type=cache,target=/root/.cache/pip pip install uvicorn==0.30.1
RUN pip download flask==3.0.3
`, { only: ['DF004'] });
  });

  it('DF005', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
RUN apk add curl
    #^^^^^^ DF005
RUN apk update && apk add --no-cache tzdata
RUN apk add --virtual .deps gcc && apk del .deps
    #^^^^^^ DF005
RUN apk add bash && rm -rf /var/cache/apk/*
`, { only: ['DF005'] });
  });

  it('DF005: apk add --no-network fetches no index', () => {
    // docker-library/haproxy 3.2/alpine/Dockerfile, docker-library/wordpress latest/php8.3/fpm-alpine/Dockerfile
    expectDf("Dockerfile", `FROM alpine:3.22
RUN set -eux; \\
\tapk add --no-cache --virtual .build-deps gcc make; \\
\trunDeps="$(scanelf --needed --nobanner --format '%n#p' --recursive /usr/local | tr ',' '\\n' | sort -u)"; \\
\tapk add --no-network --virtual .haproxy-rundeps $runDeps; \\
\tapk del --no-network .build-deps
RUN apk add --virtual .rundeps $runDeps
    #^^^^^^ DF005
`, { only: ['DF005'] });
  });

  it('DF006', () => {
    expectDf("Dockerfile", `FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
RUN microdnf install -y shadow-utils
FROM rockylinux:9
RUN yum install -y httpd && yum clean all
RUN dnf -y install nginx \\
    && rm -rf /var/cache/dnf
RUN dnf install -y git
    #^^^^^^^^^^ DF006
`, { only: ['DF006'] });
  });

  it('DF007: a quoted URL source still needs ADD', () => {
    // blakeblackshear/frigate docker/main/Dockerfile
    expectDf("Dockerfile", `FROM scratch AS go2rtc
ARG TARGETARCH
ADD --link --chmod=755 "https://github.com/AlexxIT/go2rtc/releases/download/v1.9.2/go2rtc_linux_\${TARGETARCH}" go2rtc
ADD 'https://example.com/tool.tar.gz' /opt/
ADD "app.py" /app/
#^^^^^^^^^^^^^^^^^ DF007
`, { only: ['DF007'] });
  });

  it('DF007: a source held in a build arg is what the arg holds', () => {
    // keycloak/keycloak quarkus/container/Dockerfile: the ARG's default is a release URL
    expectDf("Dockerfile", `FROM registry.access.redhat.com/ubi9:9.4 AS ubi-micro-build
ENV KEYCLOAK_VERSION 22.0.11
ARG KEYCLOAK_DIST=https://github.com/keycloak/keycloak/releases/download/$KEYCLOAK_VERSION/keycloak-$KEYCLOAK_VERSION.tar.gz
ADD $KEYCLOAK_DIST /tmp/keycloak/
ARG PLUGIN_URL
ADD \${PLUGIN_URL} /opt/plugins/
ARG CONF=conf/app.ini
ADD $CONF /etc/app.ini
#^^^^^^^^^^^^^^^^^^^^^ DF007
ADD ubi-null.sh /tmp/
#^^^^^^^^^^^^^^^^^^^^ DF007
`, { only: ['DF007'] });
  });

  it('DF008', () => {
    expectDf("Dockerfile", `FROM node:20-alpine AS web
WORKDIR /app
COPY . .
     ^ DF008
RUN npm ci && npm run build

FROM python:3.12-slim AS api
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN pip install --no-cache-dir -r requirements.txt

FROM golang:1.22 AS go
WORKDIR /src
COPY ./ ./
     #^ DF008
RUN go mod download && go build -o /out/app .

FROM golang:1.22 AS go2
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -o /out/app .

# awesome-compose react-express-mongodb/frontend: the manifests first, but the install after COPY . .
FROM node:20-alpine AS frontend
WORKDIR /app
COPY package*.json ./
COPY . .
     ^ DF008
RUN npm ci

FROM python:3.12-slim AS api2
WORKDIR /app
COPY requirements.txt pyproject.toml ./
COPY . .
     ^ DF008
RUN pip install --no-cache-dir -r requirements.txt
`, { only: ['DF008'] });
  });

  it('DF009', () => {
    expectDf("Dockerfile", `FROM nginx:1.27-alpine
USER www-data
     #^^^^^^^ DF009
FROM alpine:3.20
COPY --chown=www-data:www-data site/ /var/www/
             #^^^^^^^ DF009
FROM debian:bookworm-slim
RUN chown -R nginx:nginx /var/www
             #^^^^ DF009
FROM nginx:1.27
USER nginx
FROM php:8.3-fpm-alpine
USER www-data
FROM nginx:1.27-alpine
USER nginx
`, { only: ['DF009'] });
  });

  it('DF010', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN apt-get update && apt-get upgrade -y && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
                      #^^^^^^^^^^^^^^ DF010
RUN apt-get dist-upgrade -y
    #^^^^^^^^^^^^^^^^^^^ DF010
FROM alpine:3.20
RUN apk upgrade --no-cache
    #^^^^^^^^^^ DF010
FROM rockylinux:9
RUN yum -y update && yum clean all
    #^^^^^^^^^^^^ DF010
RUN dnf update -y openssl && dnf clean all
`, { only: ['DF010'] });
  });

  it('DF011', () => {
    expectDf("Dockerfile", `FROM python:3.12-alpine AS build
RUN apk add --no-cache gcc musl-dev libffi-dev
FROM python:3.12-alpine
RUN apk add --no-cache gcc musl-dev postgresql-libs
                       #^^ DF011
                           #^^^^^^^ DF011
RUN apk add --no-cache --virtual .build-deps make && apk del .build-deps
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && apt-get purge -y build-essential
`, { only: ['DF011'] });
  });

  it('DF012', () => {
    expectDf("Dockerfile", `FROM node:20-alpine
CMD npm run build && node server.js
    #^^^^^^^^^^^^ DF012
FROM node:20-alpine
ENTRYPOINT ["sh", "-c", "yarn build && yarn start"]
                         #^^^^^^^^^ DF012
FROM python:3.12-slim
CMD python manage.py collectstatic --noinput && gunicorn app.wsgi
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DF012
FROM node:20-alpine
CMD ["npm", "start"]
`, { only: ['DF012'] });
  });

  it('DF013', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
CMD ["/usr/bin/supervisord", "-c", "/etc/supervisor/supervisord.conf"]
     #^^^^^^^^^^^^^^^^^^^^^ DF013
FROM alpine:3.20
CMD crond && php-fpm & nginx -g 'daemon off;'
             #^^^^^^^^ DF013
FROM alpine:3.20
CMD ["sh", "-c", "exec nginx -g 'daemon off;'"]
`, { only: ['DF013'] });
  });

  it('DF014', () => {
    expectDf("Dockerfile", `FROM openjdk:7-jre
             #^^^^ DF014
FROM openjdk:8u181-jdk-alpine
             #^^^^^^^^^^^^^^^ DF014
FROM java:8
          ^ DF014
FROM docker.io/library/openjdk:8u171
                               #^^^^ DF014
FROM openjdk:8u191-jre
FROM openjdk:8-jre
FROM eclipse-temurin:8-jre
FROM openjdk:17
`, { only: ['DF014'] });
  });

});

describe('Dockerfile rules matching hadolint', () => {
  it('DF020', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
WORKDIR app
        #^^ DF020
WORKDIR /srv/app
WORKDIR $HOME/app
WORKDIR "/quoted dir"
`, { only: ['DF020'] });
  });

  it('DF021', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
RUN cd /usr/src/app && make
    #^^^^^^^^^^^^^^ DF021
RUN make -C /usr/src/app
RUN (cd /tmp && tar xf x.tar)
`, { only: ['DF021'] });
  });

  it('DF021: not for a temporary folder the same RUN creates and deletes (docker-library postgres/python, paperless)', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
RUN set -eux; \\
    mkdir -p /usr/src/postgresql; \\
    tar --extract --file postgresql.tar.bz2 --directory /usr/src/postgresql --strip-components 1; \\
    cd /usr/src/postgresql; \\
    ./configure && make -j "$(nproc)" && make install; \\
    cd /; \\
    rm -rf /usr/src/postgresql
RUN mkdir -p /usr/src/python && tar -xJC /usr/src/python --strip-components=1 -f python.tar.xz \\
    && cd /usr/src/python && ./configure && make install && cd / && rm -rf /usr/src/python
RUN mkdir -p /usr/src/qpdf \\
    && cd /usr/src/qpdf \\
    && git clone https://github.com/qpdf/qpdf.git . \\
    && make install \\
    && cd /usr/src/paperless/src/ \\
    && rm -rf /usr/src/qpdf
RUN git clone --depth 1 https://github.com/acme/tool.git /tmp/tool && cd /tmp/tool && make install && cd / && rm -rf /tmp/*
RUN mkdir build && cd build && cmake .. && make && cd .. && rm -rf build
RUN mkdir -p /opt/app && cd /opt/app && make
                         #^^^^^^^^^^ DF021
RUN rm -rf /usr/src/x && cd /usr/src/x && make
                         #^^^^^^^^^^^^ DF021
RUN cd docker && cp a /etc/a && cd .. && rm docker -rf
    #^^^^^^^^ DF021
                                #^^^^ DF021
`, { only: ['DF021'] });
  });

  it('DF021: not when WORKDIR cannot name the folder (a glob, a command substitution)', () => {
    // jellyfin/jellyfin Dockerfile: the archive unpacks into jellyfin-web-<ref>
    expectDf("Dockerfile", `FROM node:alpine
ARG JELLYFIN_WEB_VERSION=master
RUN curl -L https://github.com/jellyfin/jellyfin-web/archive/\${JELLYFIN_WEB_VERSION}.tar.gz | tar zxf - \\
 && cd jellyfin-web-* \\
 && yarn install \\
 && mv dist /dist
RUN cd "$(npm root -g)/corepack" && npm install
RUN cd /opt/jellyfin-web && yarn install
    #^^^^^^^^^^^^^^^^^^^ DF021
`, { only: ['DF021'] });
  });

  it('DF022', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN sudo mkdir -p /srv/app
    #^^^ DF022
RUN apt-get update && sudo -E apt-get install -y --no-install-recommends curl
                      #^^^ DF022
RUN echo sudo
`, { only: ['DF022'] });
  });

  it('DF023, DF024', () => {
    expectDf("Dockerfile", `FROM ubuntu
     #^^^^^ DF023
FROM node:latest
          #^^^^^ DF024
FROM ghcr.io/org/app
     #^^^^^^^^^^^^^^ DF023
FROM localhost:5000/app
     #^^^^^^^^^^^^^^^^^ DF023
FROM ubuntu@sha256:0000000000000000000000000000000000000000000000000000000000000000
FROM scratch
FROM ubuntu:24.04 AS base
FROM base
ARG IMG=alpine:3.20
FROM $IMG
`, { only: ['DF023','DF024'] });
  });

  it('DF025, DF026', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN apt-get install --no-install-recommends curl
    #^^^^^^^^^^^^^^ DF025
RUN apt-get install -y curl
    #^^^^^^^^^^^^^^ DF026
RUN apt-get -qq install curl
    #^^^^^^^^^^^^^^^^^^ DF026
RUN apt-get install -yq -o APT::Install-Recommends=false curl
RUN apt-get install --assume-yes --no-install-recommends curl
`, { only: ['DF025','DF026'] });
  });

  it('DF027', () => {
    expectDf("Dockerfile", `FROM ubuntu:24.04
RUN apt update && apt install -y --no-install-recommends curl
    #^^ DF027
                  #^^ DF027
RUN apt-get update && apt-cache policy curl
`, { only: ['DF027'] });
  });

  it('DF028, DF029, DF030', () => {
    expectDf("Dockerfile", `FROM golang:1.22 AS build
COPY --from=build /src /src
            #^^^^ DF029
FROM golang:1.22 AS test
FROM alpine:3.20 AS build
                    #^^^^ DF030
COPY --from=builder /out/app /app
            #^^^^^^ DF028
COPY --from=0 /src /src
COPY --from=5 /src /src
            ^ DF028
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
COPY --from=later /x /x
            #^^^^ DF028
FROM alpine:3.20 AS later
`, { only: ['DF028','DF029','DF030'] });
  });

  it('DF031, DF032', () => {
    expectDf("Dockerfile", `FROM node:20-alpine
COPY package.json package-lock.json /app
                                    #^^^ DF031
COPY app.js .
            ^ DF032
WORKDIR /app
COPY a.js b.js ./
COPY a.js b.js src
               #^^ DF031
COPY ["a.js", "b.js", "/app"]
                      #^^^^^ DF031
FROM node:20-alpine AS x
COPY a.js /srv/a.js
FROM alpine:3.20 AS y
WORKDIR /w
FROM y
COPY a.js .
`, { only: ['DF031','DF032'] });
  });

  it('DF033', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
#^^^^^^^^^ DF033
`, { only: ['DF033'] });
  });

  it('DF034', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN curl -fsSL https://example.com/x.tgz | tar xz -C /opt
                                         ^ DF034
RUN wget -qO- https://example.com/y | sh && echo a | tr a b
                                    ^ DF034
RUN set -eux; curl -fsSL https://example.com/x.tgz | tar xz
                                                   ^ DF034
RUN set -o pipefail && curl -fsSL https://example.com/x.tgz | tar xz
RUN test -f /x || echo missing
FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN wget -qO- https://example.com/y | sh
FROM alpine:3.20
RUN wget -qO- https://example.com/y | sh
                                    ^ DF034
`, { only: ['DF034'] });
  });

  it('DF034: case pattern alternatives are no pipes; text generators left of a pipe need no pipefail', () => {
    // nginxinc/docker-nginx alpine-slim, docker-library postgres/python/golang/node, mysql (oracle)
    expectDf("Dockerfile", `FROM alpine:3.20
RUN case "$(apk --print-arch)" in x86_64|aarch64) echo ok ;; *) exit 1 ;; esac
RUN set -x \\
    && apkArch="$(cat /etc/apk/arch)" \\
    && case "$apkArch" in \\
        x86_64|aarch64) \\
            echo main ;; \\
        armhf|armv7|s390x) echo build ;; \\
        *) exit 1 ;; \\
    esac
RUN case "$a" in x|y) curl -fsSL https://example.com/x | tar x ;; esac
                                                       ^ DF034
RUN case "$a" in x) true ;; esac && curl -fsSL https://example.com/x | tar x
                                                                     ^ DF034
FROM debian:bookworm-slim
RUN echo "$GOLANG_SHA256 *go.tgz" | sha256sum -c -
RUN printf '%s\\n' "$SHA  file" | sha256sum -c - && curl -fsSL https://example.com/k | gpg --import
                                                                                    ^ DF034
RUN { echo '[mysqld]'; echo 'skip-host-cache'; } | tee /etc/mysql/conf.d/docker.cnf
RUN if echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -; then echo ok; else exit 1; fi
RUN ( echo a; printf b ) | tee /tmp/x
RUN { curl -fsSL https://example.com/a; echo b; } | tee /tmp/x
                                                  ^ DF034
RUN echo a | grep -q a | tr a b
                       ^ DF034
`, { only: ['DF034'] });
  });

  it('DF034: a negated pipeline is a test, pipefail would invert it', () => {
    // docker-library/wordpress latest/php8.3/fpm-alpine/Dockerfile
    expectDf("Dockerfile", `FROM php:8.3-fpm-alpine
RUN set -eux; \\
\textDir="$(php -r 'echo ini_get("extension_dir");')"; \\
\t! { ldd "$extDir"/*.so | grep 'not found'; }; \\
\terr="$(php --version 3>&1 1>&2 2>&3)"
RUN if ! lsmod | grep -q overlay; then echo none; fi
RUN ldd /usr/local/bin/x | grep 'not found'
                         ^ DF034
`, { only: ['DF034'] });
  });

  it('DF035', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
CMD ["crond", "-f"]
#^^ DF035
ENTRYPOINT ["/entry"]
HEALTHCHECK CMD wget -q localhost
#^^^^^^^^^^ DF035
CMD ["nginx", "-g", "daemon off;"]
HEALTHCHECK NONE
FROM alpine:3.20
CMD ["a"]
`, { only: ['DF035'] });
  });

  it('DF036: once per group of consecutive RUNs, where a later one deletes or repeats package-manager work', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
#^^ DF036
# a comment
RUN apt-get purge -y curl
RUN rm -rf /var/lib/apt/lists/*
COPY x /x
RUN wget -O /tmp/app.tgz https://example.com/app.tgz
RUN tar -xzf /tmp/app.tgz -C /opt
RUN rm /tmp/app.tgz
#^^ DF036
COPY y /y
RUN apk add --no-cache curl
RUN --mount=type=cache,target=/root/.cache apk add b
RUN apk add c
COPY z /z
RUN mkdir /app
RUN chown nobody /app
RUN set -eux; groupadd -r postgres; useradd -r -g postgres postgres
RUN set -eux; mkdir -p /var/lib/postgresql && chown -R postgres:postgres /var/lib/postgresql
FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps gcc musl-dev && make
RUN apk del .build-deps
#^^ DF036
`, { only: ['DF036'] });
    const d = diagnose('Dockerfile', 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN echo\nRUN apt-get install -y curl\n').find((x) => x.code === 'DF036');
    assert.equal(d?.message, 'This RUN deletes what the RUN on line 2 wrote, or runs its package manager again: that layer keeps those files anyway. Join them with &&.');
  });

  it('DF037', () => {
    expectDf("Dockerfile", `FROM alpine:3.20 AS build
USER root
FROM alpine:3.20
USER nobody
USER 0:0
     #^^ DF037
`, { only: ['DF037'], settings: {"rules":{"DF037":"warning"}} });
  });

  it('DF038, DF039, DF040', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN apt-get install -y --no-install-recommends curl=7.88 git ./local.deb $PKGS
                                                         #^^ DF038
RUN pip install --no-cache-dir flask==3.0.3 requests -r requirements.txt . git+https://github.com/x/y
                                            #^^^^^^^ DF039
RUN apk add --no-cache bash=5.2 tzdata
                                #^^^^^ DF040
`, { only: ['DF038','DF039','DF040'], settings: {"rules":{"DF038":"warning","DF039":"warning","DF040":"warning"}} });
  });

  it('DF038, DF039, DF040 are off by default', () => {
    expectDf("Dockerfile", `FROM debian:bookworm-slim
RUN apt-get install -y --no-install-recommends curl
`, { only: ['DF038','DF039','DF040'] });
  });

});

describe('Dockerfile rules matching BuildKit checks', () => {
  it('DF050, DF051', () => {
    expectDf("Dockerfile", `FROM golang:1.22 as build
                 #^ DF051
RUN go build
Copy . .
#^^^ DF050
run echo
#^^ DF050
FROM alpine:3.20 AS final
`, { only: ['DF050','DF051'] });
  });

  it('DF050, DF051 with lower-case instructions', () => {
    expectDf("Dockerfile", `from golang:1.22 AS build
                 #^ DF051
run go build
copy . .
`, { only: ['DF050','DF051'] });
  });

  it('DF052', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
RUN apk add --no-cache curl \\
                            ^ DF052

    && echo done \\
    # a comment line is fine
    && echo ok
RUN <<EOF
echo a

echo b
EOF
`, { only: ['DF052'] });
  });

  it('DF052: a heredoc opened on a continued line has a body, not continuations', () => {
    // zerocluster app Dockerfile (RUN --mount=type=secret,id=GITHUB_TOKEN,env=GITHUB_TOKEN \ then <<EOF)
    expectDf("Dockerfile", `FROM node:22
RUN --mount=type=secret,id=GITHUB_TOKEN,env=GITHUB_TOKEN \\
    <<EOF
#!/usr/bin/env bash

set -Eeuo pipefail

NODE_ENV=production npm install-clean
EOF
RUN --mount=type=cache,target=/root/.npm \\
                                         ^ DF052

    <<EOF
npm ci

EOF
`, { only: ['DF052'] });
  });

  it('DF053', () => {
    expectDf("Dockerfile", `FROM alpine:3.20 AS scratch
                    #^^^^^^ DF053
FROM alpine:3.20 AS context
                    #^^^^^^ DF053
FROM alpine:3.20 AS base
`, { only: ['DF053'] });
  });

  it('DF054', () => {
    expectDf("Dockerfile", `FROM node:20-alpine
CMD node server.js
    #^^^^^^^^^^^^^ DF054
ENTRYPOINT /docker-entrypoint.sh
           #^^^^^^^^^^^^^^^^^^^^ DF054
FROM node:20-alpine
CMD ["node", "server.js"]
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
CMD Write-Host hi
`, { only: ['DF054'] });
  });

  it('DF055', () => {
    expectDf("Dockerfile", `ARG NODE_VERSION=20
FROM node:\${NODE_VERSION}-alpine
FROM node:\${NODE_MAJOR}-alpine
            #^^^^^^^^^ DF055
FROM --platform=$BUILDPLATFORM golang:1.22
FROM alpine:\${ALPINE:-3.20}
`, { only: ['DF055'] });
  });

  it('DF056', () => {
    expectDf("Dockerfile", `ARG VERSION=1.0
FROM alpine:3.20
LABEL version=$VERSION
               #^^^^^^ DF056
ARG VERSION
LABEL version=$VERSION
ENV APP_HOME=/srv/app
WORKDIR $APP_HOEM
         #^^^^^^^ DF056
WORKDIR $APP_HOME
COPY x $DEST/
        #^^^ DF056
ENV DEST=/x
WORKDIR $GOPATH/src
ENV PATH=$PATH:/opt/bin
RUN echo $UNDEFINED
FROM alpine:3.20
WORKDIR $APP_HOME
         #^^^^^^^ DF056
`, { only: ['DF056'] });
  });

  it('DF057', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
ENV APP_HOME /srv/app
    #^^^^^^^ DF057
ENV MSG hello world
    #^^ DF057
ENV A=1 B=2
LABEL maintainer Jane
      #^^^^^^^^^ DF057
LABEL a=b
`, { only: ['DF057'] });
  });

  it('DF058', () => {
    expectDf("Dockerfile", `FROM node:20-alpine
ARG NPM_TOKEN
    #^^^^^^^^ DF058
ENV DB_PASSWORD=secret
    #^^^^^^^^^^ DF058
ARG AWS_SECRET_ACCESS_KEY
    #^^^^^^^^^^^^^^^^^^^^ DF058
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db
ARG NODE_ENV=production
ENV AUTH_URL=https://example.com
ENV GITHUB_TOKEN_PATH=/x
`, { only: ['DF058'] });
  });

  it('DF059, DF060', () => {
    expectDf("Dockerfile", `FROM nginx:1.27
EXPOSE 8080:80
       #^^^^^^ DF059
EXPOSE 80 443/tcp 8000-8010 53/udp
EXPOSE 0.0.0.0:80:80
       #^^^^^^^^^^^^ DF059
EXPOSE 70000
       #^^^^ DF059
EXPOSE 80/TCP \${PORT}
          #^^ DF060
EXPOSE http
       #^^^ DF059
`, { only: ['DF059','DF060'] });
  });

  it('DF061', () => {
    expectDf("Dockerfile", `FROM --platform=$TARGETPLATFORM alpine:3.20
     #^^^^^^^^^^^^^^^^^^^^^^^^^ DF061
FROM --platform=\${TARGETPLATFORM} alpine:3.20 AS x
     #^^^^^^^^^^^^^^^^^^^^^^^^^^^ DF061
FROM --platform=$BUILDPLATFORM golang:1.22 AS build
`, { only: ['DF061'] });
  });

  it('DF062', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
COPY .env /app/
     #^^^ DF062
COPY app.py /app/
COPY node_modules/ /app/node_modules/
     #^^^^^^^^^^^^ DF062
COPY docs/readme.md /app/
     #^^^^^^^^^^^^^ DF062
COPY src/keep.md /app/
COPY . /app
`, { only: ['DF062'], files: {".dockerignore":".env\n**/*.md\n!src/keep.md\nnode_modules\n# comment\n"} });
  });

  it('DF002, DF062 quiet when the .dockerignore excludes nothing copied', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
COPY . /app
`, { only: ['DF002','DF062'], files: {".dockerignore":"node_modules\n"} });
  });

  it('DF002 counts a .dockerignore in a parent folder (the build context)', () => {
    expectDf("/ws/svc/api/Dockerfile", `FROM alpine:3.20
COPY . /app
`, { only: ['DF002','DF062'], files: {".dockerignore":"node_modules\n"} });
  });

  it('DF002 without any .dockerignore', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
COPY . /app
     ^ DF002
ADD ./ /app
    #^ DF002
COPY --from=build . /app
`, { only: ['DF002','DF062'] });
  });

  it('DF062: a parent .dockerignore does not judge files that sit beside a sub-folder Dockerfile', () => {
    // denoland/deno_docker example/Dockerfile (built in example/), root .dockerignore `*` / `!_entry.sh` / `!deno`
    expectDf("/ws/example/Dockerfile", `FROM denoland/deno:1.45.4
WORKDIR /app
COPY deps.ts .
RUN deno cache deps.ts
COPY _entry.sh /
COPY README.md /app/
     #^^^^^^^^ DF062
`, { only: ['DF062'], files: { ".dockerignore": "*\n!_entry.sh\n!deno\n", "example/deps.ts": "export {};\n", "example/main.ts": "\n", "README.md": "# x\n" } });
  });

  it('DF002: a parent .dockerignore does not count when the Dockerfile is built in its own folder', () => {
    // denoland/deno_docker example/Dockerfile: `COPY deps.ts .` names a file that exists only beside it,
    // so the context is example/; BuildKit reads <context>/.dockerignore, not the repository root's.
    expectDf("/ws/example/Dockerfile", `FROM denoland/deno:1.45.4
WORKDIR /app
COPY deps.ts .
RUN deno cache deps.ts
ADD . .
    ^ DF002
CMD ["run", "--allow-net", "main.ts"]
`, { only: ['DF002'], files: { ".dockerignore": "*\n!_entry.sh\n!deno\n", "example/deps.ts": "export {};\n", "example/main.ts": "\n" } });
  });

  it('DF002 stays quiet for a sub-folder Dockerfile whose sources sit at the repository root (root context)', () => {
    expectDf("/ws/docker/api/Dockerfile", `FROM node:20-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
`, { only: ['DF002'], files: { ".dockerignore": "node_modules\n", "package.json": "{}\n", "package-lock.json": "{}\n" } });
  });

  it('DF002 stays quiet when the file also exists at the ignore file folder (either context works)', () => {
    expectDf("/ws/svc/Dockerfile", `FROM python:3.12-slim
COPY requirements.txt .
COPY . .
`, { only: ['DF002'], files: { ".dockerignore": ".git\n", "requirements.txt": "x\n", "svc/requirements.txt": "y\n" } });
  });

  it('DF002 stays quiet with <Dockerfile>.dockerignore beside a sub-folder Dockerfile', () => {
    expectDf("/ws/example/Dockerfile", `FROM alpine:3.20
COPY deps.ts .
COPY . .
`, { only: ['DF002'], files: { "example/Dockerfile.dockerignore": ".git\n", "example/deps.ts": "\n" } });
  });

  it('DF062 reads the Dockerfile own <name>.dockerignore first', () => {
    expectDf("/ws/app.Dockerfile", `FROM alpine:3.20
COPY secret.txt /app
     #^^^^^^^^^ DF062
`, { only: ['DF002','DF062'], files: {"app.Dockerfile.dockerignore":"secret.txt\n"} });
  });

});

describe('Dockerfile rules: cases found while reviewing real files', () => {
  it('DF001: ENTRYPOINT nginx takes daemon off from the CMD of its stage', () => {
    expectDf("Dockerfile", `FROM nginx:1.27
ENTRYPOINT ["nginx"]
CMD ["-g", "daemon off;"]
FROM nginx:1.27
ENTRYPOINT ["nginx"]
            #^^^^^^ DF001
CMD ["-c", "/etc/nginx/nginx.conf"]
`, { only: ['DF001'] });
  });

  it('DF008, DF031 read COPY in JSON form', () => {
    expectDf("Dockerfile", `FROM node:20-alpine
WORKDIR /app
COPY ["package.json", "package-lock.json", "./"]
RUN npm ci
COPY [".", "."]
RUN npm run build
FROM node:20-alpine
WORKDIR /app
COPY [".", "."]
      #^^ DF008
RUN npm ci
COPY ["a.js", "b.js", "/app"]
                      #^^^^^ DF031
`, { only: ['DF008','DF031'] });
  });

  it('DF014: the retired java image whatever its tag', () => {
    expectDf("Dockerfile", `FROM java:openjdk-8-jre
          #^^^^^^^^^^^^ DF014
FROM openjdk:8u111-jre
             #^^^^^^^^ DF014
`, { only: ['DF014'] });
  });

  it('DF058: PASS_/PWD are not secrets, PASSWORD is', () => {
    expectDf("Dockerfile", `FROM alpine:3.20
ENV PASS_MAX_DAYS=90
ENV OLDPWD=/
ARG PASSWORD
    #^^^^^^^ DF058
`, { only: ['DF058'] });
  });

});

describe('DF056 and the environment of base images', () => {
  it('does not flag a global ARG in a stage whose base image may define it (node: NODE_VERSION)', () => {
    expectDf('Dockerfile', `ARG NODE_VERSION=20
FROM node:\${NODE_VERSION}-alpine
LABEL node=$NODE_VERSION
FROM alpine:3.20
LABEL node=$NODE_VERSION
            #^^^^^^^^^^^ DF056
`, { only: ['DF056'] });
  });

  it('still flags a near-miss or a later definition on any base', () => {
    expectDf('Dockerfile', `FROM node:20-alpine
ENV APP_HOME=/srv/app
WORKDIR $APP_HOEM
         #^^^^^^^ DF056
COPY x $DEST/
        #^^^ DF056
ENV DEST=/x
`, { only: ['DF056'] });
  });
});

describe('Dockerfile rules read the newest flags (Dockerfile 1.7 to 1.20)', () => {
  it('DF007: --unpack=false on a local archive is a COPY; --unpack=true and URL sources need ADD', () => {
    expectDf("Dockerfile", `# syntax=docker/dockerfile:1
FROM alpine:3.20
ADD --unpack=false dist.tar.gz /opt/
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DF007
ADD --unpack=true https://example.com/archive.tar.gz /download
ADD --unpack=false https://example.com/archive.tar.gz /download/
ADD dist.tar.gz /opt/
ADD --unpack=true dist.tar.gz /opt/
ADD --checksum=be1f38e https://github.com/moby/buildkit.git#v0.26.2 /bk
ADD --keep-git-dir=true git@github.com:moby/buildkit.git /bk2
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /
ADD --exclude=*.tmp --link files/ /data/
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ DF007
`, { only: ['DF007'] });
  });

  it('no false findings on the newest syntax: --parents, --exclude, --network, --security, secret env=, heredocs, # check', () => {
    expectDf("Dockerfile", `# syntax=docker/dockerfile:1
# check=skip=JSONArgsRecommended;error=true
FROM golang:1.23 AS build
WORKDIR /src
COPY --parents ./cmd/*/go.mod ./
COPY --exclude=*.md --exclude=docs/ . .
RUN --network=none --mount=type=cache,target=/root/.cache/go-build,sharing=locked go build -o /out/app ./cmd/app
RUN --mount=type=secret,id=npmrc,env=NPM_TOKEN,required=true --mount=type=ssh,id=default,required echo ok
RUN --mount=type=tmpfs,target=/tmp,size=64m --mount=type=bind,source=go.sum,target=go.sum,rw true
RUN --security=insecure --network=host true
RUN <<-EOT
	set -eux
	echo "$HOME"
	EOT
COPY <<"EOF" /etc/app.conf
value=$NOT_EXPANDED
EOF
FROM alpine:3.20
COPY --link --chmod=755 --from=build /out/app /usr/local/bin/app
ONBUILD COPY --parents --exclude=*.md ./pkg/ /app/
ONBUILD RUN --mount=type=cache,target=/root/.npm npm ci
ONBUILD ADD --unpack=true https://example.com/a.tar.gz /opt/
USER nobody
ENTRYPOINT ["app"]
`, { only: ['DF007', 'DF008', 'DF031', 'DF036', 'DF056', 'DF062', 'DF002', 'DF052', 'DF021', 'DF032'], files: { ".dockerignore": ".git\n" } });
  });
});
