// Push diagnostics: validate on open at once, on change after a short debounce; one pending
// validation per document; re-validate dependants when the workspace index changes.
import type { ServerState } from '../state';

const CHANGE_DELAY_MS = 30;

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** called when an open document's entry in the workspace index changed */
  onIndexChanged: (uri: string) => void = () => undefined;

  constructor(private readonly state: ServerState) {}

  schedule(uri: string, delay = CHANGE_DELAY_MS): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.validate(uri);
    }, delay));
  }

  validate(uri: string): void {
    const { state } = this;
    const doc = state.get(uri);
    if (!doc) return;
    try {
      if (doc.content.length <= state.settings.maxFileSize && state.index.updateDoc(doc)) this.onIndexChanged(uri);
    } catch (err) {
      state.log(`indexing ${uri} failed: ${String(err)}`);
    }
    let diagnostics: import('vscode-languageserver/node').Diagnostic[];
    try {
      diagnostics = state.service.doValidation(doc, state.ctx);
    } catch (err) {
      state.log(`validation of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      diagnostics = [];
    }
    void state.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /** All open documents, e.g. after a settings change or a workspace index change. */
  validateAll(except?: string): void {
    for (const td of this.state.documents.all()) if (td.uri !== except) this.schedule(td.uri, CHANGE_DELAY_MS);
  }

  clear(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
