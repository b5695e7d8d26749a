// Fills the workspace index at start (in slices, with progress), keeps it current from open
// documents and file-watcher events, and re-validates open documents when it changes.
import { statSync } from 'node:fs';
import type { Connection, FileEvent } from 'vscode-languageserver/node';
import { FileChangeType } from 'vscode-languageserver/node';
import { pathToUri, uriToPath } from '../service/documents/document';
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

export class IndexUpdater {
  private revalidateTimer: NodeJS.Timeout | undefined;
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
        try {
          this.indexDiskFile(path);
        } catch (err) {
          state.log(`index: ${path}: ${String(err)}`);
        }
        if (++n % 50 === 0) {
          progress?.report(`${n}`);
          await new Promise((r) => setImmediate(r)); // keep answering requests while indexing
        }
      }
    }
    progress?.done();
    this.ready = true;
    state.log(`workspace index: ${state.index.size} infra files in ${state.workspace.roots.length} folder(s)`);
    this.diagnostics.validateAll();
  }

  /** An open document's index entry changed (see DiagnosticsScheduler): re-check the others. */
  documentIndexChanged(uri: string): void {
    this.revalidateOthers(uri);
  }

  documentClosed(uri: string): void {
    const path = uriToPath(uri);
    this.state.index.remove(uri);
    if (this.indexDiskFile(path)) this.revalidateOthers(uri);
  }

  filesChanged(changes: FileEvent[]): void {
    let changed = false;
    for (const c of changes) {
      const path = uriToPath(c.uri);
      if (c.type === FileChangeType.Deleted) changed = this.state.index.remove(c.uri) || changed;
      else changed = this.indexDiskFile(path) || changed;
    }
    if (changed) this.revalidateOthers();
  }

  revalidateOthers(except?: string): void {
    if (this.revalidateTimer) clearTimeout(this.revalidateTimer);
    this.revalidateTimer = setTimeout(() => this.diagnostics.validateAll(except), 150);
  }
}
