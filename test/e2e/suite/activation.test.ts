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

  test('exports report activationMs and serverReadyMs (logged, no timing limits)', async () => {
    const ext = vscode.extensions.getExtension<{ activationMs: unknown; serverReadyMs: unknown }>(id);
    assert.ok(ext);
    // isActive turns true when activate() resolved, i.e. after the server answered initialize.
    const api = await poll(() => (ext.isActive ? ext.exports : undefined), () => `${id} is not active`);
    console.log(`      activationMs = ${JSON.stringify(api?.activationMs)}, serverReadyMs = ${JSON.stringify(api?.serverReadyMs)}`);
    for (const key of ['activationMs', 'serverReadyMs'] as const) {
      const v = api?.[key];
      assert.ok(typeof v === 'number' && Number.isFinite(v) && v > 0, `${key} is not a positive number: ${JSON.stringify(v)}`);
    }
  });

  test('infraNotes.showNote runs with a fact id', async () => {
    await vscode.commands.executeCommand('infraNotes.showNote', 'DOCKER-07');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
