// K8S017 — a probe's named port that the container doesn't declare (K8S-07).
import { containers, get, getPair, objects, scalarString, seqItems } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S017',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    // a patch may add a probe to a container whose ports the base declares
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (o.templated) continue;
      for (const c of containers(o)) {
        const names = new Set(seqItems(get(c.node, 'ports')).map((p) => scalarString(get(p, 'name'))).filter(Boolean));
        for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
          const p = get(c.node, probe);
          for (const handler of ['httpGet', 'tcpSocket', 'grpc']) {
            const pair = getPair(get(p, handler), 'port');
            const v = (pair?.value as { value?: unknown } | undefined)?.value;
            if (!pair || typeof v !== 'string' || /^\d+$/.test(v) || names.has(v)) continue;
            report({ range: valueRangeOf(doc, pair)!, args: { port: v, probe, container: c.name ?? '?' } });
          }
        }
      }
    }
  },
};
