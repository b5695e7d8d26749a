// DC026 — two mounts of one service on the same container path (`volumes` short or long syntax,
// `tmpfs`): Compose rejects the service ("duplicate mount point"). Checked within one file's
// definition of the service: an override file that mounts the same target replaces the base's
// mount when Compose merges them, which is no duplicate.
import { isMap, isScalar, type Node } from 'yaml';
import { listItems, pairIn, resolve, str, valueIn } from '../../languages/compose/model';
import { partRange } from '../../languages/compose/refs';
import { parseVolume } from '../../languages/compose/validate';
import type { Range } from 'vscode-languageserver-types';
import type { Rule } from '../types';
import { ownServices, range } from './util';

interface Mount {
  target: string;
  /** the entry as written, for the message */
  text: string;
  range: Range;
}

/** `/data/` and `/data` are one mount point. */
const normal = (target: string) => (target.length > 1 ? target.replace(/\/+$/, '') : target);

export const rule: Rule = {
  id: 'DC026',
  kinds: ['compose'],
  check(ctx) {
    for (const svc of ownServices(ctx)) {
      const y = svc.ydoc;
      const mounts: Mount[] = [];
      const volumes = pairIn(y, svc.map, 'volumes');
      if (volumes) {
        for (const { item, node } of listItems(y, resolve(y, volumes.value))) {
          if (isScalar(item) && typeof item.value === 'string') {
            const v = parseVolume(item.value);
            if (v) mounts.push({ target: v.target, text: item.value, range: partRange(svc.doc, node, v.target, v.source ? v.source.length : 0) });
          } else if (isMap(item)) {
            const t = valueIn(y, item, 'target');
            const target = str(t);
            if (target) mounts.push({ target, text: target, range: range(svc.doc, t as Node) });
          }
        }
      }
      const tmpfs = pairIn(y, svc.map, 'tmpfs');
      if (tmpfs) {
        const v = resolve(y, tmpfs.value);
        const items = isScalar(v) ? [{ item: v, node: v as Node }] : listItems(y, v);
        for (const { item, node } of items) {
          const text = isScalar(item) && typeof item.value === 'string' ? item.value : undefined;
          if (!text) continue;
          const target = text.split(':')[0].trim();
          if (target) mounts.push({ target, text, range: partRange(svc.doc, node, target) });
        }
      }
      const seen = new Map<string, Mount>();
      for (const m of mounts) {
        if (m.target.includes('$')) continue;
        const key = normal(m.target);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, m);
          continue;
        }
        ctx.report({ range: m.range, args: { target: key, other: first.text, line: first.range.start.line + 1, service: svc.name } });
      }
    }
  },
};
