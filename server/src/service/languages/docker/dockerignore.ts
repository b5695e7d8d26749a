// .dockerignore: the pattern list (one per line, `#` comments, `!` negation), hovers that say what a
// pattern matches (DOCKER-03), a matcher with Docker's semantics, the ignore file of a Dockerfile's build
// context (one lookup for DF002, DF062 and the `COPY .` hover), and the status-bar / explain summaries.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { localise, ref, t } from '../../knowledge/index';
import { notesLine, renderRef } from '../../knowledge/render';
import type { Locale, WorkspaceContext } from '../../types';
import type { RequestContext } from '../support';

export interface IgnorePattern {
  /** the pattern as written, trimmed (with the `!`) */
  raw: string;
  /** without `!`, leading `/` and `./`, trailing `/` */
  pattern: string;
  negated: boolean;
  line: number;
  range: Range;
}

export interface IgnoreFile {
  patterns: IgnorePattern[];
  comments: { line: number; range: Range }[];
}

export function parseDockerignoreText(text: string): { patterns: Omit<IgnorePattern, 'range'>[] } {
  const patterns: Omit<IgnorePattern, 'range'>[] = [];
  text.split(/\r?\n/).forEach((l, line) => {
    const raw = l.trim();
    if (!raw || raw.startsWith('#')) return;
    const negated = raw.startsWith('!');
    patterns.push({ raw, pattern: clean(negated ? raw.slice(1) : raw), negated, line });
  });
  return { patterns };
}

export function dockerignoreModel(doc: InfraDocument): IgnoreFile {
  return doc.cached('dockerignore', () => {
    const patterns: IgnorePattern[] = [];
    const comments: IgnoreFile['comments'] = [];
    for (let line = 0; line < doc.lineCount; line++) {
      const text = doc.lineText(line);
      const raw = text.trim();
      if (!raw) continue;
      const start = text.indexOf(raw);
      const range = { start: { line, character: start }, end: { line, character: start + raw.length } };
      if (raw.startsWith('#')) {
        comments.push({ line, range });
        continue;
      }
      const negated = raw.startsWith('!');
      patterns.push({ raw, pattern: clean(negated ? raw.slice(1) : raw), negated, line, range });
    }
    return { patterns, comments };
  });
}

function clean(p: string): string {
  let s = p.trim().replace(/\\/g, '/');
  s = s.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  // Docker cleans paths: a/./b → a/b, a//b → a/b
  s = s.replace(/\/\.\//g, '/').replace(/\/{2,}/g, '/');
  return s;
}

// ---------------------------------------------------------------------------------------------
// matching (Docker's rules: Go filepath.Match per segment plus `**`; a match of a folder covers its
// content; the last matching pattern decides)

const regexCache = new Map<string, RegExp>();

function toRegex(pattern: string): RegExp {
  const hit = regexCache.get(pattern);
  if (hit) return hit;
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` any number of folders; `**` at the end: anything
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  re += '(?:/.*)?$';
  let compiled: RegExp;
  try {
    compiled = new RegExp(re);
  } catch {
    compiled = /^\b$/; // never matches
  }
  if (regexCache.size > 2000) regexCache.clear();
  regexCache.set(pattern, compiled);
  return compiled;
}

/** Whether a context-relative path (`src/app.py`) is excluded by the patterns. */
export function isIgnored(patterns: Pick<IgnorePattern, 'pattern' | 'negated'>[], path: string): boolean {
  const p = clean(path);
  let ignored = false;
  for (const pat of patterns) {
    if (!pat.pattern) continue;
    if (toRegex(pat.pattern).test(p)) ignored = !pat.negated;
  }
  return ignored;
}

// ---------------------------------------------------------------------------------------------
// the build context of a Dockerfile: which ignore file applies

export interface ContextIgnore {
  /** the ignore file */
  path: string;
  /** its file name (`.dockerignore`, `Dockerfile.dockerignore`) */
  name: string;
  /** the folder the patterns are relative to (the build context) */
  dir: string;
  patterns: Omit<IgnorePattern, 'range'>[];
}

/**
 * The ignore file of a Dockerfile's build context: the Dockerfile's own `<name>.dockerignore` first,
 * then `.dockerignore` (or `.containerignore`) in its folder or a parent folder up to the workspace
 * root, since a build is often run from a parent folder.
 */
export function dockerignoreFor(dockerfilePath: string, workspace: WorkspaceContext): ContextIgnore | undefined {
  const file = dockerfilePath.replace(/\\/g, '/');
  const slash = file.lastIndexOf('/');
  if (slash < 0) return undefined;
  let dir = file.slice(0, slash);
  const read = (p: string): string | undefined => {
    try {
      return workspace.fs.readFile(p);
    } catch {
      return undefined;
    }
  };
  const make = (path: string, text: string): ContextIgnore =>
    ({ path, name: path.slice(path.lastIndexOf('/') + 1), dir, patterns: parseDockerignoreText(text).patterns });
  const own = `${file}.dockerignore`;
  const ownText = read(own);
  if (ownText !== undefined) return make(own, ownText);
  const roots = (workspace.roots ?? []).map((r) => r.replace(/\\/g, '/').replace(/\/+$/, ''));
  const root = roots.filter((r) => file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
  for (let guard = 0; guard < 32; guard++) {
    for (const name of ['.dockerignore', '.containerignore']) {
      const p = `${dir}/${name}`;
      const text = read(p);
      if (text !== undefined) return make(p, text);
    }
    if (root === undefined || dir === root || dir.length <= root.length) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return undefined;
}

/**
 * Whether a literal COPY/ADD source shows that a Dockerfile's build context is its own folder, not
 * the ancestor folder an ignore file was found in: the path exists beside the Dockerfile and not in
 * that ancestor. BuildKit reads only `<context>/.dockerignore` or `<Dockerfile>.dockerignore`, so an
 * ancestor's file does not apply to such a build (denoland/deno_docker `example/Dockerfile`).
 */
export function sourceOnlyBesideDockerfile(dockerfilePath: string, ig: Pick<ContextIgnore, 'dir'>, source: string, workspace: WorkspaceContext): boolean {
  const file = dockerfilePath.replace(/\\/g, '/');
  const ownDir = file.slice(0, file.lastIndexOf('/'));
  if (ig.dir === ownDir) return false;
  const rel = source.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (!rel || rel === '.' || rel.startsWith('../') || /[*?[$]/.test(rel) || /^[a-z][\w+.-]*:\/\//i.test(rel) || rel.startsWith('git@')) return false;
  const exists = (dir: string): boolean => {
    try {
      return workspace.fs.exists(`${dir}/${rel}`);
    } catch {
      return false;
    }
  };
  return exists(ownDir) && !exists(ig.dir);
}

/** Whether a literal COPY/ADD source (relative to the context) is excluded; wildcards, variables and `../` are not judged. */
export function isSourceIgnored(ig: Pick<ContextIgnore, 'patterns'>, source: string): boolean {
  const p = source.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (!p || p === '.' || p.startsWith('../') || /[*?[$]/.test(p)) return false;
  return isIgnored(ig.patterns, p);
}

// ---------------------------------------------------------------------------------------------
// hover

export function dockerignoreHover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const model = dockerignoreModel(doc);
  const c = model.comments.find((x) => x.line === pos.line && x.range.start.character <= pos.character && pos.character <= x.range.end.character);
  if (c) {
    const e = ref('dockerignore.comment');
    return e ? { contents: { kind: 'markdown', value: renderRef(e, locale) }, range: c.range } : null;
  }
  const p = model.patterns.find((x) => x.line === pos.line && x.range.start.character <= pos.character && pos.character <= x.range.end.character);
  if (!p) return null;
  return { contents: { kind: 'markdown', value: describePattern(p, locale) }, range: p.range };
}

export function describePattern(p: Pick<IgnorePattern, 'raw' | 'pattern' | 'negated'>, locale: Locale): string {
  const e = ref('dockerignore.pattern');
  if (!e) return '';
  const extra: string[] = [];
  const path = p.pattern;
  if (path === '*' || path === '**' || path === '**/*') extra.push(t('dockerignore.match.all', locale));
  else if (path.startsWith('**/')) extra.push(t('dockerignore.match.anywhere', locale, { path: path.slice(3) }));
  else if (path.includes('/')) extra.push(t('dockerignore.match.path', locale, { path }));
  else {
    extra.push(t('dockerignore.match.root', locale, { path }));
    if (/[*?[]/.test(path)) extra.push(t('dockerignore.match.wildcardRoot', locale, { path }));
  }
  if (/[*?[]/.test(path) && !(path === '*' || path === '**')) extra.push(t('dockerignore.match.wildcards', locale));
  if (p.negated) extra.push(t('dockerignore.match.negated', locale));
  const base = path.replace(/^\*\*\//, '');
  const value = e.values?.[base] ? base : undefined;
  return renderRef(e, locale, { args: { pattern: p.raw.replace(/`/g, '') }, extra, value });
}

/** Completion in .dockerignore: the well-known entries the knowledge base explains, minus those present. */
export function completeDockerignore(doc: InfraDocument, pos: Position, locale: Locale): CompletionItem[] {
  const line = doc.lineText(pos.line);
  const before = line.slice(0, pos.character);
  const m = /^\s*!?([\w.*/-]*)$/.exec(before);
  if (!m) return [];
  const e = ref('dockerignore.pattern');
  if (!e?.values) return [];
  const present = new Set(dockerignoreModel(doc).patterns.filter((p) => p.line !== pos.line).map((p) => p.pattern.replace(/^\*\*\//, '')));
  const range = { start: { line: pos.line, character: pos.character - m[1].length }, end: { line: pos.line, character: line.length } };
  return Object.keys(e.values).filter((k) => !present.has(k)).map((k) => ({
    label: k,
    kind: CompletionItemKind.File,
    detail: localise(e.values![k], locale),
    documentation: { kind: MarkupKind.Markdown, value: describePattern({ raw: k, pattern: k, negated: false }, locale) },
    textEdit: { range, newText: k },
  }));
}

export function describeDockerignore(doc: InfraDocument, locale: Locale): string {
  return t('docker.describe.patterns', locale, { count: dockerignoreModel(doc).patterns.length });
}

export function explainDockerignore(doc: InfraDocument, locale: Locale): string {
  const m = dockerignoreModel(doc);
  const out = [`### ${t('docker.explain.ignoreTitle', locale, { count: m.patterns.length })}`];
  const ex = m.patterns.filter((p) => !p.negated).map((p) => `\`${p.raw}\``);
  const inc = m.patterns.filter((p) => p.negated).map((p) => `\`${p.raw}\``);
  out.push(`- **${t('docker.explain.ignoreExcludes', locale)}:** ${ex.length ? ex.join(', ') : t('docker.explain.none', locale)}`);
  if (inc.length) out.push(`- **${t('docker.explain.ignoreIncludes', locale)}:** ${inc.join(', ')}`);
  out.push('', notesLine(['DOCKER-03'], locale));
  return out.join('\n');
}
