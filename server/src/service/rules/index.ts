// The explicit rule registry (a bundler cannot discover files at run time). Each family keeps its
// own list in rules/<family>/index.ts: one rule per file, detection and fix together.
import type { FileKind } from '../types';
import { rules as ansible } from './ansible/index';
import { rules as compose } from './compose/index';
import { rules as docker } from './docker/index';
import { rules as kubernetes } from './kubernetes/index';
import type { Rule } from './types';

export const ALL_RULES: readonly Rule[] = [...docker, ...compose, ...ansible, ...kubernetes];

const byKind = new Map<FileKind, Rule[]>();
for (const r of ALL_RULES) {
  for (const k of r.kinds) {
    if (!byKind.has(k)) byKind.set(k, []);
    byKind.get(k)!.push(r);
  }
}

export function rulesFor(kind: FileKind): Rule[] {
  return byKind.get(kind) ?? [];
}
