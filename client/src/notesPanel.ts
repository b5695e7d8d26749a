// The notes browser: every fact of the notes, grouped by topic, in the current language, in a
// webview that can jump to one fact. The server supplies the content (infraNotes/notes).
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type NotesCatalogue } from '../../server/src/protocol';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export class NotesPanel {
  private panel: vscode.WebviewPanel | undefined;
  private focus: string | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: () => LanguageClient | undefined) {}

  async show(factId?: string): Promise<void> {
    this.focus = factId;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('infraNotes.notes', vscode.l10n.t('Infra Notes — the notes'), vscode.ViewColumn.Beside, {
        enableScripts: true,
        enableFindWidget: true,
        retainContextWhenHidden: true,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.context.subscriptions);
      await this.render();
    } else {
      this.panel.reveal(undefined, true);
      await this.panel.webview.postMessage({ focus: factId });
    }
  }

  refresh(): void {
    if (this.panel) void this.render();
  }

  private async render(): Promise<void> {
    const c = this.client();
    if (!c || !this.panel) return;
    const catalogue = await c.sendRequest<NotesCatalogue | null>(Requests.notes, {});
    if (!catalogue || !this.panel) return;
    this.panel.webview.html = page(catalogue, this.focus, this.panel.webview.cspSource);
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function page(catalogue: NotesCatalogue, focus: string | undefined, cspSource: string): string {
  const nonce = Math.random().toString(36).slice(2);
  const toc = catalogue.topics
    .map((t) => `<li><a href="#${t.id}">${escapeHtml(t.title)}</a> <span class="count">${t.facts.length}</span></li>`)
    .join('');
  const sections = catalogue.topics
    .map((t) => `<section id="${t.id}"><h2>${escapeHtml(t.title)}</h2>${t.body ? md.render(t.body) : ''}${t.facts
      .map((f) => `<article id="${f.id}" class="fact"><h3><span class="id">${f.id}</span> ${escapeHtml(f.title)}</h3>${md.render(f.body)}${f.today ? `<div class="today">${md.render(f.today)}</div>` : ''}</article>`)
      .join('')}</section>`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 3em; line-height: 1.5; max-width: 60em; }
h2 { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: .2em; margin-top: 1.6em; }
.fact { padding: .4em .8em; margin: .6em 0; border-left: 3px solid transparent; }
.fact.focus { border-left-color: var(--vscode-focusBorder); background: var(--vscode-editor-inactiveSelectionBackground); }
.id { font-family: var(--vscode-editor-font-family); font-size: .85em; opacity: .8; margin-right: .4em; }
.today { border-left: 3px solid var(--vscode-editorWarning-foreground); padding-left: .8em; }
code { font-family: var(--vscode-editor-font-family); }
.count { opacity: .6; font-size: .85em; }
</style></head><body>
<ul class="toc">${toc}</ul>
${sections}
<script nonce="${nonce}">
function focusFact(id) {
  if (!id) return;
  document.querySelectorAll('.fact.focus').forEach(e => e.classList.remove('focus'));
  const el = document.getElementById(id);
  if (el) { el.classList.add('focus'); el.scrollIntoView({ block: 'start' }); }
}
window.addEventListener('message', e => focusFact(e.data && e.data.focus));
focusFact(${JSON.stringify(focus ?? '')});
</script></body></html>`;
}
