// DC020 — the journald log driver: low default rate limits and hard caps (DOCKER-16); json-file
// keeps `docker logs` working and ships well with fluentd.
import { isMap, type Node } from 'yaml';
import { str, valueIn } from '../../languages/compose/model';
import type { Rule } from '../types';
import { ownServices, range } from './util';

export const rule: Rule = {
  id: 'DC020',
  kinds: ['compose'],
  check(ctx) {
    for (const svc of ownServices(ctx)) {
      const y = svc.ydoc;
      const logging = valueIn(y, svc.map, 'logging');
      if (!isMap(logging)) continue;
      const driver = valueIn(y, logging, 'driver');
      if (str(driver) !== 'journald') continue;
      const r = range(svc.doc, driver as Node);
      ctx.report({ range: r, args: { service: svc.name }, fixes: [{ edits: [{ range: r, newText: 'json-file' }] }] });
    }
  },
};
