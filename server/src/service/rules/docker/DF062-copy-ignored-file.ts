// DF062 — COPY/ADD of a path that .dockerignore excludes: the build will not find it (BuildKit CopyIgnoredFile).
import { flagOf } from '../../languages/docker/model';
import { dockerignoreFor, isSourceIgnored, sourceOnlyBesideDockerfile } from '../../languages/docker/dockerignore';
import type { Rule } from '../types';
import { copyArgs, facts } from './lib/model';

export const rule: Rule = {
  id: 'DF062',
  kinds: ['dockerfile'],
  check({ doc, workspace, report }) {
    if (!doc.path || !workspace?.fs || !doc.uri.startsWith('file:')) return;
    const f = facts(doc);
    let ig: ReturnType<typeof dockerignoreFor> | null = null;
    for (const instr of f.df.getInstructions()) {
      const kw = instr.getKeyword();
      if ((kw !== 'COPY' && kw !== 'ADD') || flagOf(instr, 'from')) continue;
      const { sources } = copyArgs(instr);
      if (sources.length === 0) continue;
      if (ig === null) ig = dockerignoreFor(doc.path, workspace);
      if (!ig) return;
      for (const s of sources) {
        const v = s.getValue();
        if (/^[a-z][\w+.-]*:\/\//i.test(v) || v.startsWith('git@')) continue;
        if (!isSourceIgnored(ig, v)) continue;
        // denoland/deno_docker example/Dockerfile `COPY deps.ts .`: the repository's root .dockerignore
        // (`*`, `!_entry.sh`) is for the root builds; example/deps.ts exists beside this Dockerfile and
        // not at the root, so this build's context is its own folder and that ignore file is not read.
        if (sourceOnlyBesideDockerfile(doc.path, ig, v, workspace)) continue;
        report({ range: s.getRange(), args: { source: v, file: ig.name } });
      }
    }
  },
};
