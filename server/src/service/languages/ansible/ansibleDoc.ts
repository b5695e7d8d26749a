// Optional documentation of modules this extension does not document itself, read from an installed
// `ansible-doc`. The service stays pure: the server injects a runner (only in a trusted workspace,
// with `ansible.useAnsibleDoc` on). Results are cached per module; a request never waits — the first
// hover of an unknown module starts the lookup and shows the plain "not documented here" text, later
// hovers show the cached documentation.
import { t } from '../../knowledge/index';
import type { Locale } from '../../types';

/** Returns the JSON printed by `ansible-doc -j <module>`, or undefined (not installed, timeout, error). */
export type AnsibleDocRunner = (module: string) => Promise<string | undefined>;

interface OptionDoc {
  description?: string | string[];
  type?: string;
  default?: unknown;
  choices?: unknown[];
  required?: boolean;
}

export interface ModuleDoc {
  name: string;
  short: string;
  description: string;
  options: Record<string, OptionDoc>;
}

let runner: AnsibleDocRunner | undefined;
const cache = new Map<string, ModuleDoc | null | 'pending'>();
const MAX = 300;

export function setAnsibleDocRunner(r: AnsibleDocRunner | undefined): void {
  runner = r;
  cache.clear();
}

const MODULE_NAME = /^[a-z0-9_]+(\.[a-z0-9_]+){0,2}$/;

/** The cached documentation of a module; starts a background lookup when unknown. */
export function ansibleDocFor(module: string): ModuleDoc | undefined {
  if (!runner || !MODULE_NAME.test(module)) return undefined;
  const hit = cache.get(module);
  if (hit === 'pending' || hit === null) return undefined;
  if (hit) return hit;
  if (cache.size >= MAX) cache.clear();
  cache.set(module, 'pending');
  runner(module)
    .then((json) => cache.set(module, json ? parseAnsibleDoc(module, json) : null))
    .catch(() => cache.set(module, null));
  return undefined;
}

/** Resolves when every lookup started so far has finished (tests). */
export async function settleAnsibleDoc(): Promise<void> {
  for (let i = 0; i < 50 && [...cache.values()].includes('pending'); i++) await new Promise((r) => setTimeout(r, 5));
}

export function parseAnsibleDoc(module: string, json: string): ModuleDoc | null {
  try {
    const data = JSON.parse(json) as Record<string, { doc?: Record<string, unknown> }>;
    const entry = data[module] ?? Object.values(data)[0];
    const doc = entry?.doc;
    if (!doc) return null;
    const text = (v: unknown) => (Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '');
    return {
      name: String(doc.module ?? module),
      short: text(doc.short_description),
      description: text(doc.description),
      options: (doc.options as Record<string, OptionDoc>) ?? {},
    };
  } catch {
    return null;
  }
}

const clean = (s: string) => s.replace(/[IBCMLU]\(([^)]*)\)/g, '`$1`').replace(/\s+/g, ' ').trim();

export function renderAnsibleDoc(d: ModuleDoc, locale: Locale): string {
  const parts = [`**${d.name}** — ${clean(d.short)}`, clean(d.description)];
  const opts = Object.entries(d.options).slice(0, 25).map(([k, o]) => {
    const desc = clean(Array.isArray(o.description) ? o.description.join(' ') : o.description ?? '');
    const choices = o.choices?.length ? ` (${o.choices.map((c) => `\`${String(c)}\``).join(', ')})` : '';
    return `- \`${k}\`${o.required ? ' *' : ''} — ${desc.slice(0, 200)}${choices}`;
  });
  if (opts.length) parts.push(`**${t('ansible.hover.options', locale)}**\n\n${opts.join('\n')}`);
  parts.push(`_${t('ansible.hover.fromAnsibleDoc', locale)}_`);
  return parts.filter(Boolean).join('\n\n');
}

/** A runner for the server: `ansible-doc -j <module>` through execFile (no shell), with a timeout. */
export function execFileRunner(execFile: (file: string, args: string[], opts: { timeout: number; maxBuffer: number }, cb: (err: unknown, stdout: string) => void) => void, executable = 'ansible-doc', timeoutMs = 8000): AnsibleDocRunner {
  return (module) => new Promise((resolve) => {
    try {
      execFile(executable, ['-j', module], { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => resolve(err ? undefined : stdout));
    } catch {
      resolve(undefined);
    }
  });
}
