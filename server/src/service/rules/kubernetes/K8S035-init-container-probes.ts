// K8S035 — probes or lifecycle hooks on a plain init container (K8S-07): the API server forbids them
// unless the init container is a native sidecar (`restartPolicy: Always`, Kubernetes 1.29+), because a
// plain init container runs to completion before the app starts and is never probed.
import { containers, getPair, objects } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { deleteLines, keyRangeOf } from './util';

const FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

export const rule: Rule = {
  id: 'K8S035',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (o.templated) continue;
      for (const c of containers(o)) {
        if (!c.init || c.sidecar || getPair(c.node, 'restartPolicy')) continue;
        for (const field of FIELDS) {
          const pair = getPair(c.node, field);
          if (!pair) continue;
          report({ range: keyRangeOf(doc, pair)!, args: { container: c.name ?? '?', field }, fixes: [{ args: { field }, edits: [{ range: deleteLines(doc, pair), newText: '' }] }] });
        }
      }
    }
  },
};
