// A small, tolerant shell splitter for RUN / CMD / ENTRYPOINT bodies: enough to find the commands
// the rules talk about (apt-get install, pip install, service x start…) with exact document offsets.
// It understands quotes, `$(…)`, backticks, line continuations (the Dockerfile escape character),
// comment lines inside continuations and the operators `&&`, `||`, `|`, `;`, `&`. It never throws.

export interface Word {
  /** the word with quotes removed (escapes resolved, continuations dropped) */
  text: string;
  /** document offsets of the raw word */
  start: number;
  end: number;
}

export interface Command {
  words: Word[];
  /** the operator after this command ('' at the end) and its offsets */
  sep: string;
  sepStart: number;
  sepEnd: number;
}

const OPS = ['&&', '||', ';;', '|&', '|', ';', '&', '(', ')'];
const OP_START = new Set(['&', '|', ';', '(', ')']);
/** characters with no special meaning to the splitter (both escape characters, `\\` and the backtick, excluded) */
const PLAIN = /[^\s\\'"$`&|;()#<>]+/y;

/**
 * Split `src` (a slice of the document starting at offset `base`) into simple commands.
 * `newlineIsSeparator`: a bare newline ends a command (heredoc scripts); in a Dockerfile RUN every
 * newline is either escaped or ends the instruction, so it does not matter there.
 */
export function splitShell(src: string, base: number, escape = '\\', newlineIsSeparator = true): Command[] {
  const commands: Command[] = [];
  let words: Word[] = [];
  let text = '';
  let start = -1;
  let i = 0;
  const n = src.length;
  let lineStart = true;

  const endWord = (end: number) => {
    if (start >= 0) words.push({ text, start: base + start, end: base + end });
    text = '';
    start = -1;
  };
  const endCommand = (sep: string, s: number, e: number) => {
    endWord(s);
    if (words.length || sep) commands.push({ words, sep, sepStart: base + s, sepEnd: base + e });
    words = [];
  };

  while (i < n) {
    const c = src[i];
    // a comment line inside a continued instruction is dropped by the Dockerfile parser
    if (lineStart) {
      let j = i;
      while (j < n && (src[j] === ' ' || src[j] === '\t')) j++;
      if (src[j] === '#') {
        while (j < n && src[j] !== '\n') j++;
        i = j + 1;
        continue;
      }
      lineStart = false;
    }
    if (c === escape && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      // line continuation: acts as whitespace between words only if the word ended (Docker joins lines)
      i += src[i + 1] === '\r' ? 3 : 2;
      lineStart = true;
      continue;
    }
    if (c === '\n') {
      if (newlineIsSeparator) endCommand(';', i, i);
      else endWord(i);
      i++;
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord(i);
      i++;
      continue;
    }
    if (c === '#' && start < 0) {
      // shell comment to end of line
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (start < 0 && OP_START.has(c)) {
      const op = OPS.find((o) => src.startsWith(o, i));
      // `&>` and `>&` are redirections, not operators
      if (op && !(op === '&' && src[i + 1] === '>')) {
        endCommand(op, i, i + op.length);
        i += op.length;
        continue;
      }
    } else if ((c === ';' || c === '|' || c === ')' || (c === '&' && src[i - 1] !== '>' && src[i + 1] !== '>')) ) {
      endWord(i);
      continue;
    }
    if (start < 0) start = i;
    if (c === '\\' && i + 1 < n) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = src.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      text += src.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < n) {
          if (src[j + 1] !== '\n') text += src[j + 1];
          j += 2;
          continue;
        }
        text += src[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if ((c === '$' && src[i + 1] === '(') || c === '`') {
      // command substitution: kept inside the word
      let j = c === '`' ? src.indexOf('`', i + 1) : matchParen(src, i + 1);
      if (j < 0) j = n - 1;
      text += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // a run of ordinary characters in one go
    PLAIN.lastIndex = i;
    const m = PLAIN.exec(src);
    if (m && m[0].length > 1) {
      text += m[0];
      i += m[0].length;
      continue;
    }
    text += c;
    i++;
  }
  endCommand('', n, n);
  return commands.filter((c) => c.words.length > 0 || c.sep !== '');
}

function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    const ch = src[j];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return j;
    } else if (ch === "'") {
      const close = src.indexOf("'", j + 1);
      if (close < 0) return -1;
      j = close;
    }
  }
  return -1;
}

/** The command's program name with leading `VAR=value` assignments, `sudo`, `env`, `exec` skipped. */
export function program(cmd: Command): { name: string; index: number } | undefined {
  let i = 0;
  const w = cmd.words;
  while (i < w.length) {
    const t = w[i].text;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) { i++; continue; }
    if (t === 'sudo' || t === 'exec' || t === 'env' || t === 'nohup' || t === 'command' || t === 'time') {
      i++;
      while (i < w.length && w[i].text.startsWith('-')) i++;
      continue;
    }
    break;
  }
  if (i >= w.length) return undefined;
  return { name: basename(w[i].text), index: i };
}

export function basename(p: string): string {
  const k = p.lastIndexOf('/');
  return k >= 0 ? p.slice(k + 1) : p;
}

/**
 * The first word after the program that is not an option (`apt-get -q -o X=Y install` → install),
 * with its index. Options listed in `withValue` take the next word as their value.
 */
export function subcommand(cmd: Command, from: number, withValue: string[] = []): { text: string; index: number } | undefined {
  const w = cmd.words;
  for (let i = from + 1; i < w.length; i++) {
    const t = w[i].text;
    if (t.startsWith('-')) {
      if (withValue.includes(t)) i++;
      continue;
    }
    return { text: t, index: i };
  }
  return undefined;
}

/** The words after index `from` that are not options: packages, files, goals. */
export function operands(cmd: Command, from: number, withValue: string[] = []): Word[] {
  const out: Word[] = [];
  const w = cmd.words;
  for (let i = from + 1; i < w.length; i++) {
    const t = w[i].text;
    if (t.startsWith('-')) {
      if (withValue.includes(t)) i++;
      continue;
    }
    if (/^[0-9]*[<>]/.test(t)) continue;
    out.push(w[i]);
  }
  return out;
}

export function hasWord(cmd: Command, test: (t: string) => boolean, from = 0): boolean {
  for (let i = from; i < cmd.words.length; i++) if (test(cmd.words[i].text)) return true;
  return false;
}
