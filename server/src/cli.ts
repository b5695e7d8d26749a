// infra-notes — the same engine as the language server, on the command line.
//   infra-notes check [paths…] [--format text|json|sarif] [--language en|ru] [--severity S] [--config F]
//   infra-notes explain <file>[:line[:col]] [--language en|ru]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import pkg from '../../package.json';
import { nodeFileReader } from './node/fileReader';
import { walk } from './node/walk';
import type { RawSettings } from './protocol';
import { pathToUri, type InfraDocument } from './service/documents/document';
import { rule as ruleEntry, t } from './service/knowledge/index';
import { LanguageService } from './service/languageService';
import type { RequestContext } from './service/languages/support';
import { ruleDocUrl } from './service/rules/docs';
import type { DiagnosticData } from './service/rules/engine';
import { toServiceSettings } from './service/settings';
import type { Locale, WorkspaceContext } from './service/types';

/** A usage or input error: a key of the l10n bundle (`cli.*` in ui.yaml) with its placeholders. */
class UsageError extends Error {
  constructor(readonly key: string, readonly args: Record<string, string> = {}) {
    super(key);
  }
}

const SEVERITY_NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const THRESHOLD: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

interface Options {
  command: string;
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  language?: 'en' | 'ru';
  severity: string;
  config?: string;
}


function parseArgs(argv: string[]): Options {
  const o: Options = { command: '', paths: [], format: 'text', severity: 'info' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError('cli.needsValue', { option: a });
      return v;
    };
    if (a.startsWith('--format')) {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError('cli.unknownFormat', { value: v });
      o.format = v;
    } else if (a.startsWith('--language')) {
      const v = value();
      if (v !== 'en' && v !== 'ru') throw new UsageError('cli.unknownLanguage', { value: v });
      o.language = v;
    } else if (a.startsWith('--severity')) {
      const v = value();
      if (!(v in THRESHOLD)) throw new UsageError('cli.unknownSeverity', { value: v });
      o.severity = v;
    } else if (a.startsWith('--config')) {
      o.config = value();
    } else if (a.startsWith('-')) {
      throw new UsageError('cli.unknownOption', { option: a });
    } else if (!o.command) {
      o.command = a;
    } else {
      o.paths.push(a);
    }
  }
  return o;
}

function loadConfig(file: string | undefined): RawSettings | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError('cli.configUnreadable', { file });
  }
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    // either the `infraNotes` section itself, or a settings.json-like object holding it
    return ((json.infraNotes as RawSettings | undefined) ?? json) as RawSettings;
  } catch (err) {
    throw new UsageError('cli.configInvalid', { file, error: (err as Error).message });
  }
}

const envLocale = (): string | undefined => process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;

/** The language of the tool's own messages: `--language` when given and valid, else the environment's. */
function messageLocale(argv: string[]): Locale {
  let language: string | undefined;
  argv.forEach((a, i) => {
    if (a.startsWith('--language')) language = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
  });
  return toServiceSettings({ language: language === 'en' || language === 'ru' ? language : 'auto' }, undefined, envLocale()).locale;
}

function context(o: Options, roots: string[]): RequestContext {
  const raw = loadConfig(o.config) ?? {};
  if (o.language) raw.language = o.language;
  const settings = toServiceSettings(raw, undefined, envLocale());
  const workspace: WorkspaceContext = { roots, fs: nodeFileReader(() => undefined) };
  return { settings, workspace };
}

interface FileResult {
  path: string;
  kind: string;
  diagnostics: Diagnostic[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/** The files named by the arguments: files, folders (walked) and globs (matched under the current folder). */
function collectFiles(args: string[]): { files: string[]; roots: string[] } {
  const cwd = process.cwd();
  const files = new Set<string>();
  const roots = new Set<string>();
  const globs: string[] = [];
  for (const arg of args) {
    const p = resolve(arg);
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      if (GLOB_CHARS.test(arg)) {
        globs.push(arg);
        continue;
      }
      throw new UsageError('cli.noSuchPath', { path: arg });
    }
    if (isDir) roots.add(p);
    for (const f of walk(p)) files.add(f);
  }
  if (globs.length) {
    const match = picomatch(globs, { dot: true });
    let matched = 0;
    for (const f of walk(cwd)) {
      if (match(relative(cwd, f).split(sep).join('/'))) {
        files.add(f);
        matched++;
      }
    }
    if (matched === 0) throw new UsageError('cli.noMatch', { globs: globs.join(' ') });
    roots.add(cwd);
  }
  return { files: [...files], roots: [...roots] };
}

/** How much text (UTF-16 characters) `check` keeps parsed between its index pass and its checks. */
const KEEP_PARSED_CHARS = 32 * 1024 * 1024;

function check(o: Options): number {
  const { files: paths, roots } = collectFiles(o.paths.length ? o.paths : ['.']);
  const ctx = context(o, roots.length ? roots : [process.cwd()]);
  const service = new LanguageService();
  const index = service.createIndex(ctx.workspace);
  const files: { path: string; text: string }[] = [];
  for (const file of paths) {
    const text = ctx.workspace.fs.readFile(file);
    if (text === undefined) continue;
    files.push({ path: file, text });
  }
  // Index everything first so cross-file rules see the whole tree, as in the editor. Each file is
  // parsed once: the document the index read is the one validated (as the server does for open
  // documents), while the parsed trees kept between the two passes stay under a memory budget.
  const parsed: (InfraDocument | undefined)[] = [];
  let kept = 0;
  for (const f of files) {
    const doc = service.open(pathToUri(f.path), f.text, 0, { workspace: ctx.workspace });
    index.updateDoc(doc);
    const keep = kept + f.text.length <= KEEP_PARSED_CHARS;
    if (keep) kept += f.text.length;
    parsed.push(keep ? doc : undefined);
  }
  ctx.index = index;
  const results: FileResult[] = [];
  for (const [i, f] of files.entries()) {
    const doc = parsed[i] ?? service.open(pathToUri(f.path), f.text, 0, { workspace: ctx.workspace });
    parsed[i] = undefined;
    if (doc.kind === 'unknown') continue;
    results.push({ path: f.path, kind: doc.kind, diagnostics: service.doValidation(doc, ctx) });
  }
  const threshold = THRESHOLD[o.severity];
  let failing = 0;
  for (const r of results) {
    r.diagnostics = r.diagnostics.filter((d) => (d.severity ?? 1) <= threshold);
    failing += r.diagnostics.length;
  }
  const out = o.format === 'json' ? JSON.stringify(toJson(results), null, 2) : o.format === 'sarif' ? JSON.stringify(toSarif(results, ctx), null, 2) : toText(results);
  if (out) process.stdout.write(`${out}\n`);
  return failing > 0 ? 1 : 0;
}

function rel(p: string): string {
  const cwd = process.cwd();
  return p.startsWith(`${cwd}/`) ? p.slice(cwd.length + 1) : p;
}

function toText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const data = d.data as DiagnosticData | undefined;
      const notes = data?.notes?.length ? ` [${data.notes.join(', ')}]` : '';
      lines.push(`${rel(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 1]} ${d.code ?? '-'} ${d.message}${notes}`);
    }
  }
  return lines.join('\n');
}

function toJson(results: FileResult[]) {
  return results.flatMap((r) => r.diagnostics.map((d) => ({
    file: rel(r.path),
    kind: r.kind,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[d.severity ?? 1],
    rule: d.code ?? null,
    message: d.message,
    notes: (d.data as DiagnosticData | undefined)?.notes ?? [],
    fixes: ((d.data as DiagnosticData | undefined)?.fixes ?? []).map((f) => f.title),
  })));
}

const SARIF_LEVEL: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

function toSarif(results: FileResult[], ctx: RequestContext) {
  const locale = ctx.settings.locale;
  const ruleIds = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code ?? ''))).filter(Boolean))].sort();
  const rules = ruleIds.map((id) => {
    const e = ruleEntry(id);
    return {
      id,
      name: e?.name ?? id,
      shortDescription: { text: e ? e.title[locale] : id },
      fullDescription: { text: e ? e.why[locale] : id },
      helpUri: ruleDocUrl(id),
      help: { text: e ? e.why[locale] : id },
      defaultConfiguration: { level: e ? (e.severity === 'error' ? 'error' : e.severity === 'warning' ? 'warning' : 'note') : 'warning' },
      properties: { notes: e?.notes ?? [], seeAlso: (e?.seeAlso ?? []).map((s) => `${s.tool}:${s.id}`) },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'infra-notes', version: pkg.version, informationUri: pkg.repository.url, rules } },
      results: results.flatMap((r) => r.diagnostics.map((d) => ({
        ruleId: String(d.code ?? ''),
        ruleIndex: Math.max(0, ruleIds.indexOf(String(d.code ?? ''))),
        level: SARIF_LEVEL[d.severity ?? 1],
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: rel(r.path).split('\\').join('/') },
            region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
          },
        }],
        properties: { notes: (d.data as DiagnosticData | undefined)?.notes ?? [] },
      }))),
    }],
  };
}

/**
 * The folder `explain` treats as the workspace of a file, as an editor would open it: the repository
 * the file is in (the nearest folder with a `.git`), else the current folder when the file is inside
 * it, else the file's own folder. Never a whole home folder walked because the command ran there.
 */
export function projectRoot(file: string, cwd = process.cwd()): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return file.startsWith(`${cwd}${sep}`) ? cwd : dirname(file);
}

function explain(o: Options): number {
  const target = o.paths[0] ?? '';
  if (!o.command || !target) throw new UsageError('cli.explainNeedsFile');
  const m = /^(.*?)(?::(\d+))?(?::(\d+))?$/.exec(target)!;
  const file = resolve(m[1]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError('cli.unreadable', { file: m[1] });
  }
  const root = projectRoot(file);
  const ctx = context(o, [root]);
  const service = new LanguageService();
  // the files around it, as in the editor: a selector's pods, a referenced Secret, a role's handlers
  const index = service.createIndex(ctx.workspace);
  for (const f of walk(root)) {
    const other = ctx.workspace.fs.readFile(f);
    if (other !== undefined) index.update(pathToUri(f), other, 'disk');
  }
  ctx.index = index;
  const doc = service.open(pathToUri(file), text, 0, { workspace: ctx.workspace });
  let markdown: string;
  if (m[2]) {
    const line = Math.max(0, Number(m[2]) - 1);
    const lineText = doc.lineText(line);
    const character = m[3] ? Math.max(0, Number(m[3]) - 1) : Math.max(0, lineText.search(/\S/));
    const hover = service.doHover(doc, { line, character }, ctx);
    const value = hover?.contents;
    markdown = value && typeof value === 'object' && 'value' in value ? value.value : '';
    if (!markdown) markdown = t(doc.kind === 'unknown' ? 'explain.nothing' : 'explain.nothingHere', ctx.settings.locale, { line: line + 1, column: character + 1 });
  } else {
    markdown = service.explain(doc, ctx);
  }
  process.stdout.write(`${toTerminal(markdown)}\n`);
  return 0;
}

/** Markdown for a terminal: command links become their text, escapes are removed. */
export function toTerminal(markdown: string): string {
  const text = markdown.replace(/\[([^\]]+)\]\(command:[^)]*\)/g, '$1');
  // markdown escapes are undone outside code spans only: inside one, `\` is a backslash
  // (`# escape=\` hovers as "`\` (default)"). A span opened by N backticks closes at the next
  // run of exactly N (`` ` `` is a backtick).
  const unescape = (s: string) => s.replace(/\\([\\`*_[\]<>])/g, '$1');
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = /(?<!\\)`+/g;
    open.lastIndex = i;
    const m = open.exec(text);
    if (!m) break;
    const close = new RegExp(`(?<!\`)${m[0]}(?!\`)`, 'g');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(text);
    if (!c) break;
    out += unescape(text.slice(i, m.index)) + text.slice(m.index, c.index + c[0].length);
    i = c.index + c[0].length;
  }
  return out + unescape(text.slice(i));
}

function main(argv: string[]): number {
  const locale = messageLocale(argv);
  const usage = t('cli.usage', locale);
  try {
    if (argv[0] === '--version' || argv[0] === '-v') {
      process.stdout.write(`${pkg.version}\n`);
      return 0;
    }
    const o = parseArgs(argv);
    switch (o.command) {
      case 'check':
        return check(o);
      case 'explain':
        return explain(o);
      case '':
      case 'help':
        process.stdout.write(`${usage}\n`);
        return o.command === 'help' ? 0 : 2;
      default:
        throw new UsageError('cli.unknownCommand', { command: o.command });
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`infra-notes: ${t(err.key, locale, err.args)}\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`infra-notes: ${t('cli.failed', locale, { error: err instanceof Error ? err.message : String(err) })}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
