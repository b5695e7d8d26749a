// Files a Compose service points at (build context, Dockerfile, env files), resolved beside the
// compose file and read through the injected FileReader.
import { isMap, isScalar, type Node } from 'yaml';
import type { FileReader } from '../../types';
import { dirOf, joinPath, serviceValue, str, valueIn, type Layer, type Service } from './model';

export interface BuildInfo {
  layer: Layer;
  /** the context node (string form: the build value itself) */
  contextNode?: Node;
  context: string;
  contextPath?: string;
  dockerfileNode?: Node;
  dockerfile: string;
  dockerfilePath?: string;
  targetNode?: Node;
  target?: string;
  /** the context or Dockerfile is remote, inline or interpolated: nothing to check on disk */
  remote: boolean;
  /** `dockerfile_inline` text */
  inline?: string;
}

const REMOTE = /^(https?:\/\/|git@|git:\/\/|github\.com\/|ssh:\/\/|docker-image:\/\/|oci-layout:\/\/)/;

export function buildInfo(svc: Service): BuildInfo | undefined {
  const b = serviceValue(svc, 'build');
  if (!b) return undefined;
  const y = b.layer.ydoc;
  const v = b.value;
  let contextNode: Node | undefined;
  let dockerfileNode: Node | undefined;
  let targetNode: Node | undefined;
  let inline = false;
  let inlineText: string | undefined;
  if (isScalar(v)) contextNode = v as Node;
  else if (isMap(v)) {
    contextNode = valueIn(y, v, 'context') as Node | undefined;
    dockerfileNode = valueIn(y, v, 'dockerfile') as Node | undefined;
    targetNode = valueIn(y, v, 'target') as Node | undefined;
    inlineText = str(valueIn(y, v, 'dockerfile_inline'));
    inline = valueIn(y, v, 'dockerfile_inline') !== undefined;
  } else return undefined;
  const context = str(contextNode) ?? '.';
  const dockerfile = str(dockerfileNode) ?? 'Dockerfile';
  const remote = REMOTE.test(context) || context.includes('$') || dockerfile.includes('$');
  const dir = dirOf(b.layer.doc.path);
  const contextPath = remote ? undefined : joinPath(dir, context);
  const dockerfilePath = remote || inline || !contextPath ? undefined : joinPath(contextPath, dockerfile);
  return {
    layer: b.layer, contextNode, context, contextPath, dockerfileNode, dockerfile, dockerfilePath,
    targetNode, target: str(targetNode), remote: remote || inline, inline: inlineText,
  };
}

/** Stage names of a Dockerfile (`FROM image AS name`), by a light scan. */
export function dockerfileStages(text: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*\S+[ \t]+AS[ \t]+([A-Za-z0-9_.-]+)/gim;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]);
  return out;
}

export function dockerfileHasHealthcheck(text: string): boolean {
  return /^[ \t]*HEALTHCHECK[ \t]+(?!NONE\b)/im.test(text);
}

export function readText(fs: FileReader | undefined, path: string | undefined): string | undefined {
  if (!fs || !path) return undefined;
  try {
    return fs.readFile(path);
  } catch {
    return undefined;
  }
}

