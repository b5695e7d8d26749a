// DF058 — ARG/ENV named like a secret: its value stays in the image history (BuildKit SecretsUsedInArgOrEnv).
import { declaredNames } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts } from './lib/model';

const SECRET = /(^|_)(PASSWORD|PASSWD|PWORD|SECRET|TOKEN|APIKEY|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)(_|$)/i;
const NOT_SECRET = /(^|_)(FILE|PATH|DIR|URL|HOST|USER|USERNAME|NAME|ID|LENGTH|TYPE|METHOD|PUBLIC|MODE|ENABLED?|PROVIDER)$/i;

export const rule: Rule = {
  id: 'DF058',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of facts(doc).df.getInstructions()) {
      const kw = instr.getKeyword();
      if (kw !== 'ARG' && kw !== 'ENV') continue;
      for (const d of declaredNames(instr)) {
        if (!SECRET.test(d.name) || NOT_SECRET.test(d.name)) continue;
        report({ range: d.range, args: { instruction: kw, name: d.name } });
      }
    }
  },
};
