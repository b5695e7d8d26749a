// Splits an image reference into registry, repository, tag and digest (DOCKER-11).
export interface ImageRef {
  registry: string;
  /** true when the registry is implied (Docker Hub) */
  defaultRegistry: boolean;
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(ref: string): ImageRef | undefined {
  const s = ref.trim();
  if (!s || /\s/.test(s) || s.includes('{{') || s.includes('$')) return undefined;
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0];
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let repository = hasRegistry ? rest.slice(first.length + 1) : rest;
  if (!hasRegistry && !repository.includes('/')) repository = `library/${repository}`;
  if (!repository) return undefined;
  return { registry, defaultRegistry: !hasRegistry, repository, tag, digest };
}
