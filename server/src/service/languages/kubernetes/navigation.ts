// Go to definition (a referenced ConfigMap/Secret/Service/PVC/ServiceAccount, the workloads a
// selector matches) and find references (who names this object) across the workspace index.
import type { Location, Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { nodeAt, yamlModel } from '../../yaml/model';
import type { RequestContext } from '../support';
import { labelsMatch, objectAtDoc, selectorOf } from './model';
import { refsOf } from './refs';
import { findObjects, workspaceObjects, workspaceRefs } from './workspace';

function inRange(pos: Position, r: { start: Position; end: Position }): boolean {
  const after = pos.line > r.start.line || (pos.line === r.start.line && pos.character >= r.start.character);
  const before = pos.line < r.end.line || (pos.line === r.end.line && pos.character <= r.end.character);
  return after && before;
}

export function definition(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
  const ref = refsOf(doc).find((r) => inRange(pos, r.range) || (r.keyRange && inRange(pos, r.keyRange)));
  const all = workspaceObjects(doc, ctx);
  if (ref) return findObjects(all, ref.kind, ref.name, ref.from.namespace).map((o) => ({ uri: o.uri, range: o.range }));
  const at = nodeAt(yamlModel(doc), doc.offsetAt(pos));
  if (!at || !at.path.includes('selector')) return [];
  const o = objectAtDoc(doc, at.docIndex);
  const sel = o && selectorOf(o);
  if (!o || !sel || !Object.keys(sel.labels).length) return [];
  return all
    .filter((w) => w.kind !== 'Service' && (labelsMatch(sel.labels, w.templateLabels) || (w.kind === 'Pod' && labelsMatch(sel.labels, w.labels))))
    .filter((w) => !o.namespace || !w.namespace || w.namespace === o.namespace)
    .map((w) => ({ uri: w.uri, range: w.range }));
}

export function references(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
  const own = workspaceObjects(doc, ctx).find((o) => o.uri === doc.uri && inRange(pos, o.range));
  let target: { kind: string; name: string; namespace?: string } | undefined = own && own.name ? { kind: own.kind, name: own.name, namespace: own.namespace } : undefined;
  if (!target) {
    const ref = refsOf(doc).find((r) => inRange(pos, r.range));
    if (ref) target = { kind: ref.kind, name: ref.name, namespace: ref.from.namespace };
  }
  if (!target) return [];
  const t = target;
  return workspaceRefs(doc, ctx)
    .filter((r) => r.kind === t.kind && r.name === t.name && (!t.namespace || !r.namespace || r.namespace === t.namespace))
    .map((r) => ({ uri: r.uri, range: r.range }));
}
