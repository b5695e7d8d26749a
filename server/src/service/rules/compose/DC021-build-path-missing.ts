// DC021 — `build.context` folder or `build.dockerfile` that does not exist beside the compose file.
import type { Rule } from '../types';
import { buildInfo } from '../../languages/compose/files';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC021',
  kinds: ['compose'],
  check(ctx) {
    const fs = ctx.workspace?.fs;
    if (!fs) return;
    const p = composeProject(ctx);
    for (const svc of p.services.values()) {
      const b = buildInfo(svc);
      if (!b || b.remote || !b.layer.self || !b.contextPath) continue;
      if (!fs.isDirectory(b.contextPath)) {
        if (b.contextNode) ctx.report({ range: range(b.layer.doc, b.contextNode), args: { what: 'context', path: b.context } });
        continue;
      }
      if (b.dockerfileNode && b.dockerfilePath && !fs.exists(b.dockerfilePath)) {
        ctx.report({ range: range(b.layer.doc, b.dockerfileNode), args: { what: 'dockerfile', path: b.dockerfile } });
      }
    }
  },
};
