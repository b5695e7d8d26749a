#!/usr/bin/env node
// UI smoke test, as a user sees it: the packaged .vsix installed into a fresh code-server, driven
// by headless Chromium. Opens the Dockerfile via Quick Open, hovers FROM, reads the Problems panel,
// applies the DF007 quick fix with Ctrl+. and checks the editor text. Screenshots of every step go
// to test-results/screenshots/ (look at them when something fails).
//
//   node test/e2e/ui.smoke.mjs [--vsix <file>]
// Environment: INFRA_NOTES_VSIX (default: ./infra-notes-<version>.vsix), INFRA_NOTES_UI_TIMEOUT_MS
// (hard limit, default 300000), INFRA_NOTES_E2E_KEEP=1 (keep the run folder), and the variables of
// lib/code-server.mjs (INFRA_NOTES_CACHE, CODE_SERVER_VERSION, CHROMIUM_PATH).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, runCli, startCodeServer, tail, writeUserSettings } from './lib/code-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
const TAG = '[ui-smoke]';
const log = (msg) => console.log(`${TAG} ${msg}`);

/** The language server starts 8–15 s after the editor opens on a loaded 2-core machine. */
const FIRST_ANSWER_MS = 60_000;
const UI_MS = 30_000;

function vsixPath() {
  const i = process.argv.indexOf('--vsix');
  if (i > 0 && process.argv[i + 1]) return path.resolve(process.argv[i + 1]);
  if (process.env.INFRA_NOTES_VSIX) return path.resolve(process.env.INFRA_NOTES_VSIX);
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return path.join(ROOT, `${name}-${version}.vsix`);
}

/** The visible lines of the active editor, top to bottom, with Monaco's nbsp turned into spaces. */
async function editorLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor')
      ?? document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: (el.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text);
  });
}

async function pollFor(what, timeoutMs, probe) {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s: ${what}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 1.5, 1000);
  }
}

async function main() {
  const vsix = vsixPath();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} not found: run npm run package (test/e2e/run.sh does)`);
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-notes-ui-'));
  const userDataDir = path.join(runDir, 'data');
  const extensionsDir = path.join(runDir, 'exts');
  const workspace = path.join(runDir, 'workspace');
  fs.cpSync(path.join(HERE, 'workspace'), workspace, { recursive: true });
  writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Light Modern' });

  let server; let context; let page; let ok = false;
  const cleanup = async () => {
    if (context) await context.close().catch(() => {});
    if (server) await server.stop();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => { log(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
  }
  const limit = Number(process.env.INFRA_NOTES_UI_TIMEOUT_MS || 300_000);
  const hardTimeout = setTimeout(() => {
    log(`TIMEOUT: the UI smoke test did not finish within ${limit / 1000} s; logs in ${runDir}`);
    cleanup().finally(() => process.exit(124));
  }, limit);

  let n = 0;
  const shot = async (name) => {
    const file = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return path.relative(ROOT, file);
  };
  const step = async (title, fn) => {
    const t0 = Date.now();
    const result = await fn();
    log(`ok   ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  };

  try {
    await step(`install ${path.basename(vsix)} into a fresh extensions folder`, async () => {
      const r = runCli(['--install-extension', vsix], { runDir, userDataDir, extensionsDir });
      if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
        throw new Error(`--install-extension failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
      }
    });

    server = await step('start code-server', () => startCodeServer({ runDir, userDataDir, extensionsDir }));
    context = await launchChromium(path.join(runDir, 'chromium'));
    page = context.pages()[0] ?? await context.newPage();
    const pageLog = fs.createWriteStream(path.join(runDir, 'page.log'));
    page.on('console', (m) => pageLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => pageLog.write(`[pageerror] ${e.stack || e}\n`));

    await step('open the workbench on the fixture workspace', async () => {
      const url = new URL(`${server.origin}/`);
      url.searchParams.set('folder', workspace);
      await page.goto(url.toString(), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
      await shot('workbench');
    });

    await step('Quick Open → Dockerfile', async () => {
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }).catch(() => {});
      await pollFor('Quick Open input', UI_MS, async () => {
        await page.keyboard.press('Control+P');
        return page.locator('.quick-input-widget input').isVisible();
      });
      await page.keyboard.type('Dockerfile');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).first().waitFor({ timeout: UI_MS });
      await page.keyboard.press('Enter');
      await pollFor('Dockerfile in the editor', UI_MS, async () => (await editorLines(page)).some((l) => l.startsWith('FROM ')));
    });

    const hoverText = await step('hover FROM shows the notes', async () => {
      const hover = page.locator('.monaco-hover-content').filter({ hasText: /DOCKER-\d+/ });
      const token = page.locator('.editor-instance .view-line span span', { hasText: /^FROM$/ }).first();
      await pollFor('a hover with a DOCKER-nn fact id over FROM', FIRST_ANSWER_MS, async () => {
        // Move away and back: a hover that came up empty (server not ready yet) shows again.
        await page.mouse.move(5, 5);
        if (await token.count()) await token.hover();
        else {
          await page.keyboard.press('Control+Home');
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
        }
        return hover.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      });
      const text = (await hover.first().innerText()).trim();
      const links = await page.locator('.monaco-hover-content a').evaluateAll((as) =>
        as.map((a) => a.getAttribute('data-href') || a.getAttribute('href') || ''));
      log(`     screenshot ${await shot('hover-FROM')}`);
      if (!links.some((h) => h.startsWith('command:infraNotes.showNote'))) {
        throw new Error(`hover has no command:infraNotes.showNote link; links: ${JSON.stringify(links)}`);
      }
      return text;
    });
    log(`     hover: ${JSON.stringify(hoverText.slice(0, 160))}…`);

    const problem = await step('Problems panel lists DF007', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'DF007' }).first();
      await row.waitFor({ state: 'visible', timeout: FIRST_ANSWER_MS });
      const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
      log(`     screenshot ${await shot('problems-DF007')}`);
      return text;
    });
    log(`     problem: ${JSON.stringify(problem)}`);

    await step('Ctrl+. on the ADD line offers and applies "Replace ADD with COPY"', async () => {
      const addLine = page.locator('.editor-instance .view-line', { hasText: /^ADD\u00a0app\.py/ }).first();
      // Monaco's overlay layers (cursor, decorations) fail Playwright's actionability checks:
      // click by coordinates, a few pixels into the line's text, like a user would.
      const clickAdd = async () => {
        const box = await addLine.boundingBox();
        if (!box) throw new Error('the ADD line is not on screen');
        await page.mouse.click(box.x + 12, box.y + box.height / 2);
      };
      await clickAdd();
      // The lightbulb: in the gutter (glyph margin) when the line has code, else the content widget.
      const bulb = page.locator('.editor-instance .monaco-editor [class*="lightbulb" i]').locator('visible=true');
      const bulbShown = await bulb.first().waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
      log(`     lightbulb ${bulbShown ? 'shown' : 'not seen (continuing with Ctrl+.)'}`);
      const item = page.locator('.action-widget .monaco-list-row', { hasText: /COPY/ }).first();
      await pollFor('the quick-fix menu with a COPY fix', UI_MS, async () => {
        await page.keyboard.press('Escape');
        await clickAdd();
        await page.keyboard.press('Control+.');
        return item.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      });
      const items = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
      log(`     menu: ${JSON.stringify(items.map((s) => s.trim()))}`);
      log(`     screenshot ${await shot('quickfix-menu')}`);
      // The menu's pointer block swallows clicks; choose like a keyboard user: arrow to the fix, Enter.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      await pollFor('the COPY fix focused in the menu', UI_MS, async () => {
        if (/COPY/.test(await focused.innerText().catch(() => ''))) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      });
      await page.keyboard.press('Enter');
      await pollFor('"COPY app.py /app/" in the editor', UI_MS, async () => (await editorLines(page)).includes('COPY app.py /app/'));
      const lines = await editorLines(page);
      if (lines.some((l) => l.startsWith('ADD '))) throw new Error(`an ADD line is left: ${JSON.stringify(lines)}`);
    });

    await step('DF007 leaves the Problems panel', async () => {
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'DF007' })
        .first().waitFor({ state: 'detached', timeout: UI_MS });
      log(`     screenshot ${await shot('after-fix')}`);
    });
    ok = true;
  } catch (err) {
    log(`FAIL ${err?.message ?? err}`);
    if (page) {
      const f = await shot('failure').catch(() => undefined);
      if (f) log(`     screenshot ${f}`);
    }
    if (server) log(`     code-server.log (tail):\n${tail(server.log, 15)}`);
  } finally {
    clearTimeout(hardTimeout);
    await cleanup();
  }
  if (ok && !process.env.INFRA_NOTES_E2E_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  else log(`run folder kept: ${runDir}`);
  log(ok ? 'passed' : 'FAILED');
  return ok ? 0 : 1;
}

main().then((c) => process.exit(c), (e) => { log(e?.stack || String(e)); process.exit(1); });
