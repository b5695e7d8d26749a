// DF054 — CMD/ENTRYPOINT in shell form: /bin/sh becomes PID 1 and signals never reach the
// application (BuildKit JSONArgsRecommended, hadolint DL3025).
import { t } from '../../knowledge/index';
import { isJsonForm, type Instruction } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts, type Stage } from './lib/model';

/** The ENTRYPOINT a stage's image ends up with, when the file sets it (in the stage or a parent stage). */
function entrypointOf(stage: Stage | undefined): Instruction | undefined {
  for (let s = stage, seen = 0; s && seen < 64; s = s.parent, seen++) {
    const eps = s.instructions.filter((i) => i.getKeyword() === 'ENTRYPOINT');
    if (eps.length) return eps[eps.length - 1];
  }
  return undefined;
}

export const rule: Rule = {
  id: 'DF054',
  kinds: ['dockerfile'],
  check({ doc, report, settings }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      // an explicit SHELL means the author chose the shell form on purpose
      if (stage.instructions.some((i) => i.getKeyword() === 'SHELL')) continue;
      for (const instr of stage.instructions) {
        const kw = instr.getKeyword();
        if ((kw !== 'CMD' && kw !== 'ENTRYPOINT') || isJsonForm(instr)) continue;
        const range = instr.getArgumentsRange();
        if (!range) continue;
        const cmds = f.commands(instr);
        const raw = instr.getRawArgumentsContent() ?? '';
        const simple = cmds.length === 1 && cmds[0].sep === '' && !/[$`*?<>|&;(){}\\'"]/.test(raw);
        const json = `[${cmds[0]?.words.map((w) => JSON.stringify(w.text)).join(', ')}]`;
        // `ENTRYPOINT ["tini", "--"]` + `CMD /bin/meilisearch` (meilisearch/meilisearch Dockerfile): tini
        // is PID 1; the CMD is handed to it as `/bin/sh -c …`
        const ep = kw === 'CMD' ? entrypointOf(stage) : undefined;
        const reason = ep && isJsonForm(ep)
          ? t('docker.shellForm.entrypoint', settings.locale, { line: ep.getRange().start.line + 1 })
          : t('docker.shellForm.pid1', settings.locale);
        report({ range, args: { instruction: kw, reason }, fixes: simple ? [{ edits: [{ range, newText: json }], preferred: true }] : [] });
      }
    }
  },
};
