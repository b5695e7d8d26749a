import type { Hover, Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { ref } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import { nodeAt, rangeOf, yamlModel } from '../../yaml/model';
import type { RequestContext } from '../support';

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const at = nodeAt(yamlModel(doc), doc.offsetAt(pos));
  if (!at || !at.onKey || at.path.length !== 1) return null;
  const key = String(at.path[0]);
  const variant = doc.classification.variant;
  const id = key === 'services' && variant === 'override' ? 'compose.key.services.override' : `compose.key.${key}`;
  const e = ref(id);
  if (!e) return null;
  return { contents: { kind: 'markdown', value: renderRef(e, ctx.settings.locale) }, range: rangeOf(doc, at.node) };
}
