// Shared by the version-pinning rules (off by default): packages of an install without a version.
import type { InfraDocument } from '../../../documents/document';
import type { RuleContext } from '../../types';
import { facts } from './model';
import { isInstall, packagesOf, pmCommands } from './packages';

export function reportUnpinned(ctx: RuleContext, managers: string[], pinned: (pkg: string) => boolean): void {
  const doc: InfraDocument = ctx.doc;
  const f = facts(doc);
  for (const instr of f.df.getInstructions()) {
    if (instr.getKeyword() !== 'RUN') continue;
    for (const pm of pmCommands(f, instr)) {
      if (!managers.includes(pm.manager) || !isInstall(pm)) continue;
      for (const w of packagesOf(pm)) {
        if (w.text.includes('$') || pinned(w.text)) continue;
        ctx.report({ range: doc.rangeOf(w.start, w.end), args: { package: w.text } });
      }
    }
  }
}
