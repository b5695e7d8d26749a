// Access to the generated field bundle (data/fields.json, built by scripts/k8s-fields.mjs from the
// `kubernetes-models` package): definitions, field lookup by path, and type descriptions.
import bundle from './data/fields.json';
import type { PathSegment } from '../../yaml/model';

export interface FieldInfo {
  /** "string" | "number" | "boolean" | "quantity" | "int-or-string" | "time" | "any" | "@Def" | "[]t" | "{}t" */
  t: string;
  /** index of the upstream description in the string table */
  d?: number;
  /** enum values */
  e?: string[];
}

export interface DefInfo {
  d?: number;
  p: Record<string, FieldInfo>;
  r?: string[];
}

interface Bundle {
  source: string;
  s: string[];
  kinds: Record<string, string>;
  defs: Record<string, DefInfo>;
}

const data = bundle as unknown as Bundle;

export const FIELDS_SOURCE = data.source;

export function description(id: number | undefined): string | undefined {
  return id === undefined ? undefined : data.s[id];
}

export function def(name: string): DefInfo | undefined {
  return data.defs[name];
}

/** The definition of a built-in kind in an API version, or undefined (custom resource, unknown). */
export function kindDef(apiVersion: string, kind: string): string | undefined {
  return data.kinds[`${apiVersion}/${kind}`];
}

const KIND_DEFS = new Set(Object.values(data.kinds));

/**
 * Whether a definition is a whole built-in kind (it has its own `apiVersion`/`kind`). Old API
 * versions embed one inside another (apps/v1beta2 StatefulSet `volumeClaimTemplates` are
 * PersistentVolumeClaims), and there `apiVersion`/`kind` are optional.
 */
export function isKindDef(name: string): boolean {
  return KIND_DEFS.has(name);
}

/** Every built-in `apiVersion/kind` pair in the bundle. */
export function allKinds(): { apiVersion: string; kind: string }[] {
  return Object.keys(data.kinds).map((k) => {
    const i = k.lastIndexOf('/');
    return { apiVersion: k.slice(0, i), kind: k.slice(i + 1) };
  });
}

/** A definition with no properties (RawExtension, JSON, FieldsV1…) accepts anything. */
export function isOpenDef(name: string): boolean {
  const d = data.defs[name];
  return !d || Object.keys(d.p).length === 0;
}

export interface ResolvedField {
  /** the field's own entry (undefined for the root or list items) */
  field?: FieldInfo;
  /** the type at the path */
  type: string;
  /** the definition holding the last named field, and that field's name */
  parentDef?: string;
  name?: string;
}

/** Walk a YAML key path from the kind's root definition. */
export function resolvePath(rootDef: string, path: PathSegment[]): ResolvedField | undefined {
  let type = `@${rootDef}`;
  let res: ResolvedField = { type };
  for (const seg of path) {
    if (type.startsWith('[]')) {
      if (typeof seg !== 'number') return undefined;
      type = type.slice(2);
      res = { ...res, type };
      continue;
    }
    if (type.startsWith('{}')) {
      if (typeof seg !== 'string') return undefined;
      type = type.slice(2);
      res = { ...res, type };
      continue;
    }
    if (type.startsWith('@') && typeof seg === 'string') {
      const d = data.defs[type.slice(1)];
      const f = d?.p[seg];
      if (!f) return undefined;
      res = { field: f, type: f.t, parentDef: type.slice(1), name: seg };
      type = f.t;
      continue;
    }
    return undefined;
  }
  return res;
}

/** A readable type name: `[]Container`, `map[string]string`, `Quantity`… */
export function typeLabel(t: string): string {
  if (t.startsWith('[]')) return `[]${typeLabel(t.slice(2))}`;
  if (t.startsWith('{}')) return `map[string]${typeLabel(t.slice(2))}`;
  if (t.startsWith('@')) return shortDefName(t.slice(1));
  switch (t) {
    case 'number': return 'integer';
    case 'quantity': return 'Quantity';
    case 'int-or-string': return 'IntOrString';
    case 'time': return 'Time';
    default: return t;
  }
}

/** `IoK8sApiCoreV1Container` → `Container` */
export function shortDefName(name: string): string {
  const m = /^IoK8s(?:Api|Apimachinery|Apiextensions|KubeAggregator).*?V\d+(?:(?:alpha|beta)\d+)?([A-Z]\w*)$/.exec(name);
  return m ? m[1] : name;
}
