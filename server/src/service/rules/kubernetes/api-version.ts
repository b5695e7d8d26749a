// Shared by K8S007 (removed apiVersion) and K8S008 (deprecated apiVersion): detection and the
// mechanical move (apiVersion swap; workloads also get `spec.selector` from the template labels).
import type { TextEdit } from 'vscode-languageserver-types';
import { objects, templateLabels, WORKLOAD_KINDS } from '../../languages/kubernetes/model';
import { apiAdvice } from '../../languages/kubernetes/hover';
import { apiStatus } from '../../languages/kubernetes/versions';
import { get, getPair, isMap, rangeOf, type Node, type YAMLMap } from '../../yaml/model';
import type { Rule } from '../types';
import { ingressV1Edits } from './ingress-migrate';

export function apiVersionRule(id: string, state: 'removed' | 'deprecated'): Rule {
  return {
    id,
    kinds: ['kubernetes'],
    check({ doc, settings, report }) {
      const ctx = { settings };
      for (const o of objects(doc)) {
        const st = apiStatus(o.apiVersion, o.kind, settings.kubernetesVersion);
        if (st.state !== state) continue;
        const pair = getPair(o.root, 'apiVersion')!;
        const range = rangeOf(doc, pair.value as Node);
        const c = st.change;
        // the replacement in the target version, or "no replacement API" and what to use instead
        const { advice, replacement, direct } = apiAdvice(c, o.kind, state, ctx);
        const args = {
          apiVersion: o.apiVersion, kind: o.kind, version: settings.kubernetesVersion,
          removed: c.removed ? `1.${c.removed}` : '', deprecated: c.deprecated ? `1.${c.deprecated}` : '', advice, replacement: replacement ?? '',
        };
        const edits: TextEdit[] = [];
        const ingress = o.kind === 'Ingress' && direct && c.replacement === 'networking.k8s.io/v1' ? ingressV1Edits(doc, o) : undefined;
        if (o.kind === 'Ingress') {
          if (ingress) edits.push({ range, newText: c.replacement! }, ...ingress);
        } else if (c.mechanical && c.replacement && direct) {
          edits.push({ range, newText: c.replacement });
          const spec = get(o.root, 'spec');
          if (WORKLOAD_KINDS.has(o.kind) && isMap(spec) && !getPair(spec, 'selector')) {
            const labels = templateLabels(o);
            const first = (spec as YAMLMap).items[0];
            if (labels && Object.keys(labels).length && first?.key) {
              const at = rangeOf(doc, first.key as Node).start;
              const ind = ' '.repeat(at.character);
              const body = Object.entries(labels).map(([k, v]) => `${ind}    ${k}: ${/^[\w.-]+$/.test(v) ? v : JSON.stringify(v)}\n`).join('');
              edits.push({ range: { start: { line: at.line, character: 0 }, end: { line: at.line, character: 0 } }, newText: `${ind}selector:\n${ind}  matchLabels:\n${body}` });
            }
          }
        }
        report({ range, args, ...(edits.length ? { fixes: [{ edits, preferred: true, args }] } : {}) });
      }
    },
  };
}
