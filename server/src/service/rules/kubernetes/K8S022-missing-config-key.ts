// K8S022 — configMapKeyRef / secretKeyRef (or volume items) naming a key the object doesn't have.
import { refsOf } from '../../languages/kubernetes/refs';
import { findObjects, hasWorkspace, workspaceObjects } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'K8S022',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (!hasWorkspace(ctx)) return;
    const refs = refsOf(doc).filter((r) => r.key && r.keyRange && !r.optional);
    if (!refs.length) return;
    const all = workspaceObjects(doc, ctx);
    for (const r of refs) {
      const found = findObjects(all, r.kind, r.name, r.from.namespace);
      if (!found.length || found.some((o) => o.templated || !o.keys || o.keys.includes(r.key!))) continue;
      report({ range: r.keyRange!, args: { kind: r.kind, name: r.name, key: r.key! } });
    }
  },
};
