// The DF007 quick fix, as the lightbulb would run it: code action from the provider, edit applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, openFixture, ours, poll } from './helpers';

suite('Dockerfile quick fix', () => {
  suiteTeardown(async () => {
    // Leave the fixture as found: drop the unsaved edit (files.autoSave is off in the test profile).
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('DF007 "Replace ADD with COPY" turns ADD into COPY and the warning goes away', async () => {
    const doc = (await openFixture('Dockerfile')).document;
    const diag = await poll(
      () => ours(doc.uri).find((d) => codeOf(d) === 'DF007'),
      () => `no DF007 on Dockerfile; diagnostics: ${describeDiagnostics(doc.uri)}`,
    );
    const line = diag.range.start.line;
    assert.equal(doc.lineAt(line).text, 'ADD app.py /app/');

    let titles: string[] = [];
    const fix = await poll(
      async () => {
        const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider', doc.uri, diag.range, undefined, 10,
        );
        const actions = (items ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
        titles = actions.map((a) => a.title);
        return actions.find(
          (a) => a.edit && (a.isPreferred || /COPY/.test(a.title)) && !/suppress|ignore|disable/i.test(a.title),
        );
      },
      () => `no "Replace ADD with COPY" quick fix for DF007; actions: ${JSON.stringify(titles)}`,
    );
    assert.match(fix.title, /COPY/, `fix title: ${fix.title}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'workspace.applyEdit refused the fix');
    assert.equal(doc.lineAt(line).text, 'COPY app.py /app/');

    await poll(
      () => (ours(doc.uri).some((d) => codeOf(d) === 'DF007') ? undefined : true),
      () => `DF007 still reported after the fix; diagnostics: ${describeDiagnostics(doc.uri)}`,
      30_000,
    );
  });
});
