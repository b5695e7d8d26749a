// DF008 — the whole build context copied before the dependency install of the same stage: every code
// change re-downloads the dependencies (DOCKER-18). Copying the manifests first does not help when the
// whole-context COPY still comes before the install (`COPY package*.json ./`, `COPY . .`, `RUN npm ci`):
// what counts is whether that ecosystem's install ran before the whole-context COPY.
import type { Instruction } from 'dockerfile-ast';
import { flagOf } from '../../languages/docker/model';
import type { Rule } from '../types';
import { copyArgs, facts, isWholeContext } from './lib/model';
import { pmCommands, type PmCommand } from './lib/packages';
import { operands } from './lib/packages';

/** The dependency install a command performs, as `{ ecosystem, text }`. */
function dependencyInstall(pm: PmCommand): string | undefined {
  const s = pm.sub?.text ?? '';
  const words = pm.cmd.words.map((w) => w.text);
  switch (pm.manager) {
    // `npm ci` / `npm install` of the manifest, not `npm install -g pm2` or `npm install left-pad`
    case 'npm': return ['ci', 'install', 'i'].includes(s) && !words.some((w) => w === '-g' || w === '--global') && operands(pm.cmd, pm.subIndex).length === 0 ? 'node' : undefined;
    case 'yarn': return s === '' || s === 'install' ? 'node' : undefined;
    case 'pnpm': return s === 'install' || s === 'i' ? 'node' : undefined;
    case 'pip': return s === 'install' && words.some((w) => w === '-r' || w === '--requirement' || w.startsWith('-r')) ? 'python' : undefined;
    case 'poetry': case 'pipenv': return s === 'install' || s === 'sync' ? 'python' : undefined;
    case 'uv': return s === 'sync' ? 'python' : undefined;
    case 'bundle': return s === 'install' || s === '' ? 'ruby' : undefined;
    case 'composer': return s === 'install' ? 'php' : undefined;
    case 'go': return s === 'mod' && words.includes('download') ? 'go' : undefined;
    case 'mvn': return words.some((w) => /^(dependency:(go-offline|resolve)|package|install|verify)$/.test(w)) ? 'java' : undefined;
    case 'gradle': return words.some((w) => /^(dependencies|build|assemble|bootJar|installDist|shadowJar)$/.test(w)) ? 'java' : undefined;
    default: return undefined;
  }
}

export const rule: Rule = {
  id: 'DF008',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      let wholeCopy: { instr: Instruction; src: import('dockerfile-ast').Argument } | undefined;
      const installed = new Set<string>();
      for (const instr of stage.instructions) {
        const kw = instr.getKeyword();
        if (kw === 'COPY' || kw === 'ADD') {
          if (flagOf(instr, 'from')) continue;
          const { sources } = copyArgs(instr);
          for (const s of sources) {
            const v = s.getValue();
            if (isWholeContext(v)) wholeCopy ??= { instr, src: s };
          }
          continue;
        }
        if (kw !== 'RUN') continue;
        for (const pm of pmCommands(f, instr)) {
          const eco = dependencyInstall(pm);
          if (!eco) continue;
          if (wholeCopy && !installed.has(eco)) {
            const r = pm.sub ? doc.rangeOf(pm.nameWord.start, pm.sub.end) : doc.rangeOf(pm.nameWord.start, pm.nameWord.end);
            report({ range: wholeCopy.src.getRange(), args: { install: doc.content.slice(doc.offsetAt(r.start), doc.offsetAt(r.end)), line: instr.getRange().start.line + 1 } });
            wholeCopy = undefined;
          }
          installed.add(eco);
        }
      }
    }
  },
};
