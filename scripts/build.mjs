#!/usr/bin/env node
// esbuild: the client (vscode external), the server and the CLI, each one bundle in dist/.
import { build } from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

/**
 * The `yaml` package reads `process.env.LOG_TOKENS` for every token it lexes and
 * `process.env.LOG_STREAM` for every top-level token it composes (its debug switches). An
 * environment read is a call into C++: ≈ 6 ms of a 5 000-line manifest's parse, and seconds on a
 * broken templated file that lexes into millions of tokens. And were either variable set in the
 * user's environment, the parser would print to stdout — the server's LSP channel. The bundles
 * fold both switches to `false`; the build fails if the `yaml` source no longer has them.
 */
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const out = src.replace(/\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g, 'false');
      if (out === src) throw new Error(`${args.path}: the yaml debug switch to fold was not found (yaml changed?)`);
      return { contents: out, loader: 'js' };
    });
  },
};

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [yamlDebugSwitchesOff],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);
console.log(`build: dist/client.js, dist/server.js, dist/cli.js${production ? ' (production)' : ''}`);
