// The Dockerfile model: dockerfile-ast's parse, once per document version.
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import type { InfraDocument } from '../../documents/document';

export function dockerfileModel(doc: InfraDocument): Dockerfile {
  return doc.cached('dockerfile', () => DockerfileParser.parse(doc.content));
}
