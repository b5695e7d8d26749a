// K8S012 — a bare Pod or ReplicaSet where a Deployment fits (info; K8S-05, K8S-06). Static pods in
// kube-system (control plane manifests) and patches (kubeadm `--patches` files, Kustomize patches)
// are left alone.
import { getPair, objects } from '../../languages/kubernetes/model';
import { isPatch } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S012',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (isPatch(doc, ctx)) return;
    for (const o of objects(doc)) {
      if (o.kind !== 'Pod' && o.kind !== 'ReplicaSet') continue;
      if (o.apiVersion !== 'v1' && o.apiVersion !== 'apps/v1') continue;
      if (o.namespace === 'kube-system') continue;
      report({ range: valueRangeOf(doc, getPair(o.root, 'kind'))!, args: { kind: o.kind } });
    }
  },
};
