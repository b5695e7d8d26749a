// Dockerfile symbols, status-bar description and "Explain this file"; and a sweep over realistic
// Dockerfiles (test/fixtures/docker/hover/): a hover and a completion at every position never
// throws, and every hover's range contains the position it was asked for.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { open, service } from '../../helpers/service';

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;
const FIXTURES = 'test/fixtures/docker/hover';
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ru = { settings: { locale: 'ru' as const } };

describe('Dockerfile symbols', () => {
  it('global ARGs, then one symbol per stage holding its instructions', () => {
    const { doc, ctx } = open('go.Dockerfile', fixture('go.Dockerfile'));
    const syms = service.documentSymbols(doc, ctx);
    assert.deepEqual(syms.map((s) => [s.name, s.kind]), [
      ['ARG', SymbolKind.Variable], ['ARG', SymbolKind.Variable], ['build', SymbolKind.Class], ['final', SymbolKind.Class],
    ]);
    assert.deepEqual(syms[2].children?.map((c) => c.name), ['ARG', 'ARG', 'WORKDIR', 'COPY', 'RUN', 'COPY', 'RUN']);
    assert.equal(syms[3].detail, 'FROM gcr.io/distroless/static-debian12:nonroot');
    // the selection range is the stage name; the range covers the stage
    assert.deepEqual(syms[2].selectionRange, { start: { line: 4, character: 79 }, end: { line: 4, character: 84 } });
    assert.equal(syms[2].range.end.line, 14);
    const run = syms[2].children![4];
    assert.equal(run.detail, 'go mod download');
  });

  it('unnamed stages by index; nothing for an empty file', () => {
    const { doc, ctx } = open('Dockerfile', 'FROM a\nFROM b\n');
    assert.deepEqual(service.documentSymbols(doc, ctx).map((s) => s.name), ['#0', '#1']);
    const empty = open('Dockerfile', '');
    assert.deepEqual(service.documentSymbols(empty.doc, empty.ctx), []);
  });
});

describe('Dockerfile describe', () => {
  it('counts stages in both languages', () => {
    const a = open('Dockerfile', fixture('node.Dockerfile'));
    assert.equal(service.describeKind(a.doc, a.ctx), 'Dockerfile · 3 stages');
    const b = open('Dockerfile', fixture('python.Dockerfile'));
    assert.equal(service.describeKind(b.doc, b.ctx), 'Dockerfile · 1 stage');
    const c = open('Dockerfile', fixture('node.Dockerfile'), ru);
    assert.equal(service.describeKind(c.doc, c.ctx), 'Dockerfile · стадий: 3');
    const d = open('Dockerfile', '# nothing yet\n');
    assert.equal(service.describeKind(d.doc, d.ctx), 'Dockerfile');
  });
});

describe('Dockerfile explain', () => {
  it('stages, base images, ports, user, entrypoint and cmd, with notes links', () => {
    const { doc, ctx } = open('go.Dockerfile', fixture('go.Dockerfile'));
    const x = service.explain(doc, ctx);
    assert.match(x, /## Dockerfile: 2 stage\(s\)/);
    assert.match(x, /\*\*Build arguments:\*\* `GO_VERSION=1\.22`, `ALPINE_VERSION=3\.20`/);
    assert.match(x, /### Stage 0 · `build`/);
    assert.match(x, /docker\.io\/library\/golang:1\.22-alpine3\.20/);
    assert.match(x, /### Stage 1 · `final` \(final\)/);
    assert.match(x, /gcr\.io\/distroless\/static-debian12:nonroot/);
    assert.match(x, /\*\*Copies from:\*\* `build`/);
    assert.match(x, /\*\*Exposed ports:\*\* `8080\/tcp`/);
    assert.match(x, /\*\*User:\*\* `nonroot:nonroot`/);
    assert.match(x, /\*\*ENTRYPOINT:\*\* `\["\/server"\]`/);
    assert.match(x, /\*\*CMD:\*\* `\["--listen",":8080"\]`/);
    for (const id of ['DOCKER-08', 'DOCKER-11', 'DOCKER-20', 'DOCKER-22']) assert.ok(x.includes(link(id)), id);
  });

  it('says when the container runs as root, and the healthcheck', () => {
    const { doc, ctx } = open('Dockerfile', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n');
    const x = service.explain(doc, ctx);
    assert.match(x, /\*\*User:\*\* root \(no USER\)/);
    assert.match(x, /\*\*Healthcheck:\*\* `CMD curl -f http:\/\/localhost\/`/);
    assert.ok(x.includes(link('DOCKER-28')));
  });

  it('a stage built FROM another inherits its USER', () => {
    const { doc, ctx } = open('Dockerfile', 'FROM node:20 AS base\nUSER node\nFROM base\nCMD ["node", "x.js"]\n');
    assert.match(service.explain(doc, ctx), /\*\*User:\*\* `node`/);
  });

  it('in Russian', () => {
    const { doc, ctx } = open('Dockerfile', fixture('nginx.Dockerfile'), ru);
    const x = service.explain(doc, ctx);
    assert.match(x, /## Dockerfile: стадий — 1/);
    assert.match(x, /\*\*Порты \(EXPOSE\):\*\* `80`/);
    assert.match(x, /\*\*Пользователь:\*\* root \(USER не задан\)/);
    assert.match(x, /Конспект: /);
  });

  it('an empty Dockerfile', () => {
    const { doc, ctx } = open('Dockerfile', '');
    assert.match(service.explain(doc, ctx), /no stages/);
  });
});

describe('sweep over realistic Dockerfiles', () => {
  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('Dockerfile'))) {
    it(name, () => {
      const text = fixture(name);
      const { doc, ctx } = open(name, text);
      assert.equal(doc.kind, 'dockerfile');
      let hovers = 0;
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character++) {
          const pos = { line, character };
          const h = service.doHover(doc, pos, ctx);
          if (h) {
            hovers++;
            const r = h.range!;
            assert.ok(r, `hover without range at ${line}:${character}`);
            const inside = (r.start.line < line || (r.start.line === line && r.start.character <= character))
              && (r.end.line > line || (r.end.line === line && r.end.character >= character));
            assert.ok(inside, `${name} ${line}:${character}: range ${JSON.stringify(r)} does not hold the position`);
          }
          service.doComplete(doc, pos, ctx);
        }
      }
      assert.ok(hovers > 50, `${name}: only ${hovers} hover positions`);
      assert.ok(service.explain(doc, ctx).length > 0);
      // the same file with CRLF line ends hovers the same words
      const crlf = open(name, text.replace(/\n/g, '\r\n'));
      for (let line = 0; line < lines.length; line++) {
        const character = Math.min(lines[line].length, 6);
        const a = service.doHover(doc, { line, character }, ctx);
        const b = service.doHover(crlf.doc, { line, character }, crlf.ctx);
        assert.deepEqual(b?.range, a?.range, `${name} CRLF ${line}:${character}`);
      }
    });
  }
});
