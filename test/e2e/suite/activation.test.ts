import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from './expectations';
import { openFixture, poll } from './helpers';

suite('Activation', () => {
  const id = process.env.INFRA_NOTES_EXTENSION_ID ?? 'infra-notes.infra-notes';

  test(`${id} activates on a Dockerfile and registers its commands`, async () => {
    const ext = vscode.extensions.getExtension(id);
    assert.ok(ext, `extension ${id} is not loaded (extensionDevelopmentPath wrong?)`);
    await openFixture('Dockerfile');
    await poll(() => ext.isActive || undefined, () => `${id} did not activate after opening Dockerfile`);
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(COMMANDS.filter((c) => !all.has(c)), [], 'commands missing');
  });

  test('infraNotes.showNote runs with a fact id', async () => {
    await vscode.commands.executeCommand('infraNotes.showNote', 'DOCKER-07');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
