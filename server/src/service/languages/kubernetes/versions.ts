// Removed and deprecated API versions, per Kubernetes minor release (the upstream deprecation guide,
// summarised). `settings.kubernetesVersion` decides which entries apply. `mechanical`: the move is a
// plain apiVersion swap (plus, for workloads, a selector taken from the template labels).
export interface ApiChange {
  apiVersion: string;
  /** kinds concerned; '*' for every kind of the group version */
  kinds: string[] | '*';
  /** replacement apiVersion, when there is one */
  replacement?: string;
  /** no replacement API: what to use instead (key of an `apiInstead.<key>` label in k8s.labels) */
  instead?: string;
  /** minor release that deprecated it (informational) */
  deprecated?: number;
  /** minor release that removed it; undefined: deprecated only */
  removed?: number;
  mechanical?: boolean;
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'];

export const API_CHANGES: ApiChange[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], replacement: 'apps/v1', deprecated: 9, removed: 16, mechanical: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], replacement: 'networking.k8s.io/v1', deprecated: 9, removed: 16, mechanical: true },
  // policy/v1beta1 was itself removed in 1.25: `successor` follows the chain to "no replacement"
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], replacement: 'policy/v1beta1', deprecated: 10, removed: 16 },
  { apiVersion: 'apps/v1beta1', kinds: WORKLOADS, replacement: 'apps/v1', deprecated: 9, removed: 16, mechanical: true },
  { apiVersion: 'apps/v1beta2', kinds: WORKLOADS, replacement: 'apps/v1', deprecated: 9, removed: 16, mechanical: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], replacement: 'networking.k8s.io/v1', deprecated: 14, removed: 22, mechanical: true },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], replacement: 'networking.k8s.io/v1', deprecated: 19, removed: 22, mechanical: true },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], replacement: 'networking.k8s.io/v1', deprecated: 19, removed: 22, mechanical: true },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], replacement: 'apiextensions.k8s.io/v1', deprecated: 16, removed: 22 },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], replacement: 'admissionregistration.k8s.io/v1', deprecated: 16, removed: 22 },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], replacement: 'apiregistration.k8s.io/v1', deprecated: 19, removed: 22, mechanical: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: '*', replacement: 'rbac.authorization.k8s.io/v1', deprecated: 17, removed: 22, mechanical: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kinds: '*', replacement: 'rbac.authorization.k8s.io/v1', deprecated: 17, removed: 22, mechanical: true },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], replacement: 'scheduling.k8s.io/v1', deprecated: 14, removed: 22, mechanical: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], replacement: 'storage.k8s.io/v1', deprecated: 19, removed: 22, mechanical: true },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], replacement: 'coordination.k8s.io/v1', deprecated: 14, removed: 22, mechanical: true },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], replacement: 'certificates.k8s.io/v1', deprecated: 19, removed: 22 },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], replacement: 'batch/v1', deprecated: 21, removed: 25, mechanical: true },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], replacement: 'discovery.k8s.io/v1', deprecated: 21, removed: 25 },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], replacement: 'events.k8s.io/v1', deprecated: 19, removed: 25 },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], replacement: 'autoscaling/v2', deprecated: 22, removed: 25 },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], replacement: 'policy/v1', deprecated: 21, removed: 25, mechanical: true },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: 21, removed: 25, instead: 'podSecurityAdmission' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], replacement: 'node.k8s.io/v1', deprecated: 20, removed: 25, mechanical: true },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], replacement: 'autoscaling/v2', deprecated: 23, removed: 26, mechanical: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1', deprecated: 23, removed: 26 },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], replacement: 'storage.k8s.io/v1', deprecated: 24, removed: 27, mechanical: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1', deprecated: 26, removed: 29 },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], replacement: 'flowcontrol.apiserver.k8s.io/v1', deprecated: 29, removed: 32 },
  // deprecated, still served
  { apiVersion: 'v1', kinds: ['ComponentStatus'], deprecated: 19, instead: 'componentHealth' },
  { apiVersion: 'v1', kinds: ['Endpoints'], replacement: 'discovery.k8s.io/v1', deprecated: 33 },
];

/** Minor number of a "1.33" style version; NaN-safe (defaults to 33). */
export function minorOf(version: string): number {
  const m = /^v?1\.(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : 33;
}

export type ApiStatus =
  | { state: 'removed'; change: ApiChange }
  | { state: 'deprecated'; change: ApiChange }
  | { state: 'current' };

export function apiStatus(apiVersion: string, kind: string, targetVersion: string): ApiStatus {
  const minor = minorOf(targetVersion);
  for (const c of API_CHANGES) {
    if (c.apiVersion !== apiVersion) continue;
    if (c.kinds !== '*' && !c.kinds.includes(kind)) continue;
    if (c.removed !== undefined && minor >= c.removed) return { state: 'removed', change: c };
    if (c.deprecated !== undefined && minor >= c.deprecated) return { state: 'deprecated', change: c };
  }
  return { state: 'current' };
}

export interface Successor {
  /** the apiVersion to move to in the target version */
  replacement?: string;
  /** no replacement API in the target version: key of the `apiInstead.<key>` label ('' when none is known) */
  instead?: string;
  /** the move is the change's own mechanical swap (not a chain through a replacement removed in turn) */
  direct: boolean;
}

/**
 * What replaces a removed/deprecated API in the target version: its replacement, followed while that
 * replacement is itself removed there (extensions/v1beta1 PSP → policy/v1beta1, removed in 1.25 with
 * no successor).
 */
export function successor(change: ApiChange, kind: string, targetVersion: string): Successor {
  let c = change;
  const seen = new Set<ApiChange>([c]);
  while (c.replacement) {
    const next = apiStatus(c.replacement, kind, targetVersion);
    if (next.state !== 'removed' || seen.has(next.change)) return { replacement: c.replacement, direct: c === change };
    seen.add(next.change);
    c = next.change;
  }
  return { instead: c.instead ?? '', direct: false };
}
