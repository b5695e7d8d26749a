// The explicit registry of file families.
import type { FileKind } from '../types';
import { support as ansible } from './ansible/index';
import { support as compose } from './compose/index';
import { support as docker } from './docker/index';
import { support as kubernetes } from './kubernetes/index';
import type { LanguageSupport } from './support';

export const SUPPORTS: readonly LanguageSupport[] = [docker, compose, ansible, kubernetes];

const byKind = new Map<FileKind, LanguageSupport>();
for (const s of SUPPORTS) for (const k of s.kinds) byKind.set(k, s);

export function supportFor(kind: FileKind): LanguageSupport | undefined {
  return byKind.get(kind);
}
