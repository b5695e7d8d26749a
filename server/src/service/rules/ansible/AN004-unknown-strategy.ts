// AN004 — an unknown `strategy` in a play or in ansible.cfg (ANSIBLE-09, ANSIBLE-08).
import { didYouMean } from '../../languages/ansible/catalog';
import { ansibleModel, iniModel } from '../../languages/ansible/model';
import { projectRoot } from '../../languages/ansible/project';
import { getPair, scalarString, type Node } from '../../yaml/model';
import type { Finding, Rule } from '../types';
import { didYouMeanHint } from './util';

export const KNOWN_STRATEGIES = ['linear', 'free', 'debug', 'host_pinned', 'mitogen_linear', 'mitogen_free', 'mitogen_host_pinned'];

function verdict(name: string, customPlugins: boolean): { bad: boolean; suggestion?: string } {
  if (!name || name.includes('{{') || KNOWN_STRATEGIES.includes(name)) return { bad: false };
  const short = name.replace(/^ansible\.(builtin|legacy)\./, '');
  if (KNOWN_STRATEGIES.includes(short)) return { bad: false };
  if (name.includes('.')) return { bad: false }; // a collection's strategy plugin
  const suggestion = didYouMean(name, KNOWN_STRATEGIES);
  // with strategy_plugins configured, other names may be real plugins: flag only likely typos
  if (customPlugins && !suggestion) return { bad: false };
  return { bad: true, suggestion };
}

export const rule: Rule = {
  id: 'AN004',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-cfg'],
  check({ doc, settings, workspace, report }) {
    const locale = settings.locale;
    const emit = (name: string, start: number, end: number, suggestion?: string) => {
      const f: Finding = { range: doc.rangeOf(start, end), args: { name, hint: didYouMeanHint(suggestion, locale) } };
      if (suggestion) f.fixes = [{ args: { suggestion }, edits: [{ range: doc.rangeOf(start, end), newText: suggestion }], preferred: true }];
      report(f);
    };
    if (doc.kind === 'ansible-cfg') {
      const ini = iniModel(doc);
      const defaults = ini.sections.filter((s) => s.name === 'defaults').flatMap((s) => s.entries);
      const custom = defaults.some((e) => e.key === 'strategy_plugins');
      for (const e of defaults) {
        if (e.key !== 'strategy' || !e.value) continue;
        const v = verdict(e.value, custom);
        if (v.bad) emit(e.value, e.valueStart, e.valueEnd, v.suggestion);
      }
      return;
    }
    let custom: boolean | undefined;
    for (const play of ansibleModel(doc).plays) {
      const node = getPair(play.map, 'strategy')?.value as Node | undefined;
      const name = scalarString(node);
      if (!name || !node?.range) continue;
      if (custom === undefined) {
        const fs = workspace?.fs;
        const cfg = fs?.readFile(`${projectRoot(doc.path, fs)}/ansible.cfg`);
        custom = !!cfg && /^\s*strategy_plugins\s*=/m.test(cfg);
      }
      const v = verdict(name, custom);
      if (v.bad) emit(name, node.range[0], node.range[1], v.suggestion);
    }
  },
};
