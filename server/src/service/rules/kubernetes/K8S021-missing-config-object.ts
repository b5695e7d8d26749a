// K8S021 — a ConfigMap/Secret (or PVC) referenced by a volume, envFrom or valueFrom but absent from
// the workspace (warning; only when manifests near the reference — same folder, or same kustomization —
// define objects of that kind; `optional: true`, kustomize-generated names and Secrets a controller
// makes from another object — cert-manager, External Secrets, Sealed Secrets… — are fine). K8S-10, K8S-11.
import { refsOf } from '../../languages/kubernetes/refs';
import { definesNearby, findObjects, generatedNames, hasWorkspace, producedIn, templatedKinds, workspaceObjects } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';

const KINDS = new Set(['ConfigMap', 'Secret']);

export const rule: Rule = {
  id: 'K8S021',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    if (!hasWorkspace(ctx)) return;
    const refs = refsOf(doc).filter((r) => KINDS.has(r.kind) && !r.optional);
    if (!refs.length) return;
    const all = workspaceObjects(doc, ctx);
    // templated objects (Helm) may define anything: stay quiet when the workspace has some
    const templatedOfKind = templatedKinds(all);
    // a project that keeps no Secret (or ConfigMap) in its manifests creates them some other way
    // (kubectl create secret, sealed/external secrets…): only check kinds defined near this file (same
    // folder or same kustomization) — an unrelated example elsewhere in a monorepo says nothing
    const defined = new Set([...KINDS].filter((k) => definesNearby(doc, ctx, all, k)));
    const seen = new Set<string>();
    for (const r of refs) {
      const key = `${r.range.start.line}:${r.range.start.character}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (r.from.templated || templatedOfKind.has(r.kind) || !defined.has(r.kind)) continue;
      if (findObjects(all, r.kind, r.name, r.from.namespace).length) continue;
      // made by a controller from another object (a cert-manager Certificate, an ExternalSecret…)
      if (producedIn(all, r.kind, r.name, r.from.namespace)) continue;
      if (generatedNames(doc, ctx).has(r.name)) continue;
      report({ range: r.range, args: { kind: r.kind, name: r.name } });
    }
  },
};
