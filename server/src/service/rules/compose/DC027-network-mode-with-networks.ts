// DC027 — a service with both `network_mode` and a non-empty `networks`: Compose refuses the whole
// project ("declares mutually exclusive `network_mode` and `networks`", compose-go checkConsistency).
// Checked on the merged service, so a base file's `network_mode: host` and an override's `networks:`
// meet here (for an override file; a named variant is compared with itself only, see mergedWithBase);
// the finding goes on the later of the two keys written in the checked file.
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import { serviceValue, serviceValues, str, type Layer } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject, mergedWithBase, range } from './util';

/** A `networks` value that attaches the service to at least one network (`[]`, `{}` and null do not). */
function attaches(value: unknown): boolean {
  return (isSeq(value) || isMap(value)) && value.items.length > 0;
}

export const rule: Rule = {
  id: 'DC027',
  kinds: ['compose'],
  check(ctx) {
    const across = mergedWithBase(ctx);
    for (const svc of composeProject(ctx).services.values()) {
      const mode = serviceValue(svc, 'network_mode');
      const modeText = mode ? str(mode.value) : undefined;
      if (!mode || !modeText || (!across && !mode.layer.self)) continue;
      const nets = serviceValues(svc, 'networks').filter((n) => attaches(n.value) && (across || n.layer.self));
      if (nets.length === 0) continue;
      // the keys of the checked file; report the one written later (its line is what to change)
      const own: { pair: Pair; layer: Layer }[] = [mode, ...nets].filter((x) => x.layer.self);
      if (own.length === 0) continue;
      const last = own.reduce((a, b) => ((b.pair.key as Node).range?.[0] ?? 0) > ((a.pair.key as Node).range?.[0] ?? 0) ? b : a);
      const key = last === mode ? 'network_mode' : 'networks';
      ctx.report({ range: range(last.layer.doc, last.pair.key as Node), args: { service: svc.name, key, mode: modeText } });
    }
  },
};
