// Lookups over the Ansible knowledge entries (server/knowledge/ansible/**): keywords with the
// scopes they are valid in, documented modules with their options and values, ansible.cfg keys,
// inventory variables and Kubespray variables. Built once from the compiled knowledge.
import { allEntries, type Localised, type RefEntry } from '../../knowledge/index';

export type Scope = 'play' | 'task' | 'block' | 'role' | 'handler';

export interface ModuleOption {
  en: string;
  ru: string;
  values?: string[];
  default?: string | number | boolean;
  required?: boolean;
  aliases?: string[];
  type?: string;
}

export interface ModuleEntry extends RefEntry {
  fqcn: string;
  options: Record<string, ModuleOption>;
  /** options accepted but not documented here (so that they are never called unknown) */
  more?: string[];
  /** takes free-form text (command, shell, raw, script) */
  freeForm?: boolean;
  /** any key is accepted (set_fact, add_host) */
  anyKeys?: boolean;
  /** other names of the module (systemd_service) */
  names?: string[];
  /**
   * a front end that passes unknown arguments on to the backend module it picks at run time
   * (package → apt/dnf/yum…, service → systemd/sysvinit): documented backends by module name
   */
  backends?: string[];
  /** options of backends the catalogue does not document, by backend name */
  backendOptions?: Record<string, string[]>;
  /** the option whose mapping holds variable names (set_stats `data`) */
  variablesUnder?: string;
}

interface Catalog {
  keywords: Map<string, { entry: RefEntry; scopes: Scope[] }>;
  modules: Map<string, ModuleEntry>;
  cfg: Map<string, RefEntry>;
  inventoryVars: Map<string, RefEntry>;
  kubespray: Map<string, RefEntry>;
}

let cache: Catalog | undefined;

function catalog(): Catalog {
  if (cache) return cache;
  const c: Catalog = { keywords: new Map(), modules: new Map(), cfg: new Map(), inventoryVars: new Map(), kubespray: new Map() };
  for (const e of allEntries()) {
    if (e.type !== 'ref') continue;
    const id = e.id;
    if (id.startsWith('ansible.keyword.')) {
      c.keywords.set(id.slice('ansible.keyword.'.length), { entry: e, scopes: ((e as RefEntry).scopes as Scope[]) ?? [] });
    } else if (id.startsWith('ansible.module.')) {
      const m = e as ModuleEntry;
      const short = id.slice('ansible.module.'.length);
      c.modules.set(short, m);
      if (m.fqcn) c.modules.set(m.fqcn, m);
      c.modules.set(`ansible.legacy.${short}`, m);
      for (const alias of (m.names as string[] | undefined) ?? []) c.modules.set(alias, m);
    } else if (id.startsWith('ansible.cfg.')) {
      c.cfg.set(id.slice('ansible.cfg.'.length), e);
    } else if (id.startsWith('ansible.inventory.var.')) {
      c.inventoryVars.set(id.slice('ansible.inventory.var.'.length), e);
    } else if (id.startsWith('ansible.kubespray.')) {
      c.kubespray.set(id.slice('ansible.kubespray.'.length), e);
    }
  }
  cache = c;
  return c;
}

export function keywordScopes(key: string): Scope[] | undefined {
  return catalog().keywords.get(key)?.scopes;
}

export function keywordEntry(key: string): RefEntry | undefined {
  if (key.startsWith('with_')) return catalog().keywords.get('with_')?.entry;
  return catalog().keywords.get(key)?.entry;
}

const scopeCache = new Map<Scope, string[]>();

export function keywordsFor(scope: Scope): string[] {
  const hit = scopeCache.get(scope);
  if (hit) return hit;
  const out: string[] = [];
  scopeCache.set(scope, out);
  for (const [k, v] of catalog().keywords) if (v.scopes.includes(scope) && k !== 'with_') out.push(k);
  return out;
}

export function moduleInfo(name: string): ModuleEntry | undefined {
  return catalog().modules.get(name);
}

/** Short names of the documented modules. */
export function moduleNames(): string[] {
  return [...new Set([...catalog().modules.values()].map((m) => m.id.slice('ansible.module.'.length)))].sort();
}

/** Every option name a documented module accepts, with aliases. */
const optionCache = new WeakMap<ModuleEntry, Set<string>>();

export function optionNames(m: ModuleEntry): Set<string> {
  const hit = optionCache.get(m);
  if (hit) return hit;
  const out = new Set<string>();
  optionCache.set(m, out);
  for (const [k, o] of Object.entries(m.options ?? {})) {
    out.add(k);
    for (const a of o.aliases ?? []) out.add(a);
  }
  for (const k of m.more ?? []) out.add(k);
  return out;
}

/** The option entry for a name or one of its aliases. */
export function optionOf(m: ModuleEntry, name: string): [string, ModuleOption] | undefined {
  const opts = m.options ?? {};
  if (opts[name]) return [name, opts[name]];
  for (const [k, o] of Object.entries(opts)) if (o.aliases?.includes(name)) return [k, o];
  return undefined;
}

/** What a key under a module's arguments is, so that AN006 and the hover tell the same story. */
export type OptionStatus =
  | { kind: 'option'; name: string; option?: ModuleOption }
  /** not the module's own option, passed on to the backends that take it */
  | { kind: 'backend'; backends: string[]; name?: string; option?: ModuleOption }
  /** set_fact, add_host: the key is a variable being set */
  | { kind: 'variable' }
  | { kind: 'unknown' };

export function optionStatus(m: ModuleEntry, key: string): OptionStatus {
  const own = optionOf(m, key);
  if (own) return { kind: 'option', name: own[0], option: own[1] };
  if (m.more?.includes(key)) return { kind: 'option', name: key };
  if (m.backends?.length || m.backendOptions) {
    const backends: string[] = [];
    let doc: [string, ModuleOption] | undefined;
    for (const b of m.backends ?? []) {
      const bm = moduleInfo(b);
      if (!bm || !optionNames(bm).has(key)) continue;
      backends.push(b);
      doc ??= optionOf(bm, key);
    }
    for (const [b, names] of Object.entries(m.backendOptions ?? {})) if (names.includes(key)) backends.push(b);
    if (backends.length) return { kind: 'backend', backends, name: doc?.[0], option: doc?.[1] };
  }
  if (m.anyKeys) return { kind: 'variable' };
  return { kind: 'unknown' };
}

export function cfgEntry(key: string): RefEntry | undefined {
  return catalog().cfg.get(key);
}

export function cfgKeys(): string[] {
  return [...catalog().cfg.keys()].filter((k) => !k.startsWith('section.'));
}

export function inventoryVar(name: string): RefEntry | undefined {
  return catalog().inventoryVars.get(name);
}

export function inventoryVarNames(): string[] {
  return [...catalog().inventoryVars.keys()];
}

export function kubesprayVar(name: string): RefEntry | undefined {
  return catalog().kubespray.get(name);
}

export function localisedOption(o: ModuleOption): Localised {
  return { en: o.en, ru: o.ru };
}

/** Levenshtein distance, bounded: stops early above `max`. */
export function distance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = new Array(b.length + 1).fill(0).map((_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      rowMin = Math.min(rowMin, prev[j]);
    }
    if (rowMin > max) return max + 1;
  }
  return prev[b.length];
}

/** The closest candidate within a small edit distance. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = word.length <= 4 ? 1 : 2;
  for (const c of candidates) {
    const d = distance(word, c, bestD);
    if (d <= bestD && (best === undefined || d < distance(word, best, bestD))) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
