// The YAML syntax rules (DC009, K8S009, AN015) tell the parser's problem in the user's language:
// each common mistake gets its own sentence from the l10n bundle, in English and in Russian.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose } from '../helpers/service';

const COMPOSE = (body: string) => `services:\n  web:\n${body}`;

/** [what, file, text, rule, English sentence, Russian sentence] */
const CASES: [string, string, string, string, RegExp, RegExp][] = [
  ['unclosed double quote', 'compose.yaml', COMPOSE('    image: "nginx:1.27\n'), 'DC009', /the " quote is never closed/, /кавычка " не закрыта/],
  ['a key written twice', 'compose.yaml', COMPOSE('    image: nginx:1.27\n    image: nginx:1.26\n'), 'DC009', /already set in the same mapping/, /уже задан в том же словаре/],
  ['tab indentation', 'compose.yaml', 'services:\n\tweb:\n\t\timage: nginx\n', 'DC009', /tab is used for indentation|must start at the same column|key must fit on one line/, /табуляц|одной колонки|одной строке/],
  ['items at different columns', 'compose.yaml', COMPOSE('    image: nginx:1.27\n      ports: ["80:80"]\n'), 'DC009', /a key must fit on one line|same column|cannot start on the same line/, /одной строке|одной колонки|одной строке со своим ключом/],
  ['unclosed flow sequence', 'compose.yaml', COMPOSE('    ports: ["80:80", "443:443"\n'), 'DC009', /never closed with \]|`,` is missing|`,` or `:` is missing/, /не закрыта символом \]|не хватает `,`/],
  ['a value starting with @', 'deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: @b\n', 'K8S009', /cannot start with @/, /не может начинаться с @/],
  ['two anchors on one value', 'site.yml', '- hosts: all\n  vars:\n    a: &x &y 1\n', 'AN015', /only one `&anchor`/, /только один `&якорь`/],
  ['an alias without its anchor', 'compose.yaml', COMPOSE('    image: nginx:1.27\n    environment: *nope\n'), 'DC009', /alias \*nope refers to an anchor that is not defined above/, /алиас \*nope ссылается на якорь/],
  ['an alias used before its anchor', 'deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: *l\ndata: &l\n  a: b\n', 'K8S009', /alias \*l refers/, /алиас \*l/],
  ['a value starting with %', 'site.yml', '- hosts: all\n  vars:\n    a: %b\n', 'AN015', /cannot start with %/, /не может начинаться с %/],
];

describe('YAML syntax problems are told in the user language', () => {
  for (const [what, file, text, rule, en, ru] of CASES) {
    test(what, () => {
      const english = diagnose(file, text, { settings: { locale: 'en' } }).filter((d) => d.code === rule).map((d) => String(d.message));
      const russian = diagnose(file, text, { settings: { locale: 'ru' } }).filter((d) => d.code === rule).map((d) => String(d.message));
      assert.ok(english.length > 0, `${rule} did not fire on:\n${text}`);
      assert.ok(english.some((m) => en.test(m)), english.join('\n'));
      assert.ok(russian.some((m) => ru.test(m)), russian.join('\n'));
      // the recognised sentences leave no parser English in the Russian message
      for (const m of russian) assert.doesNotMatch(m, /\b(?:must|cannot|missing|unexpected|quote)\b/i, m);
    });
  }

  test('aliases after their anchors, merge keys and anchors on keys raise nothing', () => {
    const text = 'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n    labels: &l { a: b }\n  db:\n    image: postgres:16\n    labels: *l\n';
    assert.deepEqual(diagnose('compose.yaml', text).filter((d) => d.code === 'DC009'), []);
  });

  test('a sentence the table does not know keeps the parser words inside a localised frame', () => {
    const text = COMPOSE('    image: nginx:1.27\n    command: "a\\qb"\n');
    const russian = diagnose('compose.yaml', text, { settings: { locale: 'ru' } }).filter((d) => d.code === 'DC009');
    assert.ok(russian.length > 0);
    for (const d of russian) assert.match(String(d.message), /^Невалидный YAML: /);
  });
});

describe('a cascade of syntax problems is told once per line', () => {
  // davestephens/ansible-nas nas.yml: one role item indented by 3 spaces instead of 4
  const playbook = `- hosts: all
  roles:
    - role: lidarr
      tags:
        - lidarr
      when: (lidarr_enabled | default(False))

   - role: minidlna
      tags:
        - minidlna
      when: (minidlna_enabled | default(False))

    - role: mosquitto
      tags:
        - mosquitto
`;
  test('at most one problem per line, in text order, the first line first', () => {
    const found = diagnose('nas.yml', playbook).filter((d) => d.code === 'AN015');
    const lines = found.map((d) => d.range.start.line);
    assert.ok(found.length > 0);
    assert.equal(new Set(lines).size, lines.length, `two problems on one line: ${found.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).join(' | ')}`);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    // the parser places the first problem at the end of the item before (the blank line 6) or on
    // the mis-indented `- role: minidlna` line itself; the cascade of seven is down to one per line
    assert.ok(lines[0] === 6 || lines[0] === 7, String(lines[0]));
    assert.ok(found.length <= 4, String(found.length));
  });
  test('a repeated key on a line with another problem is still reported', () => {
    const found = diagnose('deploy.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: y\ndata:\n  a: b\n');
    assert.ok(found.some((d) => d.code === 'K8S006'), found.map((d) => d.code).join(','));
  });
});
