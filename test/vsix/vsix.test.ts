// The packaged .vsix holds only what the extension needs at run time (the .vscodeignore allowlist).
// Run after `npm run package`; INFRA_NOTES_VSIX names the file (default: infra-notes-<version>.vsix).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yauzl from 'yauzl';
import pkg from '../../package.json';

const root = join(__dirname, '..', '..');
const vsix = process.env.INFRA_NOTES_VSIX ?? join(root, `infra-notes-${pkg.version}.vsix`);

function entries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const ALLOWED = [
  /^extension\/dist\/(client|server|cli)\.js$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/l10n\/bundle\.l10n\.[a-z-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/(readme|README)\.md$/i,
  /^extension\/(LICENSE|LICENSE\.txt|license\.txt)$/,
  /^extension\/(CHANGELOG|changelog)\.md$/i,
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
];

describe('vsix contents', () => {
  it('exists (npm run package)', () => assert.ok(existsSync(vsix), `${vsix} is missing: run npm run package`));

  it('holds only the bundles, manifest, nls files, snippets, syntaxes, README, LICENSE, CHANGELOG and icon', async () => {
    const names = await entries(vsix);
    const unexpected = names.filter((n) => !n.endsWith('/') && !ALLOWED.some((re) => re.test(n)));
    assert.deepEqual(unexpected, []);
    const lower = names.map((n) => n.toLowerCase());
    for (const must of ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/package.json', 'extension/package.nls.json', 'extension/package.nls.ru.json', 'extension/readme.md', 'extension/license', 'extension/changelog.md']) {
      assert.ok(lower.some((n) => n === must || n === `${must}.txt`), `${must} missing from the vsix`);
    }
    assert.ok(!names.some((n) => n.includes('node_modules')), 'no node_modules in the vsix');
    assert.ok(!names.some((n) => n.endsWith('.map')), 'no source maps in the vsix');
  });
});
