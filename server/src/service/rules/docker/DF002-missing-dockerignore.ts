// DF002 — `COPY . …` / `ADD . …` when the build context has no .dockerignore (DOCKER-03).
import { flagOf } from '../../languages/docker/model';
import { dockerignoreFor, sourceOnlyBesideDockerfile } from '../../languages/docker/dockerignore';
import type { Rule } from '../types';
import { copyArgs, facts, isWholeContext } from './lib/model';

export const rule: Rule = {
  id: 'DF002',
  kinds: ['dockerfile'],
  check({ doc, workspace, report }) {
    const path = doc.path;
    if (!path || !workspace?.fs || !doc.uri.startsWith('file:')) return;
    const f = facts(doc);
    const fromContext = f.df.getInstructions().filter((i) => (i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD') && !flagOf(i, 'from'));
    let known: boolean | undefined;
    for (const instr of fromContext) {
      const src = copyArgs(instr).sources.find((a) => isWholeContext(a.getValue()));
      if (!src) continue;
      if (known === undefined) {
        const ig = dockerignoreFor(path, workspace);
        // BuildKit reads `<context>/.dockerignore` or `<Dockerfile>.dockerignore`, nothing in between.
        // A .dockerignore found in an ancestor folder counts only while that folder can be the
        // context: when another COPY names a file that exists beside this Dockerfile and not there
        // (deno_docker example/Dockerfile: `COPY deps.ts .` then `ADD . .`), the build runs in the
        // Dockerfile's own folder, which has no ignore file.
        known = ig !== undefined && !fromContext.some((i) => copyArgs(i).sources.some((a) => sourceOnlyBesideDockerfile(path, ig, a.getValue(), workspace)));
      }
      if (known) return;
      report({ range: src.getRange(), args: { instruction: instr.getKeyword() } });
    }
  },
};
