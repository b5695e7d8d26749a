// "Explain this file": every object with its kind explanation, apiVersion status and, for pods and
// workloads, the QoS class.
import type { InfraDocument } from '../../documents/document';
import { localise, ref } from '../../knowledge/index';
import { notesLine } from '../../knowledge/render';
import type { RequestContext } from '../support';
import { apiStatusText, qosText } from './hover';
import { objects } from './model';

export function explain(doc: InfraDocument, ctx: RequestContext): string {
  const locale = ctx.settings.locale;
  const parts: string[] = [];
  for (const o of objects(doc)) {
    const e = ref(`k8s.kind.${o.kind}`);
    const lines = [`### ${o.kind}${o.name ? ` \`${o.name}\`` : ''}`];
    if (e) lines.push(`**${localise(e.title, locale)}** — ${localise(e.body, locale).trim()}`);
    lines.push(apiStatusText(o, ctx));
    if (o.podSpec) lines.push(qosText(o, locale));
    if (e?.notes) lines.push(notesLine(e.notes, locale));
    parts.push(lines.join('\n\n'));
  }
  return parts.join('\n\n---\n\n');
}
