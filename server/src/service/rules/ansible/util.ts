// Helpers shared by the Ansible rules: the tasks of a document, key ranges, localised hints.
import type { Range } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { t } from '../../knowledge/index';
import { ansibleModel, type Task } from '../../languages/ansible/model';
import type { Locale } from '../../types';
import type { Node } from '../../yaml/model';

export const TASK_KINDS = ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'] as const;

export function tasks(doc: InfraDocument): Task[] {
  return ansibleModel(doc).tasks;
}

export function nodeRange(doc: InfraDocument, node: unknown): Range {
  const r = (node as Node | undefined)?.range;
  return r ? doc.rangeOf(r[0], r[1]) : doc.rangeOf(0, 0);
}

/** The range of a task's module key, or of its first key. */
export function taskHead(doc: InfraDocument, task: Task): Range {
  if (task.modulePair?.key) return nodeRange(doc, task.modulePair.key);
  const first = task.map.items[0]?.key;
  return nodeRange(doc, first ?? task.map);
}

export function didYouMeanHint(suggestion: string | undefined, locale: Locale): string {
  return suggestion ? t('ansible.hint.didYouMean', locale, { suggestion }) : '';
}

/** Column of the first character of a node. */
export function columnOf(doc: InfraDocument, node: unknown): number {
  return nodeRange(doc, node).start.character;
}
