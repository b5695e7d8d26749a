// DC013 — a network, volume, secret or config used by a service but not declared at the top level.
// The fix declares it (an empty entry: a bridge network, a local volume; secrets and configs still
// need their `file` or `environment`).
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { InfraDocument } from '../../documents/document';
import { pairIn, resolve, type ComposeProject, type TopKind } from '../../languages/compose/model';
import { refs } from '../../languages/compose/refs';
import type { Rule } from '../types';
import { baseBeside, composeProject, overrideDeclares } from './util';

export const rule: Rule = {
  id: 'DC013',
  kinds: ['compose'],
  check(ctx) {
    const p = composeProject(ctx);
    if (p.fragment) return;
    const fromOverride = new Map<TopKind, Set<string>>();
    // an add-on file beside its base (jitsi/docker-jitsi-meet jibri.yml: `networks: meet.jitsi:`)
    let base: ReturnType<typeof baseBeside> | false = false;
    for (const r of refs(p)) {
      if (r.kind === 'service' || !r.layer.self || r.name.includes('$')) continue;
      if (r.kind === 'networks' && r.name === 'default') continue;
      if (p.top[r.kind].has(r.name)) continue;
      if (!fromOverride.has(r.kind)) fromOverride.set(r.kind, overrideDeclares(ctx, r.kind));
      if (fromOverride.get(r.kind)!.has(r.name)) continue;
      if ((base === false ? (base = baseBeside(ctx)) : base)?.top[r.kind].has(r.name)) continue;
      const edit = declare(ctx.doc, p, r.kind, r.name);
      ctx.report({ range: r.range, args: { kind: r.kind, name: r.name }, fixes: edit ? [{ edits: [edit], preferred: true }] : [] });
    }
  },
};

function declare(doc: InfraDocument, p: ComposeProject, kind: TopKind, name: string): TextEdit | undefined {
  const root = p.self.root;
  if (!root || !/^[A-Za-z0-9._-]+$/.test(name)) return undefined;
  const pair = pairIn(p.self.ydoc, root, kind);
  const eol = doc.content.includes('\r\n') ? '\r\n' : '\n';
  if (!pair) {
    const end = doc.positionAt(doc.content.length);
    const lead = doc.content.length === 0 || doc.content.endsWith('\n') ? '' : eol;
    return { range: { start: end, end }, newText: `${lead}${kind}:${eol}  ${name}:${eol}` };
  }
  const value = resolve(p.self.ydoc, pair.value);
  if (value === null || value === undefined || (isMap(value) && (value as YAMLMap).items.length === 0 && !(value as YAMLMap).flow)) {
    // `volumes:` with nothing under it
    const keyEnd = doc.positionAt((pair.key as Node).range![1]);
    const line = keyEnd.line;
    const lineEnd = { line, character: doc.lineText(line).length };
    return { range: { start: lineEnd, end: lineEnd }, newText: `${eol}  ${name}:` };
  }
  if (!isMap(value) || (value as YAMLMap).flow) return undefined;
  const first = (value as YAMLMap).items[0]?.key as Node | undefined;
  const last = (value as YAMLMap).items[(value as YAMLMap).items.length - 1];
  const lastNode = (last.value as Node | null) ?? (last.key as Node);
  if (!first?.range || !lastNode?.range) return undefined;
  const indent = doc.positionAt(first.range[0]).character;
  const endPos = doc.positionAt(lastNode.range[1]);
  // after the last line of the section's last entry
  let line = endPos.character === 0 ? endPos.line - 1 : endPos.line;
  while (line > 0 && doc.lineText(line).trim() === '') line--;
  const at = { line, character: doc.lineText(line).length };
  return { range: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}${name}:` };
}
