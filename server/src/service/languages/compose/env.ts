// `${VAR}` interpolation: find the variable under the cursor and its value in the `.env` file that
// sits beside the compose file (read through the injected FileReader).
import type { FileReader } from '../../types';
import { dirOf } from './model';

export interface VarAt {
  name: string;
  /** `:-` / `-` default, `:?` / `?` error text, `:+` / `+` alternative */
  op?: string;
  arg?: string;
  start: number;
  end: number;
}

const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The interpolation at `offset` in `text` (offsets relative to `text`), skipping `$$` escapes. */
export function varAt(text: string, offset: number): VarAt | undefined {
  VAR.lastIndex = 0;
  for (let m = VAR.exec(text); m; m = VAR.exec(text)) {
    const start = m.index;
    if (start > 0 && text[start - 1] === '$' && (start < 2 || text[start - 2] !== '$')) continue;
    const end = start + m[0].length;
    if (offset >= start && offset <= end) return { name: m[1] ?? m[4], op: m[2], arg: m[3], start, end };
    if (start > offset) break;
  }
  return undefined;
}

export function parseEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[2];
    if (/^".*"$/.test(v) || /^'.*'$/.test(v)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    out.set(m[1], v);
  }
  return out;
}

export function dotEnv(composePath: string, fs: FileReader | undefined): { path: string; vars: Map<string, string> } | undefined {
  if (!fs) return undefined;
  const path = `${dirOf(composePath)}/.env`;
  let text: string | undefined;
  try {
    text = fs.readFile(path);
  } catch {
    text = undefined;
  }
  return text === undefined ? undefined : { path, vars: parseEnvFile(text) };
}
