// DC001 — top-level `version:` is obsolete in the Compose Specification (COMPOSE-02).
import { getPair, rangeOf, yamlModel } from '../../yaml/model';
import { notCompose } from '../../languages/compose/validate';
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'DC001',
  kinds: ['compose'],
  check({ doc, report }) {
    if (notCompose(doc)) return;
    for (const d of yamlModel(doc).docs) {
      const pair = getPair(d.contents, 'version');
      if (!pair?.key) continue;
      const keyRange = rangeOf(doc, pair.key);
      // remove the whole line (and a following blank line) holding `version: …`
      const line = keyRange.start.line;
      const valueEnd = rangeOf(doc, (pair.value as never) ?? pair.key).end.line;
      let endLine = valueEnd + 1;
      if (endLine < doc.lineCount && doc.lineText(endLine).trim() === '') endLine++;
      report({
        range: { start: keyRange.start, end: rangeOf(doc, (pair.value as never) ?? pair.key).end },
        args: { version: String((pair.value as { value?: unknown })?.value ?? '') },
        fixes: [{ edits: [{ range: { start: { line, character: 0 }, end: { line: endLine, character: 0 } }, newText: '' }], preferred: true }],
      });
    }
  },
};
