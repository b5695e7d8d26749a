// .dockerignore: hovers that say what a pattern matches (DOCKER-03), Docker's matching rules,
// the status-bar description and "Explain this file".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isIgnored, parseDockerignoreText } from '../../../server/src/service/languages/docker/dockerignore';
import { completeAt, hoverAt, hoverText, open, service } from '../../helpers/service';

const link = (id: string) => `command:infraNotes.showNote?${encodeURIComponent(JSON.stringify([id]))}`;
const ru = { settings: { locale: 'ru' as const } };

describe('.dockerignore hovers', () => {
  it('a plain name: root of the context, with the notes link, in both languages', () => {
    const en = hoverText('.dockerignore', '.g<|>it\nnode_modules\n');
    assert.match(en, /\.dockerignore pattern `\.git`/);
    assert.match(en, /at the root of the build context/);
    assert.match(en, /repository history/);
    assert.ok(en.includes(link('DOCKER-03')));
    const r = hoverText('.dockerignore', '.g<|>it\n', ru);
    assert.match(r, /Шаблон \.dockerignore `\.git`/);
    assert.match(r, /в корне контекста сборки/);
    assert.match(r, /история репозитория/);
  });

  it('the hover range is the pattern, without surrounding spaces', () => {
    const h = hoverAt('.dockerignore', '# deps\n  node_mod<|>ules  \n');
    assert.deepEqual(h?.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } });
  });

  it('a wildcard at the root warns that it does not reach subfolders', () => {
    const h = hoverText('.dockerignore', '*.m<|>d\n');
    assert.match(h, /only the root level is matched/);
    assert.match(h, /`\*\*\/\*\.md`/);
    assert.match(hoverText('.dockerignore', '*.m<|>d\n', ru), /только верхний уровень/);
  });

  it('**/ matches at any depth', () => {
    const h = hoverText('.dockerignore', '**/__pyc<|>ache__\n');
    assert.match(h, /`__pycache__` at any depth/);
    assert.match(h, /compiled Python bytecode/);
    assert.doesNotMatch(h, /only the root level/);
  });

  it('a path from the root, and a negation', () => {
    assert.match(hoverText('.dockerignore', 'docs/bu<|>ild\n'), /the path `docs\/build` from the root/);
    const neg = hoverText('.dockerignore', '*\n!sr<|>c\n');
    assert.match(neg, /brings matching paths back/);
    assert.match(hoverText('.dockerignore', '*\n!sr<|>c\n', ru), /возвращает подходящие пути/);
  });

  it('an allow-list start', () => {
    assert.match(hoverText('.dockerignore', '<|>*\n!app\n'), /Matches everything/);
  });

  it('comments, blank lines', () => {
    assert.match(hoverText('.dockerignore', '# comm<|>ent\n'), /comment/i);
    assert.equal(hoverText('.dockerignore', 'a\n<|>\nb\n'), '');
  });
});

describe('.dockerignore matching (Docker semantics)', () => {
  const m = (text: string, path: string) => isIgnored(parseDockerignoreText(text).patterns, path);
  it('root-relative names and folders cover their content', () => {
    assert.equal(m('node_modules', 'node_modules/x/index.js'), true);
    assert.equal(m('node_modules', 'app/node_modules/x'), false);
    assert.equal(m('/dist/', 'dist/app.js'), true);
    assert.equal(m('./build', 'build'), true);
  });
  it('* stays within a folder level, ** crosses them', () => {
    assert.equal(m('*.md', 'README.md'), true);
    assert.equal(m('*.md', 'docs/guide.md'), false);
    assert.equal(m('**/*.md', 'docs/guide.md'), true);
    assert.equal(m('**/*.md', 'README.md'), true);
    assert.equal(m('docs/**', 'docs/a/b.txt'), true);
    assert.equal(m('a?c', 'abc'), true);
    assert.equal(m('[ab].txt', 'b.txt'), true);
  });
  it('the last matching line wins; ! brings files back', () => {
    assert.equal(m('*\n!src', 'src/main.go'), false);
    assert.equal(m('*\n!src', 'README.md'), true);
    assert.equal(m('!src\n*', 'src/main.go'), true);
    assert.equal(m('# comment\n\n', 'x'), false);
  });
  it('tolerates odd patterns', () => {
    assert.doesNotThrow(() => m('[unclosed\n((\n\\', 'x'));
  });
});

describe('.dockerignore describe and explain', () => {
  it('counts patterns and lists them with the notes link', () => {
    const text = readFileSync('test/fixtures/docker/hover/node.dockerignore', 'utf8');
    const { doc, ctx } = open('.dockerignore', text);
    assert.equal(service.describeKind(doc, ctx), '.dockerignore · 7 patterns');
    const x = service.explain(doc, ctx);
    assert.match(x, /`node_modules`/);
    assert.match(x, /Brought back \(`!`\):\*\* `!README\.md`/);
    assert.ok(x.includes(link('DOCKER-03')));
    const r = open('.dockerignore', text, ru);
    assert.match(service.explain(r.doc, r.ctx), /Исключено из контекста сборки/);
  });
});

describe('.dockerignore completion', () => {
  it('offers the well-known entries not yet listed, explained', () => {
    const items = completeAt('.dockerignore', '.git\n**/node_modules\nno<|>');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('.env') && labels.includes('__pycache__'));
    assert.ok(!labels.includes('.git') && !labels.includes('node_modules'), labels.join(','));
    const env = completeAt('.dockerignore', '<|>', { settings: { locale: 'ru' } }).find((i) => i.label === '.env');
    assert.match(String(env?.detail), /секреты/);
    assert.deepEqual(completeAt('.dockerignore', '# comment <|>'), []);
  });
});
