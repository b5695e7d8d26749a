// The cross-file index: what each infra file of the workspace declares (k8s objects, compose
// services, Ansible handlers and roles…), as extracted by its family's `indexFile`. Open documents
// replace their file's entry; unchanged files (same stamp) are never re-read or re-extracted.
import type { Family, FileKind } from '../types';

export interface IndexedFile {
  uri: string;
  path: string;
  kind: FileKind;
  family: Family | undefined;
  /** mtime+size for files on disk, `v<version>` for open documents */
  stamp: string;
  /** the family's extracted data (see each family's indexFile) */
  data: unknown;
}

export type IndexBuilder = (uri: string, text: string, stamp: string, doc?: import('../documents/document').InfraDocument) => IndexedFile | undefined;

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  /** bumps on every change, so dependants can memoise on it */
  generation = 0;

  constructor(private readonly build: IndexBuilder) {}

  /** Index or re-index a file. Returns true when its entry changed. */
  update(uri: string, text: string | (() => string | undefined), stamp: string): boolean {
    const old = this.files.get(uri);
    if (old && old.stamp === stamp) return false;
    const content = typeof text === 'function' ? text() : text;
    if (content === undefined) return this.remove(uri);
    const entry = this.build(uri, content, stamp);
    if (!entry || entry.kind === 'unknown') {
      const had = this.files.delete(uri);
      if (had) this.generation++;
      return had;
    }
    this.files.set(uri, entry);
    this.generation++;
    return true;
  }

  /** Index an already parsed (open) document, sharing its models with the other features. */
  updateDoc(doc: import('../documents/document').InfraDocument): boolean {
    const stamp = `v${doc.version}`;
    const old = this.files.get(doc.uri);
    if (old && old.stamp === stamp) return false;
    const entry = this.build(doc.uri, doc.content, stamp, doc);
    if (!entry || entry.kind === 'unknown') return this.remove(doc.uri);
    const changed = !old || JSON.stringify(old.data) !== JSON.stringify(entry.data) || old.kind !== entry.kind;
    this.files.set(doc.uri, entry);
    if (changed) this.generation++;
    return changed;
  }

  remove(uri: string): boolean {
    const had = this.files.delete(uri);
    if (had) this.generation++;
    return had;
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  all(): IndexedFile[] {
    return [...this.files.values()];
  }

  ofFamily(family: Family): IndexedFile[] {
    return this.all().filter((f) => f.family === family);
  }

  get size(): number {
    return this.files.size;
  }
}
