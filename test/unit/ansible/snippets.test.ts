// Snippets expand to files the service accepts without a finding; the Jinja2 injection grammar is
// well-formed and its patterns compile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../helpers/service';

const ROOT = join(__dirname, '..', '..', '..');
type Snippets = Record<string, { prefix: string[]; body: string[]; description: string }>;
const snippets: Snippets = {
  ...(JSON.parse(readFileSync(join(ROOT, 'snippets', 'ansible.json'), 'utf8')) as Snippets),
  ...(JSON.parse(readFileSync(join(ROOT, 'snippets', 'ansible-ini.json'), 'utf8')) as Snippets),
};

/** `${1:default}` → default, `${2|a,b|}` → a, `${1}` → the default given elsewhere for 1, `$0` → '' */
function expand(body: string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  const fill = (s: string): string => s
    .replace(/\$\{(\d+):((?:[^{}]|\{[^{}]*\})*)\}/g, (_m, n: string, d: string) => { const v = fill(d); defaults.set(n, v); return v; })
    .replace(/\$\{(\d+)\|([^,|]*)[^}]*\|\}/g, (_m, n: string, d: string) => { defaults.set(n, d); return d; });
  const first = fill(text);
  return first.replace(/\$\{(\d+)\}/g, (_m, n: string) => defaults.get(n) ?? '').replace(/\$0/g, '');
}

const FILE: Record<string, string> = {
  'ansible.cfg with Mitogen': 'ansible.cfg',
  'Ansible INI inventory': 'inventory/hosts.ini',
  'Ansible role task file': 'roles/nginx/tasks/main.yml',
  'Ansible block/rescue/always': 'roles/nginx/tasks/main.yml',
};

describe('Ansible snippets', () => {
  it('has the snippets the issue asks for', () => {
    for (const name of ['Ansible playbook', 'Ansible play with roles', 'Ansible task with notify and its handler', 'Ansible block/rescue/always', 'Ansible role task file', 'ansible.cfg with Mitogen', 'Ansible INI inventory']) {
      assert.ok(snippets[name], name);
      assert.ok(snippets[name].prefix.length && snippets[name].description);
    }
  });

  for (const [name, s] of Object.entries(snippets)) {
    if (name === 'Ansible task with notify and its handler') continue; // two files in one snippet
    it(`${name} expands to a file without findings`, () => {
      const text = expand(s.body);
      const file = FILE[name] ?? 'playbooks/site.yml';
      const ids = diagnose(file, text, { files: { 'roles/common/tasks/main.yml': '- name: x\n  ansible.builtin.ping:\n', 'roles/nginx/tasks/main.yml': '- name: x\n  ansible.builtin.ping:\n', 'roles/nginx/handlers/main.yml': '- name: Restart nginx\n  ansible.builtin.ping:\n' } })
        .filter((d) => String(d.code).startsWith('AN')).map((d) => `${d.code} ${d.message}`);
      assert.deepEqual(ids, [], text);
    });
  }
});

describe('Jinja2 injection grammar', () => {
  const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'jinja.injection.json'), 'utf8'));
  it('injects into YAML outside comments and covers {{ }}, {% %}, {# #} and filters', () => {
    assert.equal(grammar.injectionSelector, 'L:source.yaml -comment, L:source.ansible -comment');
    assert.ok(grammar.repository.expression && grammar.repository.statement && grammar.repository.comment);
    const filter = grammar.repository.inner.patterns.find((p: { captures?: Record<string, { name: string }> }) => p.captures?.['2']?.name === 'support.function.filter.jinja');
    assert.ok(filter);
    const m = new RegExp(filter.match).exec('x | default(1)');
    assert.equal(m?.[2], 'default');
  });

  it('every pattern compiles', () => {
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if ((k === 'match' || k === 'begin' || k === 'end') && typeof v === 'string') assert.doesNotThrow(() => new RegExp(v), v);
        else walk(v);
      }
    };
    walk(grammar);
    assert.ok(new RegExp(grammar.repository.expression.begin).test('{{ x }}'));
    assert.ok(new RegExp(grammar.repository.statement.begin).test('{%- if x %}'));
  });
});
