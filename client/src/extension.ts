// The VS Code client: starts the language server, wires settings, commands, the status bar and
// the notes browser. It never decides a file's kind itself — the server does.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, TransportKind,
  type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import {
  Notifications, Requests, SECTION,
  type DescribeResult, type ExplainResult, type InitializationOptions, type NotesCatalogue, type RawSettings,
} from '../../server/src/protocol';
import { NotesPanel } from './notesPanel';
import { createSamples, openSample } from './samples';

const KIND_OVERRIDES_KEY = 'infraNotes.kindOverrides';
const MAX_RESTARTS = 4;

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;

export const DOCUMENT_SELECTOR = [
  { language: 'dockerfile' },
  { language: 'dockercompose' },
  { language: 'yaml' },
  { language: 'ansible' },
  { language: 'ini' },
  { language: 'ignore' },
  { language: 'dockerignore' },
  { language: 'properties', pattern: '**/ansible.cfg' },
  { pattern: '**/{.dockerignore,*.dockerignore,ansible.cfg,hosts,inventory,inventory.ini,hosts.ini}' },
  { pattern: '**/{inventory,inventories}/**' },
].flatMap((s) => [{ scheme: 'file', ...s }, { scheme: 'untitled', ...s }]);

function settings(): RawSettings {
  return vscode.workspace.getConfiguration().get<RawSettings>(SECTION) ?? {};
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = {
    settings: settings(),
    displayLanguage: vscode.env.language,
    kindOverrides: context.workspaceState.get<Record<string, string>>(KIND_OVERRIDES_KEY, {}),
    trusted: vscode.workspace.isTrusted,
  };
  let restarts = 0;
  let told = false;
  const errorHandler: ErrorHandler = {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      restarts++;
      if (restarts <= MAX_RESTARTS) {
        if (!told) {
          told = true;
          void vscode.window.showWarningMessage(vscode.l10n.t('The Infra Notes server stopped unexpectedly and was restarted. See the output channel for details.'));
        }
        output.appendLine(`[client] server connection closed; restart ${restarts}/${MAX_RESTARTS}`);
        return { action: CloseAction.Restart };
      }
      void vscode.window.showErrorMessage(vscode.l10n.t('The Infra Notes server stopped {0} times and will not be restarted. Run "Infra Notes: Restart Server" after checking the output.', String(restarts)));
      return { action: CloseAction.DoNotRestart };
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions,
    markdown: { isTrusted: { enabledCommands: ['infraNotes.showNote'] }, supportHtml: false },
    middleware: {
      // Living beside other extensions: the user may let them answer hovers for their languages.
      provideHover: (document, position, token, next) => (deferHover(document.languageId) ? undefined : next(document, position, token)),
    },
    synchronize: {
      configurationSection: SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.yml,*.yaml,*.ini,*.cfg,Dockerfile*,*.dockerfile,Containerfile*,.dockerignore,hosts,inventory}'),
    },
    errorHandler,
  };
  return new LanguageClient('infraNotes', 'Infra Notes', serverOptions, clientOptions);
}

/** Extensions that also answer hovers, per language id. */
const OTHER_HOVER_PROVIDERS: Record<string, string[]> = {
  dockerfile: ['ms-azuretools.vscode-docker', 'docker.docker'],
  dockercompose: ['ms-azuretools.vscode-docker', 'docker.docker', 'redhat.vscode-yaml'],
  yaml: ['redhat.vscode-yaml'],
  ansible: ['redhat.ansible'],
};

function deferHover(languageId: string): boolean {
  const mode = vscode.workspace.getConfiguration(SECTION).get<string>('hover.otherExtensions', 'both');
  if (mode !== 'others') return false;
  return (OTHER_HOVER_PROVIDERS[languageId] ?? []).some((id) => vscode.extensions.getExtension(id) !== undefined);
}

async function pickFact(): Promise<string | undefined> {
  const catalogue = await client?.sendRequest<NotesCatalogue | null>(Requests.notes, {});
  if (!catalogue) return undefined;
  const items = catalogue.topics.flatMap((t) => t.facts.map((f) => ({ label: f.id, description: f.title, detail: t.title })));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which fact of the notes?'), matchOnDescription: true, matchOnDetail: true });
  return picked?.label;
}

async function updateStatus(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    statusItem.hide();
    return;
  }
  try {
    const res = await client.sendRequest<DescribeResult | null>(Requests.describe, { uri: editor.document.uri.toString() });
    if (!res || (res.kind === 'unknown' && res.reason !== 'override')) {
      statusItem.hide();
      return;
    }
    statusItem.text = `$(book) ${res.label}`;
    statusItem.tooltip = vscode.l10n.t('Infra Notes: detected file kind — click to change it for this file');
    statusItem.show();
  } catch {
    statusItem.hide();
  }
}

async function pickKind(context: vscode.ExtensionContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return;
  const kinds = await client.sendRequest<string[]>(Requests.fileKinds);
  const auto = vscode.l10n.t('Detect automatically');
  const choice = await vscode.window.showQuickPick([auto, ...kinds], { placeHolder: vscode.l10n.t('File kind for Infra Notes') });
  if (!choice) return;
  const uri = editor.document.uri.toString();
  const overrides = { ...context.workspaceState.get<Record<string, string>>(KIND_OVERRIDES_KEY, {}) };
  if (choice === auto) delete overrides[uri];
  else overrides[uri] = choice;
  await context.workspaceState.update(KIND_OVERRIDES_KEY, overrides);
  await client.sendNotification(Notifications.setKind, { uri, kind: choice === auto ? null : choice });
  await updateStatus();
}

async function explainFile(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) return;
  const res = await client.sendRequest<ExplainResult | null>(Requests.explain, { uri: editor.document.uri.toString() });
  if (!res) return;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: res.markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

/** What activate() returns (the extension's exports): timings for tests and the curious. */
export interface InfraNotesApi {
  /** milliseconds spent in activate() before the server was asked to start */
  activationMs: number;
  /** milliseconds until the server answered initialize */
  serverReadyMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<InfraNotesApi> {
  const t0 = performance.now();
  output = vscode.window.createOutputChannel('Infra Notes', { log: true });
  statusItem = vscode.window.createStatusBarItem('infraNotes.kind', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'Infra Notes';
  statusItem.command = 'infraNotes.setFileKind';
  context.subscriptions.push(output, statusItem);

  client = createClient(context);
  const notes = new NotesPanel(context, () => client);

  context.subscriptions.push(
    vscode.commands.registerCommand('infraNotes.openNotes', () => notes.show()),
    vscode.commands.registerCommand('infraNotes.showNote', async (factId?: string) => {
      const id = typeof factId === 'string' ? factId : await pickFact();
      if (id) await notes.show(id);
    }),
    vscode.commands.registerCommand('infraNotes.createSamples', () => createSamples(context, () => client)),
    vscode.commands.registerCommand('infraNotes.openSample', (name?: string) => openSample(context, () => client, typeof name === 'string' ? name : 'Dockerfile')),
    vscode.commands.registerCommand('infraNotes.explainFile', explainFile),
    vscode.commands.registerCommand('infraNotes.setFileKind', () => pickKind(context)),
    vscode.commands.registerCommand('infraNotes.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('infraNotes.restartServer', async () => {
      await client?.restart();
      await updateStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(Notifications.setTrust, { trusted: true })),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) {
        void client?.sendNotification('workspace/didChangeConfiguration', { settings: { [SECTION]: settings() } });
        notes.refresh();
        void updateStatus();
      }
    }),
  );

  const activationMs = performance.now() - t0;
  await client.start();
  const serverReadyMs = performance.now() - t0;
  output.info(`activated in ${activationMs.toFixed(1)} ms; server ready after ${serverReadyMs.toFixed(0)} ms`);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await updateStatus();
  return { activationMs, serverReadyMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
