// DC021 — `build.context` folder that does not exist beside the compose file, or `build.dockerfile`
// that does not exist in the build context. The message names the folder actually looked in.
import type { Rule } from '../types';
import { buildInfo } from '../../languages/compose/files';
import { composeProject, range } from './util';

/** `a/b/../c/./d` → `a/c/d`, keeping leading `..` and a leading `/`; `.` when nothing is left. */
function normalise(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !abs) out.push(part);
  }
  const joined = out.join('/');
  return abs ? `/${joined}` : joined || '.';
}

function dirname(path: string): string {
  const k = path.replace(/\/+$/, '').lastIndexOf('/');
  return k < 0 ? '.' : k === 0 ? '/' : path.slice(0, k);
}

/** The folder a path was looked for in, as written relative to the compose file. */
function folderOf(context: string, dockerfile?: string): string {
  if (dockerfile === undefined) return normalise(dirname(context));
  if (dockerfile.startsWith('/')) return normalise(dirname(dockerfile));
  return normalise(`${context}/${dirname(dockerfile)}`);
}

/** An absolute path outside every workspace folder names a folder on the machine that runs Compose (a CI
 *  checkout such as `context: /tmp/build`), which the editor cannot see. */
function outsideWorkspace(path: string, roots: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/');
  if (!/^(\/|[A-Za-z]:\/)/.test(p)) return false;
  return !roots.some((r) => {
    const root = r.replace(/\\/g, '/').replace(/\/+$/, '');
    return p === root || p.startsWith(`${root}/`);
  });
}

export const rule: Rule = {
  id: 'DC021',
  kinds: ['compose'],
  check(ctx) {
    const fs = ctx.workspace?.fs;
    if (!fs) return;
    const p = composeProject(ctx);
    for (const svc of p.services.values()) {
      const b = buildInfo(svc);
      if (!b || b.remote || !b.layer.self || !b.contextPath) continue;
      if (outsideWorkspace(b.context, ctx.workspace?.roots ?? [])) continue;
      if (!fs.isDirectory(b.contextPath)) {
        if (b.contextNode) ctx.report({ range: range(b.layer.doc, b.contextNode), args: { what: 'context', path: b.context, folder: folderOf(b.context) } });
        continue;
      }
      if (b.dockerfileNode && b.dockerfilePath && !fs.exists(b.dockerfilePath)) {
        ctx.report({ range: range(b.layer.doc, b.dockerfileNode), args: { what: 'dockerfile', path: b.dockerfile, folder: folderOf(b.context, b.dockerfile) } });
      }
    }
  },
};
