// Go to definition (notify → handler, role name → role, include/import → file, variable → its
// definitions, :children entry → group section) and find references of a handler.
import type { Location, Position } from 'vscode-languageserver-types';
import { pathToUri, type InfraDocument } from '../../documents/document';
import { isScalar, nodeAt, scalarString, yamlModel, type Node } from '../../yaml/model';
import type { RequestContext } from '../support';
import {
  ansibleModel, BARE_EXPRESSION_KEYS, handlerNames, iniModel, inJinja, notifyNames, taskAt, variableAt, type Task,
} from './model';
import {
  dirname, fileLocation, findRole, findVariable, join, readParsed, resolveTaskFile, roleMain, roleOf, visibleHandlers,
} from './project';

export function definition(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
  const offset = doc.offsetAt(pos);
  const fs = ctx.workspace?.fs;
  if (doc.kind === 'ansible-inventory' && doc.classification.variant === 'ini') {
    const ini = iniModel(doc);
    for (const s of ini.sections) {
      if (s.suffix !== 'children') continue;
      const e = s.entries.find((x) => offset >= x.keyStart && offset <= x.keyEnd);
      if (!e) continue;
      return ini.sections.filter((x) => x.group === e.key && x.suffix !== 'vars').map((x) => ({ uri: doc.uri, range: doc.rangeOf(x.start, x.end) }));
    }
    return [];
  }
  if (doc.kind === 'ansible-cfg') return [];
  const at = nodeAt(yamlModel(doc), offset);
  if (!at || at.onKey || !isScalar(at.node) || !at.node.range) return [];
  const value = scalarString(at.node);
  if (value === undefined) return [];
  const [a, b] = at.node.range;
  const last = at.path[at.path.length - 1];
  const key = typeof last === 'number' ? String(at.path[at.path.length - 2] ?? '') : String(last ?? '');

  // variables in Jinja2 / bare expressions
  if (BARE_EXPRESSION_KEYS.has(key) || inJinja(doc.content, offset, a, b)) {
    const v = variableAt(doc.content.slice(a, b), offset - a);
    if (v) return findVariable(doc, v.name, fs).map((d) => d.location);
  }
  const model = ansibleModel(doc);
  const task = taskAt(model, offset);

  if (key === 'notify' && task) {
    const hs = visibleHandlers(doc, task, fs) ?? [];
    return hs.filter((h) => h.name === value).map((h) => h.location);
  }
  if (!fs) return [];
  // roles: entries, include_role/import_role name
  const inRoles = ansibleModel(doc).playbook && at.path[1] === 'roles' && (at.path.length === 3 || at.path[3] === 'role' || at.path[3] === 'name');
  const inRoleTask = task && task.short && /^(include|import)_role$/.test(task.short) && key === 'name';
  if (inRoles || inRoleTask) return roleLocation(value, doc.path, fs);
  const module = task?.short;
  if (task && module && (/^(include|import)_tasks$/.test(module) || key === 'import_playbook' || module === 'include_vars')) {
    const target = resolveTaskFile(value, doc.path, fs, module === 'include_vars' ? 'vars' : task.handler ? 'handlers' : 'tasks');
    return target && target !== 'external' ? [fileLocation(target)] : [];
  }
  if (key === 'import_playbook' || key === 'ansible.builtin.import_playbook') {
    const target = resolveTaskFile(value, doc.path, fs);
    return target && target !== 'external' ? [fileLocation(target)] : [];
  }
  if (key === 'vars_files' || at.path.includes('vars_files')) {
    const p = value.startsWith('/') ? value : join(dirname(doc.path), value);
    return fs.exists(p) ? [fileLocation(p)] : [];
  }
  if (task && key === 'src' && module && ['template', 'copy', 'unarchive', 'script'].includes(module)) {
    const role = roleOf(doc.path);
    const folder = module === 'template' ? 'templates' : 'files';
    const cands = [role ? join(role.root, folder, value) : '', join(dirname(doc.path), folder, value), join(dirname(doc.path), value)].filter(Boolean);
    const hit = cands.find((c) => fs.exists(c));
    return hit ? [fileLocation(hit)] : [];
  }
  return [];
}

function roleLocation(name: string, path: string, fs: NonNullable<RequestContext['workspace']>['fs']): Location[] {
  const root = findRole(name, path, fs);
  if (!root || root === 'external') return [];
  const main = roleMain(root, 'tasks', fs);
  return [fileLocation(main ?? root)];
}

/** References of a handler: every `notify` naming it (this file, the workspace index, the role's task files). */
export function references(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[] {
  if (doc.kind === 'ansible-cfg' || doc.kind === 'ansible-inventory' || doc.kind === 'ansible-vars') return [];
  const offset = doc.offsetAt(pos);
  const model = ansibleModel(doc);
  const task = taskAt(model, offset);
  let names: string[] = [];
  if (task?.handler) {
    const hit = handlerNames(task).find((h) => offset >= h.start && offset <= h.end);
    names = hit ? handlerNames(task).map((h) => h.name) : [];
  }
  if (!names.length && task) {
    const n = notifyNames(task).find((x) => offset >= x.start && offset <= x.end);
    if (n) names = [n.name];
  }
  if (!names.length) return [];
  const wanted = new Set(names);
  const out: Location[] = [];
  const seen = new Set<string>();
  const push = (l: Location) => {
    const k = `${l.uri}:${l.range.start.line}:${l.range.start.character}`;
    if (!seen.has(k)) { seen.add(k); out.push(l); }
  };
  const fromTasks = (d: InfraDocument, tasks: Task[]) => {
    for (const t of tasks) for (const n of notifyNames(t)) if (wanted.has(n.name)) push({ uri: d.uri, range: d.rangeOf(n.start, n.end) });
  };
  fromTasks(doc, model.tasks);
  // the workspace index (every indexed Ansible file's notify list)
  for (const f of ctx.index?.ofFamily('ansible') ?? []) {
    if (f.uri === doc.uri) continue;
    const data = f.data as AnsibleIndexData | undefined;
    for (const n of data?.notify ?? []) if (wanted.has(n.name)) push({ uri: f.uri, range: n.range });
  }
  // without an index: the role's task files
  const fs = ctx.workspace?.fs;
  const role = roleOf(doc.path);
  if (fs && role && !ctx.index) {
    for (const name of fs.readDir(`${role.root}/tasks`)) {
      const p = `${role.root}/tasks/${name}`;
      const parsed = readParsed(p, fs);
      if (!parsed) continue;
      scanNotify(parsed.docs.map((d) => d.contents), wanted, (s, e) => push({ uri: pathToUri(p), range: { start: posIn(parsed.lineStarts, s), end: posIn(parsed.lineStarts, e) } }));
    }
  }
  return out;
}

function posIn(lineStarts: number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

function scanNotify(roots: unknown[], wanted: Set<string>, hit: (s: number, e: number) => void): void {
  const walk = (node: unknown, depth: number) => {
    if (depth > 12 || !node || typeof node !== 'object') return;
    const items = (node as { items?: unknown[] }).items;
    if (!Array.isArray(items)) return;
    for (const it of items) {
      const pair = it as { key?: unknown; value?: unknown };
      if (pair && 'key' in pair && scalarString(pair.key) === 'notify') {
        const v = pair.value as { items?: unknown[] };
        for (const n of Array.isArray(v?.items) ? v.items : [pair.value]) {
          const s = scalarString(n);
          const r = (n as Node)?.range;
          if (s && r && wanted.has(s)) hit(r[0], r[1]);
        }
      } else if (pair && 'key' in pair) walk(pair.value, depth + 1);
      else walk(it, depth + 1);
    }
  };
  for (const r of roots) walk(r, 0);
}

export interface AnsibleIndexData {
  handlers: { name: string; listen: boolean; range: import('vscode-languageserver-types').Range }[];
  notify: { name: string; range: import('vscode-languageserver-types').Range }[];
}

export function indexFile(doc: InfraDocument): AnsibleIndexData | undefined {
  if (!['ansible-playbook', 'ansible-tasks', 'ansible-handlers'].includes(doc.kind)) return undefined;
  const model = ansibleModel(doc);
  const data: AnsibleIndexData = { handlers: [], notify: [] };
  for (const t of model.tasks) {
    if (t.handler) for (const h of handlerNames(t)) data.handlers.push({ name: h.name, listen: h.listen, range: doc.rangeOf(h.start, h.end) });
    for (const n of notifyNames(t)) data.notify.push({ name: n.name, range: doc.rangeOf(n.start, n.end) });
  }
  return data;
}


