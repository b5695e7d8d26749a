// DC019 — the Docker socket mounted into a container: whoever reaches it controls the host (DOCKER-10).
import { isMap, isScalar, type Node } from 'yaml';
import { listItems, pairIn, resolve, str, valueIn } from '../../languages/compose/model';
import { partRange } from '../../languages/compose/refs';
import { parseVolume } from '../../languages/compose/validate';
import type { Rule } from '../types';
import { ownServices, range } from './util';

const SOCKET = /^(\/var)?\/run\/docker\.sock$|^\/\/\.\/pipe\/docker_engine$|^\\\\\.\\pipe\\docker_engine$/;

export const rule: Rule = {
  id: 'DC019',
  kinds: ['compose'],
  check(ctx) {
    for (const svc of ownServices(ctx)) {
      const y = svc.ydoc;
      const pair = pairIn(y, svc.map, 'volumes');
      if (!pair) continue;
      for (const { item, node } of listItems(y, resolve(y, pair.value))) {
        if (isScalar(item) && typeof item.value === 'string') {
          const src = parseVolume(item.value)?.source;
          if (src && SOCKET.test(src)) ctx.report({ range: partRange(svc.doc, node, src), args: { service: svc.name } });
        } else if (isMap(item)) {
          const s = valueIn(y, item, 'source');
          if (SOCKET.test(str(s) ?? '')) ctx.report({ range: range(svc.doc, s as Node), args: { service: svc.name } });
        }
      }
    }
  },
};
