// AN008 — copy/template/get_url/file creating a file without `mode`.
import { isMap, type Node } from '../../yaml/model';
import { moduleArgs, type Task } from '../../languages/ansible/model';
import type { InfraDocument } from '../../documents/document';
import type { Fix, Rule } from '../types';
import { taskHead, tasks, TASK_KINDS } from './util';

function creates(task: Task, args: ReturnType<typeof moduleArgs>): 'file' | 'directory' | undefined {
  switch (task.short) {
    case 'copy':
    case 'template':
    case 'get_url':
      return 'file';
    case 'file': {
      const s = args.get('state')?.value;
      return s === 'directory' ? 'directory' : s === 'touch' ? 'file' : undefined;
    }
    case 'lineinfile':
    case 'blockinfile': {
      const c = args.get('create')?.value;
      return c === 'true' || c === 'yes' || c === 'True' ? 'file' : undefined;
    }
    default:
      return undefined;
  }
}

export const rule: Rule = {
  id: 'AN008',
  kinds: [...TASK_KINDS],
  check({ doc, report }) {
    for (const task of tasks(doc)) {
      if (!task.short) continue;
      const args = moduleArgs(task);
      if (args.size === 0) continue;
      const what = creates(task, args);
      if (!what || args.has('mode')) continue;
      // copying a directory tree keeps the source modes; remote copies keep theirs
      if (task.short === 'copy' && (args.get('remote_src')?.value === 'true' || args.get('remote_src')?.value === 'yes')) continue;
      const mode = what === 'directory' ? '0755' : '0644';
      const fix = addMode(doc, task, mode);
      report({ range: taskHead(doc, task), args: { module: task.short }, fixes: fix ? [fix] : [] });
    }
  },
};

function addMode(doc: InfraDocument, task: Task, mode: string): Fix | undefined {
  const v = task.modulePair?.value as Node | undefined;
  if (!v?.range) return undefined;
  if (isMap(v) && !(v as { flow?: boolean }).flow && v.items.length) {
    const firstKey = v.items[0].key as Node;
    if (!firstKey?.range) return undefined;
    const col = doc.positionAt(firstKey.range[0]).character;
    // after the last line of the mapping's content
    const last = v.items[v.items.length - 1];
    const lastEnd = ((last.value as Node | null)?.range ?? (last.key as Node).range!)[1];
    let endPos = doc.positionAt(lastEnd);
    if (endPos.character === 0 && endPos.line > 0) endPos = { line: endPos.line - 1, character: doc.lineText(endPos.line - 1).length };
    const lineEnd = { line: endPos.line, character: doc.lineText(endPos.line).length };
    return { args: { mode }, edits: [{ range: { start: lineEnd, end: lineEnd }, newText: `\n${' '.repeat(col)}mode: '${mode}'` }], preferred: true };
  }
  if (task.freeForm?.length) {
    const end = doc.positionAt(v.range[1]);
    return { args: { mode }, edits: [{ range: { start: end, end }, newText: ` mode=${mode}` }], preferred: true };
  }
  return undefined;
}
