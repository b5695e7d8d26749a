// K8S034 — a Service whose `type` and other fields contradict each other, which the API server rejects
// (K8S-12): headless (`clusterIP: None`) NodePort/LoadBalancer, ExternalName without `externalName` or
// with a cluster IP, `nodePort` on a ClusterIP Service, `externalTrafficPolicy` on a Service not reachable
// from outside, `loadBalancerSourceRanges` on a non-LoadBalancer Service.
import type { Range } from 'vscode-languageserver-types';
import { get, getPair, objects, seqItems } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Pair } from '../../yaml/model';
import type { Rule, RuleContext } from '../types';
import { deleteLines, keyRangeOf, label, scalarValue, valueRangeOf } from './util';

const TYPES = new Set(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);

export const rule: Rule = {
  id: 'K8S034',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (o.kind !== 'Service' || o.templated || o.apiVersion !== 'v1') continue;
      const spec = get(o.root, 'spec');
      const typePair = getPair(spec, 'type');
      const typeValue = typePair ? scalarValue(typePair.value) : 'ClusterIP';
      if (typeof typeValue !== 'string' || !TYPES.has(typeValue)) continue;
      const type = typeValue;
      const ipPair = getPair(spec, 'clusterIP');
      const ip = scalarValue(ipPair?.value);
      const say = (pair: Pair, reason: string, onValue: boolean, removable: boolean): void => {
        const reasonText = label(`service.${reason}`, ctx.settings.locale, { type });
        const range = onValue ? valueRangeOf(doc, pair)! : keyRangeOf(doc, pair)!;
        report(ctx, range, reasonText, removable ? pair : undefined);
      };
      if (ipPair && ip === 'None' && (type === 'NodePort' || type === 'LoadBalancer')) say(ipPair, 'headlessExposed', true, false);
      if (type === 'ExternalName') {
        const name = scalarValue(getPair(spec, 'externalName')?.value);
        if (typePair && (typeof name !== 'string' || name === '')) say(typePair, 'externalNameMissing', true, false);
        if (ipPair && typeof ip === 'string' && ip !== '') say(ipPair, 'externalNameClusterIP', true, true);
      }
      if (type === 'ClusterIP') {
        for (const p of seqItems(get(spec, 'ports'))) {
          const np = getPair(p, 'nodePort');
          const v = scalarValue(np?.value);
          if (np && v !== 0 && v !== null && v !== undefined) say(np, 'nodePortOnClusterIP', false, true);
        }
      }
      const externalIPs = seqItems(get(spec, 'externalIPs')).length > 0;
      const etp = getPair(spec, 'externalTrafficPolicy');
      const etpValue = scalarValue(etp?.value);
      if (etp && typeof etpValue === 'string' && etpValue !== '' && (type === 'ExternalName' || (type === 'ClusterIP' && !externalIPs))) {
        say(etp, 'trafficPolicyInternal', false, true);
      }
      const ranges = getPair(spec, 'loadBalancerSourceRanges');
      if (ranges && type !== 'LoadBalancer' && seqItems(ranges.value).length > 0) say(ranges, 'sourceRangesNotLoadBalancer', false, true);
    }
  },
};

function report(ctx: RuleContext, range: Range, reason: string, removable: Pair | undefined): void {
  const fixes = removable ? [{ edits: [{ range: deleteLines(ctx.doc, removable), newText: '' }] }] : undefined;
  ctx.report({ range, args: { reason }, ...(fixes ? { fixes } : {}) });
}
