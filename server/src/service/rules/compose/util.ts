// Small helpers shared by the Compose rules (not a rule).
import type { Node } from 'yaml';
import type { InfraDocument } from '../../documents/document';
import { project, type ComposeProject } from '../../languages/compose/model';
import { notCompose, problems, type Problem } from '../../languages/compose/validate';
import { rangeOf } from '../../yaml/model';
import type { RuleContext } from '../types';

/** The merged project the rules check; empty for a file that is not Compose after all. */
export function composeProject(ctx: RuleContext): ComposeProject {
  const p = project(ctx.doc, ctx.workspace?.fs);
  if (!notCompose(ctx.doc)) return p;
  return { ...p, fragment: true, services: new Map(), top: { networks: new Map(), volumes: new Map(), secrets: new Map(), configs: new Map() } };
}

/** A service definition written in the file being checked (not in its base or an included file). */
export interface OwnService {
  name: string;
  doc: InfraDocument;
  ydoc: import('yaml').Document.Parsed;
  map: import('yaml').YAMLMap;
}

/** Every service definition of the checked file: where rules about one service's own keys report. */
export function* ownServices(ctx: RuleContext): Generator<OwnService> {
  for (const svc of composeProject(ctx).services.values()) {
    for (const sl of svc.layers) {
      if (!sl.layer.self || !sl.map) continue;
      yield { name: svc.name, doc: sl.layer.doc, ydoc: sl.layer.ydoc as import('yaml').Document.Parsed, map: sl.map as import('yaml').YAMLMap };
    }
  }
}

export function problemsOf<K extends Problem['kind']>(doc: InfraDocument, kind: K): Extract<Problem, { kind: K }>[] {
  if (notCompose(doc)) return [];
  return problems(doc).filter((p): p is Extract<Problem, { kind: K }> => p.kind === kind);
}

export function range(doc: InfraDocument, node: Node | null | undefined) {
  return rangeOf(doc, node as never);
}
