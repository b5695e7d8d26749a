// Runs the rules registered for a document's kind and turns findings into LSP diagnostics:
// stable code, documentation link, localised message, notes ids and the fixes in `data`.
// A rule that throws loses only its own result for that document (logged once).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { InfraDocument } from '../documents/document';
import { fixTitle, localise, rule as ruleEntry, type RuleEntry } from '../knowledge/index';
import type { RequestContext } from '../languages/support';
import type { SeverityName } from '../types';
import { ruleDocUrl } from './docs';
import type { FileDirectives, Finding, Rule, Suppression } from './types';

export const SOURCE = 'infra-notes';

export interface DiagnosticData {
  rule: string;
  notes: string[];
  fixes: { title: string; edits: import('vscode-languageserver-types').TextEdit[]; preferred?: boolean }[];
}

const SEVERITY: Record<Exclude<SeverityName, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type RuleErrorLogger = (ruleId: string, doc: InfraDocument, error: unknown) => void;
let ruleErrorLogger: RuleErrorLogger = (id, doc, err) => {
  console.error(`[infra-notes] rule ${id} failed on ${doc.uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
};
/** (rule, document) pairs already logged: a failing rule is reported once per document, not per keystroke. */
const reported = new Set<string>();

function logRuleError(id: string, doc: InfraDocument, err: unknown): void {
  const key = `${id}\u0000${doc.uri}`;
  if (reported.has(key)) return;
  if (reported.size > 10000) reported.clear();
  reported.add(key);
  ruleErrorLogger(id, doc, err);
}

export function setRuleErrorLogger(logger: RuleErrorLogger): void {
  ruleErrorLogger = logger;
  reported.clear();
}

/** The severity a rule runs at, or 'off'. Order: user setting, workspace config (.hadolint.yaml…), entry. */
export function effectiveSeverity(entry: RuleEntry, ctx: RequestContext, directives?: FileDirectives): SeverityName {
  const user = ctx.settings.rules[entry.id];
  if (user) return user;
  const fromWorkspace = directives?.severities && lookupExternal(entry, directives.severities);
  if (fromWorkspace) return fromWorkspace;
  if (entry.hardening) return ctx.settings.hardening ? entry.severity : 'off';
  if (entry.enabled === false) return 'off';
  return entry.severity;
}

function lookupExternal<T>(entry: RuleEntry, map: Record<string, T>): T | undefined {
  if (entry.id in map) return map[entry.id];
  for (const s of entry.seeAlso ?? []) if (s.id in map) return map[s.id];
  return undefined;
}

function matchesIds(entry: RuleEntry, ids: string[] | '*', tool?: string): boolean {
  if (ids === '*') return true;
  for (const id of ids) {
    if (id === entry.id || id === entry.name) return true;
    if (entry.seeAlso?.some((s) => s.id === id && (!tool || s.tool === tool))) return true;
  }
  return false;
}

export function isSuppressed(entry: RuleEntry, line: number, suppressions: Suppression[]): boolean {
  for (const s of suppressions) {
    if (!matchesIds(entry, s.ids, s.tool)) continue;
    if (s.scope === 'file') return true;
    if (s.scope === 'line' && s.line === line) return true;
    if (s.scope === 'lines' && s.line !== undefined && line >= s.line && line <= (s.endLine ?? s.line)) return true;
  }
  return false;
}

/** The extension's own comment form, valid in every family: `# infra-notes-ignore DF007,DF008`. */
const OWN = /#\s*infra-notes-ignore(-file)?\b[ \t]*([A-Za-z0-9_,\- \t]*)/;

export function ownSuppressions(doc: InfraDocument): Suppression[] {
  const out: Suppression[] = [];
  const text = doc.content;
  if (!text.includes('infra-notes-ignore')) return out;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = OWN.exec(lines[i]);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const list: string[] | '*' = ids.length ? ids : '*';
    if (m[1]) {
      out.push({ scope: 'file', ids: list });
      continue;
    }
    const before = lines[i].slice(0, m.index);
    if (before.trim() !== '') {
      out.push({ scope: 'line', line: i, ids: list });
      continue;
    }
    // a comment line: applies to the next line that is neither blank nor a comment
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j])) j++;
    out.push({ scope: 'line', line: j, ids: list });
  }
  return out;
}

/**
 * Validation as steps: one rule per step, so the server can run a document's rules in slices,
 * answer hovers in between, and drop a run that a newer version made stale. The generator's
 * return value is the diagnostics.
 */
/** What a validation step yields: the rule just run, and the diagnostics found so far. */
export interface Step {
  rule: string;
  found: Diagnostic[];
}

export function* ruleSteps(doc: InfraDocument, rules: Rule[], ctx: RequestContext, directives: FileDirectives): Generator<Step, Diagnostic[], void> {
  const suppressions = [...ownSuppressions(doc), ...directives.suppressions];
  const out: Diagnostic[] = [];
  for (const r of rules) {
    if (!r.kinds.includes(doc.kind)) continue;
    const entry = ruleEntry(r.id);
    if (!entry) continue; // the catalogue test guarantees every rule has one
    const severity = effectiveSeverity(entry, ctx, directives);
    if (severity === 'off') continue;
    const findings: Finding[] = [];
    try {
      r.check({ doc, settings: ctx.settings, workspace: ctx.workspace, index: ctx.index, report: (f) => findings.push(f) });
    } catch (err) {
      logRuleError(r.id, doc, err);
      findings.length = 0;
    }
    // one finding per place and message: a node merged into many places (a `<<: *defaults` anchor
    // shared by twenty services) is one mistake, not twenty
    const seen = new Set<string>();
    for (const f of findings) {
      if (isSuppressed(entry, f.range.start.line, suppressions)) continue;
      const d = toDiagnostic(entry, f, severity, ctx);
      const key = `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
    yield { rule: r.id, found: out };
  }
  return out;
}

/** Run a generator of validation steps to the end, synchronously. */
export function drain<T>(steps: Generator<Step, T, void>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

export function runRules(doc: InfraDocument, rules: Rule[], ctx: RequestContext, directives: FileDirectives): Diagnostic[] {
  return drain(ruleSteps(doc, rules, ctx, directives));
}

export function toDiagnostic(entry: RuleEntry, f: Finding, severity: Exclude<SeverityName, 'off'>, ctx: RequestContext): Diagnostic {
  const locale = ctx.settings.locale;
  const data: DiagnosticData = {
    rule: entry.id,
    notes: entry.notes ?? [],
    fixes: (f.fixes ?? []).map((fx) => ({
      title: fixTitle(entry, locale, fx.name, { ...f.args, ...fx.args }),
      edits: fx.edits,
      ...(fx.preferred ? { preferred: true } : {}),
    })),
  };
  return {
    range: f.range,
    severity: SEVERITY[severity],
    code: entry.id,
    codeDescription: { href: ruleDocUrl(entry.id) },
    source: SOURCE,
    message: localise(entry.message, locale, f.args),
    data,
  };
}
