// DF055 — FROM uses a variable that no ARG before the first FROM declares (BuildKit UndefinedArgInFrom).
import { declaredNames, PREDEFINED_ARG_NAMES, safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

export const rule: Rule = {
  id: 'DF055',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    const globals = new Set(f.globalArgs.flatMap((a) => declaredNames(a).map((d) => d.name)));
    for (const stage of f.stages) {
      if (!(stage.from.getRawArgumentsContent() ?? '').includes('$')) continue;
      for (const v of safe(() => stage.from.getVariables(), [])) {
        const name = v.getName();
        if (!name || globals.has(name) || PREDEFINED_ARG_NAMES.has(name) || v.getModifier()) continue;
        report({ range: v.getNameRange(), args: { name } });
      }
    }
  },
};
