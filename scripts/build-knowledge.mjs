#!/usr/bin/env node
// Compiles the knowledge base (server/knowledge/**/*.yaml) into server/generated/knowledge.json,
// which esbuild bundles into the server. Any malformed entry fails the build with a clear message.
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// INFRA_NOTES_KB / INFRA_NOTES_KB_OUT: other folders (the build's own test feeds it broken entries)
const kbDir = process.env.INFRA_NOTES_KB ?? join(root, 'server', 'knowledge');
const outFile = process.env.INFRA_NOTES_KB_OUT ?? join(root, 'server', 'generated', 'knowledge.json');

const LANGS = ['en', 'ru'];
const ENTRY_TYPES = new Set(['fact', 'rule', 'ref', 'strings', 'topic']);
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);
const ID_PATTERNS = {
  fact: /^(DOCKER|COMPOSE|ANSIBLE|K8S)-\d{2}$/,
  rule: /^(DF|DC|AN|K8S)\d{3}$/,
};
const LOCALISED_FIELDS = {
  fact: { required: ['title', 'body'], optional: ['today'] },
  rule: { required: ['title', 'message', 'why'], optional: ['fix'] },
  ref: { required: ['title', 'body'], optional: ['today', 'values'] },
  topic: { required: ['title'], optional: ['body'] },
};

const errors = [];
const entries = {};
const strings = {};

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

/** A localised text: { en, ru } with both non-empty strings and the same placeholders. */
function checkLocalised(where, value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(`${where}: expected { en, ru }`);
    return;
  }
  for (const lang of LANGS) {
    if (typeof value[lang] !== 'string' || value[lang].trim() === '') errors.push(`${where}: missing '${lang}' text`);
  }
  const extra = Object.keys(value).filter((k) => !LANGS.includes(k));
  if (extra.length) errors.push(`${where}: unknown language keys ${extra.join(', ')}`);
  if (typeof value.en === 'string' && typeof value.ru === 'string' && placeholders(value.en) !== placeholders(value.ru)) {
    errors.push(`${where}: placeholders differ between en {${placeholders(value.en)}} and ru {${placeholders(value.ru)}}`);
  }
}

function checkEntry(where, e) {
  if (!e || typeof e !== 'object') return errors.push(`${where}: not a mapping`);
  const type = e.type ?? (ID_PATTERNS.fact.test(e.id) ? 'fact' : ID_PATTERNS.rule.test(e.id) ? 'rule' : 'ref');
  e.type = type;
  if (!ENTRY_TYPES.has(type)) return errors.push(`${where}: unknown type '${type}'`);
  if (type === 'strings') {
    for (const [key, value] of Object.entries(e.strings ?? {})) {
      checkLocalised(`${where} strings.${key}`, value);
      if (strings[key]) errors.push(`${where}: string '${key}' defined twice`);
      strings[key] = value;
    }
    return;
  }
  if (typeof e.id !== 'string' || !e.id) return errors.push(`${where}: entry without id`);
  where = `${where} [${e.id}]`;
  if (ID_PATTERNS[type] && !ID_PATTERNS[type].test(e.id)) errors.push(`${where}: id does not match the ${type} id pattern`);
  if (entries[e.id]) errors.push(`${where}: id defined twice (also in ${entries[e.id].source})`);
  const spec = LOCALISED_FIELDS[type];
  for (const f of spec.required) {
    checkLocalised(`${where} ${f}`, e[f]);
  }
  for (const f of spec.optional) {
    if (e[f] === undefined) continue;
    if (f === 'values' || (f === 'fix' && e.fix && !('en' in e.fix))) {
      // a map of localised texts (enum values, or named fixes)
      for (const [k, v] of Object.entries(e[f])) checkLocalised(`${where} ${f}.${k}`, v);
    } else checkLocalised(`${where} ${f}`, e[f]);
  }
  if (e.notes !== undefined) {
    if (!Array.isArray(e.notes) || e.notes.some((n) => !ID_PATTERNS.fact.test(n))) errors.push(`${where}: notes must be a list of fact ids`);
  }
  if (type === 'fact') {
    if (typeof e.topic !== 'string') errors.push(`${where}: fact without topic`);
  }
  if (type === 'rule') {
    if (!e.name || !/^[a-z0-9-]+$/.test(e.name)) errors.push(`${where}: rule needs a kebab-case name`);
    if (!SEVERITIES.has(e.severity)) errors.push(`${where}: severity must be one of ${[...SEVERITIES].join(', ')}`);
    if (e.enabled !== undefined && typeof e.enabled !== 'boolean') errors.push(`${where}: enabled must be a boolean`);
    if (e.seeAlso !== undefined && (!Array.isArray(e.seeAlso) || e.seeAlso.some((s) => !s.tool || !s.id))) errors.push(`${where}: seeAlso items need tool and id`);
    const ex = e.examples;
    if (!ex || !Array.isArray(ex.invalid) || ex.invalid.length === 0) errors.push(`${where}: a rule needs at least one invalid example`);
    if (ex && ex.valid !== undefined && !Array.isArray(ex.valid)) errors.push(`${where}: examples.valid must be a list`);
    for (const list of [ex?.invalid ?? [], ex?.valid ?? []]) {
      for (const item of list) if (typeof item !== 'string' && (typeof item?.code !== 'string')) errors.push(`${where}: an example is a string or { code, file }`);
    }
    // every placeholder in `message` must be listed in `args` so the rule can be checked against it
    const msgPh = e.message?.en ? placeholders(e.message.en) : '';
    if (msgPh && !Array.isArray(e.args)) e.args = msgPh.split(',');
  }
}

for (const file of walk(kbDir)) {
  const rel = relative(root, file);
  let docs;
  try {
    docs = parseAllDocuments(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (err) {
    errors.push(`${rel}: ${err.message}`);
    continue;
  }
  for (const [i, doc] of docs.entries()) {
    for (const err of doc.errors) errors.push(`${rel} (document ${i + 1}): ${err.message}`);
    if (doc.errors.length) continue;
    const value = doc.toJS();
    if (value == null) continue;
    const list = Array.isArray(value) ? value : Array.isArray(value.entries) ? value.entries : [value];
    const defaults = Array.isArray(value) || !Array.isArray(value.entries) ? {} : value.defaults ?? {};
    for (const [j, raw] of list.entries()) {
      const e = { ...defaults, ...raw };
      checkEntry(`${rel} #${j + 1}`, e);
      if (typeof e.id === 'string' && e.type !== 'strings' && !entries[e.id]) entries[e.id] = { ...e, source: rel };
    }
  }
}

if (errors.length) {
  console.error(`knowledge: ${errors.length} error(s) in server/knowledge:`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify({ entries, strings }));
const count = (t) => Object.values(entries).filter((e) => e.type === t).length;
console.log(`knowledge: ${count('fact')} facts, ${count('rule')} rules, ${count('ref')} reference entries, ${Object.keys(strings).length} UI strings`);
