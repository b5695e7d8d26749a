import type { Hover, Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { ref } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import { nodeAt, rangeOf, yamlModel } from '../../yaml/model';
import type { RequestContext } from '../support';

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  if (doc.kind !== 'ansible-playbook') return null;
  const at = nodeAt(yamlModel(doc), doc.offsetAt(pos));
  // a play keyword: [playIndex, keyword]
  if (!at || !at.onKey || at.path.length !== 2 || typeof at.path[0] !== 'number') return null;
  const e = ref(`ansible.play.${String(at.path[1])}`);
  if (!e) return null;
  return { contents: { kind: 'markdown', value: renderRef(e, ctx.settings.locale) }, range: rangeOf(doc, at.node) };
}
