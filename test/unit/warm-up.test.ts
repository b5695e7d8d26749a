// The start-up warm-up must warm what the user's first file will use: valid YAML of the sample's own
// family (a broken tour would exercise the parser's error recovery, a misclassified one the wrong
// rules), and every YAML form the tour is there for.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { LanguageService } from '../../server/src/service/languageService';
import { yamlProblems } from '../../server/src/service/yaml/model';
import { warmUpText } from '../../server/src/service/warmUp';
import { makeContext } from '../helpers/service';

const service = new LanguageService();
const samples = service.samples('en');

describe('warm-up texts', () => {
  it('has a sample and a tour per family', () => {
    assert.deepEqual(samples.map((s) => s.path).sort(), ['Dockerfile', 'compose.yaml', 'k8s/deployment.yaml', 'site.yml']);
    for (const { path, content } of samples) {
      const text = warmUpText(path, content);
      assert.ok(text.startsWith(content.trimEnd()), `${path}: the sample comes first, where the warm-up hovers`);
      assert.ok(text.split('\n').length > 4 * content.split('\n').length, `${path}: the tour is repeated`);
    }
    assert.equal(warmUpText('other.yaml', 'a: 1\n'), 'a: 1\n');
  });

  it('Dockerfile: every instruction, a heredoc and a mount, in a file still taken for a Dockerfile', () => {
    const { content } = samples.find((s) => s.path === 'Dockerfile')!;
    const doc = service.open('file:///infra-notes-warm-up/Dockerfile', warmUpText('Dockerfile', content));
    assert.equal(doc.kind, 'dockerfile');
    const keywords = new Set(doc.content.split('\n').map((l) => /^([A-Z]+)\s/.exec(l)?.[1]).filter(Boolean));
    for (const k of ['FROM', 'ARG', 'ENV', 'RUN', 'COPY', 'ADD', 'LABEL', 'VOLUME', 'EXPOSE', 'USER', 'SHELL', 'HEALTHCHECK', 'STOPSIGNAL', 'ENTRYPOINT', 'CMD', 'WORKDIR']) {
      assert.ok(keywords.has(k), `no ${k}`);
    }
    assert.match(doc.content, /^RUN <<EOF$/m);
    assert.match(doc.content, /--mount=type=cache/);
    const ids = service.doValidation(doc, makeContext('/ws/Dockerfile', '', { index: false })).map((d) => d.code);
    for (const syntax of ['DF052', 'DF054']) assert.ok(!ids.includes(syntax), `${syntax} on the tour`);
  });

  for (const { path, content } of samples.filter((s) => s.path !== 'Dockerfile')) {
    it(`${path}: parses without a syntax problem and keeps the sample's file kind`, () => {
      const sample = service.open(`file:///infra-notes-warm-up/${path}`, content);
      const doc = service.open(`file:///infra-notes-warm-up/${path}`, warmUpText(path, content), 1);
      assert.equal(doc.kind, sample.kind);
      assert.deepEqual(yamlProblems(doc).map((p) => `${p.code} ${p.message}`), []);
      const diagnostics = service.doValidation(doc, makeContext(`/ws/${path}`, '', { index: false }));
      assert.ok(Array.isArray(diagnostics));
    });
  }

  it('tours every YAML form a real file uses', () => {
    const types = new Set<string>();
    let comments = 0;
    let aliases = 0;
    let docEnd = false;
    for (const { path, content } of samples.filter((s) => s.path !== 'Dockerfile')) {
      for (const d of parseAllDocuments(warmUpText(path, content))) {
        if (d.commentBefore || d.contents?.commentBefore) comments++;
        if (d.directives?.docEnd) docEnd = true;
        const walk = (n: unknown): void => {
          if (!n || typeof n !== 'object') return;
          const node = n as { type?: string; flow?: boolean; items?: unknown[]; key?: unknown; value?: unknown; comment?: string; source?: string };
          if ('source' in node && typeof node.source === 'string' && !('value' in node)) aliases++;
          if (node.comment) comments++;
          if (node.type) types.add(node.type);
          if (node.flow) types.add(`FLOW_${node.items && node.items.length && 'key' in (node.items[0] as object) ? 'MAP' : 'SEQ'}`);
          for (const i of node.items ?? []) walk(i);
          walk(node.key);
          walk(node.value);
        };
        walk(d.contents);
      }
    }
    for (const form of ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED', 'FLOW_MAP', 'FLOW_SEQ']) {
      assert.ok(types.has(form), `the tours have no ${form} node`);
    }
    assert.ok(comments > 0 && aliases > 0 && docEnd, `comments ${comments}, aliases ${aliases}, document end ${docEnd}`);
  });
});
