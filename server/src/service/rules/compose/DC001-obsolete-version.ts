// DC001 — top-level `version:` is obsolete in the Compose Specification (COMPOSE-02). For a Swarm
// stack file (named like `docker-stack.yml`, or with `deploy.placement` / `deploy.mode: global`) the message
// adds that `docker stack deploy` needed the key until Docker 23 (docker/cli#3257).
import { isMap } from 'yaml';
import { basename } from '../../documents/classify';
import { t } from '../../knowledge/index';
import { getPair, rangeOf, yamlModel } from '../../yaml/model';
import { str, valueIn } from '../../languages/compose/model';
import { notCompose } from '../../languages/compose/validate';
import type { Rule, RuleContext } from '../types';
import { ownServices } from './util';

/** A file meant for `docker stack deploy`: its name says so, or a service uses Swarm-only placement. */
function stackFile(ctx: RuleContext): boolean {
  const name = basename(ctx.doc.path).toLowerCase();
  if (/(^|[-_.])stack\.ya?ml$/.test(name) || /^(docker-)?stack[-_.].*\.ya?ml$/.test(name)) return true;
  for (const svc of ownServices(ctx)) {
    const deploy = valueIn(svc.ydoc, svc.map, 'deploy');
    // placement and `mode: global` are Swarm's; `mode: replicated` is Compose's default too (grafana/loki production)
    if (isMap(deploy) && (valueIn(svc.ydoc, deploy, 'placement') !== undefined || str(valueIn(svc.ydoc, deploy, 'mode')) === 'global')) return true;
  }
  return false;
}

export const rule: Rule = {
  id: 'DC001',
  kinds: ['compose'],
  check(ctx) {
    const { doc, report } = ctx;
    if (notCompose(doc)) return;
    let stack: string | undefined;
    for (const d of yamlModel(doc).docs) {
      const pair = getPair(d.contents, 'version');
      if (!pair?.key) continue;
      const keyRange = rangeOf(doc, pair.key);
      // remove the whole line (and a following blank line) holding `version: …`
      const line = keyRange.start.line;
      const valueEnd = rangeOf(doc, (pair.value as never) ?? pair.key).end.line;
      let endLine = valueEnd + 1;
      if (endLine < doc.lineCount && doc.lineText(endLine).trim() === '') endLine++;
      stack ??= stackFile(ctx) ? t('compose.version.stack', ctx.settings.locale) : '';
      report({
        range: { start: keyRange.start, end: rangeOf(doc, (pair.value as never) ?? pair.key).end },
        args: { version: String((pair.value as { value?: unknown })?.value ?? ''), stack },
        fixes: [{ edits: [{ range: { start: { line, character: 0 }, end: { line: endLine, character: 0 } }, newText: '' }], preferred: true }],
      });
    }
  },
};
