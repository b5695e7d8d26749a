// K8S032 — a hostPath volume of the Docker socket: control of the node (DOCKER-10).
import { get, getPair, objects, scalarString, seqItems } from '../../languages/kubernetes/model';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

const SOCKETS = /^\/(var\/)?run\/docker\.sock$|^\/var\/run\/?$|^\/run\/containerd\/containerd\.sock$/;

export const rule: Rule = {
  id: 'K8S032',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      for (const v of seqItems(get(o.podSpec, 'volumes'))) {
        const pair = getPair(get(v, 'hostPath'), 'path');
        const path = scalarString(pair?.value);
        if (pair && path && SOCKETS.test(path)) report({ range: valueRangeOf(doc, pair)!, args: { path } });
      }
    }
  },
};
