// Small helpers shared by the Compose rules (not a rule).
import { isMap, isScalar, type Node } from 'yaml';
import type { InfraDocument } from '../../documents/document';
import { composeVariantFromName, basename } from '../../documents/classify';
import { dirOf, findBase, includePaths, isFragment, joinPath, layerOf, listItems, pairIn, project, readDoc, resolve, str, valueIn, type ComposeProject, type TopKind } from '../../languages/compose/model';
import { notCompose, problems, type Problem } from '../../languages/compose/validate';
import { rangeOf } from '../../yaml/model';
import type { RuleContext } from '../types';

/** The merged project the rules check; empty for a file that is not Compose after all. */
export function composeProject(ctx: RuleContext): ComposeProject {
  const p = project(ctx.doc, ctx.workspace?.fs);
  if (!notCompose(ctx.doc)) return p;
  return { ...p, fragment: true, services: new Map(), top: { networks: new Map(), volumes: new Map(), secrets: new Map(), configs: new Map() } };
}

/** The override files `docker compose` loads on its own with a base file of the same folder. */
const OVERRIDE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/**
 * The names the override beside a base file declares at the top level (`compose.yaml` with a
 * `compose.override.yaml` holding its `secrets:`, as zulip/docker-zulip ships them): `docker compose up`
 * merges that override in, so what it declares is declared for the project. Empty for any other file.
 */
export function overrideDeclares(ctx: RuleContext, kind: TopKind): Set<string> {
  const fs = ctx.workspace?.fs;
  const out = new Set<string>();
  if (!fs || composeVariantFromName(basename(ctx.doc.path).toLowerCase()) !== 'base') return out;
  for (const n of OVERRIDE_NAMES) {
    const path = `${dirOf(ctx.doc.path)}/${n}`;
    if (!fs.exists(path) || fs.isDirectory(path)) continue;
    const ov = readDoc(path, fs);
    if (ov && ov.classification.kind === 'compose') for (const name of project(ov, undefined).top[kind].keys()) out.add(name);
    break;
  }
  return out;
}

/**
 * The project of the base Compose file beside a file that is Compose by its content but not by its
 * name (jitsi/docker-jitsi-meet `jibri.yml`, `etherpad.yml`…, run as `docker compose -f docker-compose.yml
 * -f jibri.yml`): such an add-on names services and networks its base defines. Undefined for a file
 * named like Compose (its overrides and variants are already merged onto the base; a
 * `docker-compose-mysql.yml` is a project of its own) or with no base beside it.
 */
export function baseBeside(ctx: RuleContext): ComposeProject | undefined {
  const fs = ctx.workspace?.fs;
  const name = basename(ctx.doc.path).toLowerCase();
  // `docker-compose-mysql.yml` beside `docker-compose.yml` is an alternative project, run on its own
  if (!fs || composeVariantFromName(name) !== undefined || /^(docker-)?compose[-_.]/.test(name)) return undefined;
  const path = findBase(ctx.doc, fs);
  const base = path ? readDoc(path, fs) : undefined;
  return base && base.classification.kind === 'compose' ? project(base, fs) : undefined;
}

/**
 * The projects of the Compose files that list this file under `include:`, looked for in its own folder
 * and up to three folders above (a homelab `compose.yaml` with `include: [services/db.yaml]`, the
 * docker/compose `include` examples): the includer's services use what the included file declares.
 */
export function includers(ctx: RuleContext): ComposeProject[] {
  const fs = ctx.workspace?.fs;
  if (!fs) return [];
  const out: ComposeProject[] = [];
  let dir = dirOf(ctx.doc.path);
  for (let up = 0; up < 4 && dir; up++) {
    const names = fs.readDir(dir).filter((n) => /\.ya?ml$/i.test(n)).slice(0, 64);
    for (const n of names) {
      const path = `${dir}/${n}`;
      if (path === ctx.doc.path || fs.isDirectory(path)) continue;
      let text: string | undefined;
      try {
        text = fs.readFile(path);
      } catch {
        continue;
      }
      if (!text || !/^include\s*:/m.test(text)) continue;
      const doc = readDoc(path, fs);
      const layer = doc && doc.classification.kind === 'compose' ? layerOf(doc, false) : undefined;
      if (!layer || !doc) continue;
      if (includePaths(layer).some((rel) => joinPath(dir, rel) === ctx.doc.path)) out.push(project(doc, fs));
    }
    const parent = dirOf(dir);
    if (parent === dir || !(ctx.workspace?.roots ?? []).some((r) => parent === r || parent.startsWith(`${r}/`))) break;
    dir = parent;
  }
  return out;
}

/** A service definition written in the file being checked (not in its base or an included file). */
export interface OwnService {
  name: string;
  doc: InfraDocument;
  ydoc: import('yaml').Document.Parsed;
  map: import('yaml').YAMLMap;
}

/** Every service definition of the checked file: where rules about one service's own keys report. */
export function* ownServices(ctx: RuleContext): Generator<OwnService> {
  for (const svc of composeProject(ctx).services.values()) {
    for (const sl of svc.layers) {
      if (!sl.layer.self || !sl.map) continue;
      yield { name: svc.name, doc: sl.layer.doc, ydoc: sl.layer.ydoc as import('yaml').Document.Parsed, map: sl.map as import('yaml').YAMLMap };
    }
  }
}

export function problemsOf<K extends Problem['kind']>(doc: InfraDocument, kind: K): Extract<Problem, { kind: K }>[] {
  if (notCompose(doc)) return [];
  return problems(doc).filter((p): p is Extract<Problem, { kind: K }> => p.kind === kind);
}

export function range(doc: InfraDocument, node: Node | null | undefined) {
  return rangeOf(doc, node as never);
}

/** A required `env_file` of the checked file that does not exist. */
export interface MissingEnvFile {
  doc: InfraDocument;
  node: Node;
  /** as written */
  path: string;
  /** a template beside it that the project ships for users to copy (`.env.example`, `example.env`…), as a path like `path` */
  example?: string;
}

/** The names a project gives the template of an env file it tells users to create. */
function exampleNames(name: string): string[] {
  const out: string[] = [];
  for (const suffix of ['example', 'sample', 'dist', 'template', 'tmpl', 'default']) out.push(`${name}.${suffix}`);
  const bare = name.replace(/^\./, '');
  if (/^\.?env$/.test(name) || name.startsWith('.env')) {
    for (const suffix of ['example', 'sample', 'dist', 'template']) out.push(`.env.${suffix}`, `${suffix}.env`, `env.${suffix}`);
  }
  const dot = bare.lastIndexOf('.');
  if (dot > 0) for (const word of ['example', 'sample']) out.push(`${bare.slice(0, dot)}.${word}${bare.slice(dot)}`); // app.example.env
  out.push(`example.${bare}`, `sample.${bare}`);
  return [...new Set(out)].filter((n) => n !== name);
}

/** The folders above `dir`, nearest first (at most three). */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; out.length < 3 && d !== dirOf(d); ) out.push((d = dirOf(d)));
  return out;
}

/** Required env files of the checked file's services that are missing (`required: false` ones skipped). */
export function missingEnvFiles(ctx: RuleContext): MissingEnvFile[] {
  const fs = ctx.workspace?.fs;
  if (!fs) return [];
  const dir = dirOf(ctx.doc.path);
  const fragment = composeProject(ctx).fragment && isFragment(ctx.doc);
  const out: MissingEnvFile[] = [];
  for (const svc of ownServices(ctx)) {
    const y = svc.ydoc;
    const pair = pairIn(y, svc.map, 'env_file');
    if (!pair) continue;
    const v = resolve(y, pair.value);
    const entries: { node: Node; path: string }[] = [];
    if (isScalar(v)) entries.push({ node: v as Node, path: str(v) ?? '' });
    for (const { item, node } of listItems(y, v)) {
      if (isScalar(item)) entries.push({ node, path: str(item) ?? '' });
      else if (isMap(item)) {
        const req = str(valueIn(y, item, 'required'));
        if (req === 'false') continue;
        const pn = valueIn(y, item, 'path');
        entries.push({ node: pn as Node, path: str(pn) ?? '' });
      }
    }
    for (const e of entries) {
      if (!e.path || e.path.includes('$') || !e.node) continue;
      const abs = joinPath(dir, e.path);
      if (fs.exists(abs)) continue;
      // a fragment without its base beside it (plausible/community-edition geoip/docker-compose.geoip.yml,
      // used as `-f compose.yml -f geoip/docker-compose.geoip.yml`) resolves paths from the project
      // folder, the first file's: a path found from a folder above counts
      if (fragment && !e.path.startsWith('/') && ancestors(dir).some((d) => fs.exists(joinPath(d, e.path)))) continue;
      const slash = e.path.lastIndexOf('/');
      const prefix = slash < 0 ? '' : e.path.slice(0, slash + 1);
      const name = e.path.slice(slash + 1);
      const example = exampleNames(name).find((n) => fs.exists(joinPath(dir, prefix + n)));
      out.push({ doc: svc.doc, node: e.node, path: e.path, example: example === undefined ? undefined : prefix + example });
    }
  }
  return out;
}

/**
 * Whether the checked file's services are really merged onto the base beside it: true for the
 * override Compose loads on its own (`compose.override.yaml`) and for files without a base. A named
 * variant whose service keys contradict the base's (dockprom's `docker-compose.exporters.yml`, run
 * alone on the other hosts with `-f`) is more likely a project of its own, so rules about a clash
 * between two keys only look across files for an override.
 */
export function mergedWithBase(ctx: RuleContext): boolean {
  return composeVariantFromName(basename(ctx.doc.path).toLowerCase()) === 'override';
}
