// kube-linter's annotations as suppressions: `ignore-check.kube-linter.io/<check>: "reason"` on an
// object suppresses the matching rule (via seeAlso) over the object's lines;
// `kube-linter.io/ignore-all` suppresses every rule there.
import type { InfraDocument } from '../../documents/document';
import type { FileDirectives, Suppression } from '../../rules/types';
import { entries, get } from '../../yaml/model';
import { objects } from './model';

export function directives(doc: InfraDocument): FileDirectives {
  return doc.cached('k8s.directives', () => {
    const suppressions: Suppression[] = [];
    if (!doc.content.includes('kube-linter.io')) return { suppressions };
    for (const o of objects(doc)) {
      const line = doc.positionAt(o.start).line;
      const endLine = doc.positionAt(o.end).line;
      for (const { key } of entries(get(get(o.root, 'metadata'), 'annotations'))) {
        if (key === 'kube-linter.io/ignore-all') suppressions.push({ scope: 'lines', line, endLine, ids: '*', tool: 'kube-linter' });
        const m = /^ignore-check\.kube-linter\.io\/(.+)$/.exec(key);
        if (m) suppressions.push({ scope: 'lines', line, endLine, ids: [m[1]], tool: 'kube-linter' });
      }
    }
    return { suppressions };
  });
}
