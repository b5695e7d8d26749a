// K8S023 — a Secret `data` (or ConfigMap `binaryData`) value that isn't base64 (K8S-11). Fix: encode it.
import { entries, get, isSopsEncrypted, objects, SOPS_VALUE } from '../../languages/kubernetes/model';
import { isScalar } from '../../yaml/model';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function isBase64(v: string): boolean {
  const s = v.replace(/\s+/g, '');
  return B64.test(s) && s.length % 4 === 0;
}

export const rule: Rule = {
  id: 'K8S023',
  kinds: ['kubernetes'],
  check({ doc, report }) {
    for (const o of objects(doc)) {
      if (o.templated) continue;
      const field = o.kind === 'Secret' ? 'data' : o.kind === 'ConfigMap' ? 'binaryData' : undefined;
      if (!field) continue;
      // SOPS encrypts the values in place (`ENC[AES256_GCM,data:…]`); they are base64 again once decrypted
      const sops = isSopsEncrypted(o);
      for (const { key, pair } of entries(get(o.root, field))) {
        if (!isScalar(pair.value)) continue;
        const v = pair.value.value;
        if (v === null || v === undefined) continue;
        const s = String(v);
        if (typeof v === 'string' && isBase64(s)) continue;
        if (sops && SOPS_VALUE.test(s)) continue;
        const range = valueRangeOf(doc, pair)!;
        report({ range, args: { key }, fixes: [{ edits: [{ range, newText: Buffer.from(s, 'utf8').toString('base64') }] }] });
      }
    }
  },
};
