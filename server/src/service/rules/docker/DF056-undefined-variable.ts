// DF056 — a variable used where it is not defined: a global ARG not re-declared in the stage, an
// ARG/ENV declared only later or only in another stage, or a near-miss of a defined name
// (BuildKit UndefinedVar). Variables a base image may define are not flagged.
import { distance } from 'fastest-levenshtein';
import { declaredNames, PREDEFINED_ARG_NAMES, safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { baseImage, facts, splitImage, type Stage } from './lib/model';

/** Bases that define next to no environment of their own: a name they lack is really undefined. */
const MINIMAL_BASE = /^(scratch|alpine|busybox|debian|ubuntu|centos|rockylinux|almalinux|fedora|amazonlinux|oraclelinux|(.*\/)?ubi\d*(-\w+)?|(.*\/)?distroless\/.*)$/;

const SKIP = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'FROM', 'ONBUILD']);

function envOfParents(stage: Stage): Set<string> {
  const out = new Set<string>();
  for (let s = stage.parent; s; s = s.parent) {
    for (const i of s.instructions) if (i.getKeyword() === 'ENV') for (const d of declaredNames(i)) out.add(d.name);
  }
  return out;
}

export const rule: Rule = {
  id: 'DF056',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    const globals = new Set(f.globalArgs.flatMap((a) => declaredNames(a).map((d) => d.name)));
    const everywhere = new Set<string>(globals);
    // name → index of its first ARG/ENV in the stage
    const byStage = new Map<Stage, Map<string, number>>();
    for (const s of f.stages) {
      const names = new Map<string, number>();
      s.instructions.forEach((i, k) => {
        if (i.getKeyword() === 'ARG' || i.getKeyword() === 'ENV') for (const d of declaredNames(i)) if (!names.has(d.name)) names.set(d.name, k);
      });
      byStage.set(s, names);
      for (const n of names.keys()) everywhere.add(n);
    }
    for (const stage of f.stages) {
      const inScope = envOfParents(stage);
      // an image like node or golang brings its own ENV (NODE_VERSION, GOPATH…) that we cannot see
      const minimal = MINIMAL_BASE.test(splitImage(baseImage(stage)).repo) || baseImage(stage) === 'scratch';
      const declaredAt = byStage.get(stage) ?? new Map<string, number>();
      stage.instructions.forEach((instr, k) => {
        const kw = instr.getKeyword();
        if (!SKIP.has(kw) && (instr.getRawArgumentsContent() ?? '').includes('$')) {
          for (const v of safe(() => instr.getVariables(), [])) {
            const name = v.getName();
            if (!name || inScope.has(name) || PREDEFINED_ARG_NAMES.has(name) || v.getModifier()) continue;
            const at = declaredAt.get(name);
            if (at === k) continue; // `ENV PATH=$PATH:…`: the value comes from the base image
            const undefinedHere =
              (at !== undefined && at > k) || // declared only further down the stage
              (minimal && (globals.has(name) || everywhere.has(name))) || // a global ARG not re-declared, or another stage's
              [...inScope].some((d) => d.length >= 4 && name.length >= 4 && distance(d, name) <= 2); // a near-miss typo
            if (!undefinedHere) continue;
            report({ range: v.getNameRange(), args: { name } });
          }
        }
        if (kw === 'ARG' || kw === 'ENV') for (const d of declaredNames(instr)) inScope.add(d.name);
      });
    }
  },
};
