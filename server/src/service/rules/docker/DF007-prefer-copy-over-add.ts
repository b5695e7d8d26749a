// DF007 — ADD of plain local files: COPY says what it does (DOCKER-07).
import { dockerfileModel, flagOf, substitute, variablesInScope } from '../../languages/docker/model';
import type { Rule } from '../types';

/**
 * ADD sources that need ADD: URLs, git repositories and local archives it unpacks. With
 * `--unpack=false` (Dockerfile 1.17) a local archive is copied as one file, which is what COPY does.
 */
export function addNeedsAdd(raw: string, unpack = true): boolean {
  // A quoted source is one shell word: `ADD "https://…/go2rtc_${TARGETARCH}" go2rtc` is still a URL.
  const src = /^(["'])(.*)\1$/s.test(raw) ? raw.slice(1, -1) : raw;
  return /^[a-z][\w+.-]*:\/\//i.test(src) || /^git@/.test(src) || (unpack && /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i.test(src));
}

export const rule: Rule = {
  id: 'DF007',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const instr of dockerfileModel(doc).getInstructions()) {
      if (instr.getKeyword() !== 'ADD') continue;
      const args = instr.getArguments().map((a) => a.getValue());
      if (args.length < 2 || args[0].startsWith('[')) continue;
      const sources = args.slice(0, -1);
      const unpackFlag = flagOf(instr, 'unpack');
      const unpack = unpackFlag?.getValue()?.toLowerCase() !== 'false';
      const needsAdd = (s: string): boolean => addNeedsAdd(s, unpack);
      if (sources.some(needsAdd)) continue;
      // `ARG KEYCLOAK_DIST=https://…/keycloak-$V.tar.gz` + `ADD $KEYCLOAK_DIST /tmp/keycloak/`: the
      // source is what the variable holds; a build arg with no value in the file is set at build
      // time and may be a URL or an archive, so only a known local path is reported.
      if (sources.some((s) => s.includes('$'))) {
        const scope = variablesInScope(doc, instr.getRange().start);
        let unknown = false;
        const resolved = sources.map((s) => substitute(s, (n) => {
          const v = scope.get(n)?.resolved;
          if (v === undefined) unknown = true;
          return v;
        }));
        if (unknown || resolved.some(needsAdd)) continue;
      }
      const kw = instr.getInstructionRange();
      const edits = [{ range: kw, newText: 'COPY' }];
      // COPY has no --unpack: the fix drops the flag with the blank after it
      if (unpackFlag) {
        const r = unpackFlag.getRange();
        const line = doc.lineText(r.end.line);
        let end = r.end.character;
        while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
        edits.push({ range: { start: r.start, end: { line: r.end.line, character: end } }, newText: '' });
      }
      report({
        range: instr.getRange(),
        args: { src: sources.join(' ') },
        fixes: [{ edits, preferred: true }],
      });
    }
  },
};
