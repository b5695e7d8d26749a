import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { InfraDocument } from '../documents/document';
import type { FileKind, ServiceSettings, WorkspaceContext } from '../types';
import type { WorkspaceIndex } from '../workspace/index';

/** A fix carried by a finding: detection and fix live together in the rule's file. */
export interface Fix {
  /** name of the fix title in the rule's knowledge entry (`fix.<name>`); 'default' for a single fix */
  name?: string;
  args?: Record<string, string | number>;
  edits: TextEdit[];
  preferred?: boolean;
}

/** What a rule reports; the engine turns it into an LSP Diagnostic with message, code, link and data. */
export interface Finding {
  range: Range;
  /** values for the placeholders of the rule's message */
  args?: Record<string, string | number>;
  fixes?: Fix[];
}

export interface RuleContext {
  doc: InfraDocument;
  settings: ServiceSettings;
  workspace: WorkspaceContext;
  index?: WorkspaceIndex;
  report(finding: Finding): void;
}

export interface Rule {
  /** stable id (DF007, DC001, AN003, K8S012); its knowledge entry has the same id */
  id: string;
  /** the file kinds this rule looks at */
  kinds: FileKind[];
  check(ctx: RuleContext): void;
}

/**
 * A suppression written in the file. `ids` are rule ids or another tool's codes (hadolint DL3008,
 * ansible-lint no-changed-when, kube-linter latest-tag…): the engine maps the latter to our rules
 * through each rule's `seeAlso` list.
 */
export interface Suppression {
  scope: 'line' | 'lines' | 'file';
  /** 'line': the line a diagnostic must start on; 'lines': [line, endLine] inclusive */
  line?: number;
  endLine?: number;
  ids: string[] | '*';
  tool?: string;
}

export interface FileDirectives {
  suppressions: Suppression[];
  /** severity overrides found in the workspace (e.g. .hadolint.yaml `override:`), by rule id or tool code */
  severities?: Record<string, import('../types').SeverityName>;
}

export { Range };
