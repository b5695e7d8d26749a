// Fills the workspace index at start (in slices, with progress), keeps it current from open
// documents and file-watcher events, and re-validates open documents when it changes.
import { statSync } from 'node:fs';
import type { Connection, FileEvent } from 'vscode-languageserver/node';
import { FileChangeType } from 'vscode-languageserver/node';
import { pathToUri, uriToPath } from '../service/documents/document';
import { FAMILY_OF_KIND, type Family } from '../service/types';
import { walk } from '../node/walk';
import type { ServerState } from '../state';
import type { DiagnosticsScheduler } from './diagnostics';

function diskStamp(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return undefined;
  }
}

/** Which families read files of a family: whose open documents to re-check when one changes. */
export const DEPENDANTS: Record<Family, Family[]> = {
  docker: ['docker', 'compose'],
  compose: ['compose'],
  ansible: ['ansible'],
  kubernetes: ['kubernetes'],
};

export class IndexUpdater {
  private revalidateTimer: NodeJS.Timeout | undefined;
  private readonly pendingFamilies = new Set<Family>();
  private readonly pendingSources = new Set<string | undefined>();
  ready = false;

  constructor(private readonly connection: Connection, private readonly state: ServerState, private readonly diagnostics: DiagnosticsScheduler) {}

  private indexDiskFile(path: string): boolean {
    const stamp = diskStamp(path);
    if (!stamp) return this.state.index.remove(pathToUri(path));
    const uri = pathToUri(path);
    if (this.state.documents.get(uri)) return false; // the open document's entry wins
    return this.state.index.update(uri, () => this.state.workspace.fs.readFile(path), stamp);
  }

  async scan(): Promise<void> {
    const { state } = this;
    const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Infra Notes', 0, undefined, false);
    let n = 0;
    for (const root of state.workspace.roots) {
      for (const path of walk(root)) {
        // keep answering requests while indexing, and let open documents' diagnostics go first
        await new Promise((r) => setImmediate(r));
        while (this.diagnostics.busy) await new Promise((r) => setTimeout(r, 10));
        try {
          this.indexDiskFile(path);
        } catch (err) {
          state.log(`index: ${path}: ${String(err)}`);
        }
        if (++n % 50 === 0) progress?.report(`${n}`);
      }
    }
    progress?.done();
    this.ready = true;
    state.log(`workspace index: ${state.index.size} infra files in ${state.workspace.roots.length} folder(s)`);
    this.diagnostics.validateAll();
  }

  /** An open document's index entry changed (see DiagnosticsScheduler): re-check its dependants. */
  documentIndexChanged(uri: string): void {
    this.revalidateDependants(this.state.index.get(uri)?.family, uri);
  }

  documentClosed(uri: string): void {
    const path = uriToPath(uri);
    const family = this.state.index.get(uri)?.family;
    this.state.index.remove(uri);
    if (this.indexDiskFile(path)) this.revalidateDependants(family ?? this.state.index.get(uri)?.family, uri);
  }

  filesChanged(changes: FileEvent[]): void {
    for (const c of changes) {
      const path = uriToPath(c.uri);
      const before = this.state.index.get(c.uri)?.family;
      const changed = c.type === FileChangeType.Deleted ? this.state.index.remove(c.uri) : this.indexDiskFile(path);
      if (changed) this.revalidateDependants(before ?? this.state.index.get(c.uri)?.family);
    }
  }

  /**
   * Re-check, once the burst of changes settles, the open documents whose family reads files of
   * the changed family (a manifest's objects matter to other manifests; a Dockerfile or
   * .dockerignore to Dockerfiles and compose files), and no others.
   */
  revalidateDependants(family: Family | undefined, source?: string): void {
    if (!family) return;
    for (const f of DEPENDANTS[family]) this.pendingFamilies.add(f);
    this.pendingSources.add(source);
    if (this.revalidateTimer) clearTimeout(this.revalidateTimer);
    this.revalidateTimer = setTimeout(() => {
      const families = new Set(this.pendingFamilies);
      // the edited document was just validated: skip it, but only when it alone caused the burst
      const skip = this.pendingSources.size === 1 ? [...this.pendingSources][0] : undefined;
      this.pendingFamilies.clear();
      this.pendingSources.clear();
      this.diagnostics.validateWhere((uri) => {
        if (uri === skip) return false;
        const family = FAMILY_OF_KIND[this.state.get(uri)?.kind ?? 'unknown'];
        return !!family && families.has(family);
      });
    }, 150);
  }
}
