// infraNotes.language switches the knowledge base's language without a restart, for the Dockerfile
// and for a YAML family (Kubernetes), and back to English.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CYRILLIC, hoverMarkdown, openFixture, poll, positionOf } from './helpers';

const setLanguage = (value: string | undefined) =>
  vscode.workspace.getConfiguration('infraNotes').update('language', value, vscode.ConfigurationTarget.Global);

async function hoverUntil(doc: vscode.TextDocument, pos: vscode.Position, ok: (md: string) => boolean, what: string, timeoutMs?: number) {
  let last = '';
  return poll(
    async () => (ok((last = await hoverMarkdown(doc, pos))) ? last : undefined),
    () => `${what} at ${doc.uri.path}:${pos.line + 1}:${pos.character + 1}; last hover: ${JSON.stringify(last.slice(0, 300))}`,
    timeoutMs,
  );
}

suite('Locale', () => {
  suiteTeardown(async () => {
    await setLanguage(undefined);
  });

  test('infraNotes.language = ru makes the Dockerfile FROM hover Russian', async () => {
    const doc = (await openFixture('Dockerfile')).document;
    const pos = positionOf(doc, 'FROM');
    const en = await hoverUntil(doc, pos, (md) => md.includes('DOCKER-09'), 'no FROM hover naming DOCKER-09');
    assert.ok(!CYRILLIC.test(en), `the default (English) hover already has Cyrillic:\n${en}`);

    await setLanguage('ru');
    const ru = await hoverUntil(doc, pos, (md) => CYRILLIC.test(md), 'FROM hover still not Russian after infraNotes.language=ru', 30_000);
    assert.ok(ru.includes('DOCKER-09'), `the Russian hover lost the fact id:\n${ru}`);
  });

  test('Kubernetes `resources` hover is Russian under ru and English again under en', async () => {
    await setLanguage('ru');
    const doc = (await openFixture('k8s/deployment.yaml')).document;
    const pos = positionOf(doc, 'resources:', 2);
    const ru = await hoverUntil(doc, pos, (md) => CYRILLIC.test(md) && md.includes('K8S-09'), 'no Russian resources hover naming K8S-09', 30_000);
    console.log(`      ru: ${JSON.stringify(ru.split('\n').find((l) => CYRILLIC.test(l))?.slice(0, 100))}`);

    await setLanguage('en');
    const en = await hoverUntil(doc, pos, (md) => !CYRILLIC.test(md) && md.includes('QoS class'), 'resources hover not English again after infraNotes.language=en', 30_000);
    assert.match(en, /QoS class of this pod: Burstable/);
  });
});
