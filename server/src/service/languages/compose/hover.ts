// Hovers for Compose files: every key of the specification (from the knowledge base, by the key's
// place), documented enum values, `${VAR}` interpolation resolved against `.env`, service names,
// YAML aliases, merge keys and the `!reset`/`!override` tags.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { ref, t, type RefEntry } from '../../knowledge/index';
import { renderRef } from '../../knowledge/render';
import type { Locale } from '../../types';
import { keyName, nodeAt, rangeOf, yamlModel, type PathSegment, type YamlDoc } from '../../yaml/model';
import { parseImageRef } from '../../images';
import type { RequestContext } from '../support';
import { dotEnv, varAt } from './env';
import { isExternal, isFragment, project, serviceValue, str, valueIn, type ComposeProject, type TopKind } from './model';
import { refs, type Ref } from './refs';
import { specAt } from './spec-path';
import type { SpecNode } from './data/spec';

const NAMED: Record<string, string> = {
  services: 'compose.service', networks: 'compose.network', volumes: 'compose.volume',
  secrets: 'compose.secret', configs: 'compose.config', models: 'compose.model',
};

function md(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}

function extras(e: RefEntry, locale: Locale): string[] {
  const out: string[] = [];
  if (typeof e.since === 'string') out.push(`_${t('compose.hover.since', locale, { version: e.since })}_`);
  if (e.deprecated === true) out.push(`_${t('compose.hover.deprecated', locale)}_`);
  return out;
}

/** The entry documenting a spec node (falls back to the nearest documented ancestor id). */
export function entryFor(spec: SpecNode | undefined): RefEntry | undefined {
  let id = spec?.doc;
  while (id) {
    const e = ref(id);
    if (e) return e;
    const i = id.lastIndexOf('.');
    if (i <= 'compose.service'.length - 1) return undefined;
    id = id.slice(0, i);
  }
  return undefined;
}

/** The documented value of an enum entry that `value` stands for (`on-failure:3` → `on-failure`). */
export function valueKey(e: RefEntry, value: string): string | undefined {
  const values = e.values ?? {};
  if (value in values) return value;
  for (const k of Object.keys(values)) {
    if (k.endsWith(':') && value.startsWith(k)) return k;
    if (value.startsWith(`${k}:`)) return k;
  }
  return undefined;
}

export function hover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const offset = doc.offsetAt(pos);
  const tag = tagHover(doc, pos, locale);
  if (tag) return tag;
  const at = nodeAt(yamlModel(doc), offset);
  if (!at || !at.node) return null;
  const node = at.node;
  const range = rangeOf(doc, node);

  if (isAlias(node)) {
    const name = String((node as { source?: string }).source ?? '');
    return md(t('compose.hover.anchor', locale, { name }), range);
  }

  // ${VAR} interpolation inside a value (or a key)
  if (isScalar(node) && typeof node.value === 'string' && node.range && node.value.includes('$')) {
    const src = doc.content.slice(node.range[0], node.range[1]);
    const v = varAt(src, offset - node.range[0]);
    if (v) return envHover(doc, ctx, v, node.range[0]);
  }

  // inside an `x-` block: read the keys at the place where an alias or a merge key uses the anchor
  const path = viaAnchor(at.doc, at.path) ?? at.path;

  if (at.onKey) {
    const key = String(at.path[at.path.length - 1]);
    if (key.startsWith('x-')) return render(ref('compose.key.x'), range, locale);
    if (key === '<<') return render(ref('compose.key.merge'), range, locale);
    if (at.path.length === 1 && key === 'services' && isFragment(doc)) {
      const variant = doc.classification.variant === 'override' ? 'compose.key.services.override' : 'compose.key.services.variant';
      return render(ref(variant), range, locale);
    }
    const s = specAt(path);
    if (!s) return null;
    if (s.via === 'name') {
      const parentKey = path.length === 2 ? String(path[0]) : undefined;
      const id = parentKey ? NAMED[parentKey] : undefined;
      if (id) return render(ref(id), range, locale, parentKey === 'services' ? [t('compose.hover.service', locale, { name: key })] : []);
      if (s.spec.types.includes('map') && s.spec.keys) return render(entryFor(s.spec), range, locale);
      return null;
    }
    return render(entryFor(s.spec), range, locale);
  }

  // a name that refers to a service, network, volume, secret or config
  const named = refHover(doc, pos, ctx);
  if (named) return named;

  // a scalar value: documented enum values, image references
  if (!isScalar(node)) return null;
  const value = str(node);
  if (value === undefined) return null;
  const s = specAt(path);
  if (!s) return null;
  if (s.spec.doc === 'compose.service.image' && !value.includes('$')) {
    const e = ref('compose.service.image');
    const r = imageRef(value);
    if (e && r) return md(renderRef(e, locale, { extra: [t('compose.hover.imageRef', locale, r)] }), range);
  }
  const e = entryFor(s.spec);
  if (!e?.values) return null;
  const k = valueKey(e, value);
  if (!k) return null;
  return md(renderRef(e, locale, { value: k, extra: extras(e, locale) }), range);
}

/**
 * A path inside a top-level `x-` block, read where the block's anchor is used: in
 * `x-common: &common {restart: always}` … `web: {<<: *common}`, `x-common.restart` is
 * `services.web.restart` (sentry self-hosted, airflow, InvokeAI share service settings this way).
 * The first use that lands outside `x-` blocks wins; chained anchors are followed a few steps.
 */
export function viaAnchor(ydoc: YamlDoc, path: PathSegment[], depth = 0): PathSegment[] | undefined {
  if (depth > 3 || !String(path[0] ?? '').startsWith('x-')) return undefined;
  // the deepest anchored node on the path, and the keys below it
  let node: unknown = ydoc.contents;
  let anchor: string | undefined;
  let rest: PathSegment[] = [];
  for (let i = 0; i < path.length; i++) {
    node = child(node, path[i]);
    if (!node) break;
    const a = (node as { anchor?: string }).anchor;
    if (a) {
      anchor = a;
      rest = path.slice(i + 1);
    }
  }
  if (!anchor) return undefined;
  for (const use of aliasUses(ydoc, anchor)) {
    const full = [...use, ...rest];
    if (!String(full[0] ?? '').startsWith('x-')) return full;
    const deeper = viaAnchor(ydoc, full, depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

function child(node: unknown, seg: PathSegment): unknown {
  if (typeof seg === 'number') return isSeq(node) ? node.items[seg] : undefined;
  if (!isMap(node)) return undefined;
  for (const it of node.items) if (isPair(it) && keyName(it) === seg) return it.value;
  return undefined;
}

/** Paths where `*name` is used; a merge key (`<<: *name`, `<<: [*name]`) stands for its mapping. */
function aliasUses(ydoc: YamlDoc, name: string): PathSegment[][] {
  const out: PathSegment[][] = [];
  const walk = (n: unknown, path: PathSegment[], merge: boolean): void => {
    if (isAlias(n)) {
      if ((n as { source?: string }).source === name) out.push(path);
      return;
    }
    if (isMap(n)) {
      for (const it of n.items) {
        if (!isPair(it)) continue;
        const k = keyName(it);
        if (k === undefined) continue;
        if (k === '<<') walk(it.value, path, true);
        else walk(it.value, [...path, k], false);
      }
    } else if (isSeq(n)) {
      // the items of a merge key's list all stand for the mapping that holds the `<<`
      n.items.forEach((item, i) => walk(item as Node, merge ? path : [...path, i], false));
    }
  };
  walk(ydoc.contents, [], false);
  return out;
}

function render(e: RefEntry | undefined, range: Range, locale: Locale, extra: string[] = []): Hover | null {
  if (!e) return null;
  return md(renderRef(e, locale, { extra: [...extra, ...extras(e, locale)] }), range);
}

function envHover(doc: InfraDocument, ctx: RequestContext, v: ReturnType<typeof varAt> & object, base: number): Hover {
  const locale = ctx.settings.locale;
  const range = doc.rangeOf(base + v.start, base + v.end);
  const env = dotEnv(doc.path, ctx.workspace?.fs);
  const lines: string[] = [];
  if (!env) lines.push(t('compose.hover.envNoFile', locale, { name: v.name }));
  else if (env.vars.has(v.name)) lines.push(t('compose.hover.env', locale, { file: '.env', name: v.name, value: env.vars.get(v.name) ?? '' }));
  else lines.push(t('compose.hover.envMissing', locale, { file: '.env', name: v.name, value: v.op?.endsWith('-') ? v.arg ?? '' : '' }));
  const e = ref('compose.interpolation');
  const body = e ? renderRef(e, locale, { extra: lines }) : lines.join('\n\n');
  return md(body, range);
}

/** `!reset` / `!override` under the cursor (the tag is not a node of its own). */
function tagHover(doc: InfraDocument, pos: Position, locale: Locale): Hover | null {
  const line = doc.lineText(pos.line);
  const re = /!(reset|override)\b/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (pos.character >= m.index && pos.character <= m.index + m[0].length) {
      const e = ref(`compose.tag.${m[1]}`);
      if (!e) return null;
      return md(renderRef(e, locale), { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } });
    }
  }
  return null;
}

/** `[registry/]repository[:tag][@digest]` split the way Docker reads it (no registry: Docker Hub). */
export function imageRef(ref: string): { registry: string; repository: string; tag: string } | undefined {
  const s = ref.trim();
  if (!s || /\s/.test(s)) return undefined;
  const p = parseImageRef(s);
  if (!p.repository) return undefined;
  const tag = p.digest ? `@${p.digest.slice(0, 19)}…` : p.tag ?? 'latest';
  return { registry: p.registry, repository: p.repository, tag };
}

const REF_ENTRY: Record<string, string> = {
  service: 'compose.service', networks: 'compose.network', volumes: 'compose.volume', secrets: 'compose.secret', configs: 'compose.config',
};

function within(r: Range, p: Position): boolean {
  const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(p, r.start) && after(r.end, p);
}

/** Hover on `db` in `depends_on: [db]` (or a network/volume/secret/config name used by a service). */
function refHover(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null {
  const locale = ctx.settings.locale;
  const p = project(doc, ctx.workspace?.fs);
  const r = refs(p).find((x) => x.layer.self && within(x.range, pos));
  if (!r) return null;
  const e = ref(REF_ENTRY[r.kind]);
  if (!e) return null;
  const extra: string[] = [];
  if (r.kind === 'service') {
    extra.push(t('compose.hover.service', locale, { name: r.name }));
    const svc = p.services.get(r.name);
    const image = svc ? str(serviceValue(svc, 'image')?.value) : undefined;
    if (image) extra.push(`\`${image}\``);
  } else {
    extra.push(...declarationLines(p, r, locale));
  }
  return md(renderRef(e, locale, { extra }), r.range);
}

/**
 * What a network, volume, secret or config a service names is in this project: where it is
 * declared, where its content comes from, and (secrets, configs) the file the container sees.
 */
function declarationLines(p: ComposeProject, r: Ref, locale: Locale): string[] {
  const kind = r.kind as TopKind;
  const decls = p.top[kind]?.get(r.name);
  const d = decls?.[decls.length - 1];
  const out: string[] = [];
  if (!d) {
    // `default` is the network every service joins without declaring it
    if (!(kind === 'networks' && r.name === 'default')) out.push(t('compose.hover.undeclared', locale, { name: r.name, kind }));
  } else {
    const line = d.layer.doc.positionAt(d.key.range?.[0] ?? 0).line + 1;
    const file = d.layer.doc.path.split('/').pop() ?? d.layer.doc.path;
    out.push(t('compose.hover.declared', locale, { name: r.name, kind, line, file }));
    const y = d.layer.ydoc;
    const field = (k: string) => str(valueIn(y, d.value, k));
    if (isExternal(d)) out.push(t('compose.hover.source.external', locale));
    else if (field('file') !== undefined) out.push(t('compose.hover.source.file', locale, { value: field('file')! }));
    else if (field('environment') !== undefined) out.push(t('compose.hover.source.environment', locale, { value: field('environment')! }));
    else if (valueIn(y, d.value, 'content') !== undefined) out.push(t('compose.hover.source.content', locale));
    else if (field('driver') !== undefined) out.push(t('compose.hover.source.driver', locale, { value: field('driver')! }));
    else if (kind === 'volumes') out.push(t('compose.hover.source.volume', locale));
    else if (kind === 'networks') out.push(t('compose.hover.source.network', locale));
  }
  if ((kind === 'secrets' || kind === 'configs') && r.via !== 'build.secrets') {
    const path = mountPath(p, r, kind);
    if (path) out.push(t('compose.hover.mountedAt', locale, { path }));
  }
  return out;
}

/** `/run/secrets/<name>` (or the long form's `target`); a config lands at `/<name>` by default. */
function mountPath(p: ComposeProject, r: Ref, kind: 'secrets' | 'configs'): string | undefined {
  let target: string | undefined;
  const y = r.layer.ydoc;
  const svc = p.services.get(r.from)?.layers.find((l) => l.layer === r.layer)?.map;
  const list = svc ? valueIn(y, svc, kind) : undefined;
  for (const it of isSeq(list) ? list.items : []) {
    if (valueIn(y, it, 'source') === r.node) target = str(valueIn(y, it, 'target'));
  }
  if (target?.startsWith('/')) return target;
  const name = target ?? r.name;
  return kind === 'secrets' ? `/run/secrets/${name}` : `/${name}`;
}

