// The QoS class of a pod (K8S-09), with the reason per container: Guaranteed when every container
// has cpu and memory limits and its requests (if set) equal them; BestEffort when no container sets
// any cpu/memory request or limit; Burstable otherwise.
import { get, isMap, type YAMLMap } from '../../yaml/model';
import type { ContainerRef } from './model';
import { quantityValue } from './quantity';

export type Qos = 'Guaranteed' | 'Burstable' | 'BestEffort';
export type ContainerQosReason = 'none' | 'equal' | 'missingLimit' | 'requestDiffers';

export interface QosResult {
  qos: Qos;
  containers: { name: string; reason: ContainerQosReason }[];
}

const RES = ['cpu', 'memory'];

function values(m: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isMap(m)) return out;
  for (const r of RES) {
    const n = get(m, r) as { value?: unknown } | undefined;
    if (n && n.value !== undefined && n.value !== null) out[r] = n.value;
  }
  return out;
}

export function containerQos(node: YAMLMap): ContainerQosReason {
  const res = get(node, 'resources');
  const req = values(get(res, 'requests'));
  const lim = values(get(res, 'limits'));
  if (!Object.keys(req).length && !Object.keys(lim).length) return 'none';
  for (const r of RES) if (lim[r] === undefined) return 'missingLimit';
  for (const r of RES) {
    if (req[r] === undefined) continue;
    const a = quantityValue(req[r]);
    const b = quantityValue(lim[r]);
    if (a === undefined || b === undefined || Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(b))) return 'requestDiffers';
  }
  return 'equal';
}

export function qosOf(list: ContainerRef[]): QosResult {
  const cs = list.map((c, i) => ({ name: c.name ?? `#${i + 1}`, reason: containerQos(c.node) }));
  let qos: Qos;
  if (cs.length === 0 || cs.every((c) => c.reason === 'none')) qos = 'BestEffort';
  else if (cs.every((c) => c.reason === 'equal')) qos = 'Guaranteed';
  else qos = 'Burstable';
  return { qos, containers: cs };
}
