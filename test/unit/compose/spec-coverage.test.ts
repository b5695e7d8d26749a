// Coverage of our Compose Specification data (server/src/service/languages/compose/data/spec.ts)
// against a published compose-spec JSON schema: every key the schema knows, at every level, must be
// known to our walker (ours may know more: keys newer than that schema). The schema is the copy
// shared with the benchmark (../shared/bench/schemas/compose-spec.json); the test is skipped where
// that folder is absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, type SpecNode } from '../../../server/src/service/languages/compose/data/spec';

const SCHEMA = join(__dirname, '..', '..', '..', '..', 'shared', 'bench', 'schemas', 'compose-spec.json');

type J = Record<string, unknown>;

describe('compose spec coverage', { skip: !existsSync(SCHEMA) && 'no shared compose-spec.json' }, () => {
  it('knows every key of the published schema, at every level', () => {
    const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as J;
    const defs = (schema.definitions ?? schema.$defs ?? {}) as Record<string, J>;
    const deref = (n: J | undefined, depth = 0): J | undefined => {
      if (!n || depth > 10) return n;
      const r = n.$ref as string | undefined;
      if (r?.startsWith('#/definitions/')) return deref(defs[r.slice(14)], depth + 1);
      return n;
    };
    /** the object variants of a schema node (oneOf/anyOf flattened) */
    const variants = (n: J | undefined): J[] => {
      const d = deref(n);
      if (!d) return [];
      const alts = [...((d.oneOf as J[]) ?? []), ...((d.anyOf as J[]) ?? [])];
      return alts.length ? [d, ...alts.flatMap((a) => variants(a))] : [d];
    };
    const missing: string[] = [];
    const seen = new Set<string>();
    const walk = (n: J | undefined, ours: SpecNode | undefined, path: string) => {
      if (!ours || seen.has(path) || path.split('.').length > 12) return;
      seen.add(path);
      for (const v of variants(n)) {
        for (const [k, child] of Object.entries((v.properties ?? {}) as Record<string, J>)) {
          const mine = ours.keys?.[k];
          if (!mine) {
            missing.push(`${path}.${k}`);
            continue;
          }
          walk(child, mine, `${path}.${k}`);
        }
        for (const [pattern, child] of Object.entries((v.patternProperties ?? {}) as Record<string, J>)) {
          if (pattern.startsWith('^x-')) continue;
          if (ours.anyKey) walk(child, ours.anyKey, `${path}.<${pattern}>`);
        }
        if (v.items && ours.items) walk(v.items as J, ours.items, `${path}[]`);
      }
    };
    walk(schema, ROOT, '$');
    assert.ok(seen.size > 50, `walked only ${seen.size} schema nodes`);
    assert.deepEqual(missing, []);
  });
});
