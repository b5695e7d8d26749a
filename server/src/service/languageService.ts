// The protocol-free facade of the Infra Notes language service. The server, the CLI and the tests
// all go through it: it takes documents, positions and explicit settings, and returns LSP types.
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity,
  type CodeAction, type CompletionItem, type CompletionList, type Diagnostic, type DocumentSymbol, type Hover,
  type Location, type Position, type Range,
} from 'vscode-languageserver-types';
import type { NotesCatalogue } from '../protocol';
import { classify } from './documents/classify';
import { InfraDocument, uriToPath } from './documents/document';
import { allFacts, allTopics, kindLabel, localise, stringKeys, t } from './knowledge/index';
import { noteHref } from './knowledge/render';
import { supportFor } from './languages/index';
import { snippetCompletions } from './snippets';
import type { RequestContext } from './languages/support';
import { drain, ruleSteps, SOURCE, type DiagnosticData, type Step } from './rules/engine';
import { rulesFor } from './rules/index';
import type { FileDirectives } from './rules/types';
import { FAMILY_OF_KIND, type FileKind, type Locale, type ServiceSettings, type WorkspaceContext } from './types';
import { WorkspaceIndex, type IndexedFile } from './workspace/index';
import { warmUpText } from './warmUp';

export interface OpenOptions {
  /** kind chosen by the user for this file */
  override?: FileKind;
  workspace?: WorkspaceContext;
}

const VALUE_KINDS = new Set<number>([
  CompletionItemKind.Value, CompletionItemKind.EnumMember, CompletionItemKind.Reference, CompletionItemKind.Constant,
  CompletionItemKind.Variable, CompletionItemKind.Event, CompletionItemKind.File, CompletionItemKind.Folder,
]);


const EMPTY_DIRECTIVES: FileDirectives = { suppressions: [] };

/** NUL bytes in the head of a file: binary, not for us. */
export function isBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

export class LanguageService {
  /** Classify a text and wrap it as a document of the service. */
  open(uri: string, text: string, version = 0, options: OpenOptions = {}): InfraDocument {
    const path = uriToPath(uri);
    const classification = isBinary(text)
      ? { kind: 'unknown' as const, reason: 'content' as const }
      : classify({ path, text, override: options.override, fs: options.workspace?.fs });
    return new InfraDocument(uri, text, version, classification);
  }

  /** Whether the family of this document is enabled and the document is within the limits. */
  private active(doc: InfraDocument, ctx: RequestContext): boolean {
    const family = FAMILY_OF_KIND[doc.kind];
    if (!family || !ctx.settings.families[family]) return false;
    return doc.content.length <= ctx.settings.maxFileSize;
  }

  private directives(doc: InfraDocument, ctx: RequestContext): FileDirectives {
    const support = supportFor(doc.kind);
    return support?.directives?.(doc, ctx) ?? EMPTY_DIRECTIVES;
  }

  doValidation(doc: InfraDocument, ctx: RequestContext): Diagnostic[] {
    return drain(this.validationSteps(doc, ctx));
  }

  /**
   * The same validation as steps (one rule each), for callers that run it in time slices: the
   * server answers other requests between steps and abandons a run a newer version made stale.
   */
  *validationSteps(doc: InfraDocument, ctx: RequestContext): Generator<Step, Diagnostic[], void> {
    const family = FAMILY_OF_KIND[doc.kind];
    if (!family || !ctx.settings.families[family]) return [];
    if (doc.content.length > ctx.settings.maxFileSize) {
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(doc.lineText(0).length, 200) } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: t('limits.tooLarge', ctx.settings.locale, { size: formatBytes(doc.content.length), limit: formatBytes(ctx.settings.maxFileSize) }),
      }];
    }
    const long = supportFor(doc.kind)?.overlongLine?.(doc);
    if (long) {
      return [{
        range: { start: { line: long.line, character: 0 }, end: { line: long.line, character: 200 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: t('limits.longLine', ctx.settings.locale, { line: long.line + 1, size: formatBytes(long.length), limit: formatBytes(long.limit) }),
      }];
    }
    return yield* ruleSteps(doc, rulesFor(doc.kind), ctx, this.directives(doc, ctx));
  }

  doHover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
    if (!this.active(doc, ctx)) return null;
    return supportFor(doc.kind)?.hover?.(doc, pos, ctx) ?? null;
  }

  doComplete(doc: InfraDocument, pos: Position, ctx: RequestContext): CompletionList {
    if (!this.active(doc, ctx)) return { isIncomplete: false, items: [] };
    const items: CompletionItem[] = supportFor(doc.kind)?.complete?.(doc, pos, ctx) ?? [];
    // the family knows the context: when it offers values (handler names, enum values, workspace
    // names), the cursor is in a value, where a snippet of whole objects has no place
    const inValue = items.some((i) => i.kind !== undefined && VALUE_KINDS.has(i.kind));
    return { isIncomplete: false, items: inValue ? items : [...items, ...snippetCompletions(doc, pos)] };
  }

  findDefinition(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
    if (!this.active(doc, ctx)) return [];
    return supportFor(doc.kind)?.definition?.(doc, pos, ctx) ?? [];
  }

  findReferences(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
    if (!this.active(doc, ctx)) return [];
    return supportFor(doc.kind)?.references?.(doc, pos, ctx) ?? [];
  }

  documentSymbols(doc: InfraDocument, ctx: RequestContext): DocumentSymbol[] {
    if (!this.active(doc, ctx)) return [];
    return supportFor(doc.kind)?.symbols?.(doc, ctx) ?? [];
  }

  /**
   * Quick fixes carried by our diagnostics (their `data.fixes`), then "suppress on this line" and
   * "suppress in this file" for each rule.
   */
  doCodeActions(doc: InfraDocument, range: Range, diagnostics: Diagnostic[], ctx: RequestContext): CodeAction[] {
    const locale = ctx.settings.locale;
    const actions: CodeAction[] = [];
    const suppress: CodeAction[] = [];
    const seenFile = new Set<string>();
    for (const d of diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      if (!overlaps(d.range, range)) continue;
      const data = d.data as DiagnosticData | undefined;
      for (const fx of data?.fixes ?? []) {
        actions.push({
          title: fx.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fx.preferred ?? false,
          edit: { changes: { [doc.uri]: fx.edits } },
        });
      }
      const line = d.range.start.line;
      const indent = /^\s*/.exec(doc.lineText(line))?.[0] ?? '';
      suppress.push({
        title: t('suppress.line', locale, { rule: d.code }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# infra-notes-ignore ${d.code}\n` }] } },
      });
      if (!seenFile.has(d.code)) {
        seenFile.add(d.code);
        const head = headInsertLine(doc);
        suppress.push({
          title: t('suppress.file', locale, { rule: d.code }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: { changes: { [doc.uri]: [{ range: { start: { line: head, character: 0 }, end: { line: head, character: 0 } }, newText: `# infra-notes-ignore-file ${d.code}\n` }] } },
        });
      }
    }
    return [...actions, ...suppress];
  }

  /** Markdown summary of the file for "Explain this file". */
  explain(doc: InfraDocument, ctx: RequestContext): string {
    const support = supportFor(doc.kind);
    if (!support || !this.active(doc, ctx)) return t('explain.nothing', ctx.settings.locale);
    return support.explain?.(doc, ctx) ?? `**${this.describeKind(doc, ctx)}**`;
  }

  /** "Kubernetes · Deployment, Service", "Ansible · tasks", "Compose · override" */
  describeKind(doc: InfraDocument, ctx: RequestContext): string {
    const locale = ctx.settings.locale;
    const base = kindLabel(doc.kind, doc.classification.variant, locale);
    const detail = supportFor(doc.kind)?.describe?.(doc, ctx);
    return detail ? `${base} · ${detail}` : base;
  }

  /** Every fact of the notes, grouped by topic, in one language: the notes browser's content. */
  notesCatalogue(locale: Locale): NotesCatalogue {
    const facts = allFacts();
    return {
      topics: allTopics().map((topic) => ({
        id: topic.id,
        title: localise(topic.title, locale),
        body: localise(topic.body, locale),
        facts: facts
          .filter((f) => f.topic === topic.id)
          .sort((a, b) => compareFactIds(a.id, b.id))
          .map((f) => ({
            id: f.id,
            title: localise(f.title, locale),
            body: localise(f.body, locale).trim(),
            ...(f.today ? { today: localise(f.today, locale).trim() } : {}),
            href: noteHref(f.id),
          })),
      })),
    };
  }

  /** The walkthrough's sample files (strings `sample.<relative path>` of the knowledge base). */
  samples(locale: Locale): { path: string; content: string }[] {
    return sampleKeys().map((key) => ({ path: key.slice('sample.'.length), content: t(key, locale) }));
  }

  /**
   * Run every family once on the built-in sample files (validation, a hover, completion), so that
   * first-use costs — compiling the rule code, building the Compose spec tables, the Kubernetes
   * field bundle, the Ansible catalogue — are paid at start-up, not on the user's first file.
   * Returns the milliseconds it took. Never throws.
   */
  warmUp(ctx: RequestContext): number {
    const start = performance.now();
    for (const { path, content } of this.samples(ctx.settings.locale)) {
      // the YAML parser and the models only get fast after real work on every form: see warmUp.ts
      const text = warmUpText(path, content);
      for (let round = 0; round < 2; round++) {
        try {
          const doc = this.open(`file:///infra-notes-warm-up/${path}`, text, round);
          this.doValidation(doc, { ...ctx, index: undefined });
          const line = Math.min(2, doc.lineCount - 1);
          this.doHover(doc, { line, character: 1 }, ctx);
          this.doComplete(doc, { line, character: 0 }, ctx);
        } catch {
          // a warm-up is an optimisation only
        }
      }
    }
    return performance.now() - start;
  }

  /** A workspace index whose entries are built by each family's indexFile. */
  createIndex(workspace?: WorkspaceContext): WorkspaceIndex {
    return new WorkspaceIndex((uri, text, stamp, parsed): IndexedFile | undefined => {
      if (isBinary(text)) return undefined;
      const doc = parsed ?? this.open(uri, text, 0, { workspace });
      const support = supportFor(doc.kind);
      return {
        uri,
        path: doc.path,
        kind: doc.kind,
        family: FAMILY_OF_KIND[doc.kind],
        stamp,
        data: support?.indexFile?.(doc),
      };
    });
  }
}

function sampleKeys(): string[] {
  return stringKeys().filter((k) => k.startsWith('sample.'));
}

export function compareFactIds(a: string, b: string): number {
  const [pa, na] = a.split('-');
  const [pb, nb] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa.localeCompare(pb);
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Where a file-wide comment can go without breaking parser directives (`# syntax=`) or YAML `%` directives. */
function headInsertLine(doc: InfraDocument): number {
  let line = 0;
  const n = Math.min(doc.lineCount, 50);
  while (line < n) {
    const text = doc.lineText(line);
    if (doc.kind === 'dockerfile' && /^#\s*[a-zA-Z][\w-]*\s*=/.test(text)) line++;
    else if (/^%/.test(text)) line++;
    else break;
  }
  return line;
}

export { InfraDocument };
export type { NotesCatalogue };
