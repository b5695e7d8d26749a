#!/usr/bin/env node
// Build-time extractor of the Kubernetes field knowledge: reads the typed models of the npm package
// `kubernetes-models` (+ `@kubernetes-models/apimachinery`), which carry the upstream description,
// type, required flag and enum values of every field of every built-in kind and API version, and
// writes a COMPACT bundle to server/src/service/languages/kubernetes/data/fields.json:
//
//   {
//     source: "kubernetes-models@5.1.0",
//     s: [ "description text", … ],                  // string table (descriptions deduplicated)
//     kinds: { "apps/v1/Deployment": "IoK8sApiAppsV1Deployment", … },
//     defs: { "IoK8sApiAppsV1Deployment": { d: 12, p: { spec: { t: "@IoK8sApiAppsV1DeploymentSpec", d: 34 } }, r: ["selector"] } }
//   }
//
// A field type `t` is: "string" | "integer" | "number" | "boolean" | "quantity" | "int-or-string" |
// "time" | "any" | "@Def" (a reference to defs) | "[]<t>" (a list) | "{}<t>" (a map). `e` lists
// enum values. Definitions are shared by reference, never inlined.
//
// Regenerate after upgrading the package:  node scripts/k8s-fields.mjs
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'server', 'src', 'service', 'languages', 'kubernetes', 'data', 'fields.json');

const pkgDirs = [join(root, 'node_modules', 'kubernetes-models'), join(root, 'node_modules', '@kubernetes-models', 'apimachinery')];
const version = JSON.parse(readFileSync(join(pkgDirs[0], 'package.json'), 'utf8')).version;

function walk(dir) {
  const res = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === '_schemas' || name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) res.push(...walk(p));
    else if (name.endsWith('.d.ts') && name !== 'index.d.ts') res.push(p);
  }
  return res;
}

const SCALAR_ALIASES = {
  IIoK8sApimachineryPkgApiResourceQuantity: 'quantity',
  IIoK8sApimachineryPkgUtilIntstrIntOrString: 'int-or-string',
  IIoK8sApimachineryPkgApisMetaV1Time: 'time',
  IIoK8sApimachineryPkgApisMetaV1MicroTime: 'time',
};

const strings = [];
const stringIds = new Map();
function str(s) {
  if (!s) return undefined;
  s = s.replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  let id = stringIds.get(s);
  if (id === undefined) {
    id = strings.length;
    strings.push(s);
    stringIds.set(s, id);
  }
  return id;
}

function jsdoc(node) {
  const docs = node.jsDoc;
  if (!docs?.length) return undefined;
  const c = docs[docs.length - 1].comment;
  return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => x.text ?? '').join('') : undefined;
}

const defs = {};
const aliases = {}; // global alias name → scalar type or def
const kinds = {};

function typeOf(node, local) {
  if (!node) return 'any';
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return 'string';
    case ts.SyntaxKind.NumberKeyword: return 'number';
    case ts.SyntaxKind.BooleanKeyword: return 'boolean';
    case ts.SyntaxKind.AnyKeyword: case ts.SyntaxKind.UnknownKeyword: case ts.SyntaxKind.ObjectKeyword: return 'any';
    case ts.SyntaxKind.LiteralType: return 'string';
    case ts.SyntaxKind.UnionType: {
      const lits = node.types.filter((t) => t.kind === ts.SyntaxKind.LiteralType && ts.isStringLiteral(t.literal));
      if (lits.length === node.types.length) return { t: 'string', e: lits.map((t) => t.literal.text) };
      const kinds = new Set(node.types.map((t) => typeOf(t, local)).map((t) => (typeof t === 'string' ? t : t.t)));
      if (kinds.has('string') && kinds.has('number')) return 'int-or-string';
      return kinds.size === 1 ? [...kinds][0] : 'any';
    }
    case ts.SyntaxKind.ArrayType: return `[]${flat(typeOf(node.elementType, local))}`;
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.length) return `[]${flat(typeOf(node.typeArguments[0], local))}`;
      if (name === 'Record' && node.typeArguments?.length === 2) return `{}${flat(typeOf(node.typeArguments[1], local))}`;
      return `@${local.get(name) ?? name}`;
    }
    case ts.SyntaxKind.TypeLiteral: {
      const idx = node.members.find((m) => m.kind === ts.SyntaxKind.IndexSignature);
      if (idx) return `{}${flat(typeOf(idx.type, local))}`;
      return 'any';
    }
    case ts.SyntaxKind.IndexedAccessType: return 'string'; // IDeployment["apiVersion"]
    default: return 'any';
  }
}
const flat = (t) => (typeof t === 'string' ? t : t.t);

for (const file of pkgDirs.flatMap(walk)) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  // local name → global name, from `export type { IX as IIoK8s…X, … }` and imports
  const local = new Map();
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) if (el.propertyName) local.set(el.propertyName.text, el.name.text.replace(/^I(?=IoK8s)/, ''));
    }
    if (ts.isImportDeclaration(st) && st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings)) {
      for (const el of st.importClause.namedBindings.elements) local.set(el.name.text, el.name.text.replace(/^I(?=IoK8s)/, ''));
    }
  }
  for (const st of sf.statements) {
    if (ts.isTypeAliasDeclaration(st) && st.name.text.startsWith('I') && local.has(st.name.text)) {
      const g = local.get(st.name.text);
      aliases[g] = SCALAR_ALIASES[`I${g}`] ?? flat(typeOf(st.type, local));
      continue;
    }
    if (!ts.isInterfaceDeclaration(st) || !local.has(st.name.text)) continue;
    const g = local.get(st.name.text);
    const def = { p: {} };
    const d = str(jsdoc(st));
    if (d !== undefined) def.d = d;
    const required = [];
    let apiVersion, kind;
    for (const m of st.members) {
      if (!ts.isPropertySignature(m)) continue;
      const name = m.name.text ?? m.name.getText().replace(/"/g, '');
      const tt = typeOf(m.type, local);
      const f = { t: flat(tt) };
      if (typeof tt === 'object' && tt.e) f.e = tt.e;
      const fd = str(jsdoc(m));
      if (fd !== undefined) f.d = fd;
      if (!m.questionToken) required.push(name);
      if (m.type && m.type.kind === ts.SyntaxKind.LiteralType && ts.isStringLiteral(m.type.literal)) {
        if (name === 'apiVersion') apiVersion = m.type.literal.text;
        if (name === 'kind') kind = m.type.literal.text;
      }
      def.p[name] = f;
    }
    if (required.length) def.r = required;
    if (apiVersion && kind && !kind.endsWith('List')) kinds[`${apiVersion}/${kind}`] = g;
    defs[g] = def;
  }
}

// resolve references to scalar aliases (Quantity, IntOrString, Time…) into the scalar type
const resolve = (t) => {
  const m = /^((?:\[\]|\{\})*)@(.+)$/.exec(t);
  if (!m) return t;
  if (defs[m[2]]) return t;
  if (aliases[m[2]] !== undefined) return m[1] + resolve(aliases[m[2]]);
  return `${m[1]}any`;
};
for (const def of Object.values(defs)) for (const f of Object.values(def.p)) f.t = resolve(f.t);

// keep only definitions reachable from a kind (drops List types and API-machinery internals)
const keep = new Set();
const stack = Object.values(kinds);
while (stack.length) {
  const g = stack.pop();
  if (keep.has(g) || !defs[g]) continue;
  keep.add(g);
  for (const f of Object.values(defs[g].p)) {
    const m = /@(.+)$/.exec(f.t);
    if (m) stack.push(m[1]);
  }
}
const kept = {};
for (const g of [...keep].sort()) kept[g] = defs[g];
// only strings used by kept definitions
const used = new Map();
const table = [];
const remap = (id) => {
  if (id === undefined) return undefined;
  if (!used.has(id)) {
    used.set(id, table.length);
    table.push(strings[id]);
  }
  return used.get(id);
};
for (const def of Object.values(kept)) {
  if (def.d !== undefined) def.d = remap(def.d);
  for (const f of Object.values(def.p)) if (f.d !== undefined) f.d = remap(f.d);
}

const sortedKinds = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));
mkdirSync(dirname(out), { recursive: true });
const json = JSON.stringify({ source: `kubernetes-models@${version}`, s: table, kinds: sortedKinds, defs: kept });
writeFileSync(out, json);
console.log(`k8s-fields: ${Object.keys(sortedKinds).length} kinds, ${Object.keys(kept).length} definitions, ${table.length} descriptions, ${(json.length / 1024 / 1024).toFixed(2)} MB → ${out}`);
