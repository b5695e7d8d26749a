// Package-manager commands inside RUN: which manager, which subcommand, which packages.
import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../../documents/document';
import { commandName, type ShellCommand, type ShellWord } from '../../../languages/docker/model';
import type { DockerFacts } from './model';

export interface PmCommand {
  cmd: ShellCommand;
  /** normalised manager: apt-get, apt, apk, pip, yum, dnf, microdnf, npm, yarn, … */
  manager: string;
  /** the program word (after sudo/env) */
  nameWord: ShellWord;
  sub?: ShellWord;
  subIndex: number;
}

const APT_VALUE_OPTS = ['-o', '-c', '-t', '--target-release', '--option'];
const PIP_VALUE_OPTS = ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--target', '-t', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '-e', '--editable', '--cache-dir', '--progress-bar', '--timeout', '--retries', '--log', '--proxy'];

/** Recognise a package-manager invocation; `python -m pip install` counts as pip. */
export function pmCommand(cmd: ShellCommand): PmCommand | undefined {
  const p = commandName(cmd);
  if (!p) return undefined;
  let name = p.name;
  let at = p.index;
  if (/^python[0-9.]*$/.test(name) && cmd.words[at + 1]?.text === '-m' && /^pip[0-9.]*$/.test(cmd.words[at + 2]?.text ?? '')) {
    name = 'pip';
    at += 2;
  }
  let manager = name;
  if (/^pip[0-9.]*$/.test(name)) manager = 'pip';
  else if (!['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'npm', 'yarn', 'pnpm', 'poetry', 'bundle', 'composer', 'go', 'mvn', 'mvnw', 'gradle', 'gradlew', 'pipenv', 'uv'].includes(name)) return undefined;
  if (manager === 'mvnw') manager = 'mvn';
  if (manager === 'gradlew') manager = 'gradle';
  const valueOpts = manager === 'pip' ? PIP_VALUE_OPTS : manager.startsWith('apt') ? APT_VALUE_OPTS : [];
  const sub = subcommand(cmd, at, valueOpts);
  return { cmd, manager, nameWord: cmd.words[p.index], sub: sub ? cmd.words[sub.index] : undefined, subIndex: sub?.index ?? at };
}

export function pmCommands(f: DockerFacts, instr: Instruction): PmCommand[] {
  const out: PmCommand[] = [];
  for (const c of f.commands(instr)) {
    const pm = pmCommand(c);
    if (pm) out.push(pm);
  }
  return out;
}

export function isInstall(pm: PmCommand): boolean {
  const s = pm.sub?.text;
  switch (pm.manager) {
    case 'apt-get': case 'apt': case 'yum': case 'dnf': case 'microdnf': case 'zypper': case 'pip':
      return s === 'install' || (pm.manager === 'zypper' && s === 'in');
    case 'apk':
      return s === 'add';
    default:
      return false;
  }
}

/** The packages named by an install command (options and their values skipped). */
export function packagesOf(pm: PmCommand): ShellWord[] {
  const valueOpts = pm.manager === 'pip' ? PIP_VALUE_OPTS : pm.manager.startsWith('apt') ? APT_VALUE_OPTS : pm.manager === 'apk' ? ['-t', '--virtual', '-X', '--repository', '--root', '-p'] : [];
  return operands(pm.cmd, pm.subIndex, valueOpts);
}

export function hasOption(pm: PmCommand, test: (t: string) => boolean): boolean {
  return pm.cmd.words.some((w) => w.text.startsWith('-') && test(w.text));
}

/** Range from the program word to the subcommand (`apt-get install`). */
export function headRange(doc: InfraDocument, pm: PmCommand): Range {
  return doc.rangeOf(pm.nameWord.start, (pm.sub ?? pm.nameWord).end);
}

/** An edit inserting ` text` right after the subcommand word. */
export function insertAfterSub(doc: InfraDocument, pm: PmCommand, text: string): TextEdit {
  const at = doc.positionAt((pm.sub ?? pm.nameWord).end);
  return { range: { start: at, end: at }, newText: ` ${text}` };
}

/** An edit appending `&& text` at the end of an instruction, on a new continued line when it spans lines. */
export function appendToInstruction(doc: InfraDocument, instr: Instruction, text: string, escape: string): TextEdit {
  const r = instr.getRange();
  const multi = r.end.line > r.start.line;
  return { range: { start: r.end, end: r.end }, newText: multi ? ` ${escape}\n    && ${text}` : ` && ${text}` };
}

/**
 * The first word after the program that is not an option (`apt-get -q -o X=Y install` → install),
 * with its index. Options listed in `withValue` take the next word as their value.
 */
export function subcommand(cmd: ShellCommand, from: number, withValue: string[] = []): { text: string; index: number } | undefined {
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
export function operands(cmd: ShellCommand, from: number, withValue: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
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
