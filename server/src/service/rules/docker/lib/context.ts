// The build context around a Dockerfile: its .dockerignore (the Dockerfile's own
// `<name>.dockerignore` first, then `.dockerignore` in its folder or a parent folder up to the
// workspace root, since a build is often run from a parent folder).
import ignore, { type Ignore } from 'ignore';
import type { WorkspaceContext } from '../../../types';

export interface DockerIgnore {
  path: string;
  /** the folder the patterns are relative to (the build context) */
  dir: string;
  matcher: Ignore;
}

/** Whether the document is a file on disk whose folder we can look at (not an untitled buffer). */
export function onDisk(uri: string): boolean {
  return uri.startsWith('file:');
}

export function dockerignoreFor(dockerfilePath: string, workspace: WorkspaceContext): DockerIgnore | undefined {
  const file = dockerfilePath.replace(/\\/g, '/');
  const slash = file.lastIndexOf('/');
  let dir = file.slice(0, slash);
  const own = `${file}.dockerignore`;
  const read = (p: string): string | undefined => {
    try {
      return workspace.fs.readFile(p);
    } catch {
      return undefined;
    }
  };
  const ownText = read(own);
  if (ownText !== undefined) return make(own, dir, ownText);
  const roots = (workspace.roots ?? []).map((r) => r.replace(/\\/g, '/').replace(/\/+$/, ''));
  const root = roots.filter((r) => file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
  for (let guard = 0; guard < 32; guard++) {
    for (const name of ['.dockerignore', '.containerignore']) {
      const p = `${dir}/${name}`;
      const text = read(p);
      if (text !== undefined) return make(p, dir, text);
    }
    if (root === undefined || dir === root || dir.length <= root.length) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return undefined;
}

function make(path: string, dir: string, text: string): DockerIgnore {
  const matcher = ignore({ allowRelativePaths: true });
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    // .dockerignore patterns are anchored at the context root, unlike .gitignore's
    const neg = line.startsWith('!');
    let pat = neg ? line.slice(1) : line;
    pat = pat.replace(/^\.\//, '');
    if (!pat.startsWith('/') && !pat.startsWith('**')) pat = `/${pat}`;
    try {
      matcher.add(neg ? `!${pat}` : pat);
    } catch {
      /* a pattern ignore cannot read: skip it */
    }
  }
  return { path, dir, matcher };
}

/** Whether a literal COPY source (relative to the context) is excluded by the ignore file. */
export function isIgnored(ig: DockerIgnore, source: string): boolean {
  let p = source.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (!p || p === '.' || p.startsWith('../') || /[*?[$]/.test(p)) return false;
  p = p.replace(/\/\.\//g, '/');
  try {
    return ig.matcher.ignores(p) || ig.matcher.ignores(`${p}/`);
  } catch {
    return false;
  }
}
