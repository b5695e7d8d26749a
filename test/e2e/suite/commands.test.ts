// The notes browser and "Explain This File", through their commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, poll } from './helpers';

const NOTES_TITLE = 'Infra Notes — the notes';

function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
}

suite('Commands', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test(`infraNotes.showNote "K8S-09" opens the webview tab "${NOTES_TITLE}"`, async () => {
    await openFixture('k8s/deployment.yaml');
    await vscode.commands.executeCommand('infraNotes.showNote', 'K8S-09');
    const tab = await poll(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === NOTES_TITLE),
      () => `no tab "${NOTES_TITLE}"; tabs: ${JSON.stringify(tabLabels())}`,
    );
    assert.ok(tab.input instanceof vscode.TabInputWebview, `the notes tab is not a webview: ${JSON.stringify(tab.input)}`);
    assert.match((tab.input as vscode.TabInputWebview).viewType, /infraNotes\.notes/);
    // A second fact reuses the same panel (no second tab).
    await vscode.commands.executeCommand('infraNotes.showNote', 'K8S-08');
    assert.equal(tabLabels().filter((l) => l === NOTES_TITLE).length, 1, `tabs: ${JSON.stringify(tabLabels())}`);
  });

  test('"Explain This File" on the Deployment opens markdown with its QoS class', async () => {
    const editor = await openFixture('k8s/deployment.yaml');
    const before = new Set(vscode.workspace.textDocuments);
    await vscode.commands.executeCommand('infraNotes.explainFile');
    const md = await poll(
      () => vscode.workspace.textDocuments.find((d) => !before.has(d) && d.languageId === 'markdown' && d.uri.scheme === 'untitled'),
      () => `no new untitled markdown document; documents: ${JSON.stringify(vscode.workspace.textDocuments.map((d) => `${d.uri.toString()} (${d.languageId})`))}`,
    );
    const text = md.getText();
    assert.match(text, /Deployment `web`/, `the explanation does not name the Deployment:\n${text}`);
    assert.match(text, /QoS class of this pod: Burstable/, `no QoS class in the explanation:\n${text}`);
    const preview = await poll(
      () => tabLabels().find((l) => /preview/i.test(l)),
      () => `no markdown preview tab; tabs: ${JSON.stringify(tabLabels())}`,
    );
    console.log(`      preview tab: ${JSON.stringify(preview)}; source ${editor.document.uri.path.split('/').pop()}`);
    // The untitled document is never dirty-saved: revert it so closing does not prompt.
    if (md.isDirty) {
      await vscode.window.showTextDocument(md);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
