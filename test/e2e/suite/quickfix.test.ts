// Quick fixes as the lightbulb runs them: the code action comes from the provider for the
// diagnostic's range, its edit is applied, and the changed lines must read exactly as expected.
// One case per family; every edit is reverted afterwards (files.autoSave is off in the test profile).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, openFixture, ours, poll } from './helpers';

interface FixCase {
  family: string;
  file: string;
  code: string;
  /** the text of the diagnostic's first line before the fix */
  before: string;
  /** the fix to pick, by title */
  title: RegExp;
  /** the document's full text after the fix, as a function of the text before */
  after: (text: string) => string;
  /** the exact text of the changed line afterwards (at the diagnostic's line), or undefined if it was removed */
  changedLine?: string;
}

const CASES: FixCase[] = [
  {
    family: 'Dockerfile', file: 'Dockerfile', code: 'DF007', before: 'ADD app.py /app/', title: /COPY/,
    after: (t) => t.replace('ADD app.py /app/', 'COPY app.py /app/'), changedLine: 'COPY app.py /app/',
  },
  {
    family: 'Compose', file: 'compose.yaml', code: 'DC001', before: 'version: "3.8"', title: /version/,
    after: (t) => t.replace('version: "3.8"\n', ''), changedLine: 'services:',
  },
  {
    family: 'Ansible playbook', file: 'site.yml', code: 'AN007', before: '        state: latest', title: /present/,
    after: (t) => t.replace('state: latest', 'state: present'), changedLine: '        state: present',
  },
  {
    family: 'Kubernetes', file: 'k8s/worker.yaml', code: 'K8S001', before: '      imagePullpolicy: IfNotPresent', title: /imagePullPolicy/,
    after: (t) => t.replace('imagePullpolicy:', 'imagePullPolicy:'), changedLine: '      imagePullPolicy: IfNotPresent',
  },
];

suite('Quick fixes', () => {
  const touched: vscode.TextDocument[] = [];
  suiteTeardown(async () => {
    for (const doc of touched) {
      if (!doc.isDirty) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const c of CASES) {
    test(`${c.family}: ${c.code} fix on ${c.file} changes the line as expected and the diagnostic goes away`, async () => {
      const doc = (await openFixture(c.file)).document;
      touched.push(doc);
      const diag = await poll(
        () => ours(doc.uri).find((d) => codeOf(d) === c.code),
        () => `no ${c.code} on ${c.file}; diagnostics: ${describeDiagnostics(doc.uri)}`,
      );
      const line = diag.range.start.line;
      assert.equal(doc.lineAt(line).text, c.before, `${c.code} is not on the expected line`);
      const original = doc.getText();

      let titles: string[] = [];
      const fix = await poll(
        async () => {
          const items = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value, 20,
          );
          const actions = (items ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
          titles = actions.map((a) => a.title);
          return actions.find((a) => a.edit && c.title.test(a.title) && !/suppress|ignore|disable/i.test(a.title));
        },
        () => `no quick fix matching ${c.title} for ${c.code}; actions: ${JSON.stringify(titles)}`,
      );
      console.log(`      fix: "${fix.title}"`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'workspace.applyEdit refused the fix');
      assert.equal(doc.getText(), c.after(original), `unexpected document after "${fix.title}"`);
      if (c.changedLine !== undefined) assert.equal(doc.lineAt(line).text, c.changedLine);

      await poll(
        () => (ours(doc.uri).some((d) => codeOf(d) === c.code) ? undefined : true),
        () => `${c.code} still reported after the fix; diagnostics: ${describeDiagnostics(doc.uri)}`,
        30_000,
      );
    });
  }
});
