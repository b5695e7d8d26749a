// DF012 — CMD/ENTRYPOINT that builds assets on every start instead of at build time (DOCKER-24).
import { commandName } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

function buildCommand(words: string[]): boolean {
  const [p, a, b] = words;
  if ((p === 'npm' || p === 'pnpm' || p === 'yarn' || p === 'bun') && (a === 'build' || (a === 'run' && /^build(:|$)/.test(b ?? '')))) return true;
  if (p === 'yarn' && /^build(:|$)/.test(a ?? '')) return true;
  if (/^python[0-9.]*$/.test(p) && words.includes('collectstatic')) return true;
  if (p === 'webpack' || p === 'gulp' || p === 'grunt') return true;
  if ((p === 'vite' || p === 'ng' || p === 'next' || p === 'nuxt' || p === 'astro') && a === 'build') return true;
  if ((p === 'npx') && ['webpack', 'vite', 'ng', 'next', 'nuxt'].includes(a ?? '') && (a === 'webpack' || b === 'build')) return true;
  if (words.some((w) => w === 'assets:precompile')) return true;
  return false;
}

export const rule: Rule = {
  id: 'DF012',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      const kw = instr.getKeyword();
      if (kw !== 'CMD' && kw !== 'ENTRYPOINT') continue;
      for (const c of f.commands(instr)) {
        const p = commandName(c);
        if (!p) continue;
        const words = c.words.slice(p.index).map((w, i) => (i === 0 ? p.name : w.text));
        if (!buildCommand(words)) continue;
        report({ range: doc.rangeOf(c.words[p.index].start, c.words[c.words.length - 1].end), args: { command: words.join(' ') } });
      }
    }
  },
};
