// The browser test: Debian's Chromium driven by playwright-core through the real page and a
// real `dondoc serve` (started by scripts/browser-test.sh, which passes BASE_URL, USERNAME,
// PASSWORD and SHOTS). Steps: sign in → search "ke hoach" → open a plan → click a task → its
// sentence in the text is flashed. A screenshot after each step; exit 1 on the first failure.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL;
const shots = process.env.SHOTS;
const username = process.env.USERNAME;
const password = process.env.PASSWORD;
if (!base || !shots || !username || !password) {
  console.error('browser.mjs: BASE_URL, SHOTS, USERNAME and PASSWORD must be set');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'dondoc-chromium-'));

// Fixed flags: no sandbox (containers), nothing fetched from the network by Chromium itself.
// A fresh profile each run: Playwright passes it as --user-data-dir.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
  locale: 'vi-VN',
});
let failed = false;
const cspViolations = [];
const pageErrors = [];
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const step = async (name, fn) => {
    const t0 = Date.now();
    await fn();
    await page.screenshot({ path: join(shots, `${name}.png`) });
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  };

  await step('01-login-form', async () => {
    await page.goto(base);
    await page.locator('#login-form').waitFor();
  });

  await step('02-wrong-password', async () => {
    await page.fill('#login-username', username);
    await page.fill('#login-password', 'not the password');
    await page.click('#login-submit');
    await page.locator('#login-error', { hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();
  });

  await step('03-signed-in-list', async () => {
    await page.fill('#login-password', password);
    await page.click('#login-submit');
    await page.locator('#who', { hasText: username }).waitFor();
    await page.locator('#results li').first().waitFor();
  });

  await step('04-search-ke-hoach', async () => {
    await page.fill('#search-q', 'ke hoach');
    await page.click('#search-submit');
    await page.locator('#results li mark').first().waitFor();
    const n = await page.locator('#results li').count();
    if (n === 0) throw new Error('no results for "ke hoach"');
  });

  await step('05-document', async () => {
    // A plan (Kế hoạch) has tasks; the first result that is one.
    const plan = page.locator('#results li', { hasText: 'Kế hoạch' }).first();
    await plan.locator('a.result-title').click();
    await page.locator('#doc-text .hl-task').first().waitFor();
    await page.locator('#doc-tasks li').first().waitFor();
    for (const kind of ['number', 'title', 'issuer', 'task']) {
      if ((await page.locator(`#doc-text .hl-${kind}`).count()) === 0) {
        throw new Error(`no ${kind} highlighted in the text`);
      }
    }
  });

  await step('06-task-flashed', async () => {
    const tasks = page.locator('#doc-tasks > li > .field-link');
    const n = await tasks.count();
    const pick = tasks.nth(Math.min(2, n - 1));
    const mark = await pick.getAttribute('data-mark');
    await pick.click();
    const flashed = page.locator(`#doc-text [data-marks~="${mark}"].flash`);
    await flashed.first().waitFor();
    // The flashed text was scrolled into the text pane's view (smooth scrolling: wait for it).
    // (page.waitForFunction would need 'unsafe-eval', which the page's CSP rightly refuses.)
    const inView = () => flashed.first().evaluate((node) => {
      const pane = document.getElementById('doc-text').getBoundingClientRect();
      const r = node.getBoundingClientRect();
      return r.bottom > pane.top && r.top < pane.bottom && r.top >= 0 && r.bottom <= innerHeight;
    });
    let visible = false;
    for (let t = 0; t < 30 && !visible; t++) {
      visible = await inView();
      if (!visible) await page.waitForTimeout(100);
    }
    if (!visible) throw new Error('the flashed span is not scrolled into view');
    // The flashed pieces are exactly the task's sentence as the API gave it.
    const shown = (await flashed.allTextContents()).join('');
    const label = await pick.textContent();
    const action = label.slice(label.indexOf('. ') + 2);
    if (!shown.includes(action.slice(0, 20))) {
      throw new Error(`flashed "${shown.slice(0, 60)}…" is not the task "${action.slice(0, 60)}…"`);
    }
  });

  await step('07-logout', async () => {
    await page.click('#logout');
    await page.locator('#login-form').waitFor();
    const r = await page.evaluate(async () => (await fetch('/api/documents')).status);
    if (r !== 401) throw new Error(`after logout /api/documents answered ${r}`);
  });

  if (cspViolations.length) throw new Error(`CSP violations: ${cspViolations.join('; ')}`);
  if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
