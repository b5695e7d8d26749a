// AN005 — unknown play, block or task keywords, with "did you mean" (ANSIBLE-02).
import { t } from '../../knowledge/index';
import { didYouMean, keywordScopes, keywordsFor, moduleInfo, type Scope } from '../../languages/ansible/catalog';
import { ansibleModel, type Task } from '../../languages/ansible/model';
import { entries, type Node } from '../../yaml/model';
import type { Finding, Rule, RuleContext } from '../types';
import { didYouMeanHint, nodeRange } from './util';

const IMPORT_PLAY_KEYS = new Set(['import_playbook', 'ansible.builtin.import_playbook', 'include', 'name', 'vars', 'tags', 'when']);

function allowed(key: string, scopes: Scope[]): boolean {
  if (key.startsWith('with_')) return scopes.includes('task');
  const s = keywordScopes(key);
  return !!s && s.some((x) => scopes.includes(x));
}

export const rule: Rule = {
  id: 'AN005',
  kinds: ['ansible-playbook', 'ansible-tasks', 'ansible-handlers'],
  check(ctx) {
    const { doc } = ctx;
    const model = ansibleModel(doc);
    for (const play of model.plays) {
      if (play.isImport) {
        for (const e of entries(play.map)) if (!IMPORT_PLAY_KEYS.has(e.key) && !e.key.includes('{{')) flag(ctx, e.key, e.pair.key, 'play', keywordsFor('play'));
        continue;
      }
      for (const e of entries(play.map)) {
        if (allowed(e.key, ['play']) || e.key.includes('{{')) continue;
        flag(ctx, e.key, e.pair.key, 'play', keywordsFor('play'));
      }
    }
    for (const task of model.tasks) checkTask(ctx, task);
  },
};

function checkTask(ctx: RuleContext, task: Task): void {
  const scopes: Scope[] = task.isBlock ? ['block'] : task.handler ? ['task', 'handler'] : ['task'];
  const candidates = task.isBlock ? keywordsFor('block') : [...keywordsFor('task'), ...(task.handler ? ['listen'] : [])];
  for (const e of entries(task.map)) {
    if (task.modulePair && e.pair === task.modulePair) continue;
    if (allowed(e.key, scopes) || e.key.includes('{{')) continue;
    // a second module in the same task, or a typo of a keyword
    if (!task.isBlock && task.module && (moduleInfo(e.key) || /^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+$/.test(e.key))) {
      ctx.report(finding(ctx, e.key, e.pair.key, 'task', t('ansible.hint.conflict', ctx.settings.locale, { module: task.module! })));
      continue;
    }
    flag(ctx, e.key, e.pair.key, task.isBlock ? 'block' : 'task', candidates);
  }
}

/** The privilege-escalation keywords of Ansible 1.x, gone since: still in old examples
 *  (ansible-examples tomcat-standalone `sudo: True`). */
const REPLACED: Record<string, string> = { sudo: 'become', sudo_user: 'become_user', su: 'become', su_user: 'become_user' };

function flag(ctx: RuleContext, key: string, node: unknown, scope: 'play' | 'task' | 'block', candidates: string[]): void {
  const replaced = REPLACED[key];
  const suggestion = replaced ?? didYouMean(key, candidates);
  const hint = replaced ? t('ansible.hint.replacedKeyword', ctx.settings.locale, { suggestion: replaced }) : didYouMeanHint(suggestion, ctx.settings.locale);
  const f = finding(ctx, key, node, scope, hint);
  if (suggestion) f.fixes = [{ args: { suggestion }, edits: [{ range: f.range, newText: suggestion }], preferred: true }];
  ctx.report(f);
}

function finding(ctx: RuleContext, key: string, node: unknown, scope: 'play' | 'task' | 'block', hint: string): Finding {
  return { range: nodeRange(ctx.doc, node as Node), args: { name: key, scope: t(`ansible.scope.${scope}`, ctx.settings.locale), hint } };
}
