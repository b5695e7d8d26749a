// Suppression in the syntaxes Dockerfile users already write (hadolint pragmas and config, BuildKit's
// check directive) and the extension's own comment form, including the "suppress" code actions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyEdits, codeActions, diagnose, type Options } from '../../helpers/service';

const codes = (text: string, o: Options = {}, path = 'Dockerfile') => diagnose(path, text, o).map((d) => `${d.range.start.line}:${d.code}`).sort();

// the second RUN deletes what the first wrote: DF036 (besides sudo DF022 and cd DF021)
const TWO = 'FROM debian:bookworm-slim\nRUN sudo mkdir /a\nRUN cd /a && make && rm -rf /a\n';

describe('Dockerfile suppression', () => {
  it('fires without any suppression (the baseline the other tests change)', () => {
    assert.deepEqual(codes(TWO), ['1:DF022', '2:DF021', '2:DF036']);
  });

  it('# hadolint ignore=… silences the next instruction only, by hadolint code', () => {
    const text = 'FROM debian:bookworm-slim\n# hadolint ignore=DL3004,DL3059\nRUN sudo mkdir /a\nRUN cd /a && sudo make && rm -rf /a\n';
    assert.deepEqual(codes(text), ['3:DF021', '3:DF022', '3:DF036']);
  });

  it('# hadolint ignore=… covers every line of a continued instruction', () => {
    const text = 'FROM debian:bookworm-slim\n# hadolint ignore=DL3009\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl\n';
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes(text.replace('# hadolint ignore=DL3009\n', '')), ['2:DF003']);
  });

  it('# hadolint global ignore=… silences the whole file', () => {
    assert.deepEqual(codes(`# hadolint global ignore=DL3004,DL3003\n${TWO}`), ['3:DF036']);
  });

  it('.hadolint.yaml at the workspace root: ignored and override severities', () => {
    const files = { '.hadolint.yaml': 'ignored:\n  - DL3003\noverride:\n  error:\n    - DL3004\n  style:\n    - DL3059\n' };
    const ds = diagnose('Dockerfile', TWO, { files });
    assert.deepEqual(ds.map((d) => `${d.code}:${d.severity}`).sort(), [`DF022:${DiagnosticSeverity.Error}`, `DF036:${DiagnosticSeverity.Hint}`]);
  });

  it('.hadolint.yml in a parent folder of the Dockerfile counts, up to the workspace root', () => {
    const files = { 'services/.hadolint.yml': 'ignored: [DL3004]\n' };
    assert.deepEqual(codes(TWO, { files }, 'services/api/Dockerfile'), ['2:DF021', '2:DF036']);
    assert.deepEqual(codes(TWO, { files }, 'other/Dockerfile'), ['1:DF022', '2:DF021', '2:DF036']);
  });

  it('disable-ignore-pragma in .hadolint.yaml turns inline pragmas off', () => {
    const text = 'FROM debian:bookworm-slim\n# hadolint ignore=DL3004\nRUN sudo mkdir /a\n';
    assert.deepEqual(codes(text, { files: { '.hadolint.yaml': 'disable-ignore-pragma: true\n' } }), ['2:DF022']);
  });

  it('a broken .hadolint.yaml is ignored, not fatal', () => {
    assert.deepEqual(codes(TWO, { files: { '.hadolint.yaml': 'ignored: [DL3004\n  : :' } }), ['1:DF022', '2:DF021', '2:DF036']);
  });

  it('# check=skip=… (BuildKit) silences the named checks', () => {
    const text = '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended,FromAsCasing;error=true\nFROM node:20-alpine as base\nENV A 1\nCMD node server.js\n';
    assert.deepEqual(codes(text), ['3:DF057']);
    assert.deepEqual(codes(text.replace('skip=JSONArgsRecommended,FromAsCasing', 'skip=all')), []);
    assert.deepEqual(codes(text.replace(/# check=.*\n/, '')), ['1:DF051', '2:DF057', '3:DF054']);
  });

  it('# check=… after the first instruction is not a parser directive', () => {
    const text = 'FROM node:20-alpine\n# check=skip=JSONArgsRecommended\nCMD node server.js\n';
    assert.deepEqual(codes(text), ['2:DF054']);
  });

  it('the extension\'s own form: # infra-notes-ignore ID above an instruction, -file for the whole file', () => {
    assert.deepEqual(codes('FROM debian:bookworm-slim\n# infra-notes-ignore DF022\nRUN sudo mkdir /a\n'), []);
    assert.deepEqual(codes(`# infra-notes-ignore-file DF022 DF021\n${TWO}`), ['3:DF036']);
  });

  it('the "suppress on this line" action inserts a comment that silences the rule', () => {
    const text = 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    && sudo apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n';
    const action = codeActions('Dockerfile', text, 'DF022').find((a) => /infra-notes-ignore DF022/.test(JSON.stringify(a.edit)) && !/-file/.test(JSON.stringify(a.edit)));
    assert.ok(action?.edit?.changes);
    const after = applyEdits(text, Object.values(action.edit.changes)[0]);
    assert.equal(after, 'FROM debian:bookworm-slim\nRUN apt-get update \\\n    # infra-notes-ignore DF022\n    && sudo apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\n');
    assert.deepEqual(codes(after).filter((c) => c.endsWith('DF022')), []);
  });

  it('the "suppress in this file" action goes below the parser directives', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN sudo mkdir /a\n';
    const action = codeActions('Dockerfile', text, 'DF022').find((a) => /infra-notes-ignore-file DF022/.test(JSON.stringify(a.edit)));
    assert.ok(action?.edit?.changes);
    const after = applyEdits(text, Object.values(action.edit.changes)[0]);
    assert.equal(after, '# syntax=docker/dockerfile:1\n# infra-notes-ignore-file DF022\nFROM debian:bookworm-slim\nRUN sudo mkdir /a\n');
    assert.deepEqual(codes(after), []);
  });

  it('a user setting turns an off-by-default rule on, and a default rule off', () => {
    const text = 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER root\n';
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes(text, { settings: { rules: { DF037: 'warning', DF040: 'info' } } }), ['1:DF040', '2:DF037']);
    assert.deepEqual(codes(TWO, { settings: { rules: { DF036: 'off' } } }), ['1:DF022', '2:DF021']);
  });
});
