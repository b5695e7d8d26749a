// Document symbols (one per object, `Kind/name`, with its top-level fields) and the status-bar
// description.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { entries, rangeOf, type Node } from '../../yaml/model';
import { objects } from './model';

export function symbols(doc: InfraDocument): DocumentSymbol[] {
  return objects(doc).map((o) => {
    const range = doc.rangeOf(o.start, o.end);
    const children: DocumentSymbol[] = entries(o.root).map(({ key, pair }) => {
      const r = rangeOf(doc, ((pair.value as Node) ?? pair.key) as Node);
      const kr = rangeOf(doc, pair.key as Node);
      return { name: key, kind: SymbolKind.Field, range: { start: kr.start, end: r.end }, selectionRange: kr };
    });
    return {
      name: `${o.kind}/${o.name ?? '?'}`,
      detail: o.apiVersion + (o.namespace ? ` · ${o.namespace}` : ''),
      kind: SymbolKind.Class,
      range,
      selectionRange: children.find((c) => c.name === 'kind')?.selectionRange ?? range,
      children,
    };
  });
}

export function describe(doc: InfraDocument): string | undefined {
  const kinds = [...new Set((doc.classification.k8s ?? []).map((d) => d.kind))];
  return kinds.length ? kinds.join(', ') : undefined;
}
