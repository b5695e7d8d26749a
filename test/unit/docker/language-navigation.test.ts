// Go to definition and find references for stage names and variables in Dockerfiles.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { cursor } from '../../helpers/annotations';
import { open, service } from '../../helpers/service';

const SRC = [
  'ARG GO=1.22',
  'FROM golang:${GO} AS build',
  'ARG GO',
  'ENV OUT=/out',
  'RUN go build -o $OUT/app',
  'FROM build AS test',
  'RUN go test',
  'FROM alpine',
  'RUN --mount=type=bind,from=build,source=/out,target=/x cp /x/app /app',
  'COPY --from=build /out/app /app',
].join('\n');

const show = (src: string, locs: Location[]) => {
  const lines = src.split('\n');
  return locs.map((l) => `${l.range.start.line}:${lines[l.range.start.line].slice(l.range.start.character, l.range.end.character)}`).sort();
};

function at(src: string) {
  const { text, position } = cursor(src);
  const { doc, ctx } = open('Dockerfile', text);
  return { text, def: service.findDefinition(doc, position, ctx), refs: service.findReferences(doc, position, ctx) };
}

const mark = (line: number, col: number) => {
  const lines = SRC.split('\n');
  lines[line] = `${lines[line].slice(0, col)}<|>${lines[line].slice(col)}`;
  return lines.join('\n');
};

describe('Dockerfile navigation: stages', () => {
  it('COPY --from, --mount from and FROM <stage> go to the AS name', () => {
    for (const [line, col] of [[9, 13], [8, 28], [5, 6]]) {
      const r = at(mark(line, col));
      assert.deepEqual(show(r.text, r.def), ['1:build'], `${line}:${col}`);
    }
  });
  it('references of a stage: its name and every use', () => {
    const r = at(mark(1, 23));
    assert.deepEqual(show(r.text, r.refs), ['1:build', '5:build', '8:build', '9:build']);
  });
});

describe('Dockerfile navigation: variables', () => {
  it('a use goes to its ENV; a re-declared ARG goes to both declarations', () => {
    const env = at(mark(4, 18));
    assert.deepEqual(show(env.text, env.def), ['3:OUT']);
    const arg = at(mark(2, 5));
    assert.deepEqual(show(arg.text, arg.def), ['0:GO', '2:GO']);
  });
  it('references of a global ARG include FROM lines', () => {
    const r = at(mark(0, 5));
    assert.deepEqual(show(r.text, r.refs), ['0:GO', '1:${GO}']);
  });
  it('nothing on plain words', () => {
    assert.deepEqual(at(mark(6, 5)).def, []);
  });
});
