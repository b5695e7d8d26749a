// Image references in manifests: the shared parser (../../images.ts), with templated values
// (Helm `{{ }}`, `$VAR`) and malformed text left alone.
import { parseImageRef } from '../../images';

export interface ImageRef {
  registry: string;
  /** true when the registry is implied (Docker Hub) */
  defaultRegistry: boolean;
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * A build tool's placeholder, not an image: `ko://knative.dev/serving/cmd/activator` (ko replaces
 * it with the built image's digest on `ko resolve` / `ko apply`).
 */
const BUILD_PLACEHOLDER = /^[a-z][a-z0-9+.-]*:\/\//i;

export function parseImage(ref: string): ImageRef | undefined {
  const s = ref.trim();
  if (!s || /\s/.test(s) || s.includes('{{') || BUILD_PLACEHOLDER.test(s)) return undefined;
  const p = parseImageRef(s);
  if (p.templated || !p.repository) return undefined;
  return { registry: p.registry, defaultRegistry: !p.explicitRegistry, repository: p.repository, tag: p.tag, digest: p.digest };
}
