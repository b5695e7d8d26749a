// DC015 — the same host port published by two services (or twice by one): the second fails to bind.
import { isMap, isScalar, type Node } from 'yaml';
import { exclusive, listItems, serviceValues, str, valueIn, type Layer, type Service } from '../../languages/compose/model';
import { parsePort } from '../../languages/compose/validate';
import type { Rule } from '../types';
import { composeProject, range } from './util';

interface Published { service: string; svc: Service; node: Node; layer: Layer; key: string }

export const rule: Rule = {
  id: 'DC015',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    const byPort = new Map<string, Published[]>();
    for (const svc of p.services.values()) {
      const replicas = Number(str(serviceValues(svc, 'scale')[0]?.value) ?? 1);
      if (replicas === 0) continue;
      for (const { value, layer } of serviceValues(svc, 'ports')) {
        for (const { item, node } of listItems(layer.ydoc, value)) {
          for (const key of hostPorts(layer, item)) {
            const list = byPort.get(key) ?? [];
            list.push({ service: svc.name, svc, node, layer, key });
            byPort.set(key, list);
          }
        }
      }
    }
    for (const list of byPort.values()) {
      if (list.length < 2) continue;
      const seen = new Set<Node>();
      for (const x of list) {
        if (!x.layer.self || seen.has(x.node)) continue;
        seen.add(x.node);
        // the same service publishing it again (base + override) is merged by Compose, not a clash
        const other = list.find((o) => o.service !== x.service && !exclusive(o.svc, x.svc));
        if (!other) continue;
        ctx.report({ range: range(x.layer.doc, x.node), args: { port: x.key.split('|')[1], other: other.service } });
      }
    }
  },
};

/** "ip|port|proto" keys of the host ports a port entry publishes (ranges expanded up to 1000). */
function hostPorts(layer: Layer, item: unknown): string[] {
  let ip = '';
  let host: string | undefined;
  let proto = 'tcp';
  if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
    const s = String(item.value);
    if (s.includes('$')) return [];
    const parsed = parsePort(s);
    if (!parsed?.host) return [];
    ip = parsed.ip ?? '';
    host = parsed.host;
    proto = parsed.protocol ?? 'tcp';
  } else if (isMap(item)) {
    host = str(valueIn(layer.ydoc, item, 'published'));
    ip = str(valueIn(layer.ydoc, item, 'host_ip')) ?? '';
    proto = str(valueIn(layer.ydoc, item, 'protocol')) ?? 'tcp';
    if (!host || host.includes('$')) return [];
  }
  if (!host) return [];
  const m = /^(\d+)(?:-(\d+))?$/.exec(host);
  if (!m) return [];
  const a = Number(m[1]);
  const b = Math.min(Number(m[2] ?? m[1]), a + 1000);
  if (a === 0) return [];
  const out: string[] = [];
  const wildcard = ip === '' || ip === '0.0.0.0' || ip === '::';
  for (let port = a; port <= b; port++) out.push(`${wildcard ? '*' : ip}|${port}|${proto}`);
  return out;
}
