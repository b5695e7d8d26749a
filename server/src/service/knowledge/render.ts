// Markdown rendering of knowledge entries for hovers, the notes browser and "Explain this file".
import type { Locale } from '../types';
import { fact, localise, t, type RefEntry } from './index';

export const SHOW_NOTE_COMMAND = 'infraNotes.showNote';

/** A command link that opens the notes browser at a fact; its target contains the fact id. */
export function noteHref(factId: string): string {
  return `command:${SHOW_NOTE_COMMAND}?${encodeURIComponent(JSON.stringify([factId]))}`;
}

export function noteLink(factId: string, locale: Locale): string {
  const f = fact(factId);
  const title = f ? localise(f.title, locale) : factId;
  return `[${factId} · ${escapeMd(title)}](${noteHref(factId)} "${escapeTitle(t('notes.open', locale))}")`;
}

/** "Notes: [DOCKER-07 · COPY vs ADD] · [DOCKER-02 · …]" */
export function notesLine(factIds: string[] | undefined, locale: Locale): string {
  if (!factIds || factIds.length === 0) return '';
  return `${t('notes.label', locale)}: ${factIds.map((id) => noteLink(id, locale)).join(' · ')}`;
}

/** The facts' corrections ("what holds today"), for the facts that have one. */
export function todayLines(factIds: string[] | undefined, locale: Locale): string[] {
  const out: string[] = [];
  for (const id of factIds ?? []) {
    const f = fact(id);
    if (f?.today) out.push(`> **${t('notes.today', locale)} (${id}).** ${localise(f.today, locale)}`);
  }
  return out;
}

export interface RenderOptions {
  /** extra markdown sections after the body (computed values, resolved variables…) */
  extra?: string[];
  /** args for placeholders in the entry's texts */
  args?: Record<string, string | number>;
  /** show the title as a heading line (default true) */
  title?: boolean;
  /** a value of the entry's `values` map to explain under the body */
  value?: string;
  /** include the facts' "today" corrections (default true) */
  today?: boolean;
}

/** Hover markdown for a reference entry: title, body, a documented value, extras, today, notes links. */
export function renderRef(e: RefEntry, locale: Locale, opts: RenderOptions = {}): string {
  const parts: string[] = [];
  if (opts.title !== false) parts.push(`**${localise(e.title, locale, opts.args)}**`);
  parts.push(localise(e.body, locale, opts.args).trim());
  if (opts.value !== undefined && e.values?.[opts.value]) parts.push(`${codeSpan(opts.value)} — ${localise(e.values[opts.value], locale, opts.args).trim()}`);
  if (e.today) parts.push(`> **${t('notes.today', locale)}.** ${localise(e.today, locale, opts.args).trim()}`);
  for (const x of opts.extra ?? []) if (x) parts.push(x);
  if (opts.today !== false) parts.push(...todayLines(e.notes, locale));
  const notes = notesLine(e.notes, locale);
  if (notes) parts.push(notes);
  return parts.filter(Boolean).join('\n\n');
}

/**
 * Inline code for any text: a fence longer than the text's longest run of backticks, padded when
 * the text starts or ends with one (`# escape=\`` would otherwise open a code block).
 */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}

function escapeTitle(s: string): string {
  return s.replace(/"/g, "'");
}
