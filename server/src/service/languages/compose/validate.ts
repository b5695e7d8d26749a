// The Compose Specification walker: checks the document against data/spec.ts once per version and
// sorts what it finds by kind, so each DC rule file (unknown key, wrong type, enum, duration, port,
// volume, size) takes its own share. Tolerant by construction: `x-*` keys, anchors and aliases,
// merge keys, `!reset`/`!override`, interpolated values and nulls (half-typed keys) are never errors.
import { closest, distance } from 'fastest-levenshtein';
import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { InfraDocument } from '../../documents/document';
import { yamlModel } from '../../yaml/model';
import { ROOT, type SpecNode, type ValueType } from './data/spec';
import { interpolated, keyText, tagOf } from './model';

export type Problem =
  | { kind: 'unknown-key'; node: Node; key: string; path: string; suggestion?: string }
  | { kind: 'type'; node: Node; key: string; expected: string; actual: string }
  | { kind: 'enum'; node: Node; key: string; value: string; values: string }
  | { kind: 'duration'; node: Node; key: string; value: string }
  | { kind: 'size'; node: Node; key: string; value: string }
  | { kind: 'port'; node: Node; value: string }
  | { kind: 'volume'; node: Node; value: string };

export function problems(doc: InfraDocument): Problem[] {
  return doc.cached('compose.problems', () => {
    const out: Problem[] = [];
    const ydoc = yamlModel(doc).docs[0];
    if (!ydoc || !isMap(ydoc.contents)) return out;
    walk(ydoc.contents as Node, ROOT, [], out);
    return out;
  });
}

/**
 * A YAML file taken for Compose by its content only (`services:` with an `image:`), whose service
 * entries are mostly not Compose keys: some other tool's data (Helm values, app config). The Compose
 * rules stay silent on it.
 */
export function notCompose(doc: InfraDocument): boolean {
  if (doc.classification.reason !== 'content') return false;
  return doc.cached('compose.notCompose', () => {
    const ydoc = yamlModel(doc).docs[0];
    if (!ydoc || !isMap(ydoc.contents)) return false;
    const services = (ydoc.contents as YAMLMap).items.find((p) => keyText(p as Pair) === 'services')?.value;
    if (!isMap(services)) return false;
    let known = 0;
    let unknown = 0;
    for (const s of services.items) {
      const v = (s as Pair).value;
      if (!isMap(v)) continue;
      for (const p of v.items) {
        const k = keyText(p as Pair);
        if (k === undefined || k === '<<' || k.startsWith('x-')) continue;
        if (SERVICE_KEYS.has(k)) known++;
        else unknown++;
      }
    }
    return unknown * 2 > known;
  });
}

const SERVICE_KEYS = new Set(Object.keys(ROOT.keys?.services?.anyKey?.keys ?? {}));

function actualType(node: unknown): ValueType | 'alias' | 'unknown' {
  if (isAlias(node)) return 'alias';
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'integer' : 'number';
    return 'string';
  }
  return 'unknown';
}

const SCALARS: ValueType[] = ['string', 'number', 'integer', 'boolean'];

function typeOk(spec: SpecNode, t: ValueType): boolean {
  if (spec.types.includes(t)) return true;
  if (t === 'integer' && spec.types.includes('number')) return true;
  // a number or boolean where a string is expected: Compose reads the scalar as text
  if ((t === 'integer' || t === 'number' || t === 'boolean') && spec.types.includes('string') && spec.format === undefined) return true;
  return false;
}

function describeTypes(types: ValueType[]): string {
  return types.filter((t) => t !== 'null').join(' | ');
}

function walk(node: Node, spec: SpecNode, path: string[], out: Problem[]): void {
  if (!node || isAlias(node)) return; // validated where the anchor is defined
  const tag = tagOf(node);
  if (tag === '!reset') return;
  const t = actualType(node);
  const key = path[path.length - 1] ?? '';
  if (t === 'null' || t === 'unknown') return;
  if (t === 'string' && interpolated(node)) return;
  if (!typeOk(spec, t as ValueType)) {
    // a scalar where a string-valued format is expected: report as that format, not as a type
    if (spec.format === 'duration' && SCALARS.includes(t as ValueType)) {
      out.push({ kind: 'duration', node, key, value: String((node as { value?: unknown }).value) });
      return;
    }
    out.push({ kind: 'type', node, key, expected: describeTypes(spec.types), actual: t });
    return;
  }
  if (t === 'map') {
    const map = node as YAMLMap;
    for (const item of map.items) {
      const pair = item as Pair;
      const k = keyText(pair);
      if (k === undefined) continue;
      if (k === '<<' || k.startsWith('x-')) continue;
      let child = spec.keys?.[k];
      if (!child && spec.anyKey) child = spec.anyKey;
      if (!child) {
        if (!spec.keys) continue;
        const names = Object.keys(spec.keys);
        const best = names.length ? closest(k, names) : undefined;
        const limit = best ? (best.length <= 3 ? 1 : best.length >= 8 ? 3 : 2) : 0;
        const suggestion = best && distance(k, best) <= limit ? best : undefined;
        out.push({ kind: 'unknown-key', node: pair.key as Node, key: k, path: path.join('.') || '(top level)', suggestion });
        continue;
      }
      walk(pair.value as Node, child, [...path, k], out);
    }
    return;
  }
  if (t === 'list') {
    if (!spec.items) return;
    for (const item of (node as { items: Node[] }).items) walk(item, spec.items, path, out);
    return;
  }
  // scalars
  const raw = (node as { value: unknown }).value;
  const value = String(raw);
  if (spec.enum && !spec.enum.includes(value)) {
    out.push({ kind: 'enum', node, key, value, values: spec.enum.join(', ') });
    return;
  }
  switch (spec.format) {
    case 'duration':
      if (!isDuration(value)) out.push({ kind: 'duration', node, key, value });
      break;
    case 'size':
      if (!isSize(value)) out.push({ kind: 'size', node, key, value });
      break;
    case 'cpus':
      if (!/^\d+(\.\d+)?$|^\.\d+$/.test(value.trim())) out.push({ kind: 'size', node, key, value });
      break;
    case 'port':
      if (!isPort(value)) out.push({ kind: 'port', node, value });
      break;
    case 'volume':
      if (t === 'string' && !isVolume(value)) out.push({ kind: 'volume', node, value });
      break;
    case 'restart':
      if (!/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(value)) out.push({ kind: 'enum', node, key, value, values: 'no, always, on-failure[:N], unless-stopped' });
      break;
    case 'pull_policy':
      if (!/^(always|never|build|if_not_present|missing|refresh|daily|weekly|every_(\d+[wdhms])+)$/.test(value)) {
        out.push({ kind: 'enum', node, key, value, values: 'always, never, missing, build, daily, weekly, every_<duration>' });
      }
      break;
    default:
      break;
  }
}

const DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;
export function isDuration(v: string): boolean {
  const s = v.trim();
  return s === '0' || DURATION.test(s);
}

export function isSize(v: string): boolean {
  const s = v.trim();
  return s === '-1' || /^\d+(\.\d+)?\s*([bkmgtpe]i?b?)?$/i.test(s);
}

function portRange(s: string, allowZero: boolean): boolean {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return false;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  const min = allowZero ? 0 : 1;
  return a >= min && a <= 65535 && b >= a && b <= 65535;
}

/** Short port syntax: [[IP:][HOST[-HOST]]:]CONTAINER[-CONTAINER][/PROTOCOL] */
export function parsePort(value: string): { ip?: string; host?: string; container: string; protocol?: string } | undefined {
  let s = value.trim();
  let protocol: string | undefined;
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    protocol = s.slice(slash + 1);
    s = s.slice(0, slash);
    if (!/^(tcp|udp|sctp)$/.test(protocol)) return undefined;
  }
  let ip: string | undefined;
  const v6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(s);
  if (v6) {
    ip = v6[1];
    s = v6[2];
  }
  const parts = s.split(':');
  if (!v6 && parts.length === 3) ip = parts.shift();
  else if (!v6 && parts.length > 3) return undefined;
  if (v6 && parts.length > 2) return undefined;
  if (ip !== undefined && ip !== '' && !/^[0-9a-fA-F:.]+$/.test(ip)) return undefined;
  const container = parts.pop() ?? '';
  const host = parts.pop();
  if (!portRange(container, false)) return undefined;
  if (host !== undefined && host !== '' && !portRange(host, true)) return undefined;
  if ((ip !== undefined || v6) && host === undefined) return undefined;
  return { ip, host: host || undefined, container, protocol };
}

function isPort(value: string): boolean {
  return parsePort(value) !== undefined;
}

const MODES = new Set(['ro', 'rw', 'z', 'Z', 'nocopy', 'volume-nocopy', 'consistent', 'cached', 'delegated', 'shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate']);

/** Short volume syntax: [SOURCE:]TARGET[:MODE] (Windows drive letters tolerated). */
export function parseVolume(value: string): { source?: string; target: string; mode?: string } | undefined {
  const s = value.trim();
  if (!s) return undefined;
  const parts: string[] = [];
  let rest = s;
  while (rest.length) {
    const drive = /^[A-Za-z]:[\\/]/.test(rest);
    const from = drive ? 2 : 0;
    const i = rest.indexOf(':', from);
    if (i < 0) {
      parts.push(rest);
      break;
    }
    parts.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
    if (rest === '') return undefined;
  }
  if (parts.length > 3 || parts.some((p) => p === '')) return undefined;
  if (parts.length === 1) return { target: parts[0] };
  if (parts.length === 2) {
    // SOURCE:TARGET, or TARGET:MODE for an anonymous volume
    if (isAbs(parts[0]) && !isAbs(parts[1]) && parts[1].split(',').every((m) => MODES.has(m))) return { target: parts[0], mode: parts[1] };
    return { source: parts[0], target: parts[1] };
  }
  return { source: parts[0], target: parts[1], mode: parts[2] };
}

function isAbs(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

function isVolume(value: string): boolean {
  const v = parseVolume(value);
  if (!v) return false;
  if (!isAbs(v.target)) return false;
  if (v.mode && !v.mode.split(',').every((m) => MODES.has(m))) return false;
  return true;
}

/** Whether a source of a short volume is a host path (bind mount) rather than a named volume. */
export function isHostPath(source: string): boolean {
  return /^[./~]/.test(source) || /^[A-Za-z]:[\\/]/.test(source) || source.startsWith('\\\\') || source.startsWith('$');
}
