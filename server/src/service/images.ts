// Image references — `[registry/]repository[:tag][@digest]` — read the way Docker reads them, with
// Docker Hub as the default registry (DOCKER-11). One implementation for Dockerfile FROM, Compose
// `image:` and Kubernetes `image:`.

export interface ImageRef {
  /** the raw text */
  raw: string;
  /** registry host; 'docker.io' when the name has none (Docker Hub, DOCKER-11) */
  registry: string;
  /** whether the registry was written explicitly */
  explicitRegistry: boolean;
  /** path inside the registry, with 'library/' for official Hub images (`library/nginx`) */
  repository: string;
  /** the name as written, without tag and digest (`nginx`, `ghcr.io/org/app`) */
  name: string;
  tag?: string;
  digest?: string;
  /** whether the reference contains variables ($X / ${X}) */
  templated: boolean;
}

/** Parse `[registry/]repo[:tag][@digest]` the way Docker does (docker/distribution's reference rules). */
export function parseImageRef(ref: string): ImageRef {
  const raw = ref.trim();
  let rest = raw;
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
  const name = rest;
  const first = rest.indexOf('/');
  let registry = 'docker.io';
  let explicitRegistry = false;
  let repository = rest;
  if (first >= 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost' || /[A-Z]/.test(head)) {
      registry = head;
      explicitRegistry = true;
      repository = rest.slice(first + 1);
    }
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/') && repository) repository = `library/${repository}`;
  return { raw, registry, explicitRegistry, repository, name, tag, digest, templated: /\$/.test(raw) };
}
