// The walkthrough's sample files: written into a fresh temporary folder (never over the user's
// files) from the server's knowledge base, in the current language, then opened.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type SamplesResult } from '../../server/src/protocol';

const FOLDER_KEY = 'infraNotes.samplesFolder';

async function ensureSamples(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): Promise<string | undefined> {
  const existing = context.globalState.get<string>(FOLDER_KEY);
  if (existing) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.file(join(existing, 'Dockerfile')));
      return existing;
    } catch {
      // gone (temp folders are cleaned): write a new one
    }
  }
  const c = client();
  if (!c) return undefined;
  const res = await c.sendRequest<SamplesResult>(Requests.samples, {});
  const folder = mkdtempSync(join(tmpdir(), 'infra-notes-samples-'));
  for (const f of res.files) {
    const target = join(folder, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.content, { flag: 'wx' });
  }
  await context.globalState.update(FOLDER_KEY, folder);
  return folder;
}

export async function createSamples(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): Promise<void> {
  await context.globalState.update(FOLDER_KEY, undefined);
  await openSample(context, client, 'Dockerfile');
}

export async function openSample(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, name: string): Promise<void> {
  const folder = await ensureSamples(context, client);
  if (!folder) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(folder, name)));
  await vscode.window.showTextDocument(doc, { preview: false });
}
