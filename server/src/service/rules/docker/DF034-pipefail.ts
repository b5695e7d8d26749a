// DF034 — a pipe in RUN without `pipefail`: the RUN succeeds when only the last command does
// (hadolint DL4006).
import type { Instruction } from 'dockerfile-ast';
import { commandName, isJsonForm, type ShellCommand } from '../../languages/docker/model';
import type { Rule } from '../types';
import { distroOf, facts, type Stage } from './lib/model';

/** The arguments of the SHELL in effect before instruction `k` of the stage (or its parents). */
function shellBefore(stage: Stage, k: number): string[] | undefined {
  for (let i = k - 1; i >= 0; i--) {
    const instr = stage.instructions[i];
    if (instr.getKeyword() === 'SHELL') return instr.getArguments().map((a) => a.getValue());
  }
  return stage.parent ? shellBefore(stage.parent, stage.parent.instructions.length) : undefined;
}

/** Commands that only write text: their failure is not what pipefail would catch. */
const GENERATORS = new Set(['echo', 'printf', 'true', ':']);

/** Reserved words that may open the simple command as the splitter sees it (`if echo … | sha512sum -c -; then`). */
const LEAD = new Set(['if', 'then', 'elif', 'else', 'do', 'while', 'until', '!', '{']);

function isGenerator(c: ShellCommand): boolean {
  let k = 0;
  while (k < c.words.length && LEAD.has(c.words[k].text)) k++;
  const words = c.words.slice(k).filter((w) => w.text !== '{' && w.text !== '}');
  if (words.length === 0) return true;
  const name = commandName({ ...c, words })?.name;
  return name !== undefined && GENERATORS.has(name);
}

/**
 * Whether the element of the pipeline left of the pipe after `cmds[k]` only writes text
 * (`echo "$sha  file" | sha256sum -c -`, `{ echo a; echo b; } | tee f`, `( printf … ) | …`).
 */
function generatorBefore(cmds: ShellCommand[], k: number): boolean {
  const c = cmds[k];
  if (c.words.length === 0) {
    // `( … ) |`: every command back to the opening `(`
    if (cmds[k - 1]?.sep !== ')') return false;
    let depth = 0;
    for (let j = k - 1; j >= 0; j--) {
      const d = cmds[j];
      if (d.sep === ')') depth++;
      if (d.sep === '(' && d.words.length === 0) {
        if (--depth === 0) return true;
        continue;
      }
      if (!isGenerator(d)) return false;
    }
    return false;
  }
  if (c.words[c.words.length - 1].text !== '}') return isGenerator(c);
  // `{ …; } |`: every command back to the opening `{`
  let depth = 0;
  for (let j = k; j >= 0; j--) {
    const d = cmds[j];
    if (!isGenerator(d)) return false;
    for (const w of d.words) if (w.text === '}') depth++;
    for (const w of d.words) if (w.text === '{') depth--;
    if (depth <= 0) return true;
  }
  return false;
}

/**
 * Whether the pipeline holding the pipe after `cmds[k]` is negated (`! { ldd … | grep 'not found'; }`,
 * `if ! lsmod | grep -q x`): its status is the test, and pipefail would turn an upstream failure into a pass.
 */
function negated(cmds: ShellCommand[], k: number): boolean {
  let j = k;
  while (j > 0 && cmds[j - 1].sep === '|') j--;
  for (const w of cmds[j].words) {
    if (w.text === '!') return true;
    if (!LEAD.has(w.text)) return false;
  }
  return false;
}

export const rule: Rule = {
  id: 'DF034',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      let fixed = false;
      stage.instructions.forEach((instr: Instruction, k) => {
        if (instr.getKeyword() !== 'RUN' || isJsonForm(instr)) return;
        const shell = shellBefore(stage, k);
        if (shell) {
          const joined = shell.join(' ');
          if (joined.includes('pipefail') || /pwsh|powershell|cmd/i.test(joined)) return;
        }
        const cmds = f.commands(instr);
        let pipefail = false;
        for (const [k, c] of cmds.entries()) {
          if (commandName(c)?.name === 'set' && c.words.some((w) => w.text.includes('pipefail'))) pipefail = true;
          if (c.sep === '|' && !pipefail && !generatorBefore(cmds, k) && !negated(cmds, k)) {
            const line = instr.getRange().start.line;
            const sh = distroOf(stage) === 'alpine' ? '/bin/ash' : '/bin/bash';
            const fixes = fixed ? [] : [{ args: { shell: sh }, edits: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `SHELL ["${sh}", "-o", "pipefail", "-c"]\n` }] }];
            report({ range: doc.rangeOf(c.sepStart, c.sepEnd), fixes });
            fixed = true;
            return;
          }
        }
      });
    }
  },
};
