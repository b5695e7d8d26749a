// Snippets as completion offers them: at an empty line of each fixture, the completion list must
// offer the snippet by its prefix, and inserting it must put the expected text into the document.
// Every family's snippets come from the language server, only in files of that kind (VS Code picks
// file snippets by the grammar under the cursor, which `yaml` and `dockercompose` share, so
// registering them in package.json lost or mixed them). Edits are reverted afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, poll } from './helpers';

interface SnippetCase {
  family: string;
  file: string;
  /** text appended to the file before completing; the cursor goes to its end */
  append: string;
  prefix: string;
  /** lines the document must contain afterwards (placeholders at their defaults) */
  expect: string[];
}

const CASES: SnippetCase[] = [
  {
    family: 'Dockerfile (server completion)', file: 'Dockerfile', append: '\n', prefix: 'healthcheck',
    expect: ['HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\', '    CMD curl -fsS http://localhost:8080/health || exit 1'],
  },
  {
    family: 'Compose (server, snippets/compose.json)', file: 'compose.yaml', append: '\n', prefix: 'volume-network',
    expect: ['volumes:', '  data:', '    driver: local', 'networks:', '  backend:', '    driver: bridge', '    internal: false'],
  },
  {
    family: 'Ansible (server, snippets/ansible.json)', file: 'site.yml', append: '\n    ', prefix: 'block',
    expect: ['    - name: Do something that may fail', '      block:', '        - name: Main step', '      rescue:', '      always:'],
  },
  {
    family: 'Kubernetes (server, snippets/kubernetes.json)', file: 'k8s/deployment.yaml', append: '---\n', prefix: 'k8s-service',
    expect: ['apiVersion: v1', 'kind: Service', '  name: app', '  type: ClusterIP', '      port: 80', '      targetPort: http'],
  },
];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('Snippets', () => {
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
    test(`${c.family}: completion offers "${c.prefix}" on ${c.file} and inserts it`, async function () {
      const editor = await openFixture(c.file);
      const doc = editor.document;
      touched.push(doc);
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, c.append)), 'could not append to the document');
      const pos = doc.lineAt(doc.lineCount - 1).range.end;
      assert.equal(doc.lineAt(pos.line).text.trim(), '', 'the completion line is not empty');
      console.log(`      language: ${doc.languageId}`);

      let labels: string[] = [];
      let kinds: string[] = [];
      const offered = async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider', doc.uri, pos, undefined, 500,
        );
        labels = (list?.items ?? []).map(labelOf);
        kinds = (list?.items ?? []).map((i) => `${labelOf(i)}:${i.kind === undefined ? '?' : vscode.CompletionItemKind[i.kind]}`);
        return list?.items ?? [];
      };
      const matches = (i: vscode.CompletionItem) => labelOf(i) === c.prefix && i.kind === vscode.CompletionItemKind.Snippet;
      const notOffered = () => `no snippet "${c.prefix}" offered at ${c.file}:${pos.line + 1}:${pos.character + 1} (${doc.languageId}); ${labels.length} items: ${JSON.stringify(kinds)}`;
      const item = await poll(async () => (await offered()).find(matches), notOffered);
      assert.ok(item);
      const body = item.insertText ?? labelOf(item);
      const snippet = typeof body === 'string' ? new vscode.SnippetString(body) : body;
      const r = item.range;
      const range = !r ? undefined : r instanceof vscode.Range ? r : r.replacing;
      editor.selection = new vscode.Selection(pos, pos);
      assert.ok(await editor.insertSnippet(snippet, range ?? pos), 'insertSnippet refused the snippet');
      await vscode.commands.executeCommand('leaveSnippet');
      const lines = doc.getText().split('\n');
      const missing = c.expect.filter((l) => !lines.includes(l));
      assert.deepEqual(missing, [], `lines missing after inserting "${c.prefix}":\n${doc.getText()}`);
    });
  }
});
