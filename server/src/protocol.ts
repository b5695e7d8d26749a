// The one module shared by client and server: custom requests, notifications and the settings
// shape. It imports nothing at run time, so the client can bundle it without pulling in the server.

export const SECTION = 'infraNotes';

/** The `infraNotes` configuration section, as the client sends it. */
export interface RawSettings {
  language?: 'auto' | 'en' | 'ru';
  rules?: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'>;
  docker?: { enable?: boolean };
  compose?: { enable?: boolean };
  ansible?: { enable?: boolean; useAnsibleDoc?: boolean; ansibleDocPath?: string };
  kubernetes?: { enable?: boolean; version?: string };
  hardening?: boolean;
  /** megabytes */
  maxFileSize?: number;
}

export interface InitializationOptions {
  settings?: RawSettings;
  /** vscode.env.language, for language = auto */
  displayLanguage?: string;
  /** kinds the user chose per file (uri → kind), remembered per workspace by the client */
  kindOverrides?: Record<string, string>;
  /** whether the workspace is trusted (VS Code workspace trust); other editors: untrusted unless true */
  trusted?: boolean;
}

export interface DescribeParams { uri: string }
export interface DescribeResult { kind: string; label: string; reason: string }

export interface NotesParams { locale?: 'en' | 'ru' }

/** The notes browser's content: every fact, grouped by topic, in one language. */
export interface NotesCatalogue {
  topics: {
    id: string;
    title: string;
    body: string;
    facts: { id: string; title: string; body: string; today?: string; href: string }[];
  }[];
}

export interface ExplainParams { uri: string }
export interface ExplainResult { markdown: string }

export interface SetKindParams { uri: string; kind: string | null }

/** Sample files for the walkthrough, in one language: relative path → content. */
export interface SamplesResult { files: { path: string; content: string }[] }

export const Requests = {
  describe: 'infraNotes/describe',
  notes: 'infraNotes/notes',
  explain: 'infraNotes/explain',
  fileKinds: 'infraNotes/fileKinds',
  samples: 'infraNotes/samples',
} as const;

export interface SetTrustParams { trusted: boolean }

export const Notifications = {
  setKind: 'infraNotes/setKind',
  setTrust: 'infraNotes/setTrust',
} as const;
