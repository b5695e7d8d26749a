// DF002 — `COPY . …` / `ADD . …` when the build context has no .dockerignore (DOCKER-03).
import { flagOf } from '../../languages/docker/model';
import { dockerignoreFor } from '../../languages/docker/dockerignore';
import type { Rule } from '../types';
import { copyArgs, facts, isWholeContext } from './lib/model';

export const rule: Rule = {
  id: 'DF002',
  kinds: ['dockerfile'],
  check({ doc, workspace, report }) {
    if (!doc.path || !workspace?.fs || !doc.uri.startsWith('file:')) return;
    const f = facts(doc);
    let known: boolean | undefined;
    for (const instr of f.df.getInstructions()) {
      const kw = instr.getKeyword();
      if ((kw !== 'COPY' && kw !== 'ADD') || flagOf(instr, 'from')) continue;
      const src = copyArgs(instr).sources.find((a) => isWholeContext(a.getValue()));
      if (!src) continue;
      if (known === undefined) known = dockerignoreFor(doc.path, workspace) !== undefined;
      if (known) return;
      report({ range: src.getRange(), args: { instruction: kw } });
    }
  },
};
