// Runs last (see ORDER in index.ts): the language server is killed and the client must restart it
// (errorHandler in client/src/extension.ts: up to 4 restarts), after which hovers work again.
// Only THIS run's server is touched: the child of this extension host whose command line runs
// dist/server.js (the extension host is this very process).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { hoverMarkdown, openFixture, poll, positionOf } from './helpers';

function serverPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out.split('\n').flatMap((line) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m || Number(m[2]) !== process.pid || !/dist\/server\.js\b/.test(m[3])) return [];
    return [Number(m[1])];
  });
}

suite('Resilience', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('after the language server is killed, the client restarts it and hovers work again', async () => {
    const doc = (await openFixture('k8s/deployment.yaml')).document;
    const pos = positionOf(doc, 'kind:');
    let last = '';
    const hasHover = async () => ((last = await hoverMarkdown(doc, pos)).includes('K8S-01') ? true : undefined);
    await poll(hasHover, () => `no kind: hover before the kill; last: ${JSON.stringify(last.slice(0, 200))}`);

    const before = serverPids();
    assert.equal(before.length, 1, `expected one dist/server.js child of the extension host (pid ${process.pid}), found ${JSON.stringify(before)}`);
    console.log(`      killing the language server, pid ${before[0]} (extension host ${process.pid})`);
    process.kill(before[0], 'SIGKILL');
    await poll(() => (serverPids().includes(before[0]) ? undefined : true), () => `pid ${before[0]} still alive`, 10_000);

    const t0 = Date.now();
    const after = await poll(
      () => { const p = serverPids().filter((x) => x !== before[0]); return p.length ? p : undefined; },
      () => 'no new dist/server.js process after the kill',
      60_000,
    );
    await poll(hasHover, () => `no kind: hover after the restart; last: ${JSON.stringify(last.slice(0, 200))}`, 60_000);
    console.log(`      new server pid ${after[0]}; hovers back after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
});
