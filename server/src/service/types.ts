// The contract shared by every part of the pure language service.
// Nothing here imports the LSP connection or 'vscode'; only LSP *types*.
import type { Range, TextEdit } from 'vscode-languageserver-types';

export type Family = 'docker' | 'compose' | 'ansible' | 'kubernetes';

export type FileKind =
  | 'dockerfile'
  | 'dockerignore'
  | 'compose'
  | 'ansible-playbook'
  | 'ansible-tasks'
  | 'ansible-handlers'
  | 'ansible-vars'
  | 'ansible-inventory'
  | 'ansible-cfg'
  | 'kubernetes'
  | 'unknown';

export const FAMILY_OF_KIND: Record<FileKind, Family | undefined> = {
  dockerfile: 'docker',
  dockerignore: 'docker',
  compose: 'compose',
  'ansible-playbook': 'ansible',
  'ansible-tasks': 'ansible',
  'ansible-handlers': 'ansible',
  'ansible-vars': 'ansible',
  'ansible-inventory': 'ansible',
  'ansible-cfg': 'ansible',
  kubernetes: 'kubernetes',
  unknown: undefined,
};

export type ClassificationReason = 'modeline' | 'override' | 'name' | 'path' | 'content' | 'none';

export interface K8sDocumentInfo {
  /** index of the YAML document inside the file (0-based) */
  index: number;
  apiVersion: string;
  kind: string;
}

export interface Classification {
  kind: FileKind;
  /**
   * compose: 'base' | 'override' | 'other'; ansible-inventory: 'ini' | 'yaml' | 'plugin' (an inventory
   * plugin's configuration: `plugin: amazon.aws.aws_ec2`);
   * ansible-vars: 'group_vars' | 'host_vars' | 'role-defaults' | 'role-vars' | 'vars', and a role's
   * metadata, which is data too: 'role-meta' (meta/main.yml) | 'role-argument-specs' (meta/argument_specs.yml)
   */
  variant?: string;
  reason: ClassificationReason;
  /** kubernetes: the documents that carry apiVersion + kind */
  k8s?: K8sDocumentInfo[];
}

export type Locale = 'en' | 'ru';
export type SeverityName = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface ServiceSettings {
  locale: Locale;
  /** per-rule severity overrides, e.g. { DF007: 'off' } */
  rules: Record<string, SeverityName>;
  /** rules that are off by default and the user switched on by id */
  families: Record<Family, boolean>;
  kubernetesVersion: string;
  /** opt-in hardening checks (k8s runAsNonRoot & co., Dockerfile version pinning…) */
  hardening: boolean;
  /** files larger than this (bytes) only get cheap features */
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  locale: 'en',
  rules: {},
  families: { docker: true, compose: true, ansible: true, kubernetes: true },
  kubernetesVersion: '1.33',
  hardening: false,
  maxFileSize: 2 * 1024 * 1024,
};

/** Read-only access to the user's files, injected so the service stays pure and testable. */
export interface FileReader {
  /** absolute path → text, or undefined when missing / unreadable */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** names of the entries of a directory; [] when missing */
  readDir(path: string): string[];
}

export interface WorkspaceContext {
  /** absolute paths of the workspace folders */
  roots: string[];
  fs: FileReader;
}

export type { Range, TextEdit };
