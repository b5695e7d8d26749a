// DC014 — a network, volume, secret or config declared at the top level that no service uses (info).
import { refs } from '../../languages/compose/refs';
import type { Rule } from '../types';
import { composeProject, includers, range } from './util';

export const rule: Rule = {
  id: 'DC014',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    if (p.fragment) return;
    const used = new Set(refs(p).map((r) => `${r.kind}:${r.name}`));
    // a file another one includes: the includer's services may be the users (read only when needed)
    let byIncluders: Set<string> | undefined;
    const usedByIncluders = (id: string) => {
      byIncluders ??= new Set(includers(ctx).flatMap((q) => refs(q).map((r) => `${r.kind}:${r.name}`)));
      return byIncluders.has(id);
    };
    for (const kind of ['networks', 'volumes', 'secrets', 'configs'] as const) {
      for (const [name, decls] of p.top[kind]) {
        if (used.has(`${kind}:${name}`) || (kind === 'networks' && name === 'default')) continue;
        if (!decls.some((d) => d.layer.self) || usedByIncluders(`${kind}:${name}`)) continue;
        for (const d of decls) if (d.layer.self) ctx.report({ range: range(d.layer.doc, d.key), args: { kind, name } });
      }
    }
  },
};
