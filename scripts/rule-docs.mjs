#!/usr/bin/env node
// docs/RULES.md — every rule of the knowledge base, generated (diagnostics link here through
// codeDescription). `node scripts/rule-docs.mjs` writes it; a unit test checks it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FAMILIES = [['DF', 'Dockerfile'], ['DC', 'Docker Compose'], ['AN', 'Ansible'], ['K8S', 'Kubernetes']];

export function renderRuleDocs(knowledge) {
  const rules = Object.values(knowledge.entries).filter((e) => e.type === 'rule');
  const facts = knowledge.entries;
  const out = ['# Infra Notes rules', '', 'Generated from `server/knowledge/**` by `scripts/rule-docs.mjs` — do not edit by hand.', '',
    'Every diagnostic carries its rule id as `code`, the notes fact ids it explains in `data.notes`, and links here.',
    'Suppress one with `# infra-notes-ignore <ID>` on the line above (or at the end of a YAML line), `# infra-notes-ignore-file <ID>` anywhere in the file,',
    'the setting `infraNotes.rules: { "<ID>": "off" }`, or the other tool\'s own syntax listed under "Same as".', ''];
  for (const [prefix, title] of FAMILIES) {
    const list = rules.filter((r) => r.id.startsWith(prefix)).sort((a, b) => a.id.localeCompare(b.id));
    if (!list.length) continue;
    out.push(`## ${title}`, '', '| id | name | default | notes | same as |', '|---|---|---|---|---|');
    for (const r of list) {
      const def = r.hardening ? 'off (hardening)' : r.enabled === false ? 'off' : r.severity;
      out.push(`| [${r.id}](#${r.id.toLowerCase()}) | ${r.name} | ${def} | ${(r.notes ?? []).join(', ')} | ${(r.seeAlso ?? []).map((s) => `${s.tool} ${s.id}`).join(', ')} |`);
    }
    out.push('');
    for (const r of list) {
      out.push(`### ${r.id}`, '', `**${r.title.en}** — \`${r.name}\`, ${r.hardening ? 'hardening, off by default' : r.enabled === false ? 'off by default' : `${r.severity} by default`}.`, '', r.why.en.trim(), '');
      if (r.notes?.length) out.push(`Notes: ${r.notes.map((n) => `${n} (${facts[n]?.title?.en ?? '?'})`).join('; ')}.`, '');
      if (r.seeAlso?.length) out.push(`Same as: ${r.seeAlso.map((s) => `${s.tool} \`${s.id}\``).join(', ')}.`, '');
      const fix = r.fix ? ('en' in r.fix ? [r.fix.en] : Object.values(r.fix).map((f) => f.en)) : [];
      if (fix.length) out.push(`Quick fix: ${fix.join('; ')}.`, '');
      const ex = (list2) => (list2 ?? []).map((e) => (typeof e === 'string' ? e : e.code));
      if (r.examples?.invalid?.length) out.push('Flagged:', '', ...ex(r.examples.invalid).map((c) => `\`\`\`\n${c.trimEnd()}\n\`\`\``), '');
      if (r.examples?.valid?.length) out.push('Fine:', '', ...ex(r.examples.valid).map((c) => `\`\`\`\n${c.trimEnd()}\n\`\`\``), '');
      out.push(`<details><summary>По-русски</summary>\n\n**${r.title.ru}.** ${r.why.ru.trim()}\n\n</details>`, '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const knowledge = JSON.parse(readFileSync(join(root, 'server', 'generated', 'knowledge.json'), 'utf8'));
  writeFileSync(join(root, 'docs', 'RULES.md'), renderRuleDocs(knowledge));
  console.log('docs/RULES.md written');
}
