// For every file family: the hover names the notes' fact id and links to it, and the file's
// diagnostics carry the expected rule code. Expectations live in expectations.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FAMILIES } from './expectations';
import { codeOf, describeDiagnostics, hoverMarkdown, openFixture, ours, poll, positionOf, showNoteLinks } from './helpers';

for (const f of FAMILIES) {
  suite(`${f.family} (${f.file})`, () => {
    let doc: vscode.TextDocument;
    suiteSetup(async () => {
      doc = (await openFixture(f.file)).document;
    });

    test(`hover on "${f.hoverOn}" names ${f.factId} and links to infraNotes.showNote`, async () => {
      const pos = positionOf(doc, f.hoverOn);
      let last = '';
      const md = await poll(
        async () => {
          last = await hoverMarkdown(doc, pos);
          return last.includes(f.factId) ? last : undefined;
        },
        () => `no hover naming ${f.factId} at ${f.file}:${pos.line + 1}:${pos.character + 1}; last hover: ${last ? JSON.stringify(last.slice(0, 400)) : '(none)'}`,
      );
      const links = showNoteLinks(md);
      assert.ok(links.length > 0, `hover has no command:infraNotes.showNote link:\n${md}`);
      assert.ok(
        links.some((args) => /\b[A-Z][A-Z0-9]*-\d+\b/.test(args)),
        `infraNotes.showNote links carry no fact id: ${JSON.stringify(links)}`,
      );
    });

    test(`diagnostic ${f.diagnostic ?? '(no rule expected yet)'} from infra-notes`, async function () {
      if (!f.diagnostic) {
        console.log(`      PENDING: no expected diagnostic code for ${f.family}; set one in test/e2e/suite/expectations.ts`);
        this.skip();
      }
      const uri = doc.uri;
      const found = await poll(
        () => ours(uri).find((d) => codeOf(d) === f.diagnostic),
        () => `no infra-notes ${f.diagnostic} on ${f.file}; diagnostics: ${describeDiagnostics(uri)}`,
      );
      assert.ok(!found.range.isEmpty, `${f.diagnostic} has an empty range`);
    });

    test('no infra-notes errors on this valid file', function () {
      // Runs after the expected diagnostic arrived, so the file's diagnostics are published.
      if (!f.diagnostic) this.skip();
      const errors = ours(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((d) => `${codeOf(d)} L${d.range.start.line + 1}: ${d.message}`),
        [],
        `false positives on ${f.file}`,
      );
    });
  });
}
