// From the `infraNotes` settings (editor settings, or the CLI's --config file) to ServiceSettings.
import type { RawSettings } from '../protocol';
import { DEFAULT_SETTINGS, type Locale, type ServiceSettings, type SeverityName } from './types';

const SEVERITIES = new Set<SeverityName>(['off', 'hint', 'info', 'warning', 'error']);

/** `auto` follows the editor's display language (ru* → Russian), then the LSP initialize locale. */
export function resolveLocale(language: string | undefined, displayLanguage?: string, initLocale?: string): Locale {
  if (language === 'en' || language === 'ru') return language;
  const candidate = displayLanguage || initLocale || '';
  return candidate.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function toServiceSettings(raw: RawSettings | undefined, displayLanguage?: string, initLocale?: string): ServiceSettings {
  const r = raw ?? {};
  const rules: Record<string, SeverityName> = {};
  for (const [id, sev] of Object.entries(r.rules ?? {})) if (SEVERITIES.has(sev as SeverityName)) rules[id.toUpperCase()] = sev as SeverityName;
  const mb = typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize / 1024 / 1024;
  return {
    locale: resolveLocale(r.language, displayLanguage, initLocale),
    rules,
    families: {
      docker: r.docker?.enable !== false,
      compose: r.compose?.enable !== false,
      ansible: r.ansible?.enable !== false,
      kubernetes: r.kubernetes?.enable !== false,
    },
    kubernetesVersion: r.kubernetes?.version || DEFAULT_SETTINGS.kubernetesVersion,
    hardening: r.hardening === true,
    maxFileSize: Math.round(mb * 1024 * 1024),
  };
}
