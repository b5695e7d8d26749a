// Go to definition and find references in Dockerfiles: stage names (FROM x AS name ↔ FROM name,
// COPY --from=name, RUN --mount=from=name) and variables ($NAME ↔ its ARG/ENV).
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import type { RequestContext } from '../support';
import {
  dockerfileInfo, findStage, flagsOf, rangeContains, stagesOf, variableRefs, variablesInScope,
  definitionsIn, type Stage, type VariableDef,
} from './model';

type Target =
  | { kind: 'stage'; stage: Stage; range: Range }
  | { kind: 'variable'; def: VariableDef; range: Range };

interface StageRef { stage: Stage; range: Range }

/** Every place that names an earlier stage. */
function stageRefs(doc: InfraDocument): StageRef[] {
  return doc.cached('dockerfile.stageRefs', () => {
    const out: StageRef[] = [];
    for (const s of stagesOf(doc)) {
      if (s.parent !== undefined && s.imageRange) out.push({ stage: stagesOf(doc)[s.parent], range: s.imageRange });
      for (const instr of s.instructions) {
        for (const f of flagsOf(instr)) {
          const name = f.getName().toLowerCase();
          if (name === 'from' && (instr.getKeyword() === 'COPY' || instr.getKeyword() === 'ADD')) {
            const v = f.getValue();
            const r = f.getValueRange();
            const st = v ? findStage(doc, v, s.index) : undefined;
            if (st && r) out.push({ stage: st, range: r });
          } else if (name === 'mount') {
            for (const o of f.getOptions()) {
              if (o.getName().toLowerCase() !== 'from') continue;
              const v = o.getValue();
              const r = o.getValueRange();
              const st = v ? findStage(doc, v, s.index) : undefined;
              if (st && r) out.push({ stage: st, range: r });
            }
          }
        }
      }
    }
    return out;
  });
}

function targetAt(doc: InfraDocument, pos: Position): Target | undefined {
  for (const s of stagesOf(doc)) if (s.nameRange && rangeContains(s.nameRange, pos)) return { kind: 'stage', stage: s, range: s.nameRange };
  for (const r of stageRefs(doc)) if (rangeContains(r.range, pos)) return { kind: 'stage', stage: r.stage, range: r.range };
  const info = dockerfileInfo(doc);
  const instr = info.instructions.find((i) => rangeContains(i.getRange(), pos));
  if (!instr) return undefined;
  for (const v of variableRefs(instr)) {
    if (!rangeContains(v.range, pos)) continue;
    const def = variablesInScope(doc, pos).get(v.name);
    return def ? { kind: 'variable', def, range: v.range } : undefined;
  }
  const kw = instr.getKeyword();
  if (kw === 'ARG' || kw === 'ENV') {
    const def = definitionsIn(doc, instr).find((d) => rangeContains(d.nameRange, pos));
    if (def) return { kind: 'variable', def, range: def.nameRange };
  }
  return undefined;
}

export function definition(doc: InfraDocument, pos: Position, _ctx: RequestContext): Location[] {
  if (doc.kind !== 'dockerfile') return [];
  try {
    const t = targetAt(doc, pos);
    if (!t) return [];
    if (t.kind === 'stage') return t.stage.nameRange ? [{ uri: doc.uri, range: t.stage.nameRange }] : [];
    const out = [{ uri: doc.uri, range: t.def.nameRange }];
    if (t.def.inherits) out.push({ uri: doc.uri, range: t.def.inherits.nameRange });
    return out;
  } catch {
    return [];
  }
}

export function references(doc: InfraDocument, pos: Position, _ctx: RequestContext): Location[] {
  if (doc.kind !== 'dockerfile') return [];
  try {
    const t = targetAt(doc, pos);
    if (!t) return [];
    if (t.kind === 'stage') {
      const out: Range[] = t.stage.nameRange ? [t.stage.nameRange] : [];
      for (const r of stageRefs(doc)) if (r.stage === t.stage) out.push(r.range);
      return out.map((range) => ({ uri: doc.uri, range }));
    }
    const root = t.def.inherits ?? t.def;
    const same = (d: VariableDef | undefined) => !!d && (d === t.def || (d.inherits ?? d) === root);
    const out: Range[] = [t.def.nameRange];
    const info = dockerfileInfo(doc);
    for (const instr of info.instructions) {
      for (const v of variableRefs(instr)) {
        if (v.name !== t.def.name) continue;
        if (same(variablesInScope(doc, v.range.start).get(v.name))) out.push(v.range);
      }
    }
    return dedupe(out).map((range) => ({ uri: doc.uri, range }));
  } catch {
    return [];
  }
}

function dedupe(ranges: Range[]): Range[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const k = `${r.start.line}:${r.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
