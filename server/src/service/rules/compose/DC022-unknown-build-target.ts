// DC022 — `build.target` names no stage of the Dockerfile (`FROM … AS <name>`).
import { t } from '../../knowledge/index';
import type { Rule } from '../types';
import { buildInfo, dockerfileStages, readText } from '../../languages/compose/files';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC022',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    for (const svc of p.services.values()) {
      const b = buildInfo(svc);
      if (!b || (b.remote && b.inline === undefined) || !b.target || !b.targetNode || !b.layer.self || b.target.includes('$')) continue;
      const text = b.inline ?? readText(ctx.workspace?.fs, b.dockerfilePath);
      if (text === undefined) continue;
      const stages = dockerfileStages(text);
      if (stages.some((s) => s.toLowerCase() === b.target!.toLowerCase())) continue;
      const locale = ctx.settings.locale;
      const list = stages.length
        ? t('compose.build.stages', locale, { stages: stages.map((x) => `\`${x}\``).join(', ') })
        : t('compose.build.noStages', locale);
      ctx.report({ range: range(b.layer.doc, b.targetNode), args: { target: b.target, stages: list } });
    }
  },
};
