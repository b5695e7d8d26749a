// The snippet files of snippets/, offered by the server — only in files classified as that kind,
// at the start of a key — rather than registered in package.json: their languages are too broad
// (`yaml`, `ini`: every CI workflow and php.ini would be offered Kubernetes and Ansible snippets),
// and VS Code picks file snippets by the grammar under the cursor, which `dockercompose` shares
// with `yaml` (compose snippets went missing, or showed up in manifests).
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position,
} from 'vscode-languageserver-types';
import ansibleIni from '../../../snippets/ansible-ini.json';
import ansible from '../../../snippets/ansible.json';
import compose from '../../../snippets/compose.json';
import kubernetes from '../../../snippets/kubernetes.json';
import type { InfraDocument } from './documents/document';
import type { FileKind } from './types';

interface SnippetFileEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}
type SnippetFile = Record<string, SnippetFileEntry>;

const FILES_BY_KIND: Partial<Record<FileKind, SnippetFile[]>> = {
  kubernetes: [kubernetes as SnippetFile],
  compose: [compose as SnippetFile],
  'ansible-playbook': [ansible as SnippetFile],
  'ansible-tasks': [ansible as SnippetFile],
  'ansible-handlers': [ansible as SnippetFile],
  'ansible-cfg': [ansibleIni as SnippetFile],
  'ansible-inventory': [ansibleIni as SnippetFile],
};

function toItems(file: SnippetFile): CompletionItem[] {
  return Object.entries(file).map(([name, s]) => {
    const prefixes = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
    const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
    return {
      label: prefixes[0],
      kind: CompletionItemKind.Snippet,
      detail: s.description ?? name,
      filterText: prefixes.join(' '),
      sortText: `~${prefixes[0]}`, // after the family's own keys and values
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: body,
      documentation: { kind: MarkupKind.Markdown, value: `\`\`\`yaml\n${body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '')}\n\`\`\`` },
    };
  });
}

const cache = new Map<FileKind, CompletionItem[]>();

/** Snippet completions for the document's kind, where a new key or line can start. */
export function snippetCompletions(doc: InfraDocument, pos: Position): CompletionItem[] {
  const files = FILES_BY_KIND[doc.kind];
  if (!files) return [];
  if (doc.kind === 'ansible-inventory' && doc.classification.variant !== 'ini') return [];
  const before = doc.lineText(pos.line).slice(0, pos.character);
  if (!/^\s*(-\s+)?[\w-]*$/.test(before)) return [];
  let items = cache.get(doc.kind);
  if (!items) {
    items = files.flatMap(toItems);
    cache.set(doc.kind, items);
  }
  return items;
}
