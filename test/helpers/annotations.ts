// Caret annotations and cursor markers for fixtures (STYLE.md §4).
//
//   ADD app.py /app/
//   #^^^^^^^^^^^^^^^ DF007
//
// An annotation line is `#` followed by carets and rule ids; the `#` column is the first column of
// the range, the last caret its last column. It annotates the nearest line above it that is not an
// annotation. Several ids may share a range: `#^^^ DF001 DF002`. When a diagnostic spans several
// lines, the carets run to the end of its first line. Annotation lines are removed before parsing.
import type { Position, Range } from 'vscode-languageserver-types';

export interface Expected {
  id: string;
  line: number;
  start: number;
  end: number;
}

const ANNOTATION = /^(\s*)#(\^+)\s+([A-Z][A-Z0-9]*\d(?:[\s,]+[A-Z][A-Z0-9]*\d)*)\s*$/;

export function annotated(src: string): { text: string; expected: Expected[] } {
  const lines = src.split('\n');
  const kept: string[] = [];
  const expected: Expected[] = [];
  for (const line of lines) {
    const m = ANNOTATION.exec(line);
    if (!m) {
      kept.push(line);
      continue;
    }
    if (kept.length === 0) throw new Error(`annotation with no line above it: ${line}`);
    const start = m[1].length;
    const end = start + 1 + m[2].length;
    for (const id of m[3].split(/[\s,]+/)) expected.push({ id, line: kept.length - 1, start, end });
  }
  return { text: kept.join('\n'), expected };
}

/** The text with `<|>` removed and the position where it stood. */
export function cursor(src: string): { text: string; position: Position; offset: number } {
  const offset = src.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> cursor marker in the fixture');
  const text = src.slice(0, offset) + src.slice(offset + 3);
  const before = src.slice(0, offset).split('\n');
  return { text, offset, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** What a diagnostic looks like as an annotation, for readable assertion failures. */
export function describeActual(text: string, d: { range: Range; code?: string | number }): Expected {
  const lines = text.split('\n');
  const { start, end } = d.range;
  const endCol = end.line === start.line ? end.character : (lines[start.line] ?? '').replace(/\r$/, '').length;
  return { id: String(d.code), line: start.line, start: start.character, end: endCol };
}

export function renderExpected(text: string, list: Expected[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    for (const e of list.filter((x) => x.line === i)) {
      const width = Math.max(1, e.end - e.start);
      out.push(`${' '.repeat(e.start)}#${'^'.repeat(Math.max(1, width - 1))} ${e.id}`);
    }
  });
  return out.join('\n');
}
