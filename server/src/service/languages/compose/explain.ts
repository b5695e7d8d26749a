// "Explain this file" and the status-bar description for Compose files.
import { isMap, isScalar } from 'yaml';
import type { InfraDocument } from '../../documents/document';
import { basename } from '../../documents/classify';
import { t } from '../../knowledge/index';
import { escapeMd, notesLine } from '../../knowledge/render';
import type { RequestContext } from '../support';
import { findBase, isFragment, listItems, pairsOf, project, resolve, str, TOP_KINDS, valueIn, namesIn } from './model';

export function describe(doc: InfraDocument, ctx: RequestContext): string {
  const locale = ctx.settings.locale;
  const variant = doc.classification.variant;
  const p = project(doc, ctx.workspace?.fs);
  const own = [...p.services.values()].filter((s) => s.layers.some((l) => l.layer.self)).length;
  const role = variant === 'override'
    ? t('compose.describe.override', locale)
    : isFragment(doc)
      ? t('compose.describe.variant', locale, { base: basename(findBase(doc, ctx.workspace?.fs) ?? 'compose.yaml') })
      : t('compose.describe.base', locale);
  const count = t(own === 1 ? 'compose.describe.service' : 'compose.describe.services', locale, { count: own });
  // a file recognised by its content (stack.yml…) is neither a base nor a fragment by name
  if (!isFragment(doc) && doc.classification.reason === 'content') return count;
  return `${role} · ${t(own === 1 ? 'compose.describe.service' : 'compose.describe.services', locale, { count: own })}`;
}

export function explain(doc: InfraDocument, ctx: RequestContext): string {
  const locale = ctx.settings.locale;
  const p = project(doc, ctx.workspace?.fs);
  const lines: string[] = [`## ${t('compose.explain.title', locale)} · ${escapeMd(basename(doc.path))}`];
  if (isFragment(doc)) {
    const base = findBase(doc, ctx.workspace?.fs);
    if (base) lines.push(t('compose.explain.override', locale, { base: basename(base) }));
    lines.push(notesLine([doc.classification.variant === 'override' ? 'COMPOSE-04' : 'COMPOSE-05'], locale));
  }
  lines.push(`### ${t('compose.explain.services', locale)}`);
  const items: string[] = [];
  for (const svc of p.services.values()) {
    const mine = svc.layers.filter((l) => l.layer.self && l.map);
    if (mine.length === 0) continue;
    const parts: string[] = [];
    for (const l of mine) {
      const y = l.layer.ydoc;
      for (const { key, pair } of pairsOf(y, l.map)) {
        const v = resolve(y, pair.value);
        if (key === 'image' && isScalar(v)) parts.push(`${t('compose.explain.image', locale)} \`${String(v.value)}\``);
        if (key === 'build') parts.push(`${t('compose.explain.build', locale)} \`${isScalar(v) ? String(v.value) : str(valueIn(y, v, 'context')) ?? '.'}\``);
        if (key === 'ports') {
          const ports = listItems(y, v).map(({ item }) => (isScalar(item) ? String(item.value) : isMap(item) ? `${str(valueIn(y, item, 'published')) ?? ''}:${str(valueIn(y, item, 'target')) ?? ''}` : '')).filter(Boolean);
          if (ports.length) parts.push(`${t('compose.explain.ports', locale)} ${ports.map((x) => `\`${x}\``).join(', ')}`);
        }
        if (key === 'depends_on') {
          const deps = namesIn(y, v).map((n) => `\`${n.name}\``);
          if (deps.length) parts.push(`${t('compose.explain.dependsOn', locale)} ${deps.join(', ')}`);
        }
      }
    }
    items.push(`- **${escapeMd(svc.name)}**${parts.length ? ` — ${parts.join('; ')}` : ''}`);
  }
  lines.push(items.join('\n'));
  const declared: string[] = [];
  for (const kind of TOP_KINDS) {
    const names = [...p.top[kind].entries()].filter(([, d]) => d.some((x) => x.layer.self)).map(([n]) => `\`${n}\``);
    if (names.length) declared.push(`- ${kind}: ${names.join(', ')}`);
  }
  if (declared.length) lines.push(`### ${t('compose.explain.declared', locale)}`, declared.join('\n'));
  lines.push(notesLine(['COMPOSE-01', 'COMPOSE-06', 'DOCKER-27'], locale));
  return lines.filter(Boolean).join('\n\n');
}
