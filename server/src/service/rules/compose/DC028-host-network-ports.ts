// DC028 — `ports` on a service with `network_mode: host`: the container already listens on the
// host's own interfaces, so the engine drops the port mappings ("Published ports are discarded when
// using host network mode") and the container still starts. Checked on the merged service (ports are
// appended across layers); reported on `ports` of the checked file, or on its `network_mode` when only
// that key is written here (across files only for an override, see mergedWithBase).
import { isSeq, type Node } from 'yaml';
import { serviceValue, serviceValues, str } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject, mergedWithBase, range } from './util';

export const rule: Rule = {
  id: 'DC028',
  kinds: ['compose'],
  check(ctx) {
    const across = mergedWithBase(ctx);
    for (const svc of composeProject(ctx).services.values()) {
      const mode = serviceValue(svc, 'network_mode');
      if (!mode || str(mode.value) !== 'host' || (!across && !mode.layer.self)) continue;
      const ports = serviceValues(svc, 'ports').filter((p) => isSeq(p.value) && p.value.items.length > 0 && (across || p.layer.self));
      if (ports.length === 0) continue;
      const own = ports.filter((p) => p.layer.self);
      const at = own.length > 0 ? own : mode.layer.self ? [mode] : [];
      for (const x of at) ctx.report({ range: range(x.layer.doc, x.pair.key as Node), args: { service: svc.name } });
    }
  },
};
