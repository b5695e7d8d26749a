// The text of a YAML syntax problem in the user's language, for the families' syntax rules (DC009,
// K8S009, AN015). The `yaml` parser reports English sentences with a code; the common ones are
// recognised here and told in the words of the l10n bundle (`yaml.*` in server/knowledge/ui.yaml).
// A sentence not in the table keeps the parser's words (English), inside a localised frame.
import { t } from '../knowledge/index';
import type { Locale } from '../types';
import { MAX_FLOW_DEPTH, MAX_TEMPLATE_EXPRESSIONS, type YamlProblem } from '../yaml/model';

/** parser sentence → bundle key; named groups become the placeholders */
const SENTENCES: [RegExp, string][] = [
  [/^Map keys must be unique/, 'yaml.duplicateKey'],
  [/^Missing closing (?<quote>["'])quote/, 'yaml.unclosedQuote'],
  [/^Tabs are not allowed as indentation/, 'yaml.tabIndent'],
  [/^All (?:mapping|sequence|collection) items must start at the same column/, 'yaml.sameColumn'],
  [/^Implicit (?:map )?keys (?:of flow sequence pairs )?need to be on a single line/, 'yaml.multilineKey'],
  [/^Implicit map keys need to be followed by map values/, 'yaml.keyWithoutValue'],
  [/^Nested mappings are not allowed in compact mappings/, 'yaml.nestedCompact'],
  [/^A block sequence may not be used as an implicit map key/, 'yaml.nestedCompact'],
  [/^Missing , or : between flow (?:map|sequence) items/, 'yaml.missingCommaColon'],
  [/^Missing , between flow (?:map|sequence) items/, 'yaml.missingComma'],
  [/^Missing space after : in flow/, 'yaml.missingSpace'],
  [/^Flow (?:sequence|mapping|collection)(?: in block collection)? must (?:be sufficiently indented and )?end with an? (?<char>\S+)/, 'yaml.flowEnd'],
  [/^Plain value cannot start with a tab character/, 'yaml.tabIndent'],
  [/^Plain value cannot start with (?:reserved character |flow indicator character |directive indicator character |block scalar indicator )?(?<char>\S+)$/, 'yaml.badScalarStart'],
  [/^A node can have at most one (?:anchor|tag)/, 'yaml.multipleProps'],
  [/^Comments must be separated from other tokens by white space/, 'yaml.commentSpace'],
  [/^Sequence item without - indicator/, 'yaml.sequenceDash'],
  [/^Block collections are not allowed within flow collections/, 'yaml.blockInFlow'],
  [/^Block scalar (?:values in collections must be indented|lines must not be less indented)/, 'yaml.blockScalarIndent'],
  [/^Unresolved alias \(the anchor must be set before the alias\): (?<alias>\S+)/, 'yaml.unresolvedAlias'],
  [/^Unresolved tag: (?<tag>\S+)/, 'yaml.unresolvedTag'],
  [/^Flow end indicator should be more indented than parent/, 'yaml.flowIndent'],
  [/^Unexpected (?<token>.+?)(?: token)?$/, 'yaml.unexpected'],
];

/** The problem's sentence in `locale`, without the parser's "at line L, column C" tail. */
export function problemText(p: YamlProblem, locale: Locale): string {
  if (p.code === 'NESTING') return t('yaml.flowTooDeep', locale, { limit: MAX_FLOW_DEPTH });
  if (p.code === 'TEMPLATED') return t('yaml.tooTemplated', locale, { limit: MAX_TEMPLATE_EXPRESSIONS.toLocaleString('en').replace(/,/g, ' ') });
  const sentence = p.message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  for (const [re, key] of SENTENCES) {
    const m = re.exec(sentence);
    if (m) return t(key, locale, { ...m.groups });
  }
  return t('yaml.other', locale, { message: sentence });
}
