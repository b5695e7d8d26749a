// AN013 — a role, or a file of include_tasks/import_tasks/import_playbook, that does not exist (ANSIBLE-14).
import { t } from '../../knowledge/index';
import { ansibleModel } from '../../languages/ansible/model';
import { findRole, playRoleNames, resolveTaskFile } from '../../languages/ansible/project';
import { isSeq } from 'yaml';
import { getPair, scalarString, type Node } from '../../yaml/model';
import type { Rule } from '../types';
import { nodeRange } from './util';

/** A collection playbook's FQCN: `namespace.collection.playbook` (no path, no Jinja). */
const COLLECTION_PLAYBOOK = /^[A-Za-z_]\w*\.[A-Za-z_]\w*\.[A-Za-z_][\w.]*$/;

export const rule: Rule = {
  id: 'AN013',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  check({ doc, settings, workspace, report }) {
    const fs = workspace?.fs;
    if (!fs || !doc.path.startsWith('/')) return;
    const model = ansibleModel(doc);
    const where = (k: 'role' | 'file' | 'playbook') => t(`ansible.where.${k}`, settings.locale);
    for (const play of model.plays) {
      const imp = getPair(play.map, 'import_playbook') ?? getPair(play.map, 'ansible.builtin.import_playbook');
      if (imp) {
        const ref = scalarString(imp.value);
        // `import_playbook: my_namespace.my_collection.my_playbook` names a playbook of an installed
        // collection (ansible-core >= 2.11; the example of ansible/ansible modules/import_playbook.py)
        if (ref && COLLECTION_PLAYBOOK.test(ref) && !/\.ya?ml$/i.test(ref)) continue;
        if (ref && resolveTaskFile(ref, doc.path, fs) === undefined) report({ range: nodeRange(doc, imp.value as Node), args: { name: ref, where: where('playbook') } });
        continue;
      }
      // a play's `collections:` keyword: Ansible looks a bare role name up in each listed
      // collection (`ns.coll.<name>`) before the roles paths; those are installed, not in the workspace
      const viaCollections = playSearchesCollections(play.map);
      for (const r of playRoleNames(play, model)) {
        if (viaCollections && !r.name.includes('/')) continue;
        if (findRole(r.name, doc.path, fs) === undefined) report({ range: nodeRange(doc, r.node), args: { name: r.name, where: where('role') } });
      }
    }
    for (const task of model.tasks) {
      if (!task.short) continue;
      if (/^(include|import)_role$/.test(task.short) && !model.playbook) {
        const n = getPair(task.modulePair?.value, 'name')?.value;
        const s = scalarString(n);
        if (s && findRole(s, doc.path, fs) === undefined) report({ range: nodeRange(doc, n as Node), args: { name: s, where: where('role') } });
      }
      if (/^(include|import)_tasks$/.test(task.short)) {
        const v = task.modulePair?.value;
        const node = (scalarString(v) !== undefined ? v : getPair(v, 'file')?.value) as Node | undefined;
        const ref = scalarString(node);
        if (!ref || !node) continue;
        const part = task.handler ? 'handlers' : 'tasks';
        if (resolveTaskFile(ref, doc.path, fs, part) === undefined) report({ range: nodeRange(doc, node), args: { name: ref, where: where('file') } });
      }
    }
  },
};

/** The play lists a collection other than ansible.builtin/ansible.legacy in `collections:`. */
function playSearchesCollections(map: unknown): boolean {
  const v = getPair(map, 'collections')?.value;
  if (!isSeq(v)) return false;
  return v.items.some((i) => {
    const s = scalarString(i);
    return s !== undefined && s !== '' && !/^ansible\.(builtin|legacy)$/.test(s);
  });
}
