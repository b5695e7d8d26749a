// AN002 — `shell`/`command` doing what an idempotent module does (ANSIBLE-03): package installs,
// systemctl/service, pip, git clone, mkdir/chmod/chown/rm, curl/wget downloads, useradd, sed -i,
// tar x. Quick fix for the simple package and service cases.
import type { TextEdit } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { getPair, isMap, isScalar, type Node } from '../../yaml/model';
import { moduleArgs, type Task } from '../../languages/ansible/model';
import type { Fix, Rule } from '../types';
import { tasks, TASK_KINDS } from './util';

const COMMAND_MODULES = new Set(['command', 'shell']);

export interface CommandHit {
  /** the offending words as written (`apt-get install`) */
  command: string;
  /** the module to use */
  replacement: string;
  start: number;
  end: number;
  fix?: { module: string; args: [string, string | string[] | boolean][] };
  /** an operand holds an unquoted shell glob (`rm -rf /var/cache/nginx/*`) */
  glob?: boolean;
}

interface Word { text: string; start: number; end: number }

function words(segment: string, base: number): Word[] {
  const out: Word[] = [];
  const re = /"[^"]*"|'[^']*'|\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(segment))) out.push({ text: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

const PKG = /^(apt-get|apt|aptitude|yum|dnf|apk|zypper)$/;
const PKG_ACTIONS: Record<string, string[]> = {
  'apt-get': ['install', 'remove', 'purge', 'update', 'upgrade', 'dist-upgrade', 'autoremove'],
  apt: ['install', 'remove', 'purge', 'update', 'upgrade', 'full-upgrade', 'autoremove'],
  aptitude: ['install', 'remove', 'purge', 'update', 'upgrade', 'safe-upgrade'],
  yum: ['install', 'remove', 'erase', 'update', 'upgrade'],
  dnf: ['install', 'remove', 'erase', 'update', 'upgrade'],
  apk: ['add', 'del', 'upgrade'],
  zypper: ['install', 'in', 'remove', 'rm', 'update', 'up'],
};
const PKG_MODULE: Record<string, string> = {
  'apt-get': 'apt', apt: 'apt', aptitude: 'apt', yum: 'yum', dnf: 'dnf', apk: 'community.general.apk', zypper: 'community.general.zypper',
};
const SERVICE_ACTIONS: Record<string, string> = { start: 'started', stop: 'stopped', restart: 'restarted', reload: 'reloaded' };

/** Analyse one command line (a segment between `&&`, `;`, `|`); offsets absolute. */
export function analyseSegment(segment: string, base: number): CommandHit | undefined {
  let ws = words(segment, base);
  // skip `sudo`, `env`, VAR=value prefixes
  while (ws.length && (/^(sudo|env|exec|nohup|time)$/.test(ws[0].text) || /^[A-Z_][A-Z0-9_]*=/.test(ws[0].text))) ws = ws.slice(1);
  if (ws.length === 0) return undefined;
  const cmd = ws[0].text.replace(/^.*\//, '');
  const rest = ws.slice(1);
  const firstArg = rest.find((w) => !w.text.startsWith('-'));
  const flags = rest.filter((w) => w.text.startsWith('-')).map((w) => w.text);
  const span = (a: Word, b?: Word) => ({ start: a.start, end: (b ?? a).end, command: segment.slice(a.start - base, (b ?? a).end - base) });

  if (PKG.test(cmd)) {
    if (!firstArg || !PKG_ACTIONS[cmd].includes(firstArg.text)) return undefined;
    const module = PKG_MODULE[cmd];
    const hit: CommandHit = { ...span(ws[0], firstArg), replacement: module };
    const pkgs = rest.filter((w) => w !== firstArg && !w.text.startsWith('-')).map((w) => w.text);
    const action = firstArg.text;
    if (['install', 'add', 'in'].includes(action) && pkgs.length && pkgs.every((p) => /^[\w.+\-:=*]+$/.test(p)) && !module.includes('.')) {
      hit.fix = { module, args: [['name', pkgs.length === 1 ? pkgs[0] : pkgs], ['state', 'present']] };
    } else if (['remove', 'purge', 'erase', 'del'].includes(action) && pkgs.length && pkgs.every((p) => /^[\w.+\-:]+$/.test(p)) && !module.includes('.')) {
      hit.fix = { module, args: [['name', pkgs.length === 1 ? pkgs[0] : pkgs], ['state', 'absent']] };
      if (action === 'purge') hit.fix.args.push(['purge', true]);
    } else if (action === 'update' && module === 'apt' && pkgs.length === 0) {
      hit.fix = { module, args: [['update_cache', true]] };
    }
    return hit;
  }
  if (/^pip[0-9.]*$/.test(cmd) || (/^python[0-9.]*$/.test(cmd) && rest[0]?.text === '-m' && /^pip/.test(rest[1]?.text ?? ''))) {
    const args = /^python/.test(cmd) ? rest.slice(2) : rest;
    const action = args.find((w) => !w.text.startsWith('-'));
    if (!action || !['install', 'uninstall'].includes(action.text)) return undefined;
    return { ...span(ws[0], action), replacement: 'pip' };
  }
  if (cmd === 'systemctl') {
    const action = firstArg;
    if (!action) return undefined;
    const a = action.text;
    const units = rest.filter((w) => w !== action && !w.text.startsWith('-')).map((w) => w.text);
    if (a === 'daemon-reload') return { ...span(ws[0], action), replacement: 'systemd', fix: { module: 'systemd', args: [['daemon_reload', true]] } };
    if (!['start', 'stop', 'restart', 'reload', 'enable', 'disable', 'mask', 'unmask'].includes(a)) return undefined;
    const hit: CommandHit = { ...span(ws[0], action), replacement: 'systemd' };
    if (units.length === 1 && /^[\w@.\-]+$/.test(units[0]) && flags.every((f) => f === '--now' || f === '-q' || f === '--quiet')) {
      const args: [string, string | boolean][] = [['name', units[0]]];
      if (SERVICE_ACTIONS[a]) args.push(['state', SERVICE_ACTIONS[a]]);
      if (a === 'enable' || a === 'disable') {
        args.push(['enabled', a === 'enable']);
        if (flags.includes('--now')) args.push(['state', a === 'enable' ? 'started' : 'stopped']);
      }
      if (a === 'mask' || a === 'unmask') args.push(['masked', a === 'mask']);
      hit.fix = { module: 'systemd', args };
    }
    return hit;
  }
  if (cmd === 'service' && rest.length >= 2) {
    const [unit, action] = rest;
    if (!SERVICE_ACTIONS[action.text]) return undefined;
    const hit: CommandHit = { ...span(ws[0], action), replacement: 'service' };
    if (rest.length === 2 && /^[\w@.\-]+$/.test(unit.text)) hit.fix = { module: 'service', args: [['name', unit.text], ['state', SERVICE_ACTIONS[action.text]]] };
    return hit;
  }
  if (cmd === 'git') {
    if (!firstArg || !['clone', 'pull', 'checkout', 'fetch'].includes(firstArg.text)) return undefined;
    return { ...span(ws[0], firstArg), replacement: 'git' };
  }
  // a glob names many paths, which the file module (one `path`) cannot take
  const glob = rest.some((w) => !w.text.startsWith('-') && /^[^'"]*[*?[]/.test(w.text));
  if (['mkdir', 'chmod', 'chown', 'chgrp', 'rmdir', 'ln'].includes(cmd)) return { ...span(ws[0]), replacement: 'file', glob };
  if (cmd === 'rm' && rest.length) return { ...span(ws[0]), replacement: 'file', glob };
  if (cmd === 'touch' && rest.length) return { ...span(ws[0]), replacement: 'file' };
  if (cmd === 'curl') {
    if (!flags.some((f) => /^(-[a-zA-Z]*[oO][a-zA-Z]*|--output|--remote-name)$/.test(f))) return undefined;
    return { ...span(ws[0]), replacement: 'get_url' };
  }
  if (cmd === 'wget') {
    if (rest.some((w) => /^(-q?O-?|-qO-)$/.test(w.text) && (w.text.endsWith('-') || rest[rest.indexOf(w) + 1]?.text === '-'))) return undefined;
    return { ...span(ws[0]), replacement: 'get_url' };
  }
  if (['useradd', 'adduser', 'usermod', 'userdel'].includes(cmd)) return { ...span(ws[0]), replacement: 'user' };
  if (['groupadd', 'addgroup', 'groupdel'].includes(cmd)) return { ...span(ws[0]), replacement: 'group' };
  if (cmd === 'sed' && flags.some((f) => /^-[a-zA-Z]*i/.test(f) || f.startsWith('--in-place'))) {
    // the files are the operands after the script (the first operand, unless -e/-f gives it); a
    // glob among them edits many files, which lineinfile/replace (one `path`) cannot take
    // (community.zabbix: `sed -i 's/^proxy =.*//' /etc/yum.repos.d/zabbix*`)
    const operands = rest.filter((w, i) => !w.text.startsWith('-') && !/^(-e|-f|--expression|--file)$/.test(rest[i - 1]?.text ?? ''));
    const files = flags.some((f) => /^(-e|-f|--expression|--file)/.test(f)) ? operands : operands.slice(1);
    const sedGlob = files.some((w) => /^[^'"]*[*?[]/.test(w.text));
    return { ...span(ws[0]), replacement: 'lineinfile/replace', glob: sedGlob };
  }
  if (cmd === 'tar' && (flags.some((f) => /^-?[a-zA-Z]*x/.test(f) || f === '--extract') || /^[a-zA-Z]*x[a-zA-Z]*$/.test(rest[0]?.text ?? ''))) return { ...span(ws[0]), replacement: 'unarchive' };
  if (cmd === 'unzip') return { ...span(ws[0]), replacement: 'unarchive' };
  if (cmd === 'hostnamectl' && firstArg?.text === 'set-hostname') return { ...span(ws[0], firstArg), replacement: 'hostname' };
  return undefined;
}

/** The command text node of a command/shell task (free-form value or `cmd:`). */
export function commandNode(task: Task): Node | undefined {
  const v = task.modulePair?.value;
  if (isScalar(v) && typeof v.value === 'string') return v as Node;
  if (isMap(v)) {
    const cmd = getPair(v, 'cmd')?.value;
    if (isScalar(cmd) && typeof cmd.value === 'string') return cmd as Node;
  }
  return undefined;
}

export function analyseCommand(doc: InfraDocument, node: Node): { hit?: CommandHit; simple: boolean } {
  const r = node.range!;
  const src = doc.content.slice(r[0], r[1]);
  // split on shell operators and newlines, keep offsets
  const parts: { text: string; start: number }[] = [];
  const re = /&&|\|\||;|\||\n/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    parts.push({ text: src.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  parts.push({ text: src.slice(last), start: last });
  const nonEmpty = parts.filter((p) => p.text.trim() && !/^\s*[|>]-?\d*\s*$/.test(p.text) && !/^\s*#/.test(p.text));
  const simple = nonEmpty.length === 1 && !/[$`><\\{}]/.test(src.replace(/^["']|["']$/g, '')) && !/^[|>]/.test(src);
  for (const p of nonEmpty) {
    let text = p.text;
    let start = r[0] + p.start;
    // strip the quote of a quoted scalar
    const lead = /^\s*["']?\s*/.exec(text)![0].length;
    text = text.slice(lead).replace(/["']\s*$/, '');
    start += lead;
    const hit = analyseSegment(text, start);
    if (hit) return { hit, simple };
  }
  return { simple };
}

export const rule: Rule = {
  id: 'AN002',
  kinds: [...TASK_KINDS],
  check({ doc, report }) {
    for (const task of tasks(doc)) {
      if (!task.short || !COMMAND_MODULES.has(task.short)) continue;
      const node = commandNode(task);
      if (!node?.range) continue;
      const { hit, simple } = analyseCommand(doc, node);
      if (!hit) continue;
      // `touch X` with `creates: X` runs once and is then skipped: idempotent as it stands, while
      // `file: state=touch` reports a change on every run (debops sshd: the known_hosts file)
      if (/^touch\b/.test(hit.command) && moduleArgs(task).has('creates')) continue;
      // `rm -rf /var/cache/nginx/*` in a shell task: the shell expands the glob; the file module
      // takes one path and no pattern, so it is no replacement (geerlingguy/raspberry-pi-dramble);
      // the same for `sed -i … /etc/yum.repos.d/zabbix*` and lineinfile/replace
      if (hit.glob && task.short === 'shell') continue;
      const fixes: Fix[] = [];
      if (hit.fix && simple && isScalar(task.modulePair?.value) && !getPair(task.map, 'args')) {
        const edit = moduleEdit(doc, task, hit.fix.module, hit.fix.args);
        if (edit) fixes.push({ args: { replacement: hit.fix.module }, edits: [edit], preferred: true });
      }
      report({
        range: doc.rangeOf(hit.start, hit.end),
        args: { command: hit.command, module: task.short, replacement: hit.replacement },
        fixes,
      });
    }
  },
};

function yamlScalar(v: string | boolean): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /^[\w][\w.+\-:=*@/]*$/.test(v) && !/^(yes|no|true|false|on|off|null|~)$/i.test(v) && !/:$/.test(v) ? v : JSON.stringify(v);
}

/** Replace `shell: …` by `<module>:` with its arguments, keeping the task's other keys. */
function moduleEdit(doc: InfraDocument, task: Task, module: string, args: [string, string | string[] | boolean][]): TextEdit | undefined {
  const pair = task.modulePair!;
  const k = (pair.key as Node).range;
  const v = (pair.value as Node).range;
  if (!k || !v) return undefined;
  const col = doc.positionAt(k[0]).character;
  const indent = ' '.repeat(col + 2);
  const name = (task.module ?? '').startsWith('ansible.') && !module.includes('.') ? `ansible.builtin.${module}` : module;
  const lines = [`${name}:`];
  for (const [key, value] of args) {
    if (Array.isArray(value)) {
      lines.push(`${indent}${key}:`);
      for (const item of value) lines.push(`${indent}  - ${yamlScalar(item)}`);
    } else lines.push(`${indent}${key}: ${yamlScalar(value)}`);
  }
  return { range: doc.rangeOf(k[0], v[1]), newText: lines.join('\n') };
}
