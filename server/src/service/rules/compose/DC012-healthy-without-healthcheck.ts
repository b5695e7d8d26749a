// DC012 — `condition: service_healthy` on a service that has no healthcheck (COMPOSE-03): the
// dependant never starts.
import { isMap } from 'yaml';
import { buildInfo, dockerfileHasHealthcheck, readText } from '../../languages/compose/files';
import { pairsOf, resolve, serviceValue, str, valueIn, type Service } from '../../languages/compose/model';
import type { FileReader } from '../../types';
import type { Rule } from '../types';
import { composeProject, ownServices, range } from './util';

export const rule: Rule = {
  id: 'DC012',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    for (const svc of ownServices(ctx)) {
      const y = svc.ydoc;
      const deps = valueIn(y, svc.map, 'depends_on');
      if (!isMap(deps)) continue;
      for (const d of pairsOf(y, deps)) {
        const target = p.services.get(d.key);
        if (!target) continue;
        const condNode = valueIn(y, resolve(y, d.pair.value), 'condition');
        if (str(condNode) !== 'service_healthy') continue;
        if (hasHealthcheck(target, ctx.workspace?.fs)) continue;
        ctx.report({ range: range(svc.doc, condNode as never), args: { name: d.key } });
      }
    }
  },
};

function hasHealthcheck(svc: Service, fs: FileReader | undefined): boolean {
  const hc = serviceValue(svc, 'healthcheck');
  // a service that extends another may inherit its healthcheck: unknown, so no finding
  if (!hc && serviceValue(svc, 'extends')) return true;
  if (!hc) return imageMayHaveOne(svc, fs);
  if (!isMap(hc.value)) return false;
  const disable = str(valueIn(hc.layer.ydoc, hc.value, 'disable'));
  if (disable === 'true') return false;
  const test = valueIn(hc.layer.ydoc, hc.value, 'test');
  if (str(test) === 'NONE') return false;
  return true;
}

/** A service built from a Dockerfile gets the Dockerfile's HEALTHCHECK; unreadable means "maybe". */
function imageMayHaveOne(svc: Service, fs: FileReader | undefined): boolean {
  const b = buildInfo(svc);
  if (!b) return false;
  if (b.remote || !b.dockerfilePath) return true;
  const text = readText(fs, b.dockerfilePath);
  return text === undefined ? true : dockerfileHasHealthcheck(text);
}
