// infraNotes.language switches the knowledge base's language without a restart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CYRILLIC, hoverMarkdown, openFixture, poll, positionOf } from './helpers';

suite('Locale', () => {
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('infraNotes').update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  test('infraNotes.language = ru makes the Dockerfile FROM hover Russian', async () => {
    const doc = (await openFixture('Dockerfile')).document;
    const pos = positionOf(doc, 'FROM');
    let last = '';
    const en = await poll(
      async () => ((last = await hoverMarkdown(doc, pos)).includes('DOCKER-09') ? last : undefined),
      () => `no FROM hover naming DOCKER-09; last: ${JSON.stringify(last.slice(0, 300))}`,
    );
    assert.ok(!CYRILLIC.test(en), `the default (English) hover already has Cyrillic:\n${en}`);

    await vscode.workspace.getConfiguration('infraNotes').update('language', 'ru', vscode.ConfigurationTarget.Global);
    const ru = await poll(
      async () => {
        last = await hoverMarkdown(doc, pos);
        return CYRILLIC.test(last) ? last : undefined;
      },
      () => `FROM hover still not Russian after infraNotes.language=ru; last: ${JSON.stringify(last.slice(0, 300))}`,
      30_000,
    );
    assert.ok(ru.includes('DOCKER-09'), `the Russian hover lost the fact id:\n${ru}`);
  });
});
