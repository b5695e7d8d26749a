// DF001 — CMD/ENTRYPOINT whose main process daemonises: PID 1 returns and the container stops (DOCKER-01).
import { commandName, isJsonForm } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

/** `ENTRYPOINT ["nginx"]` + `CMD ["-g", "daemon off;"]`: the CMD of the same stage supplies the flag. */
function cmdSaysDaemonOff(f: ReturnType<typeof facts>, entry: import('dockerfile-ast').Instruction): boolean {
  const stage = f.stageOf(entry);
  const cmds = stage?.instructions.filter((i) => i.getKeyword() === 'CMD') ?? [];
  const last = cmds[cmds.length - 1];
  return !!last && /daemon\s+off/.test(last.getRawArgumentsContent() ?? '');
}

export const rule: Rule = {
  id: 'DF001',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const instr of f.df.getInstructions()) {
      const kw = instr.getKeyword();
      if (kw !== 'CMD' && kw !== 'ENTRYPOINT') continue;
      const cmds = f.commands(instr);
      const json = isJsonForm(instr);
      cmds.forEach((c, k) => {
        const p = commandName(c);
        if (!p) return;
        const w = c.words;
        const name = p.name;
        const first = w[p.index];
        const last = w[w.length - 1];
        const rest = w.slice(p.index + 1).map((x) => x.text);
        if (name === 'service' && rest.some((t) => t === 'start' || t === 'restart')) {
          report({ range: doc.rangeOf(first.start, last.end), args: { command: 'service' } });
        } else if (name === 'systemctl' || ((name === 'apachectl' || name === 'apache2ctl') && rest.includes('start'))) {
          report({ range: doc.rangeOf(first.start, last.end), args: { command: name } });
        } else if (first.text.startsWith('/etc/init.d/')) {
          report({ range: doc.rangeOf(first.start, last.end), args: { command: first.text } });
        } else if (name === 'nginx' && !rest.some((t) => /^-[tTvVhsq?]/.test(t)) && !/daemon\s+off/.test(rest.join(' ')) && !(kw === 'ENTRYPOINT' && cmdSaysDaemonOff(f, instr))) {
          const at = doc.positionAt(first.end);
          report({
            range: doc.rangeOf(first.start, first.end),
            args: { command: 'nginx' },
            fixes: [{ name: 'nginx', edits: [{ range: { start: at, end: at }, newText: json ? ', "-g", "daemon off;"' : " -g 'daemon off;'" }], preferred: true }],
          });
        } else if (/^php-?fpm[0-9.]*$/.test(name)) {
          const d = w.find((x, i) => i > p.index && (x.text === '-D' || x.text === '--daemonize'));
          if (d) report({ range: doc.rangeOf(d.start, d.end), args: { command: name }, fixes: [{ name: 'fpm', edits: [{ range: doc.rangeOf(d.start, d.end), newText: json ? '"-F"' : '-F' }], preferred: true }] });
        }
        // a trailing `&`: the last command goes to the background and PID 1 has nothing left to run
        if (c.sep === '&' && !cmds.slice(k + 1).some((n) => n.words.length > 0)) {
          const lastWord = c.words[c.words.length - 1];
          const from = lastWord && lastWord.end <= c.sepStart ? lastWord.end : c.sepStart;
          report({ range: doc.rangeOf(c.sepStart, c.sepEnd), args: { command: '&' }, fixes: [{ name: 'background', edits: [{ range: doc.rangeOf(from, c.sepEnd), newText: '' }] }] });
        }
      });
    }
  },
};
