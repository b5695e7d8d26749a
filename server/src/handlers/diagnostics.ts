// Push diagnostics: validate on open at once, on change after a short debounce; one pending
// validation per document; re-validate dependants when the workspace index changes.
//
// Validation runs rule by rule in slices of SLICE_MS, yielding to the event loop in between, so
// hovers and completions are answered while a big document is checked, and a run that a newer
// version of the document made stale is dropped. A document whose rules take longer than
// BUDGET_MS in total gets what was found so far, and the rest is skipped (logged once).
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ServerState } from '../state';

const CHANGE_DELAY_MS = 15;
export const SLICE_MS = 15;
export const BUDGET_MS = 4000;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** run counter per document: a newer run makes older ones stop at their next slice */
  private readonly runs = new Map<string, number>();
  private readonly overBudget = new Set<string>();
  private inFlight = 0;

  /** Validations pending or running: background work (the index scan) waits while there are any. */
  get busy(): boolean {
    return this.inFlight > 0 || this.timers.size > 0;
  }

  /** called when an open document's entry in the workspace index changed */
  onIndexChanged: (uri: string) => void = () => undefined;

  constructor(private readonly state: ServerState) {}

  schedule(uri: string, delay = CHANGE_DELAY_MS): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, delay));
  }

  async validate(uri: string): Promise<void> {
    this.inFlight++;
    try {
      await this.run(uri);
    } finally {
      this.inFlight--;
    }
  }

  private async run(uri: string): Promise<void> {
    const { state } = this;
    const doc = state.get(uri);
    if (!doc) return;
    const run = (this.runs.get(uri) ?? 0) + 1;
    this.runs.set(uri, run);
    const stale = () => this.runs.get(uri) !== run || state.documents.get(uri)?.version !== doc.version;
    try {
      if (doc.content.length <= state.settings.maxFileSize && state.index.updateDoc(doc)) this.onIndexChanged(uri);
    } catch (err) {
      state.log(`indexing ${uri} failed: ${String(err)}`);
    }
    let diagnostics: Diagnostic[] = [];
    try {
      const steps = state.service.validationSteps(doc, state.ctx);
      const start = performance.now();
      let sliceStart = start;
      for (;;) {
        const r = steps.next();
        if (r.done) {
          diagnostics = r.value;
          break;
        }
        const now = performance.now();
        if (now - start > BUDGET_MS) {
          if (!this.overBudget.has(uri)) {
            this.overBudget.add(uri);
            state.log(`validation of ${uri} stopped after ${Math.round(now - start)} ms (budget ${BUDGET_MS} ms) at rule ${r.value.rule}; later rules skipped`);
          }
          diagnostics = [...r.value.found];
          steps.return([]);
          break;
        }
        if (now - sliceStart > SLICE_MS) {
          await tick();
          if (stale()) return;
          sliceStart = performance.now();
        }
      }
    } catch (err) {
      state.log(`validation of ${uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      diagnostics = [];
    }
    if (stale()) return;
    void state.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /** All open documents, e.g. after a settings change or once the workspace index is built. */
  validateAll(): void {
    this.validateWhere(() => true);
  }

  /** The open documents a predicate selects (dependants of a changed file). */
  validateWhere(select: (uri: string) => boolean): void {
    for (const td of this.state.documents.all()) if (select(td.uri)) this.schedule(td.uri, CHANGE_DELAY_MS);
  }

  clear(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.runs.set(uri, (this.runs.get(uri) ?? 0) + 1);
    void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
