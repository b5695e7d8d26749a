// Every Dockerfile quick fix as before/after text, through the service's code actions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, codeActions } from '../../helpers/service';

const cases: { rule: string; title: string; before: string; after: string; fix?: RegExp }[] = [
  { rule: 'DF001', title: 'nginx (exec form): add -g daemon off', before: 'FROM nginx:1.27\nCMD ["nginx"]\n', after: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\n' },
  { rule: 'DF001', title: 'nginx (shell form): add -g daemon off', before: 'FROM nginx:1.27\nCMD nginx\n', after: "FROM nginx:1.27\nCMD nginx -g 'daemon off;'\n" },
  { rule: 'DF001', title: 'php-fpm -D → -F', before: 'FROM php:8.3-fpm\nCMD ["php-fpm", "-D"]\n', after: 'FROM php:8.3-fpm\nCMD ["php-fpm", "-F"]\n' },
  { rule: 'DF001', title: 'remove the trailing &', before: 'FROM alpine:3.20\nCMD /usr/bin/app --port 80 &\n', after: 'FROM alpine:3.20\nCMD /usr/bin/app --port 80\n' },
  { rule: 'DF003', title: 'append rm -rf /var/lib/apt/lists/* (one line)', before: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', after: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n' },
  { rule: 'DF003', title: 'append rm -rf /var/lib/apt/lists/* (continued lines)', before: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\nCMD ["curl"]\n', after: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nCMD ["curl"]\n' },
  { rule: 'DF004', title: 'add --no-cache-dir', before: 'FROM python:3.12-slim\nRUN python -m pip install flask==3.0.3\n', after: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir flask==3.0.3\n' },
  { rule: 'DF005', title: 'add --no-cache to apk add', before: 'FROM alpine:3.20\nRUN apk add curl\n', after: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  { rule: 'DF006', title: 'append dnf clean all', before: 'FROM rockylinux:9\nRUN dnf install -y httpd\n', after: 'FROM rockylinux:9\nRUN dnf install -y httpd && dnf clean all\n' },
  { rule: 'DF007', title: 'ADD → COPY', before: 'FROM alpine:3.20\nADD app.py /app/\n', after: 'FROM alpine:3.20\nCOPY app.py /app/\n' },
  { rule: 'DF007', title: 'ADD --unpack=false → COPY without the flag', before: 'FROM alpine:3.20\nADD --link --unpack=false dist.tar.gz /opt/\n', after: 'FROM alpine:3.20\nCOPY --link dist.tar.gz /opt/\n' },
  { rule: 'DF010', title: 'remove an upgrade between other commands', before: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get upgrade -y \\\n    && apt-get install -y --no-install-recommends curl\n', after: 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\n' },
  { rule: 'DF010', title: 'remove a RUN that only upgrades', before: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\nRUN apk add --no-cache curl\n', after: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  { rule: 'DF010', title: 'remove a trailing upgrade', before: 'FROM alpine:3.20\nRUN apk add --no-cache curl && apk upgrade --no-cache\n', after: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
  { rule: 'DF022', title: 'remove sudo', before: 'FROM debian:bookworm-slim\nRUN sudo mkdir -p /srv/app\n', after: 'FROM debian:bookworm-slim\nRUN mkdir -p /srv/app\n' },
  { rule: 'DF025', title: 'add -y', before: 'FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends curl\n', after: 'FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl\n' },
  { rule: 'DF026', title: 'add --no-install-recommends', before: 'FROM debian:bookworm-slim\nRUN apt-get install -y curl\n', after: 'FROM debian:bookworm-slim\nRUN apt-get install --no-install-recommends -y curl\n' },
  { rule: 'DF027', title: 'apt → apt-get', before: 'FROM ubuntu:24.04\nRUN apt update\n', after: 'FROM ubuntu:24.04\nRUN apt-get update\n' },
  { rule: 'DF031', title: 'add a trailing / to the destination', before: 'FROM node:20-alpine\nCOPY a.json b.json /app\n', after: 'FROM node:20-alpine\nCOPY a.json b.json /app/\n' },
  { rule: 'DF031', title: 'add a trailing / inside a JSON destination', before: 'FROM node:20-alpine\nCOPY ["a.json", "b.json", "/app"]\n', after: 'FROM node:20-alpine\nCOPY ["a.json", "b.json", "/app/"]\n' },
  { rule: 'DF033', title: 'MAINTAINER → LABEL', before: 'FROM alpine:3.20\nMAINTAINER Jane "JD" Doe <jane@example.com>\n', after: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n' },
  { rule: 'DF034', title: 'add a bash pipefail SHELL', before: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/a | tr a b\n', after: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a | tr a b\n' },
  { rule: 'DF034', title: 'add an ash pipefail SHELL on Alpine', before: 'FROM alpine:3.20\nRUN wget -qO- https://example.com/a | tr a b\n', after: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/a | tr a b\n' },
  { rule: 'DF050', title: 'fix instruction casing', before: 'FROM alpine:3.20\nWORKDIR /app\ncopy app /app/\n', after: 'FROM alpine:3.20\nWORKDIR /app\nCOPY app /app/\n' },
  { rule: 'DF051', title: 'fix AS casing', before: 'FROM golang:1.22 as build\n', after: 'FROM golang:1.22 AS build\n' },
  { rule: 'DF052', title: 'remove the empty continuation line', before: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n\n    && echo done\n', after: 'FROM alpine:3.20\nRUN apk add --no-cache curl \\\n    && echo done\n' },
  { rule: 'DF054', title: 'shell form → exec form', before: 'FROM node:20-alpine\nCMD node server.js --port 3000\n', after: 'FROM node:20-alpine\nCMD ["node", "server.js", "--port", "3000"]\n' },
  { rule: 'DF057', title: 'ENV a b → ENV a=b', before: 'FROM alpine:3.20\nENV APP_HOME /srv/app\n', after: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\n' },
  { rule: 'DF057', title: 'ENV a b c → ENV a="b c"', before: 'FROM alpine:3.20\nENV MSG hello world\n', after: 'FROM alpine:3.20\nENV MSG="hello world"\n' },
  { rule: 'DF059', title: 'keep the container port of a mapping', before: 'FROM nginx:1.27\nEXPOSE 8080:80/tcp\n', after: 'FROM nginx:1.27\nEXPOSE 80/tcp\n' },
  { rule: 'DF060', title: 'lower-case protocol', before: 'FROM nginx:1.27\nEXPOSE 53/UDP\n', after: 'FROM nginx:1.27\nEXPOSE 53/udp\n' },
  { rule: 'DF061', title: 'remove --platform=$TARGETPLATFORM', before: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', after: 'FROM alpine:3.20\n' },
];

describe('Dockerfile quick fixes', () => {
  for (const c of cases) {
    it(`${c.rule}: ${c.title}`, () => {
      const after = applyFix('Dockerfile', c.before, c.rule, { title: c.fix });
      assert.equal(after, c.after);
    });
  }

  it('fix titles come from the knowledge base in both languages', () => {
    const en = codeActions('Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n', 'DF005').map((a) => a.title);
    const ru = codeActions('Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n', 'DF005', { settings: { locale: 'ru' } }).map((a) => a.title);
    assert.equal(en[0], 'Add --no-cache');
    assert.equal(ru[0], 'Добавить --no-cache');
    const named = codeActions('Dockerfile', 'FROM rockylinux:9\nRUN yum install -y httpd\n', 'DF006').map((a) => a.title);
    assert.equal(named[0], 'Append && yum clean all');
  });

  it('offers no rewrite where it would change meaning', () => {
    const actions = (text: string, rule: string) => codeActions('Dockerfile', text, rule).filter((a) => !/infra-notes-ignore/.test(JSON.stringify(a.edit)));
    // shell features in CMD: an exec form would lose them
    assert.deepEqual(actions('FROM node:20-alpine\nCMD node server.js > /var/log/app.log\n', 'DF054'), []);
    // quotes inside a legacy ENV value are processed by Docker
    assert.deepEqual(actions('FROM alpine:3.20\nENV MSG hello "big" world\n', 'DF057'), []);
    // heredoc RUN: the body cannot take an appended command
    assert.deepEqual(actions('FROM debian:bookworm-slim\nRUN <<EOF\napt-get update\napt-get install -y --no-install-recommends curl\nEOF\n', 'DF003'), []);
  });
});
