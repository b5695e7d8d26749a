#!/usr/bin/env node
// UI smoke test, as a user sees it: the packaged .vsix installed into a fresh code-server, driven
// by headless Chromium. Opens the Dockerfile via Quick Open, hovers FROM, reads the Problems panel,
// applies the DF007 quick fix with Ctrl+. and checks the editor text; then reads the status bar's
// detected file kind (Dockerfile, Kubernetes), hovers `resources` in the Deployment (QoS class),
// lists diagnostics of four families in the Problems panel, opens the notes browser on K8S-09
// through the command palette (the fact is focused inside the webview), and switches
// infraNotes.language to ru in the user settings for a Russian hover. Screenshots of every step go
// to test-results/screenshots/ (look at them when something fails; docs/images/ holds copies).
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

/** The texts of the status bar items (Monaco codicons dropped). */
async function statusBarTexts(page) {
  return page.locator('.statusbar-item').evaluateAll((els) =>
    els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean));
}

async function quickOpen(page, query, rowText, isOpen) {
  await page.keyboard.press('Escape');
  await pollFor(`Quick Open → ${query}`, UI_MS, async () => {
    await page.keyboard.press('Control+P');
    return page.locator('.quick-input-widget input').isVisible();
  });
  await page.keyboard.type(query);
  // Enter only once the filtered list has the file focused (an early Enter opens another file).
  await pollFor(`${rowText} focused in Quick Open`, UI_MS, async () =>
    (await page.locator('.quick-input-list .monaco-list-row.focused').innerText().catch(() => '')).includes(rowText));
  await page.keyboard.press('Enter');
  await pollFor(`${query} in the editor`, UI_MS, async () => isOpen(await editorLines(page)));
}

/** Runs a command from the palette (F1) by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await pollFor('the command palette', UI_MS, async () => {
    await page.keyboard.press('F1');
    return page.locator('.quick-input-widget input').isVisible();
  });
  await page.keyboard.type(title);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: UI_MS });
  await page.keyboard.press('Enter');
}

/** Hovers the first editor token whose text is exactly `word` until a hover matching `re` shows. */
async function hoverWord(page, word, re, timeoutMs) {
  const hover = page.locator('.monaco-hover-content').filter({ hasText: re });
  const token = page.locator('.editor-instance .view-line span span', { hasText: new RegExp(`^${word}$`) }).first();
  await pollFor(`a hover matching ${re} over "${word}"`, timeoutMs, async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    if (!(await token.count())) return false;
    const box = await token.boundingBox();
    if (!box) return false;
    await page.mouse.move(box.x + Math.min(12, box.width / 2), box.y + box.height / 2);
    return hover.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
  });
  await hoverSettled(page);
  return (await hover.first().innerText()).trim();
}

/** Waits until the hover widget finished fading in (screenshots taken earlier are half transparent). */
async function hoverSettled(page) {
  await pollFor('the hover fully shown', UI_MS, () => page.evaluate(() => {
    const w = [...document.querySelectorAll('.monaco-hover')].find((e) => e.offsetParent !== null && !e.classList.contains('hidden'));
    if (!w) return false;
    for (let e = w; e; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
    return !w.getAnimations({ subtree: true }).some((a) => a.playState === 'running');
  }));
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
      await hoverSettled(page);
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
    await step('status bar shows "Dockerfile · 1 stage"', async () => {
      const item = page.locator('.statusbar-item', { hasText: 'Dockerfile · 1 stage' });
      await item.first().waitFor({ state: 'visible', timeout: UI_MS }).catch(async () => {
        throw new Error(`no status bar item "Dockerfile · 1 stage"; items: ${JSON.stringify(await statusBarTexts(page))}`);
      });
    });

    await step('Quick Open → k8s/deployment.yaml; status bar shows "Kubernetes · Deployment"', async () => {
      await quickOpen(page, 'deployment.yaml', 'deployment.yaml', (lines) => lines.some((l) => l.startsWith('kind: Deployment')));
      const item = page.locator('.statusbar-item', { hasText: 'Kubernetes · Deployment' });
      await item.first().waitFor({ state: 'visible', timeout: UI_MS }).catch(async () => {
        throw new Error(`no status bar item "Kubernetes · Deployment"; items: ${JSON.stringify(await statusBarTexts(page))}`);
      });
    });

    const qos = await step('hover `resources` in the Deployment shows its QoS class', async () => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'View: Hide Panel').catch(() => {});
      const text = await hoverWord(page, 'resources', /QoS class of this pod/, UI_MS);
      if (!/QoS class of this pod: Burstable/.test(text)) throw new Error(`hover without "QoS class of this pod: Burstable":\n${text}`);
      log(`     screenshot ${await shot('hover-k8s-qos')}`);
      return text;
    });
    log(`     hover: ${JSON.stringify(qos.slice(0, 120))}…`);

    await step('Problems panel lists diagnostics of four families with their codes', async () => {
      // Diagnostics are published for open files: open the compose file, the playbook and the Pod.
      await quickOpen(page, 'compose.yaml', 'compose.yaml', (lines) => lines.includes('services:'));
      await quickOpen(page, 'site.yml', 'site.yml', (lines) => lines.some((l) => l.includes('hosts: webservers')));
      await quickOpen(page, 'worker.yaml', 'worker.yaml', (lines) => lines.includes('kind: Pod'));
      await quickOpen(page, 'Dockerfile', 'Dockerfile', (lines) => lines.some((l) => l.startsWith('FROM ')));
      // Put ADD back (the quick fix above replaced it) so the Dockerfile has a problem too.
      await page.keyboard.press('Control+z');
      await pollFor('ADD back in the Dockerfile', UI_MS, async () => (await editorLines(page)).includes('ADD app.py /app/'));
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await runCommand(page, 'View: Toggle Maximized Panel').catch(() => {});
      await page.keyboard.press('Control+Shift+M');
      const codes = ['DF007', 'DC001', 'AN007', 'K8S033', 'K8S001'];
      await pollFor('problems of four families', FIRST_ANSWER_MS, async () => {
        const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n');
        const left = codes.filter((c) => !rows.includes(c));
        return left.length === 0 ? [] : undefined;
      }).catch(async (err) => {
        const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
        throw new Error(`${err.message}; rows: ${JSON.stringify(rows.map((r) => r.replace(/\s+/g, ' ')))}`);
      });
      log(`     rows: ${await page.locator('.markers-panel .monaco-list-row').count()}, codes ${codes.join(', ')} all listed`);
      log(`     screenshot ${await shot('problems')}`);
      await runCommand(page, 'View: Toggle Maximized Panel').catch(() => {});
      await runCommand(page, 'View: Hide Panel').catch(() => {});
    });

    await step('"Infra Notes: Show Note for a Fact" → K8S-09 opens the notes browser focused on it', async () => {
      await quickOpen(page, 'deployment.yaml', 'deployment.yaml', (lines) => lines.some((l) => l.startsWith('kind: Deployment')));
      await runCommand(page, 'Infra Notes: Show Note for a Fact');
      // The fact picker (its items come from the server) replaces the palette.
      await page.locator('.quick-input-list .monaco-list-row', { hasText: /[A-Z]+-\d\d/ }).first().waitFor({ timeout: FIRST_ANSWER_MS });
      await page.keyboard.type('K8S-09');
      await pollFor('K8S-09 first in the fact picker', UI_MS, async () =>
        /K8S-09/.test(await page.locator('.quick-input-list .monaco-list-row.focused').innerText().catch(() => '')));
      await page.keyboard.press('Enter');
      await page.locator('.tab', { hasText: 'Infra Notes — the notes' }).first().waitFor({ timeout: UI_MS });
      // The webview is an iframe in an iframe: find the frame holding the notes, then the fact.
      const focused = await pollFor('fact K8S-09 with class "focus" in the notes webview', UI_MS, async () => {
        for (const f of page.frames()) {
          const cls = await f.evaluate(() => document.getElementById('K8S-09')?.className ?? null).catch(() => null);
          if (cls !== null) return cls.split(/\s+/).includes('focus') ? cls : undefined;
        }
        return undefined;
      });
      log(`     #K8S-09 class="${focused}"`);
      log(`     screenshot ${await shot('notes-browser')}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+W'); // close the notes browser
    });

    await step('infraNotes.language = ru (user settings JSON, as a user edits it) → Russian `resources` hover', async () => {
      await runCommand(page, 'Preferences: Open User Settings (JSON)');
      await pollFor('settings.json in the editor', UI_MS, async () => (await editorLines(page)).some((l) => l.includes('"telemetry.telemetryLevel"')));
      // After the opening brace: a new first entry (the editor indents the new line itself).
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.insertText('\n"infraNotes.language": "ru",');
      await page.keyboard.press('Control+S');
      await pollFor('settings.json saved with infraNotes.language = ru', UI_MS, () =>
        JSON.parse(fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8'))['infraNotes.language'] === 'ru');
      await page.keyboard.press('Control+W');
      await quickOpen(page, 'deployment.yaml', 'deployment.yaml', (lines) => lines.some((l) => l.startsWith('kind: Deployment')));
      const text = await hoverWord(page, 'resources', /[\u0400-\u04FF]/, UI_MS);
      if (!/QoS/.test(text)) throw new Error(`Russian hover without the QoS class:\n${text}`);
      log(`     hover: ${JSON.stringify(text.slice(0, 100))}…`);
      log(`     screenshot ${await shot('hover-ru')}`);
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
