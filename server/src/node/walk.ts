// Walking folders for infra files (the server's workspace index and the CLI): skips dependency and
// VCS folders, and what the root's .gitignore excludes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isDockerfileName } from '../service/documents/classify';

export const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.terraform', '.cache', '.idea']);
export const MAX_FILES = 20000;

export function isInfraCandidate(name: string): boolean {
  return /\.(ya?ml|ini|cfg)$/i.test(name) || isDockerfileName(name) || /^(hosts|inventory|\.dockerignore)$/i.test(name) || /\.dockerignore$/i.test(name);
}

function gitignoreOf(root: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(root, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Candidate files under a folder (or the file itself). Inventory folders are walked whole, since
 * INI inventories often have no extension.
 */
export function* walk(root: string, options: { all?: boolean } = {}): Generator<string> {
  let st;
  try {
    st = statSync(root);
  } catch {
    return;
  }
  if (st.isFile()) {
    yield root;
    return;
  }
  const gi = gitignoreOf(root);
  const stack: { dir: string; inInventory: boolean }[] = [{ dir: root, inInventory: false }];
  let count = 0;
  while (stack.length) {
    const { dir, inInventory } = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir).sort().reverse();
    } catch {
      continue;
    }
    for (const name of names) {
      const p = join(dir, name);
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      const rel = relative(root, p).split(sep).join('/');
      if (s.isDirectory()) {
        if (SKIP_DIRS.has(name)) continue;
        if (gi?.ignores(`${rel}/`)) continue;
        stack.push({ dir: p, inInventory: inInventory || /^inventor(y|ies)$/i.test(name) });
      } else if (s.isFile() && (options.all || inInventory || isInfraCandidate(name))) {
        if (gi?.ignores(rel)) continue;
        if (++count > MAX_FILES) return;
        yield p;
      }
    }
  }
}
