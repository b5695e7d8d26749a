// DC014 — a network, volume, secret or config declared at the top level that no service uses (info).
import { refs } from '../../languages/compose/refs';
import type { Rule } from '../types';
import { composeProject, range } from './util';

export const rule: Rule = {
  id: 'DC014',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    if (p.fragment) return;
    const used = new Set(refs(p).map((r) => `${r.kind}:${r.name}`));
    for (const kind of ['networks', 'volumes', 'secrets', 'configs'] as const) {
      for (const [name, decls] of p.top[kind]) {
        if (used.has(`${kind}:${name}`) || (kind === 'networks' && name === 'default')) continue;
        for (const d of decls) if (d.layer.self) ctx.report({ range: range(d.layer.doc, d.key), args: { kind, name } });
      }
    }
  },
};
