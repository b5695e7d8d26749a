// DF062 — COPY/ADD of a path that .dockerignore excludes: the build will not find it (BuildKit CopyIgnoredFile).
import { flagOf } from '../../languages/docker/model';
import { dockerignoreFor, isSourceIgnored } from '../../languages/docker/dockerignore';
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
        if (isSourceIgnored(ig, v)) report({ range: s.getRange(), args: { source: v, file: ig.name } });
      }
    }
  },
};
