// Hovers on Kubernetes manifests: our notes-level prose (server/knowledge/kubernetes/*.yaml) for the
// fields the notes speak about, the upstream field reference (description, type, required, allowed
// values) from the generated bundle for every field, and computed values: QoS class, Service DNS name,
// decoded Secret data, image parts, apiVersion status, which workloads a selector matches.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { localise, ref, type RefEntry } from '../../knowledge/index';
import { escapeMd, renderRef } from '../../knowledge/render';
import type { Locale } from '../../types';
import { isMap, isScalar, nodeAt, rangeOf, scalarString, yamlModel, type Node, type PathSegment } from '../../yaml/model';
import type { RequestContext } from '../support';
import { parseImage } from './image';
import { containers, get, getPath, isSopsEncrypted, labelsMatch, objectAtDoc, selectorOf, SOPS_VALUE, type K8sObject } from './model';
import { qosOf } from './qos';
import { def as defOf, description, FIELDS_SOURCE, kindDef, resolvePath, shortDefName, typeLabel, type ResolvedField } from './schema';
import { apiStatus, successor, type ApiChange } from './versions';
import { findObjects, hasWorkspace, operatorObjects, workspaceObjects } from './workspace';
import { refsOf } from './refs';
import { uriToPath } from '../../documents/document';

/** A short UI label from the k8s.labels entry (its `values` map), in the locale. */
export function label(key: string, locale: Locale, args?: Record<string, string | number>): string {
  const e = ref('k8s.labels');
  const v = e?.values?.[key];
  return v ? localise(v, locale, args) : key;
}

/** Our entry for a field: `k8s.field.<Parent>.<name>` first, then `k8s.field.<name>`. */
export function fieldEntry(parentDef: string | undefined, name: string): RefEntry | undefined {
  if (parentDef) {
    const e = ref(`k8s.field.${shortDefName(parentDef)}.${name}`);
    if (e) return e;
  }
  return ref(`k8s.field.${name}`);
}

export function referenceBlock(res: ResolvedField, locale: Locale): string {
  const parts: string[] = [];
  const f = res.field;
  const required = !!(res.parentDef && res.name && f && (defRequired(res.parentDef).includes(res.name)));
  const head = [`\`${typeLabel(res.type)}\``, required ? label('required', locale) : label('optional', locale)];
  parts.push(`**${label('reference', locale)}** · ${head.join(' · ')}`);
  const d = description(f?.d);
  if (d) parts.push(d);
  if (f?.e?.length) parts.push(`${label('allowed', locale)}: ${f.e.map((v) => `\`${v}\``).join(', ')}`);
  return parts.join('\n\n');
}

function defRequired(name: string): string[] {
  return defOf(name)?.r ?? [];
}

function md(text: string): Hover['contents'] {
  return { kind: 'markdown', value: text };
}

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const at = nodeAt(yamlModel(doc), doc.offsetAt(pos));
  if (!at || at.path.length === 0) return null;
  const o = objectAtDoc(doc, at.docIndex);
  if (!o) return null;
  const path = at.path;
  const keyNode = at.pair?.key as Node | undefined;
  const range = at.onKey ? rangeOf(doc, at.node) : at.node ? rangeOf(doc, at.node) : rangeOf(doc, keyNode);
  const last = path[path.length - 1];
  const extra: string[] = [];

  // top-level kind / apiVersion
  if (path.length === 1 && (last === 'kind' || last === 'apiVersion')) {
    const e = ref(`k8s.top.${last}`);
    if (!e) return null;
    if (last === 'kind') {
      const k = ref(`k8s.kind.${o.kind}`);
      const qos = o.podSpec ? [qosText(o, locale)] : [];
      if (k) return { contents: md(`${renderRef(k, locale, { extra: qos })}\n\n---\n\n${renderRef(e, locale, { title: true, today: false })}`), range };
      extra.push(...qos);
      const root = kindDef(o.apiVersion, o.kind);
      if (root) {
        const d = description(defOf(root)?.d);
        if (d) extra.push(`**${label('reference', locale)}** · \`${o.apiVersion}/${o.kind}\`\n\n${d}`);
      } else extra.push(label(notCrdLabel(o.apiVersion, o.kind) ?? 'customResource', locale, { kind: o.kind, apiVersion: o.apiVersion }));
    } else {
      extra.push(apiStatusText(o, ctx));
    }
    return { contents: md(renderRef(e, locale, { extra })), range };
  }

  const root = kindDef(o.apiVersion, o.kind);
  const fieldPath = at.onKey ? path : trimIndexes(path);
  const res = root ? resolvePath(root, fieldPath) : undefined;
  const name = typeof last === 'string' ? last : lastName(path);
  const parentPath = fieldPath.slice(0, -1);
  const parent = root && parentPath.length ? resolvePath(root, parentPath) : undefined;
  const parentDef = res?.parentDef ?? (parent?.type.startsWith('@') ? parent.type.slice(1) : undefined);
  let entry = o.kind === 'Service' && path.length === 2 && path[0] === 'metadata' && last === 'name' ? ref('k8s.service.name') : undefined;
  if (!entry && name) entry = fieldEntry(parentDef, name);
  // a value inside a map field (Secret data, labels…): the map field's own entry
  if (!entry && parent?.field && parent.type.startsWith('{}') && parent.name) entry = fieldEntry(parent.parentDef, parent.name);

  computedExtras(doc, o, path, at.onKey, ctx, extra);

  if (res && (res.field || extra.length || entry)) {
    if (res.field) extra.push(referenceBlock(res, locale));
  } else if (!entry && !extra.length) {
    return null;
  }
  const value = !at.onKey ? scalarString(at.node) : undefined;
  if (entry) return { contents: md(renderRef(entry, locale, { extra, ...(value !== undefined ? { value } : {}) })), range };
  const title = name ? `**${escapeMd(String(name))}**` : '';
  return { contents: md([title, ...extra].filter(Boolean).join('\n\n')), range };
}

function trimIndexes(path: PathSegment[]): PathSegment[] {
  const p = [...path];
  while (p.length && typeof p[p.length - 1] === 'number') p.pop();
  return p;
}

function lastName(path: PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/**
 * The end of a removed/deprecated API sentence: what to move to in the target version, or that there
 * is no replacement API and what to use instead (never a bare dash).
 */
export function apiAdvice(change: ApiChange, kind: string, state: 'removed' | 'deprecated', ctx: { settings: { locale: Locale; kubernetesVersion: string } }): { advice: string; replacement?: string; direct: boolean } {
  const s = successor(change, kind, ctx.settings.kubernetesVersion);
  const locale = ctx.settings.locale;
  if (s.replacement) return { advice: label(state === 'removed' ? 'apiUse' : 'apiReplacement', locale, { replacement: s.replacement }), replacement: s.replacement, direct: s.direct };
  return { advice: label(s.instead ? `apiInstead.${s.instead}` : 'apiNoReplacement', locale), direct: false };
}

export function apiStatusText(o: K8sObject, ctx: RequestContext): string {
  const locale = ctx.settings.locale;
  const st = apiStatus(o.apiVersion, o.kind, ctx.settings.kubernetesVersion);
  const version = ctx.settings.kubernetesVersion;
  if (st.state === 'removed') {
    const { advice } = apiAdvice(st.change, o.kind, 'removed', ctx);
    return label('apiRemoved', locale, { apiVersion: o.apiVersion, kind: o.kind, removed: `1.${st.change.removed}`, version, advice });
  }
  if (st.state === 'deprecated') {
    const { advice } = apiAdvice(st.change, o.kind, 'deprecated', ctx);
    return label('apiDeprecated', locale, { apiVersion: o.apiVersion, kind: o.kind, deprecated: `1.${st.change.deprecated}`, version, advice });
  }
  const notCrd = kindDef(o.apiVersion, o.kind) ? undefined : notCrdLabel(o.apiVersion, o.kind);
  if (notCrd) return label(notCrd, locale, { apiVersion: o.apiVersion, kind: o.kind });
  return label(kindDef(o.apiVersion, o.kind) ? 'apiCurrent' : 'apiUnknown', locale, { apiVersion: o.apiVersion, kind: o.kind, version });
}

// OpenShift's own APIs (served by its API server, not by a CRD): the `*.openshift.io` groups, and the
// legacy group-less `v1` form older templates still use (`kind: Template`, `DeploymentConfig`…)
const OPENSHIFT_LEGACY_V1 = new Set([
  'Template', 'DeploymentConfig', 'Route', 'BuildConfig', 'Build', 'ImageStream', 'ImageStreamTag', 'ImageStreamImport',
  'Project', 'ProjectRequest', 'OAuthClient', 'Group', 'User', 'Identity', 'SecurityContextConstraints',
]);

export function isOpenShiftApi(apiVersion: string, kind: string): boolean {
  return /\.openshift\.io\//.test(apiVersion) || (apiVersion === 'v1' && OPENSHIFT_LEGACY_V1.has(kind));
}

/**
 * Kinds that are neither built in nor custom resources: OpenShift's own APIs, and Kustomize's build
 * files (`kustomize.config.k8s.io` `Kustomization`/`Component`, read by `kustomize build` /
 * `kubectl apply -k`, never sent to the cluster; aws-samples/eks-workshop-v2 kustomization.yaml).
 */
function notCrdLabel(apiVersion: string, kind: string): 'openShiftResource' | 'kustomizeFile' | undefined {
  if (isOpenShiftApi(apiVersion, kind)) return 'openShiftResource';
  if (/^kustomize\.config\.k8s\.io\//.test(apiVersion) && (kind === 'Kustomization' || kind === 'Component')) return 'kustomizeFile';
  return undefined;
}

function computedExtras(doc: InfraDocument, o: K8sObject, path: PathSegment[], onKey: boolean, ctx: RequestContext, extra: string[]): void {
  const locale = ctx.settings.locale;
  const last = path[path.length - 1];
  const podPath = o.podSpecPath;
  // QoS: on a container's `resources`, on the pod spec's `containers`, on the workload's spec/template
  const inPod = podPath && startsWith(path, podPath);
  if (o.podSpec && ((inPod && (path.includes('resources') || (path.length === podPath!.length + 1 && (last === 'containers' || last === 'initContainers')))) || (path.length === podPath!.length && last === 'spec'))) {
    extra.push(qosText(o, locale));
  }
  // Service DNS name
  if (o.kind === 'Service' && path.length === 2 && path[0] === 'metadata' && last === 'name' && o.name) {
    const ns = o.namespace ?? 'default';
    extra.push(label('dnsName', locale, { dns: `${o.name}.${ns}.svc.cluster.local`, name: o.name, namespace: ns }));
  }
  // Secret data → decoded text
  if (o.kind === 'Secret' && path.length === 2 && path[0] === 'data' && !onKey) {
    const v = scalarString(getPath(o.root, path));
    if (v !== undefined) extra.push(isSopsEncrypted(o) && SOPS_VALUE.test(v) ? label('sopsEncrypted', locale) : decodedText(v, locale));
  }
  // image parts
  if (last === 'image' && !onKey) {
    const v = scalarString(getPath(o.root, path));
    const img = v ? parseImage(v) : undefined;
    if (img) {
      extra.push(label('imageParts', locale, {
        registry: img.registry + (img.defaultRegistry ? ` (${label('defaultRegistry', locale)})` : ''),
        repository: img.repository,
        tag: img.tag ?? (img.digest ? '—' : `latest (${label('implicit', locale)})`),
        digest: img.digest ?? '—',
      }));
    }
  }
  // selector → matching workloads in the workspace (only with a workspace index: without one, as in
  // `infra-notes explain`, "matches nothing" would be a guess)
  if (path.includes('selector') && (o.kind === 'Service' || o.templatePath) && hasWorkspace(ctx)) {
    const sel = selectorOf(o);
    if (sel && Object.keys(sel.labels).length) {
      const matches = workspaceObjects(doc, ctx).filter((w) => w.kind !== 'Service' && w !== undefined && (labelsMatch(sel.labels, w.templateLabels) || (w.kind === 'Pod' && labelsMatch(sel.labels, w.labels))));
      const sameNs = matches.filter((m) => !o.namespace || !m.namespace || m.namespace === o.namespace);
      const operated = sameNs.length || o.kind !== 'Service' ? [] : operatorObjects(workspaceObjects(doc, ctx), sel.labels, o.namespace);
      extra.push(sameNs.length
        ? `${label('selectorMatches', locale, { count: sameNs.length })}\n${sameNs.slice(0, 20).map((m) => `- \`${m.kind}/${m.name ?? '?'}\`${m.namespace ? ` (${m.namespace})` : ''}`).join('\n')}`
        : operated.length
          ? label('selectorOperator', locale, { objects: operated.slice(0, 5).map((m) => `\`${m.kind}/${m.name}\``).join(', ') })
          : label('selectorNoMatch', locale));
    }
  }
  // a reference by name → where the object is and what keys it has
  if (!onKey && (last === 'name' || last === 'secretName' || last === 'claimName' || last === 'serviceName')) {
    const r = getPath(o.root, path) as Node | undefined;
    const start = r?.range?.[0];
    const ref = start === undefined ? undefined : refsOf(doc).find((x) => doc.offsetAt(x.range.start) === start && !x.key);
    if (ref) {
      const found = findObjects(workspaceObjects(doc, ctx), ref.kind, ref.name, ref.from.namespace);
      if (!found.length) extra.push(label('refMissing', locale, { kind: ref.kind, name: ref.name }));
      for (const f of found.slice(0, 3)) {
        const file = uriToPath(f.uri).split('/').slice(-2).join('/');
        extra.push(f.keys?.length
          ? label('refFound', locale, { kind: ref.kind, name: ref.name, file, keys: f.keys.map((k) => `\`${k}\``).join(', ') })
          : label('refFoundNoKeys', locale, { kind: ref.kind, name: ref.name, file }));
      }
    }
  }
  // etcd ports (K8S-18)
  if (!onKey && (last === 'containerPort' || last === 'port' || last === 'hostPort' || last === 'targetPort')) {
    const n = getPath(o.root, path);
    const v = isScalar(n) ? (n as { value: unknown }).value : undefined;
    if (v === 2379 || v === 2380) {
      const e = ref('k8s.etcd.ports');
      if (e) extra.push(renderRef(e, locale, { args: { port: v } }));
    }
  }
}

function startsWith(path: PathSegment[], prefix: PathSegment[]): boolean {
  if (path.length < prefix.length) return false;
  return prefix.every((p, i) => path[i] === p);
}

export function qosText(o: K8sObject, locale: Locale): string {
  const q = qosOf(containers(o));
  const lines = [label('qosClass', locale, { qos: q.qos })];
  for (const c of q.containers) lines.push(`- \`${c.name}\`: ${label(`qos.${c.reason}`, locale)}`);
  lines.push('', label(`qosMeaning.${q.qos}`, locale));
  return lines.join('\n');
}

export function decodedText(v: string, locale: Locale): string {
  const clean = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return label('base64Invalid', locale);
  const buf = Buffer.from(clean, 'base64');
  const text = buf.toString('utf8');
  const printable = !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
  if (!printable) return label('base64Binary', locale, { bytes: buf.length });
  const shown = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  return `${label('base64Decoded', locale)}\n\n\`\`\`\n${shown.replace(/```/g, '`\u200b``')}\n\`\`\``;
}

export { FIELDS_SOURCE, get, isMap };
