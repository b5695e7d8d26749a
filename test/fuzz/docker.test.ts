// Fuzz: Dockerfiles and .dockerignore files (see harness.ts for invariants and replay).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseCount, fuzzFamily, loadSeeds } from './harness';

const seeds = loadSeeds('docker', (p) => (p.endsWith('.dockerignore') ? 'dockerignore' : 'dockerfile'));

const fragments = [
  'FROM ubuntu:22.04', 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'FROM scratch', 'FROM build AS final',
  'ADD . /app', 'ADD --chown=1000:1000 src.tar.gz /opt/', 'ADD https://example.com/a.tgz /tmp/', 'COPY --from=0 /a /b',
  'COPY --link . .', 'RUN apt-get install curl', 'RUN pip install flask', 'RUN cd /app && make', 'RUN ["echo", "hi"]',
  'RUN --mount=type=secret,id=npmrc cat /run/secrets/npmrc', 'CMD node server.js', 'ENTRYPOINT exec app', 'USER root',
  'EXPOSE 80 443/udp', 'EXPOSE ${PORT}', 'ENV A=1 B="two words"', 'ENV LEGACY value', 'ARG VERSION', 'LABEL a=b',
  'MAINTAINER someone@example.com', 'WORKDIR relative/path', 'HEALTHCHECK NONE', 'SHELL ["pwsh", "-c"]', 'ONBUILD ONBUILD RUN x',
  'RUN echo a \\', '\\', 'FROM', 'COPY', 'RUN', '# escape=`', '# syntax=docker/dockerfile:1', 'ARG A=${B:-${C}}',
  '*.md', '!README.md', '../outside', '/abs/path', '**', '[', 'node_modules/**/test',
];

test(`docker: ${caseCount()} mutated Dockerfiles and .dockerignore files through every feature`, () => {
  const ran = fuzzFamily({ family: 'docker', seeds, fragments, overrideRate: 0.2 });
  assert.ok(ran > 0 || process.env.FUZZ_CASE !== undefined, 'no case ran');
});
