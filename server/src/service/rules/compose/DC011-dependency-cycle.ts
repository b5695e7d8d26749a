// DC011 — services that depend on each other in a cycle (depends_on, links, volumes_from…): Compose
// cannot order them and refuses to start.
import { refs } from '../../languages/compose/refs';
import type { Rule } from '../types';
import { composeProject } from './util';

export const rule: Rule = {
  id: 'DC011',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    const edges = new Map<string, Set<string>>();
    const all = refs(p).filter((r) => r.kind === 'service' && r.via !== 'extends' && p.services.has(r.name));
    for (const r of all) {
      if (!edges.has(r.from)) edges.set(r.from, new Set());
      edges.get(r.from)!.add(r.name);
    }
    // Tarjan's strongly connected components: every edge inside a component of size > 1 (or a
    // self-loop) is part of a cycle. Linear in services + edges.
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const comp = new Map<string, number>();
    let counter = 0;
    let compId = 0;
    const strong = (v: string): void => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!index.has(w)) {
          strong(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, compId);
        } while (w !== v);
        compId++;
      }
    };
    for (const v of edges.keys()) if (!index.has(v)) strong(v);
    const size = new Map<number, string[]>();
    for (const [v, c] of comp) size.set(c, [...(size.get(c) ?? []), v]);
    for (const r of all) {
      if (!r.layer.self) continue;
      const c = comp.get(r.from);
      const members = c === undefined ? [] : size.get(c) ?? [];
      const inCycle = r.from === r.name || (members.length > 1 && comp.get(r.name) === c);
      if (inCycle) ctx.report({ range: r.range, args: { name: r.name, cycle: r.from === r.name ? `${r.from} → ${r.from}` : [...members.sort(), members[0]].join(' → ') } });
    }
  },
};
