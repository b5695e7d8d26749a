// DC029 — `$name` / `${name}` left unescaped inside an inline `configs.<x>.content`. Compose
// interpolates the whole file, inline config content included, so an nginx config's `$host` or
// `$http_upgrade` is replaced by the shell's variable of that name, or by an empty string, before the
// file reaches the container. `$$` is the escape. Deliberate interpolation is left alone: a name set
// in the project's `.env`, a `${VAR:-default}` / `${VAR:?err}` / `${VAR:+alt}` form, and an
// all-uppercase name (the environment-variable convention, as in the Compose reference's own
// `${DEBUG}` example); what is left — names with lower-case letters — is what configuration
// languages (nginx, shell, Caddy placeholders…) use for their own variables.
import { isMap, isScalar, type Node } from 'yaml';
import { dotEnv } from '../../languages/compose/env';
import { pairIn } from '../../languages/compose/model';
import type { Rule } from '../types';
import { composeProject } from './util';

interface Token { start: number; end: number; name: string; op: boolean }

/** Compose's interpolation tokens in raw source text; `$$` escapes and names Compose leaves alone are skipped. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    const next = text[i + 1];
    if (next === '$') { i++; continue; }
    if (next === '{') {
      const close = text.indexOf('}', i + 2);
      const nl = text.indexOf('\n', i + 2);
      if (close < 0 || (nl >= 0 && nl < close)) continue;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(.*)$/s.exec(text.slice(i + 2, close));
      if (m) out.push({ start: i, end: close + 1, name: m[1], op: m[2] !== '' });
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1, i + 65));
    if (m) { out.push({ start: i, end: i + 1 + m[0].length, name: m[0], op: false }); i += m[0].length; }
  }
  return out;
}

export const rule: Rule = {
  id: 'DC029',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    let env: Map<string, string> | undefined | null = null;
    for (const [config, decls] of p.top.configs) {
      for (const d of decls) {
        if (!d.layer.self || !isMap(d.value)) continue;
        const pair = pairIn(d.layer.ydoc, d.value, 'content');
        const node = pair?.value as Node | undefined;
        if (!isScalar(node) || typeof node.value !== 'string' || !node.range) continue;
        const doc = d.layer.doc;
        const text = doc.content;
        const [from, to] = node.range;
        for (const tk of tokens(text.slice(from, to))) {
          if (tk.op || /^[A-Z_][A-Z0-9_]*$/.test(tk.name)) continue;
          if (env === null) env = dotEnv(doc.path, ctx.workspace?.fs)?.vars;
          if (env?.has(tk.name)) continue;
          const start = doc.positionAt(from + tk.start);
          const r = { start, end: doc.positionAt(from + tk.end) };
          ctx.report({
            range: r,
            args: { token: text.slice(from + tk.start, from + tk.end), config },
            fixes: [{ edits: [{ range: { start, end: doc.positionAt(from + tk.start + 1) }, newText: '$$' }], preferred: true }],
          });
        }
      }
    }
  },
};
