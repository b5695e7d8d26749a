// ansible-doc for modules not documented here: injected runner, cached, never blocking a hover.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { execFileRunner, setAnsibleDocRunner, settleAnsibleDoc } from '../../../server/src/service/languages/ansible/ansibleDoc';
import { hoverText } from '../../helpers/service';

const SRC = '- name: t\n  community.mysql.mysql_<|>db:\n    name: app\n';
const JSON_DOC = JSON.stringify({ 'community.mysql.mysql_db': { doc: { module: 'mysql_db', short_description: 'Add or remove MySQL databases', description: ['Creates C(databases).'], options: { name: { description: 'Database name.', required: true }, state: { description: ['What to do.'], choices: ['present', 'absent'] } } } } });

describe('ansible-doc fallback', () => {
  afterEach(() => setAnsibleDocRunner(undefined));

  it('without a runner: the plain hover', () => {
    assert.match(hoverText('roles/r/tasks/main.yml', SRC), /not documented here/);
  });

  it('first hover does not wait; later hovers show the cached documentation; one call per module', async () => {
    let calls = 0;
    setAnsibleDocRunner(async (m) => { calls++; return m === 'community.mysql.mysql_db' ? JSON_DOC : undefined; });
    assert.match(hoverText('roles/r/tasks/main.yml', SRC), /not documented here/);
    await settleAnsibleDoc();
    const h = hoverText('roles/r/tasks/main.yml', SRC);
    assert.match(h, /Add or remove MySQL databases/);
    assert.match(h, /`name` \* — Database name\./);
    assert.match(h, /`present`, `absent`/);
    hoverText('roles/r/tasks/main.yml', SRC);
    assert.equal(calls, 1);
  });

  it('a failing or missing ansible-doc degrades to the plain hover', async () => {
    setAnsibleDocRunner(async () => { throw new Error('ENOENT'); });
    hoverText('roles/r/tasks/main.yml', SRC);
    await settleAnsibleDoc();
    assert.match(hoverText('roles/r/tasks/main.yml', SRC), /not documented here/);
  });

  it('the exec runner passes arguments without a shell and a timeout', async () => {
    const seen: unknown[] = [];
    const run = execFileRunner((file, args, opts, cb) => { seen.push(file, args, opts.timeout); cb(null, '{}'); }, 'ansible-doc', 1234);
    assert.equal(await run('x.y.z'), '{}');
    assert.deepEqual(seen, ['ansible-doc', ['-j', 'x.y.z'], 1234]);
  });
});
