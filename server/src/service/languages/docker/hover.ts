import type { Hover, Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { ref } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import type { RequestContext } from '../support';
import { dockerfileModel } from './model';

const contains = (r: { start: Position; end: Position }, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const model = dockerfileModel(doc);
  for (const instr of model.getInstructions()) {
    const kw = instr.getInstructionRange();
    if (contains(kw, pos)) {
      const e = ref(`dockerfile.instruction.${instr.getKeyword()}`);
      if (!e) return null;
      return { contents: { kind: 'markdown', value: renderRef(e, ctx.settings.locale) }, range: kw };
    }
  }
  return null;
}
