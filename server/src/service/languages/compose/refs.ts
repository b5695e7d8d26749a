// Every place a Compose project names a service, a network, a volume, a secret or a config, with
// the exact range of the name. Shared by the reference rules (DC010, DC013, DC014) and navigation.
import { isMap, isScalar, type Node } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { rangeOf } from '../../yaml/model';
import { isHostPath, parseVolume } from './validate';
import {
  listItems, namesIn, pairsOf, resolve, str, valueIn, type ComposeProject, type Layer, type Service, type TopKind,
} from './model';

export type RefKind = 'service' | TopKind;

export interface Ref {
  kind: RefKind;
  name: string;
  /** the service the reference is written in */
  from: string;
  /** the key it appears under (depends_on, links, volumes…) */
  via: string;
  layer: Layer;
  node: Node;
  range: Range;
}

/** The range of `part` inside a scalar node (e.g. `db` in `db:database`), or the node's range. */
export function partRange(doc: InfraDocument, node: Node, part: string, at = 0): Range {
  const r = node.range;
  if (!r) return rangeOf(doc, node);
  const src = doc.content.slice(r[0], r[1]);
  const i = src.indexOf(part, at);
  if (i < 0 || part === '') return rangeOf(doc, node);
  return doc.rangeOf(r[0] + i, r[0] + i + part.length);
}

const memo = new WeakMap<ComposeProject, Ref[]>();

/** Every reference of the project (memoised on the project, itself memoised per document version). */
export function refs(p: ComposeProject): Ref[] {
  let out = memo.get(p);
  if (out) return out;
  out = [];
  for (const svc of p.services.values()) for (const sl of svc.layers) if (sl.map) collect(svc, sl.layer, sl.map, out);
  memo.set(p, out);
  return out;
}

function push(out: Ref[], layer: Layer, kind: RefKind, name: string, from: string, via: string, node: Node, range?: Range): void {
  out.push({ kind, name, from, via, layer, node, range: range ?? rangeOf(layer.doc, node) });
}

function collect(svc: Service, layer: Layer, map: unknown, out: Ref[]): void {
  const y = layer.ydoc;
  const doc = layer.doc;
  for (const { key, pair } of pairsOf(y, map)) {
    const value = pair.value;
    switch (key) {
      case 'depends_on':
        for (const n of namesIn(y, value)) push(out, layer, 'service', n.name, svc.name, key, n.node);
        break;
      case 'links':
        for (const { item, node } of listItems(y, value)) {
          const s = str(item);
          if (!s) continue;
          const name = s.split(':')[0];
          push(out, layer, 'service', name, svc.name, key, node, partRange(doc, node, name));
        }
        break;
      case 'extends': {
        const v = resolve(y, value);
        if (isScalar(v) && typeof v.value === 'string') push(out, layer, 'service', v.value, svc.name, key, v as Node);
        else if (isMap(v) && valueIn(y, v, 'file') === undefined) {
          const s = valueIn(y, v, 'service');
          if (isScalar(s) && typeof s.value === 'string') push(out, layer, 'service', s.value, svc.name, key, s as Node);
        }
        break;
      }
      case 'network_mode':
      case 'pid':
      case 'ipc': {
        const v = resolve(y, value);
        const s = str(v);
        if (s?.startsWith('service:') && s.length > 8) push(out, layer, 'service', s.slice(8), svc.name, key, v as Node, partRange(doc, v as Node, s.slice(8), s.indexOf(':')));
        break;
      }
      case 'volumes_from':
        for (const { item, node } of listItems(y, value)) {
          const s = str(item);
          if (!s || s.startsWith('container:')) continue;
          const name = s.split(':')[0];
          push(out, layer, 'service', name, svc.name, key, node, partRange(doc, node, name));
        }
        break;
      case 'networks':
        for (const n of namesIn(y, value)) push(out, layer, 'networks', n.name, svc.name, key, n.node);
        break;
      case 'secrets':
      case 'configs':
        for (const n of namesIn(y, value)) push(out, layer, key, n.name, svc.name, key, n.node);
        break;
      case 'build': {
        const b = resolve(y, value);
        if (isMap(b)) for (const n of namesIn(y, valueIn(y, b, 'secrets'))) push(out, layer, 'secrets', n.name, svc.name, 'build.secrets', n.node);
        break;
      }
      case 'volumes':
        for (const { item, node } of listItems(y, value)) {
          if (isScalar(item) && typeof item.value === 'string') {
            const v = parseVolume(item.value);
            if (!v?.source || isHostPath(v.source) || v.source.includes('$')) continue;
            push(out, layer, 'volumes', v.source, svc.name, key, node, partRange(doc, node, v.source));
          } else if (isMap(item)) {
            const type = str(valueIn(y, item, 'type'));
            const src = valueIn(y, item, 'source');
            const s = str(src);
            if (type === 'volume' && s && !s.includes('$')) push(out, layer, 'volumes', s, svc.name, key, src as Node);
          }
        }
        break;
      default:
        break;
    }
  }
}
