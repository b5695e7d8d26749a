// The Ansible project around a file, read through the injected FileReader: the role a file belongs
// to, role lookup (roles/ beside the playbook, roles_path of ansible.cfg), handlers visible to a
// task, and where a variable is defined (play vars, vars_files, role defaults/vars, group_vars,
// host_vars, inventories, register, set_fact). Other files are parsed once per content.
import { parseAllDocuments, isMap, isSeq, type Node } from 'yaml';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { isRoleRepository } from '../../documents/classify';
import { pathToUri } from '../../documents/document';
import type { InfraDocument } from '../../documents/document';
import type { FileReader } from '../../types';
import { entries, getPair, scalarString } from '../../yaml/model';
import {
  ansibleModel, handlerNames, iniModel, parseIni, shortName, type AnsibleModel, type Play, type Task,
} from './model';

// ---------------------------------------------------------------------------------------------
// paths

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function join(...parts: string[]): string {
  const out: string[] = [];
  let abs = false;
  parts.forEach((p, i) => {
    if (!p) return;
    if (p.startsWith('/')) { out.length = 0; abs = true; }
    else if (i === 0) abs = false;
    for (const seg of p.split('/')) {
      if (!seg || seg === '.') continue;
      if (seg === '..') out.pop();
      else out.push(seg);
    }
  });
  return (abs ? '/' : '') + out.join('/');
}

function norm(p: string): string {
  return p.replace(/\\/g, '/');
}

export interface RoleRef {
  name: string;
  /** the role's folder */
  root: string;
  /** the part of the role the file sits in: tasks, handlers, defaults, vars, templates, meta… */
  part: string;
}

/** `/x/roles/web/tasks/main.yml` → { name: web, root: /x/roles/web, part: tasks } */
export function roleOf(path: string): RoleRef | undefined {
  const p = norm(path);
  const m = /^(.*\/roles\/([^/]+))\/([^/]+)\/[^]*$/.exec(p);
  if (!m) return undefined;
  return { name: m[2], root: m[1], part: m[3] };
}

/** The project folder: the nearest ancestor with ansible.cfg, else with roles/ or group_vars/. */
export function projectRoot(path: string, fs: FileReader): string {
  let dir = dirname(norm(path));
  const role = roleOf(path);
  if (role) dir = dirname(dirname(role.root));
  let fallback: string | undefined;
  for (let i = 0; i < 6 && dir && dir !== '/'; i++) {
    if (fs.exists(`${dir}/ansible.cfg`)) return dir;
    if (!fallback && (fs.isDirectory(`${dir}/roles`) || fs.isDirectory(`${dir}/group_vars`) || fs.isDirectory(`${dir}/inventory`))) fallback = dir;
    dir = dirname(dir);
  }
  return fallback ?? (role ? dirname(dirname(role.root)) : dirname(norm(path)));
}

/** roles_path (and inventory) of the project's ansible.cfg, resolved against its folder. */
function cfgPaths(root: string, fs: FileReader, key: string): string[] {
  const text = fs.readFile(`${root}/ansible.cfg`);
  if (!text) return [];
  const model = parseIni(text, true);
  const out: string[] = [];
  for (const s of model.sections) {
    if (s.name !== 'defaults') continue;
    for (const e of s.entries) {
      if (e.key !== key) continue;
      for (const part of e.value.split(key === 'inventory' ? ',' : ':')) {
        const v = part.trim();
        if (!v || v.startsWith('~') || v.includes('$')) continue;
        out.push(v.startsWith('/') ? v : join(root, v));
      }
    }
  }
  return out;
}

/** Folders where roles are looked up for a document. */
export function roleSearchPaths(path: string, fs: FileReader): string[] {
  const root = projectRoot(path, fs);
  const dirs = [join(dirname(norm(path)), 'roles'), join(root, 'roles'), ...cfgPaths(root, fs, 'roles_path'), dirname(norm(path))];
  const role = roleOf(path);
  if (role) dirs.unshift(dirname(role.root));
  // a Molecule scenario (`<project>/molecule/<scenario>/converge.yml`): Molecule puts the folder
  // above the project on ANSIBLE_ROLES_PATH, so the role under test is found by its folder's name
  const scenario = /^(.*)\/molecule\/[^/]+\/[^/]+$/.exec(norm(path));
  if (scenario && scenario[1]) dirs.push(dirname(scenario[1]));
  return [...new Set(dirs)];
}

/**
 * The folder of a role, undefined when not found, 'external' when it cannot be checked
 * (collection roles `ns.coll.role`, templated names, galaxy-style `user.role` in ~/.ansible).
 */
export function findRole(name: string, path: string, fs: FileReader): string | 'external' | undefined {
  if (!name || name.includes('{{') || name.includes('{%')) return 'external';
  if (name.startsWith('/')) return fs.isDirectory(name) ? name : undefined;
  const pathLike = name.includes('/');
  if (pathLike) {
    const p = join(dirname(norm(path)), name);
    if (fs.isDirectory(p)) return p;
    const alt = join(projectRoot(path, fs), name);
    if (fs.isDirectory(alt)) return alt;
  }
  // a path-style name (`kubernetes/master`) is looked up in the same folders as a bare one
  for (const d of [...roleSearchPaths(path, fs), '/etc/ansible/roles', '/usr/share/ansible/roles']) {
    const p = `${d}/${name}`;
    if (fs.isDirectory(p)) return p;
  }
  // `namespace.role` / `ns.coll.role`: installed by ansible-galaxy, outside the workspace
  if (!pathLike && name.includes('.')) return 'external';
  // roles_path entries we cannot resolve (~, $VAR): the search path is not fully known, whatever
  // the form of the name; or a galaxy requirements file naming the role
  const root = projectRoot(path, fs);
  const cfg = fs.readFile(`${root}/ansible.cfg`);
  if (cfg && /^\s*roles_path\s*=.*[~$]/m.test(cfg)) return 'external';
  if (pathLike) return undefined;
  const here = dirname(norm(path));
  for (const req of [...new Set([root, here, dirname(here)])].flatMap((d) => ['requirements.yml', 'roles/requirements.yml', 'requirements.yaml', 'roles/requirements.yaml', 'collections/requirements.yml'].map((f) => `${d}/${f}`))) {
    const text = fs.readFile(req);
    if (text && new RegExp(`(^|[\\s:/.'"-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(['"\\s,]|$)`, 'm').test(text)) return 'external';
  }
  return undefined;
}

/** A task file referenced by include/import: candidates relative to the file, the role's tasks/, the playbook folder. */
export function resolveTaskFile(ref: string, path: string, fs: FileReader, part = 'tasks'): string | 'external' | undefined {
  if (!ref || ref.includes('{{') || ref.includes('{%')) return 'external';
  if (ref.startsWith('/')) return fs.exists(ref) ? ref : undefined;
  const cands = [join(dirname(norm(path)), ref)];
  const roleRoot = roleOf(path)?.root ?? standaloneRoleRoot(path, part, fs);
  // Ansible's path_dwim_relative also tries the role's tasks/ for a handler's import_tasks
  // (roots/trellis roles/common/handlers/main.yml imports tasks/reload_nginx.yml)
  if (roleRoot) cands.push(join(roleRoot, part, ref), join(roleRoot, ref), join(roleRoot, 'tasks', ref));
  const root = projectRoot(path, fs);
  cands.push(join(root, ref), join(root, 'playbooks', ref));
  for (const c of cands) if (fs.exists(c) && !fs.isDirectory(c)) return c;
  return undefined;
}

/**
 * A role kept as a repository of its own (the Galaxy layout, no `roles/` folder above): the folder
 * above the file's `tasks/` (or `handlers/`) that has a `meta/main.yml`. ansible-lockdown's
 * `tasks/section_1/cis_1.1.1.x.yml` imports `warning_facts.yml` from the role's `tasks/`.
 */
function standaloneRoleRoot(path: string, part: string, fs: FileReader): string | undefined {
  const p = norm(path);
  const i = p.lastIndexOf(`/${part}/`);
  if (i <= 0) return undefined;
  const root = p.slice(0, i);
  return isRoleRepository(root, fs) ? root : undefined;
}

/** `main.yml`, `main.yaml`, `main` of a role part. */
export function roleMain(roleRoot: string, part: string, fs: FileReader, file = 'main'): string | undefined {
  for (const ext of ['.yml', '.yaml', '']) {
    const p = `${roleRoot}/${part}/${file}${ext}`;
    if (fs.exists(p) && !fs.isDirectory(p)) return p;
  }
  // a folder `defaults/main/` of several files
  if (fs.isDirectory(`${roleRoot}/${part}/${file}`)) {
    const first = fs.readDir(`${roleRoot}/${part}/${file}`).find((n) => /\.ya?ml$/.test(n));
    if (first) return `${roleRoot}/${part}/${file}/${first}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// other files, parsed once per content

interface Parsed {
  text: string;
  docs: { contents: unknown }[];
  lineStarts: number[];
}

const parsedCache = new Map<string, Parsed>();

export function readParsed(path: string, fs: FileReader): Parsed | undefined {
  const text = fs.readFile(path);
  if (text === undefined) return undefined;
  const hit = parsedCache.get(path);
  if (hit && hit.text === text) return hit;
  let docs: { contents: unknown }[] = [];
  if (text.length < 2_000_000) {
    try {
      docs = parseAllDocuments(text, { strict: false, uniqueKeys: false }) as unknown as { contents: unknown }[];
      if (!Array.isArray(docs)) docs = [];
    } catch {
      docs = [];
    }
  }
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const p = { text, docs, lineStarts };
  if (parsedCache.size > 500) parsedCache.clear();
  parsedCache.set(path, p);
  return p;
}

export function positionIn(p: { lineStarts: number[] }, offset: number): Position {
  let lo = 0;
  let hi = p.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - p.lineStarts[lo] };
}

function rangeIn(p: Parsed, node: unknown): Range {
  const r = (node as Node | undefined)?.range;
  if (!r) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: positionIn(p, r[0]), end: positionIn(p, r[1]) };
}

function fileLocation(path: string): Location {
  return { uri: pathToUri(path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export { fileLocation };

// ---------------------------------------------------------------------------------------------
// handlers

export interface HandlerDef {
  name: string;
  listen: boolean;
  location: Location;
}

function handlersOfSeq(seq: unknown, p: Parsed, path: string, fs: FileReader, out: HandlerDef[], depth: number): void {
  if (!isSeq(seq) || depth > 4) return;
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const block = getPair(item, 'block');
    if (block) {
      for (const l of ['block', 'rescue', 'always']) handlersOfSeq(getPair(item, l)?.value, p, path, fs, out, depth + 1);
      continue;
    }
    for (const e of entries(item)) {
      const short = shortName(e.key);
      if (short === 'import_tasks' || short === 'include_tasks') {
        const ref = scalarString(e.pair.value) ?? scalarString(getPair(e.pair.value, 'file')?.value);
        const target = ref ? resolveTaskFile(ref, path, fs, 'handlers') : undefined;
        if (target && target !== 'external') handlersOfFile(target, fs, out, depth + 1);
      }
    }
    const name = getPair(item, 'name')?.value;
    const s = scalarString(name);
    if (s !== undefined) out.push({ name: s, listen: false, location: { uri: pathToUri(path), range: rangeIn(p, name) } });
    const l = getPair(item, 'listen')?.value;
    for (const li of isSeq(l) ? l.items : [l]) {
      const ls = scalarString(li);
      if (ls !== undefined) out.push({ name: ls, listen: true, location: { uri: pathToUri(path), range: rangeIn(p, li) } });
    }
  }
}

export function handlersOfFile(path: string, fs: FileReader, out: HandlerDef[], depth = 0): void {
  const p = readParsed(path, fs);
  if (!p) return;
  for (const d of p.docs) handlersOfSeq(d.contents, p, path, fs, out, depth);
}

export function roleHandlers(roleRoot: string, fs: FileReader, out: HandlerDef[]): void {
  const main = roleMain(roleRoot, 'handlers', fs);
  if (main) handlersOfFile(main, fs, out);
}

/** Role names a play uses: `roles:` entries and include_role/import_role in its task lists. */
export function playRoleNames(play: Play, model: AnsibleModel): { name: string; node: Node }[] {
  const out: { name: string; node: Node }[] = [];
  const roles = getPair(play.map, 'roles')?.value;
  if (isSeq(roles)) {
    for (const r of roles.items) {
      const n = isMap(r) ? (getPair(r, 'role')?.value ?? getPair(r, 'name')?.value) : r;
      const s = scalarString(n);
      if (s !== undefined) out.push({ name: s, node: n as Node });
    }
  }
  for (const t of model.tasks) {
    if (t.play !== play.index || !t.short || !/^(include|import)_role$/.test(t.short)) continue;
    const n = getPair(t.modulePair?.value, 'name')?.value;
    const s = scalarString(n);
    if (s !== undefined) out.push({ name: s, node: n as Node });
  }
  return out;
}

/**
 * Handlers a task can notify, or undefined when the set cannot be known (a role that cannot be
 * read, a task file outside any role, no file system).
 */
export function visibleHandlers(doc: InfraDocument, task: Task, fs: FileReader | undefined): HandlerDef[] | undefined {
  // the same for every task of a play (or of a task file): computed once per document version
  const key = `ansible.handlers.${task.play ?? -1}.${fs ? 'fs' : 'nofs'}`;
  return doc.cached(key, () => computeVisibleHandlers(doc, task, fs));
}

function computeVisibleHandlers(doc: InfraDocument, task: Task, fs: FileReader | undefined): HandlerDef[] | undefined {
  const model = ansibleModel(doc);
  const out: HandlerDef[] = [];
  const uri = doc.uri;
  for (const t of model.tasks) {
    if (!t.handler) continue;
    if (task.play !== undefined && t.play !== task.play) continue;
    for (const h of handlerNames(t)) out.push({ name: h.name, listen: h.listen, location: { uri, range: doc.rangeOf(h.start, h.end) } });
    // handlers imported from files
    if (fs && t.short && /^(import|include)_tasks$/.test(t.short)) {
      const ref = scalarString(t.modulePair?.value) ?? scalarString(getPair(t.modulePair?.value, 'file')?.value);
      const target = ref ? resolveTaskFile(ref, doc.path, fs, 'handlers') : undefined;
      if (target === 'external') return undefined;
      if (target) handlersOfFile(target, fs, out);
    }
  }
  if (model.playbook) {
    const play = task.play !== undefined ? model.plays[task.play] : undefined;
    if (!play) return out;
    const roles = playRoleNames(play, model);
    if (roles.length && !fs) return undefined;
    for (const r of roles) {
      const root = fs ? findRole(r.name, doc.path, fs) : undefined;
      if (!root || root === 'external') return undefined;
      roleHandlers(root, fs!, out);
      addDependencyHandlers(root, doc.path, fs!, out, 0);
    }
    return out;
  }
  // a task file: the role's handlers, plus every role's handlers in the workspace (handlers are
  // play-wide, a role may notify another role's handler)
  if (!fs) return undefined;
  const role = roleOf(doc.path);
  if (!role) {
    const own = standaloneRoleHandlers(doc.path, fs);
    return own ? [...out, ...own] : undefined;
  }
  roleHandlers(role.root, fs, out);
  addDependencyHandlers(role.root, doc.path, fs, out, 0);
  const rolesDir = dirname(role.root);
  for (const name of fs.readDir(rolesDir)) {
    if (`${rolesDir}/${name}` === role.root) continue;
    roleHandlers(`${rolesDir}/${name}`, fs, out);
  }
  // the handlers: sections of the project's playbooks that may apply this role
  const root = projectRoot(doc.path, fs);
  for (const dir of [...new Set([root, `${root}/playbooks`, dirname(rolesDir)])]) {
    let budget = 40;
    for (const f of fs.readDir(dir)) {
      if (!/\.ya?ml$/.test(f) || budget-- <= 0) continue;
      const p = readParsed(`${dir}/${f}`, fs);
      for (const d of p?.docs ?? []) {
        if (!isSeq(d.contents)) continue;
        for (const play of d.contents.items) {
          if (!isMap(play) || !getPair(play, 'hosts')) continue;
          handlersOfSeq(getPair(play, 'handlers')?.value, p!, `${dir}/${f}`, fs, out, 0);
        }
      }
    }
  }
  return out;
}

/**
 * A role at the top of its own repository (Galaxy style: tasks/, handlers/, defaults/ or meta/ and
 * no playbook beside them): its handlers, only when they are ALL known — handlers/main.yml present,
 * no dependencies in meta/main.yml, no role included by its tasks, no templated handler include.
 * Anything else can bring handlers we cannot see, and the answer is undefined (unknown).
 */
function standaloneRoleHandlers(path: string, fs: FileReader): HandlerDef[] | undefined {
  const m = /^(.*)\/(tasks|handlers)\/[^]+$/.exec(norm(path));
  if (!m || /\/roles$/.test(m[1])) return undefined;
  const root = m[1];
  const handlers = roleMain(root, 'handlers', fs);
  if (!handlers || !roleMain(root, 'tasks', fs)) return undefined;
  if (!roleMain(root, 'meta', fs) && !roleMain(root, 'defaults', fs) && !roleMain(root, 'vars', fs)) return undefined;
  const yamls = (dir: string) => fs.readDir(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${dir}/${f}`);
  // a playbook beside tasks/ makes it a project, not a role
  for (const f of yamls(root).slice(0, 40)) {
    for (const d of readParsed(f, fs)?.docs ?? []) {
      if (isSeq(d.contents) && d.contents.items.some((play) => isMap(play) && (getPair(play, 'hosts') || getPair(play, 'import_playbook')))) return undefined;
    }
  }
  const meta = roleMain(root, 'meta', fs);
  const deps = meta ? getPair(readParsed(meta, fs)?.docs[0]?.contents, 'dependencies')?.value : undefined;
  if (isSeq(deps) && deps.items.length) return undefined;
  const taskFiles = [`${root}/tasks`, ...fs.readDir(`${root}/tasks`).map((n) => `${root}/tasks/${n}`).filter((d) => fs.isDirectory(d))].flatMap(yamls);
  if (taskFiles.length > 200) return undefined;
  for (const f of taskFiles) if (/\b(include|import)_role\b/.test(fs.readFile(f) ?? '')) return undefined;
  for (const f of yamls(`${root}/handlers`)) if (/\b(include|import)_tasks\b[^\n]*(\{\{|\{%)|^\s*-?\s*include\s*:/m.test(fs.readFile(f) ?? '')) return undefined;
  const out: HandlerDef[] = [];
  handlersOfFile(handlers, fs, out);
  return out;
}

function addDependencyHandlers(roleRoot: string, path: string, fs: FileReader, out: HandlerDef[], depth: number): void {
  if (depth > 3) return;
  const meta = roleMain(roleRoot, 'meta', fs);
  if (!meta) return;
  const p = readParsed(meta, fs);
  const deps = p?.docs[0] ? getPair(p.docs[0].contents, 'dependencies')?.value : undefined;
  if (!isSeq(deps)) return;
  for (const d of deps.items) {
    const n = scalarString(isMap(d) ? (getPair(d, 'role')?.value ?? getPair(d, 'name')?.value) : d);
    if (!n) continue;
    const root = findRole(n, path, fs);
    if (!root || root === 'external') continue;
    roleHandlers(root, fs, out);
    addDependencyHandlers(root, path, fs, out, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// variables

export type VarSource =
  | 'play-vars' | 'task-vars' | 'vars-file' | 'role-defaults' | 'role-vars' | 'group_vars' | 'host_vars'
  | 'inventory' | 'register' | 'set_fact' | 'vars_prompt' | 'loop_var';

export interface VarDef {
  name: string;
  source: VarSource;
  location: Location;
  /** the value as text, when it is a scalar */
  value?: string;
}

function topKeys(path: string, fs: FileReader, source: VarSource, name: string | undefined, out: VarDef[]): void {
  const p = readParsed(path, fs);
  if (!p) return;
  for (const d of p.docs) {
    for (const e of entries(d.contents)) {
      if (name !== undefined && e.key !== name) continue;
      out.push({ name: e.key, source, location: { uri: pathToUri(path), range: rangeIn(p, e.pair.key) }, value: scalarString(e.pair.value) });
    }
  }
}

function varsFolder(dir: string, fs: FileReader, source: VarSource, name: string | undefined, out: VarDef[], budget: { n: number }): void {
  for (const entry of fs.readDir(dir)) {
    if (budget.n-- <= 0) return;
    const p = `${dir}/${entry}`;
    if (fs.isDirectory(p)) {
      for (const sub of fs.readDir(p)) {
        if (/\.ya?ml$|^[^.]+$/.test(sub) && !fs.isDirectory(`${p}/${sub}`) && budget.n-- > 0) topKeys(`${p}/${sub}`, fs, source, name, out);
      }
    } else if (/\.ya?ml$|\.json$|^[^.]+$/.test(entry)) {
      topKeys(p, fs, source, name, out);
    }
  }
}

/** Folders holding group_vars / host_vars and inventories for a file's project. */
function inventoryDirs(path: string, fs: FileReader): string[] {
  const root = projectRoot(path, fs);
  const dirs = new Set<string>([root, dirname(norm(path))]);
  for (const inv of ['inventory', 'inventories']) {
    const base = `${root}/${inv}`;
    if (!fs.isDirectory(base)) continue;
    dirs.add(base);
    for (const sub of fs.readDir(base)) if (fs.isDirectory(`${base}/${sub}`)) dirs.add(`${base}/${sub}`);
  }
  for (const p of cfgPaths(root, fs, 'inventory')) dirs.add(fs.isDirectory(p) ? p : dirname(p));
  return [...dirs];
}

/** Variables defined inside the document itself (play vars, task vars, register, set_fact…). */
export function localVariables(doc: InfraDocument, name?: string): VarDef[] {
  const out: VarDef[] = [];
  const model = ansibleModel(doc);
  const uri = doc.uri;
  const add = (key: string, node: unknown, source: VarSource, value?: unknown) => {
    if (name !== undefined && key !== name) return;
    const r = (node as Node | undefined)?.range;
    out.push({ name: key, source, location: { uri, range: r ? doc.rangeOf(r[0], r[1]) : doc.rangeOf(0, 0) }, value: scalarString(value) });
  };
  for (const play of model.plays) {
    for (const e of entries(getPair(play.map, 'vars')?.value)) add(e.key, e.pair.key, 'play-vars', e.pair.value);
    const prompts = getPair(play.map, 'vars_prompt')?.value;
    if (isSeq(prompts)) {
      for (const pr of prompts.items) {
        const n = getPair(pr, 'name')?.value;
        const s = scalarString(n);
        if (s) add(s, n, 'vars_prompt');
      }
    }
  }
  for (const t of model.tasks) {
    for (const e of entries(getPair(t.map, 'vars')?.value)) add(e.key, e.pair.key, 'task-vars', e.pair.value);
    const reg = getPair(t.map, 'register')?.value;
    const rs = scalarString(reg);
    if (rs) add(rs, reg, 'register');
    if (t.short === 'set_fact' && isMap(t.modulePair?.value)) {
      for (const e of entries(t.modulePair!.value)) if (e.key !== 'cacheable') add(e.key, e.pair.key, 'set_fact', e.pair.value);
    }
    if (t.short === 'set_fact' && t.freeForm) {
      for (const a of t.freeForm) if (name === undefined || a.key === name) out.push({ name: a.key, source: 'set_fact', location: { uri, range: doc.rangeOf(a.keyStart, a.keyEnd) }, value: a.value });
    }
    const lv = getPair(getPair(t.map, 'loop_control')?.value, 'loop_var')?.value;
    const ls = scalarString(lv);
    if (ls) add(ls, lv, 'loop_var');
  }
  if (doc.kind === 'ansible-vars' && !isRoleMeta(doc)) {
    const root = ansibleModel(doc).root;
    for (const e of entries(root)) add(e.key, e.pair.key, 'vars-file', e.pair.value);
  }
  return out;
}

/** A role's meta/main.yml or meta/argument_specs.yml: data about the role, not variables. */
export function isRoleMeta(doc: InfraDocument): boolean {
  const v = doc.classification.variant;
  return doc.kind === 'ansible-vars' && (v === 'role-meta' || v === 'role-argument-specs');
}

/** Every place a variable is defined around a document (cross-file through the FileReader). */
/** Every place a variable (or, with no name, every variable) is defined around a document. */
export function findVariable(doc: InfraDocument, name: string | undefined, fs: FileReader | undefined): VarDef[] {
  const out = localVariables(doc, name);
  if (!fs) return out;
  const model = ansibleModel(doc);
  const budget = { n: 400 };
  // vars_files of the plays
  for (const play of model.plays) {
    const vf = getPair(play.map, 'vars_files')?.value;
    for (const item of isSeq(vf) ? vf.items : []) {
      for (const it of isSeq(item) ? item.items : [item]) {
        const s = scalarString(it);
        if (!s || s.includes('{{')) continue;
        const p = s.startsWith('/') ? s : join(dirname(doc.path.replace(/\\/g, '/')), s);
        topKeys(p, fs, 'vars-file', name, out);
      }
    }
  }
  // roles: the file's own role, and the roles of the plays
  const roots = new Set<string>();
  const own = roleOf(doc.path);
  if (own) roots.add(own.root);
  for (const play of model.plays) {
    for (const r of playRoleNames(play, model)) {
      const root = findRole(r.name, doc.path, fs);
      if (root && root !== 'external') roots.add(root);
    }
  }
  for (const root of roots) {
    for (const [part, source] of [['defaults', 'role-defaults'], ['vars', 'role-vars']] as const) {
      const main = roleMain(root, part, fs);
      if (main) topKeys(main, fs, source, name, out);
      else if (fs.isDirectory(`${root}/${part}`)) varsFolder(`${root}/${part}`, fs, source, name, out, budget);
    }
  }
  // group_vars / host_vars / inventories
  for (const dir of inventoryDirs(doc.path, fs)) {
    for (const [sub, source] of [['group_vars', 'group_vars'], ['host_vars', 'host_vars']] as const) {
      if (fs.isDirectory(`${dir}/${sub}`)) varsFolder(`${dir}/${sub}`, fs, source, name, out, budget);
    }
    if (/\/inventor(y|ies)(\/[^/]+)?$/.test(dir)) {
      for (const f of fs.readDir(dir)) {
        const p = `${dir}/${f}`;
        if (fs.isDirectory(p) || budget.n-- <= 0) continue;
        inventoryVars(p, fs, name, out);
      }
    }
  }
  // inventory files named by ansible.cfg, or the usual names at the project root
  const root = projectRoot(doc.path, fs);
  for (const p of [...cfgPaths(root, fs, 'inventory'), `${root}/hosts`, `${root}/hosts.ini`, `${root}/hosts.yml`, `${root}/inventory.yml`, `${root}/inventory.ini`, `${root}/inventory`]) {
    if (fs.exists(p) && !fs.isDirectory(p)) inventoryVars(p, fs, name, out);
  }
  // dedupe (the same file reached twice)
  const seen = new Set<string>();
  return out.filter((d) => {
    const k = `${d.location.uri}:${d.location.range.start.line}:${d.location.range.start.character}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function inventoryVars(path: string, fs: FileReader, name: string | undefined, out: VarDef[]): void {
  const text = fs.readFile(path);
  if (text === undefined || text.length > 1_000_000) return;
  if (/\.ya?ml$/.test(path)) {
    // YAML inventories: `vars:` of groups and the variables of hosts
    const p = readParsed(path, fs);
    const add = (e: { key: string; pair: { key: unknown; value: unknown } }) => {
      if (name !== undefined && e.key !== name) return;
      out.push({ name: e.key, source: 'inventory', location: { uri: pathToUri(path), range: rangeIn(p!, e.pair.key) }, value: scalarString(e.pair.value) });
    };
    const walk = (group: unknown, depth: number): void => {
      if (depth > 8) return;
      for (const v of entries(getPair(group, 'vars')?.value)) add(v);
      for (const h of entries(getPair(group, 'hosts')?.value)) for (const v of entries(h.pair.value)) add(v);
      for (const c of entries(getPair(group, 'children')?.value)) walk(c.pair.value, depth + 1);
    };
    for (const d of p?.docs ?? []) for (const top of entries(d.contents)) walk(top.pair.value, 0);
    return;
  }
  if (!/^\s*\[/m.test(text) && !/\bansible_\w+=/.test(text)) return;
  const ini = parseIni(text, false);
  const lines = { lineStarts: [0] as number[] };
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.lineStarts.push(i + 1);
  const push = (key: string, s: number, e: number, value: string) => {
    if (name !== undefined && key !== name) return;
    out.push({ name: key, source: 'inventory', location: { uri: pathToUri(path), range: { start: positionIn(lines, s), end: positionIn(lines, e) } }, value });
  };
  for (const entry of [...ini.head, ...ini.sections.flatMap((s) => s.suffix === 'children' ? [] : s.entries)]) {
    if (entry.vars.length) for (const v of entry.vars) push(v.key, v.keyStart, v.keyEnd, v.value);
  }
  for (const s of ini.sections) if (s.suffix === 'vars') for (const e of s.entries) push(e.key, e.keyStart, e.keyEnd, e.value);
}

export interface GroupDef {
  hosts: string[];
  location: Location;
}

/** A group of the project's inventories (INI sections, YAML `children`/top keys) and its direct hosts. */
export function findGroup(name: string, path: string, fs: FileReader): GroupDef[] {
  const out: GroupDef[] = [];
  let budget = 60;
  for (const dir of inventoryDirs(path, fs)) {
    if (!/\/inventor(y|ies)(\/[^/]+)?$/.test(dir) && !fs.exists(`${dir}/hosts`) && !fs.exists(`${dir}/hosts.ini`)) continue;
    for (const f of fs.readDir(dir)) {
      const p = `${dir}/${f}`;
      if (budget-- <= 0 || fs.isDirectory(p) || !/^(hosts|inventory|[\w.-]+\.(ini|ya?ml))$/.test(f) || /\.cfg$/.test(f)) continue;
      const text = fs.readFile(p);
      if (text === undefined || text.length > 1_000_000) continue;
      if (/\.ya?ml$/.test(f)) {
        const parsed = readParsed(p, fs);
        const walk = (node: unknown, depth: number): void => {
          if (depth > 8) return;
          for (const e of entries(node)) {
            if (e.key === name) {
              out.push({ hosts: entries(getPair(e.pair.value, 'hosts')?.value).map((h) => h.key), location: { uri: pathToUri(p), range: parsed ? rangeIn(parsed, e.pair.key) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } });
            }
            walk(getPair(e.pair.value, 'children')?.value, depth + 1);
          }
        };
        // an inventory plugin's configuration (`plugin: amazon.aws.aws_ec2`) declares no groups by its keys
        for (const d of parsed?.docs ?? []) if (!getPair(d.contents, 'plugin')) walk(d.contents, 0);
      } else if (/^\s*\[/m.test(text)) {
        const ini = parseIni(text, false);
        const lines = { lineStarts: [0] as number[] };
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.lineStarts.push(i + 1);
        for (const sec of ini.sections) {
          if (sec.group !== name || sec.suffix === 'vars') continue;
          const hosts = sec.suffix === 'children' ? sec.entries.map((x) => `${x.key}/`) : sec.entries.map((x) => x.key);
          out.push({ hosts, location: { uri: pathToUri(p), range: { start: positionIn(lines, sec.start), end: positionIn(lines, sec.end) } } });
        }
      }
    }
  }
  return out;
}

export { iniModel };
