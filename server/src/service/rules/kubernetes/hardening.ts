// Helpers of the hardening rules (off by default): the effective securityContext value of a
// container, pod-level settings as fallback.
import { get, type ContainerRef, type K8sObject } from '../../languages/kubernetes/model';
import { scalarValue } from './util';

export function effective(o: K8sObject, c: ContainerRef, field: string): unknown {
  const own = scalarValue(get(get(c.node, 'securityContext'), field));
  if (own !== undefined) return own;
  return scalarValue(get(get(o.podSpec, 'securityContext'), field));
}
