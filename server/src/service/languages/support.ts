// The interface every file family implements. The facade (languageService.ts) dispatches to the
// support registered for a document's kind; a family owns its models, hovers, completion and more.
import type {
  CompletionItem, DocumentSymbol, Hover, Location, Position,
} from 'vscode-languageserver-types';
import type { InfraDocument } from '../documents/document';
import type { FileDirectives } from '../rules/types';
import type { Family, FileKind, ServiceSettings, WorkspaceContext } from '../types';
import type { WorkspaceIndex } from '../workspace/index';

export interface RequestContext {
  settings: ServiceSettings;
  workspace: WorkspaceContext;
  index?: WorkspaceIndex;
}

export interface LanguageSupport {
  family: Family;
  kinds: FileKind[];
  hover?(doc: InfraDocument, pos: Position, ctx: RequestContext): Hover | null;
  complete?(doc: InfraDocument, pos: Position, ctx: RequestContext): CompletionItem[];
  definition?(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[];
  references?(doc: InfraDocument, pos: Position, ctx: RequestContext): Location[];
  symbols?(doc: InfraDocument, ctx: RequestContext): DocumentSymbol[];
  /** suppressions and severity overrides in the tool syntaxes users already write */
  directives?(doc: InfraDocument, ctx: RequestContext): FileDirectives;
  /** markdown: a readable summary of what the file declares and what the notes say about it */
  explain?(doc: InfraDocument, ctx: RequestContext): string;
  /** data this family keeps about a file in the workspace index (k8s objects, compose services…) */
  indexFile?(doc: InfraDocument): unknown;
  /** a short description for the status bar ("Deployment, Service", "tasks", "override") */
  describe?(doc: InfraDocument, ctx: RequestContext): string | undefined;
  /**
   * A line longer than the family's parser handles in bounded time, if there is one: validation then
   * reports only that, as information, and the family's model stays empty.
   */
  overlongLine?(doc: InfraDocument): { line: number; length: number; limit: number } | undefined;
}
