import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { Classification } from '../types';

/**
 * One open file as the service sees it: text, positions, its classification and lazily built,
 * memoised models (YAML documents, Dockerfile AST, INI sections…). A model is built at most once per
 * InfraDocument; the server keeps one InfraDocument per (uri, version).
 */
export class InfraDocument {
  readonly text: TextDocument;
  readonly path: string;
  private readonly memo = new Map<string, unknown>();
  /**
   * The previous version of the same document, set by an editor session (never by the CLI or
   * tests), so that models can be updated incrementally; released as soon as a model used it.
   */
  previous: InfraDocument | undefined;

  constructor(
    readonly uri: string,
    content: string,
    readonly version: number,
    readonly classification: Classification,
  ) {
    this.text = TextDocument.create(uri, '', version, content);
    this.path = uriToPath(uri);
  }

  get content(): string {
    return this.text.getText();
  }

  get kind() {
    return this.classification.kind;
  }

  /** Memoised per-document computation (models, indexes) keyed by a stable name. */
  cached<T>(key: string, build: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = build();
    this.memo.set(key, value);
    return value;
  }

  /** A memoised value if it was already computed, without computing it. */
  peek<T>(key: string): T | undefined {
    return this.memo.get(key) as T | undefined;
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position);
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.text.positionAt(start), end: this.text.positionAt(end) };
  }

  lineText(line: number): string {
    const start = this.text.offsetAt({ line, character: 0 });
    const end = line + 1 < this.text.lineCount ? this.text.offsetAt({ line: line + 1, character: 0 }) : this.content.length;
    return this.content.slice(start, end).replace(/\r?\n$/, '');
  }

  get lineCount(): number {
    return this.text.lineCount;
  }
}

export function uriToPath(uri: string): string {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : parsed.path;
  } catch {
    return uri;
  }
}

export function pathToUri(path: string): string {
  return URI.file(path).toString();
}
