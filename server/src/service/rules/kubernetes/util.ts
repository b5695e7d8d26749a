// Small helpers shared by the Kubernetes rules (not a rule).
import type { Range } from 'vscode-languageserver-types';
import { localise, ref } from '../../knowledge/index';
import type { Locale } from '../../types';
import { rangeOf, type Node, type Pair } from '../../yaml/model';
import type { InfraDocument } from '../../documents/document';
import type { SchemaProblem } from './schema-check';
import type { Rule, RuleContext } from '../types';
import { schemaProblems } from './schema-check';

export function keyRangeOf(doc: InfraDocument, pair: Pair | undefined): Range | undefined {
  return pair ? rangeOf(doc, (pair.key ?? pair.value) as Node) : undefined;
}

export function valueRangeOf(doc: InfraDocument, pair: Pair | undefined): Range | undefined {
  return pair ? rangeOf(doc, (pair.value ?? pair.key) as Node) : undefined;
}

export function scalarValue(node: unknown): unknown {
  return (node as { value?: unknown } | undefined)?.value;
}

/** Delete the whole lines of a pair (key line through the end of its value). */
export function deleteLines(doc: InfraDocument, pair: Pair): Range {
  const start = rangeOf(doc, pair.key as Node).start.line;
  const endNode = (pair.value ?? pair.key) as Node;
  let end = rangeOf(doc, endNode).end;
  // block values end at the start of the next line
  const endLine = end.character === 0 && end.line > start ? end.line : end.line + 1;
  return { start: { line: start, character: 0 }, end: { line: endLine, character: 0 } };
}

export function label(key: string, locale: Locale, args?: Record<string, string | number>): string {
  const v = ref('k8s.labels')?.values?.[key];
  return v ? localise(v, locale, args) : '';
}

/** A rule reporting one kind of the shared schema walk's problems. */
export function schemaRule(id: string, kind: SchemaProblem['kind'], extend?: (p: SchemaProblem, ctx: RuleContext) => Record<string, string>): Rule {
  return {
    id,
    kinds: ['kubernetes'],
    check(ctx) {
      for (const p of schemaProblems(ctx.doc, ctx)) {
        if (p.kind !== kind) continue;
        const args = { ...p.args, ...(extend ? extend(p, ctx) : {}) };
        ctx.report({ range: p.range, args, ...(p.edits ? { fixes: [{ name: p.fix, edits: p.edits, args, preferred: true }] } : {}) });
      }
    },
  };
}
