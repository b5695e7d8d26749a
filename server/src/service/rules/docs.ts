// Where a rule's documentation lives: docs/RULES.md in the project repository, generated from the
// knowledge base by scripts/gen-rule-docs.mjs (a test keeps it in sync).
import pkg from '../../../../package.json';

const repo = (pkg.repository?.url ?? '').replace(/\.git$/, '');

export function ruleDocUrl(ruleId: string): string {
  return `${repo}/blob/main/docs/RULES.md#${ruleId.toLowerCase()}`;
}
