// Server state shared by the handlers: documents, the parse cache (one InfraDocument per uri and
// version), settings, the workspace index and the logger.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ansibleDocRunner } from './node/ansibleDoc';
import { nodeFileReader } from './node/fileReader';
import { setAnsibleDocRunner } from './service/languages/ansible/ansibleDoc';
import type { InitializationOptions, RawSettings } from './protocol';
import type { InfraDocument } from './service/documents/document';
import { FILE_KINDS } from './service/documents/classify';
import { LanguageService } from './service/languageService';
import type { RequestContext } from './service/languages/support';
import { toServiceSettings } from './service/settings';
import type { FileKind, ServiceSettings, WorkspaceContext } from './service/types';
import type { WorkspaceIndex } from './service/workspace/index';

export class ServerState {
  readonly service = new LanguageService();
  settings: ServiceSettings = toServiceSettings(undefined);
  rawSettings: RawSettings | undefined;
  displayLanguage: string | undefined;
  initLocale: string | undefined;
  workspace: WorkspaceContext;
  index: WorkspaceIndex;
  readonly kindOverrides = new Map<string, FileKind>();
  trusted = false;
  private readonly cache = new Map<string, InfraDocument>();
  private readonly openByPath = new Map<string, string>();

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>) {
    this.workspace = { roots: [], fs: nodeFileReader((p) => this.openText(p)) };
    this.index = this.service.createIndex(this.workspace);
  }

  log = (message: string): void => {
    this.connection.console.log(message);
  };

  init(options: InitializationOptions | undefined, locale: string | undefined, roots: string[]): void {
    this.displayLanguage = options?.displayLanguage;
    this.initLocale = locale;
    this.workspace.roots = roots;
    this.trusted = options?.trusted === true;
    for (const [uri, kind] of Object.entries(options?.kindOverrides ?? {})) this.setKind(uri, kind);
    this.updateSettings(options?.settings);
  }

  updateSettings(raw: RawSettings | undefined): void {
    this.rawSettings = raw;
    this.settings = toServiceSettings(raw, this.displayLanguage, this.initLocale);
    this.configureAnsibleDoc();
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.configureAnsibleDoc();
  }

  /** ansible-doc runs only in a trusted workspace, and only when the user switched it on. */
  private configureAnsibleDoc(): void {
    const a = this.rawSettings?.ansible;
    setAnsibleDocRunner(this.trusted && a?.useAnsibleDoc === true ? ansibleDocRunner(a.ansibleDocPath || 'ansible-doc') : undefined);
  }

  setKind(uri: string, kind: string | null): void {
    if (kind && FILE_KINDS.includes(kind as FileKind)) this.kindOverrides.set(uri, kind as FileKind);
    else this.kindOverrides.delete(uri);
    this.cache.delete(uri);
  }

  get ctx(): RequestContext {
    return { settings: this.settings, workspace: this.workspace, index: this.index };
  }

  /** The document's model for its current version (parsed once per version). */
  get(uri: string): InfraDocument | undefined {
    const td = this.documents.get(uri);
    if (!td) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === td.version) return cached;
    const doc = this.service.open(uri, td.getText(), td.version, { override: this.kindOverrides.get(uri), workspace: this.workspace });
    // the older version is never looked at again: its models may be reused (and changed) by the new one
    if (cached && cached.kind === doc.kind) doc.previous = cached;
    this.cache.set(uri, doc);
    this.openByPath.set(doc.path, uri);
    return doc;
  }

  forget(uri: string): void {
    const doc = this.cache.get(uri);
    if (doc) this.openByPath.delete(doc.path);
    this.cache.delete(uri);
  }

  private openText(path: string): string | undefined {
    const uri = this.openByPath.get(path);
    return uri ? this.documents.get(uri)?.getText() : undefined;
  }
}
