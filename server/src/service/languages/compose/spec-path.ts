// Finding the spec node for a YAML path (services.web.build.context → the `context` node).
import type { PathSegment } from '../../yaml/model';
import { ROOT, type SpecNode } from './data/spec';

export interface SpecAt {
  spec: SpecNode;
  /** how the last segment was matched: a known key, a user-chosen name, or a list index */
  via: 'key' | 'name' | 'item' | 'root';
  /** the spec of the mapping that holds the last segment */
  parent?: SpecNode;
}

export function specAt(path: PathSegment[]): SpecAt | undefined {
  let cur: SpecAt = { spec: ROOT, via: 'root' };
  for (const seg of path) {
    const s = cur.spec;
    if (typeof seg === 'number') {
      if (!s.items) return undefined;
      cur = { spec: s.items, via: 'item', parent: s };
      continue;
    }
    if (seg.startsWith('x-') || seg === '<<') return undefined;
    const known = s.keys?.[seg];
    if (known) cur = { spec: known, via: 'key', parent: s };
    else if (s.anyKey) cur = { spec: s.anyKey, via: 'name', parent: s };
    else return undefined;
  }
  return cur;
}
