// The browser test: Debian's Chromium driven by playwright-core through the real page and a
// real `dondoc serve` (started by scripts/browser-test.sh, which passes BASE_URL, SHOTS, the
// office's USERNAME/PASSWORD, the unit officer's OFFICER_USERNAME/OFFICER_PASSWORD/OFFICER_UNIT
// and FIXTURE, a plan to upload). Steps, a screenshot after each, exit 1 on the first failure:
//   sign in (wrong password first) → dashboard → search → a plan → a task's sentence flashed →
//   its document graph → upload the fixture plan → confirm its proposed tasks → an overdue task
//   on the board → XLSX and ICS downloads (bytes checked) → the officer sees only their unit and
//   files a report → the office returns it → the officer resubmits → phone width → sign out.
//
// A step whose API route is not in docs/openapi.yaml (openapi_test keeps that file equal to the
// router) is skipped with a loud "SKIPPED: route … not on main" line — never faked.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const env = process.env;
const base = env.BASE_URL;
const shots = env.SHOTS;
const office = { username: env.USERNAME, password: env.PASSWORD };
const officer = {
  username: env.OFFICER_USERNAME, password: env.OFFICER_PASSWORD, unit: env.OFFICER_UNIT,
};
const here = dirname(fileURLToPath(import.meta.url));
const fixture = env.FIXTURE || join(here, 'fixtures', 'ke-hoach-thu-nghiem.txt');
if (!base || !shots || !office.username || !office.password) {
  console.error('browser.mjs: BASE_URL, SHOTS, USERNAME and PASSWORD must be set');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

// "METHOD /path" of every route the server has, from the OpenAPI file.
function knownRoutes() {
  // OPENAPI: another spec, for a run against a server built from another tree.
  const spec = readFileSync(env.OPENAPI || join(here, '..', '..', 'docs', 'openapi.yaml'), 'utf8');
  const routes = new Set();
  let path = null;
  for (const line of spec.split('\n')) {
    let m = /^ {2}(\/\S+):\s*$/.exec(line);
    if (m) { path = m[1]; continue; }
    m = /^ {4}(get|post|put|delete|patch):/.exec(line);
    if (m && path) routes.add(`${m[1].toUpperCase()} ${path}`);
    if (/^\S/.test(line)) path = null;
  }
  return routes;
}
const routes = knownRoutes();
// axe-core (npm, dev only) checks each view against WCAG 2.1 A/AA: labels, names, contrast,
// landmarks, ARIA. It is evaluated through the DevTools protocol, which the page's CSP allows.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const a11yProblems = [];
let a11yViews = 0;
const skipped = [];
// True when every route is there; otherwise prints the loud skip line for the step.
function has(step, ...needed) {
  const missing = needed.filter((r) => !routes.has(r));
  if (!missing.length) return true;
  for (const r of missing) console.log(`SKIPPED: route ${r} not on main (step ${step})`);
  skipped.push(step);
  return false;
}
// For a step that works on what an earlier one made: loud when that one was skipped.
function after(step, done, earlier) {
  if (done) return true;
  console.log(`SKIPPED: step ${step} needs step ${earlier}, which was skipped`);
  skipped.push(step);
  return false;
}

const profile = mkdtempSync(join(tmpdir(), 'dondoc-chromium-'));
// Fixed flags: no sandbox (containers), nothing fetched from the network by Chromium itself.
// A fresh profile each run: Playwright passes it as --user-data-dir.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--lang=vi',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
  locale: 'vi-VN',
  acceptDownloads: true,
});
let failed = false;
const cspViolations = [];
const pageErrors = [];
const t0 = Date.now();
try {
  const page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(10000);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // Accessibility of what is on screen now; problems are collected and fail the run at the end.
  const a11y = async (view) => {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
    });
    a11yViews += 1;
    for (const f of found) a11yProblems.push(`${view}: ${f}`);
  };
  const step = async (name, fn) => {
    const t = Date.now();
    await fn();
    await a11y(name);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    console.log(`ok   ${name} (${Date.now() - t} ms)`);
  };
  const signIn = async (who) => {
    await page.goto(`${base}#/`);
    await page.locator('#login-form').waitFor();
    await page.fill('#login-username', who.username);
    await page.fill('#login-password', who.password);
    await page.click('#login-submit');
    await page.locator('#who', { hasText: who.username }).waitFor();
  };
  const signOut = async () => {
    await page.click('#logout');
    await page.locator('#login-form').waitFor();
  };
  // The bytes of the file a click on `selector` downloads.
  const download = async (selector) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    const path = await dl.path();
    if (!path) throw new Error(`${selector}: the download failed (${await dl.failure()})`);
    return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
  };
  // The rendered page never shows an error box unless a test means it to.
  const noFatal = async (what) => {
    if (await page.locator('#fatal').isVisible()) {
      throw new Error(`${what}: the page says "${await page.locator('#fatal').textContent()}"`);
    }
  };

  await step('01-login-form', async () => {
    await page.goto(base);
    await page.locator('#login-form').waitFor();
  });

  await step('02-wrong-password', async () => {
    await page.fill('#login-username', office.username);
    await page.fill('#login-password', 'not the password');
    await page.click('#login-submit');
    await page.locator('#login-error', { hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();
  });

  await step('03-signed-in', async () => {
    await page.fill('#login-password', office.password);
    await page.click('#login-submit');
    await page.locator('#who', { hasText: office.username }).waitFor();
    for (const nav of ['dashboard', 'tasks', 'review', 'units', 'calendar', 'docs', 'upload']) {
      await page.locator(`#nav-list a[data-nav="${nav}"]`).waitFor();
    }
  });

  if (has('04-dashboard', 'GET /api/dashboard')) {
    await step('04-dashboard', async () => {
      await page.goto(`${base}#/`);
      await page.locator('#chart-status .chart-bar').first().waitFor();
      const bars = await page.locator('#chart-status .chart-bar').count();
      if (bars !== 6) throw new Error(`the status chart has ${bars} bars, not 6`);
      await page.locator('.tile.overdue .tile-n').waitFor();
      await noFatal('dashboard');
    });
  }

  let planId = '';
  await step('05-search-ke-hoach', async () => {
    await page.goto(`${base}#/docs`);
    await page.fill('#search-q', 'ke hoach');
    await page.click('#search-submit');
    await page.locator('#results li mark').first().waitFor();
  });

  await step('06-document', async () => {
    // The plan 112/KH-UBND: it has tasks, and documents above and below it in the graph.
    await page.fill('#search-q', '112/KH-UBND');
    await page.click('#search-submit');
    await page.locator('#results li', { hasText: 'Kế hoạch' }).first().waitFor();
    await page.locator('#results li a.result-title').first().click();
    await page.locator('#doc-text .hl-task').first().waitFor();
    await page.locator('#doc-tasks li').first().waitFor();
    for (const kind of ['number', 'title', 'issuer', 'task']) {
      if ((await page.locator(`#doc-text .hl-${kind}`).count()) === 0) {
        throw new Error(`no ${kind} highlighted in the text`);
      }
    }
    planId = (/#\/doc\/(\d+)/.exec(page.url()) || [])[1] || '';
  });

  await step('07-task-flashed', async () => {
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

  await step('08-graph', async () => {
    await page.click('#doc-graph');
    const graph = page.locator('#doc-graph-svg');
    await graph.waitFor();
    await graph.locator('.gnode.center').waitFor();
    const nodes = await graph.locator('.gnode').count();
    const edges = await graph.locator('line.gedge').count();
    if (nodes < 3 || edges < 2) throw new Error(`the graph has ${nodes} nodes and ${edges} edges`);
    // Documents below (those that implement or cite the plan) are links to their own graph.
    if ((await graph.locator('a.glink').count()) === 0) throw new Error('no stored document is a link');
    await noFatal('graph');
  });

  let uploadedPlan = '';
  if (has('09-upload', 'POST /api/documents')) {
    await step('09-upload', async () => {
      await page.click('#nav-list a[data-nav="upload"]');
      await page.setInputFiles('#upload-file', fixture);
      await page.click('#upload-submit');
      const review = page.locator('#upload-review');
      await review.waitFor({ timeout: 30000 });
      const said = await page.locator('#upload-status .notice').first().textContent();
      const n = Number((/(\d+) nhiệm vụ/.exec(said) || [])[1]);
      if (!(n >= 3)) throw new Error(`upload: "${said}" (the fixture has 3 tasks)`);
      uploadedPlan = (/plan=(\d+)/.exec(await review.getAttribute('href')) || [])[1];
    });
  }

  if (after('10-confirm-tasks', uploadedPlan, '09-upload')
    && has('10-confirm-tasks', 'GET /api/tasks', 'POST /api/tasks/{id}/confirm')) {
    await step('10-confirm-tasks', async () => {
      await page.click('#upload-review');
      const cards = page.locator('#proposed-list article.proposed');
      await cards.first().waitFor();
      const n = await cards.count();
      if (n < 3) throw new Error(`${n} proposed tasks shown, the upload proposed 3`);
      await page.screenshot({ path: join(shots, '10a-proposed.png'), fullPage: true });
      // The edit form (units editor included) passes the accessibility check too.
      await cards.first().locator('button[data-act="edit"]').click();
      await cards.first().locator('form[data-form="edit"] fieldset.units-editor').waitFor();
      await page.screenshot({ path: join(shots, '10b-edit-form.png'), fullPage: true });
      await a11y('10b-edit-form');
      // Drop one (the office decides the Sở Tài chính line is not for this board), with a reason.
      const drop = cards.filter({ hasText: 'bố trí kinh phí' });
      await drop.locator('button[data-act="drop"]').click();
      await drop.locator('form[data-form="drop"] input').fill('Đã có trong dự toán chung, không theo dõi riêng.');
      await drop.locator('form[data-form="drop"] button[type="submit"]').click();
      await page.locator('.page-body .status', { hasText: '2 nhiệm vụ chờ rà soát' }).waitFor();
      await page.click('#confirm-all');
      await page.locator('.page-body .status', { hasText: 'Không còn nhiệm vụ nào chờ rà soát' }).waitFor();
    });
  }

  if (after('11-overdue', uploadedPlan, '09-upload') && has('11-overdue', 'GET /api/tasks')) {
    await step('11-overdue', async () => {
      // "Cổng dữ liệu mở" was due 31/3/2026 and nobody reported: overdue.
      await page.goto(`${base}#/tasks?status=overdue`);
      const row = page.locator('.tasks-table tbody tr', { hasText: 'Cổng dữ liệu mở' });
      await row.waitFor();
      await row.locator('.badge.st-overdue').waitFor();
      await page.goto(`${base}#/units`);
      await page.locator('.units-table td.is-overdue').first().waitFor();
      await a11y('11-units');
      await page.goto(`${base}#/`);
      await page.locator('.tile.overdue .tile-n').waitFor();
      const tile = Number(await page.locator('.tile.overdue .tile-n').textContent());
      if (!(tile >= 1)) throw new Error(`the dashboard shows ${tile} overdue`);
    });
  }

  if (after('11b-task-detail', uploadedPlan, '09-upload') && has('11b-task-detail', 'GET /api/tasks/{id}')) {
    await step('11b-task-detail', async () => {
      // From the board to the task: its sentence is highlighted in the plan's text.
      await page.goto(`${base}#/tasks?status=overdue`);
      await page.locator('.tasks-table a', { hasText: 'Cổng dữ liệu mở' }).first().click();
      const sentence = page.locator('#task-text .hl-task');
      await sentence.first().waitFor();
      const shown = (await sentence.allTextContents()).join('');
      if (!shown.includes('Cổng dữ liệu mở của tỉnh')) throw new Error(`highlighted "${shown}"`);
      await page.locator('.facts .badge.st-overdue').waitFor();
    });
  }

  if (after('11c-calendar', uploadedPlan, '09-upload') && has('11c-calendar', 'GET /api/calendar')) {
    await step('11c-calendar', async () => {
      // The deadline 31/3/2026 (a Tuesday, a working day) in the month grid.
      await page.goto(`${base}#/calendar?month=2026-03`);
      await page.locator('#calendar-grid li[data-date="2026-03-31"] a.cal-item',
        { hasText: 'Cổng dữ liệu mở' }).waitFor();
    });
  }

  if (after('12-downloads', uploadedPlan, '09-upload')
    && has('12-downloads', 'GET /api/export/tasks.xlsx', 'GET /api/export/tasks.ics')) {
    await step('12-downloads', async () => {
      await page.goto(`${base}#/tasks?plan=${uploadedPlan}`);
      await page.locator('.tasks-table tbody tr').first().waitFor();
      const xlsx = await download('a[data-export="xlsx"]');
      // An XLSX is a zip (PK\3\4) whose directory names xl/workbook.xml.
      if (xlsx.bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04'
        || !xlsx.bytes.includes(Buffer.from('xl/workbook.xml'))) {
        throw new Error(`${xlsx.name} is not an XLSX (${xlsx.bytes.length} bytes)`);
      }
      const ics = await download('a[data-export="ics"]');
      const head = ics.bytes.subarray(0, 15).toString('utf8');
      if (head !== 'BEGIN:VCALENDAR' || !ics.bytes.includes(Buffer.from('Cổng dữ liệu mở'))) {
        throw new Error(`${ics.name} does not start with BEGIN:VCALENDAR or lacks the task ("${head}")`);
      }
      console.log(`     ${xlsx.name} ${xlsx.bytes.length} B, ${ics.name} ${ics.bytes.length} B`);
    });
  }

  if (after('12b-compiled-report', uploadedPlan, '09-upload')
    && has('12b-compiled-report', 'GET /api/plans/{id}/report.docx', 'GET /api/plans/{id}/report.xlsx')) {
    await step('12b-compiled-report', async () => {
      // The plan's compiled periodic report: a DOCX (word/document.xml) and an XLSX.
      await page.goto(`${base}#/tasks?plan=${uploadedPlan}`);
      await page.locator('.tasks-table tbody tr').first().waitFor();
      const docx = await download('a[data-export="report-docx"]');
      if (docx.bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04'
        || !docx.bytes.includes(Buffer.from('word/document.xml'))) {
        throw new Error(`${docx.name} is not a DOCX (${docx.bytes.length} bytes)`);
      }
      const xlsx = await download('a[data-export="report-xlsx"]');
      if (!xlsx.bytes.includes(Buffer.from('xl/workbook.xml'))) {
        throw new Error(`${xlsx.name} is not an XLSX (${xlsx.bytes.length} bytes)`);
      }
      console.log(`     ${docx.name} ${docx.bytes.length} B, ${xlsx.name} ${xlsx.bytes.length} B`);
    });
  }

  const reportRoutes = ['GET /api/units/{id}', 'POST /api/tasks/{id}/reports', 'GET /api/tasks/{id}'];
  let filed = false;
  if (officer.username && after('13-officer-files-report', uploadedPlan, '09-upload')
    && has('13-officer-files-report', ...reportRoutes)) {
    await step('13-officer-files-report', async () => {
      await signOut();
      await signIn(officer);
      // An officer's menu has no review or upload, and the board is their unit's only.
      for (const nav of ['review', 'upload']) {
        if (await page.locator(`#nav-list a[data-nav="${nav}"]`).count()) {
          throw new Error(`the officer's menu has ${nav}`);
        }
      }
      // Another unit's page: the server refuses (403), the page says so and shows nothing of it.
      await page.goto(`${base}#/unit/so-tai-chinh`);
      await page.locator('#fatal', { hasText: 'không có quyền' }).waitFor();
      if (await page.locator('.page-body table, .page-body form').count()) {
        throw new Error("another unit's page shows content to the officer");
      }
      await page.click('#nav-list a[data-nav="unit"]');
      const form = page.locator('form[data-form="report"]');
      await form.waitFor();
      const option = form.locator('select[name="task"] option', { hasText: 'Cổng dữ liệu mở' });
      await form.locator('select[name="task"]').selectOption(await option.first().getAttribute('value'));
      await form.locator('input[name="label"]').fill('Quý IV/2026');
      await form.locator('textarea[name="text"]').fill('Đã hoàn thành thiết kế Cổng dữ liệu mở; đang nhập dữ liệu của 12 sở.');
      await form.locator('input[name="percent"]').fill('60');
      await form.locator('button[type="submit"]').click();
      await page.locator('#unit-reports article.report-submitted', { hasText: 'Cổng dữ liệu mở' }).waitFor();
      filed = true;
    });
  }

  let returned = false;
  if (after('14-office-returns-report', filed, '13-officer-files-report')
    && has('14-office-returns-report', 'POST /api/reports/{id}/return')) {
    await step('14-office-returns-report', async () => {
      await signOut();
      await signIn(office);
      await page.goto(`${base}#/unit/${encodeURIComponent(officer.unit)}`);
      const card = page.locator('#unit-reports article.report-submitted', { hasText: 'Cổng dữ liệu mở' }).first();
      await card.waitFor();
      await card.locator('button[data-act="return"]').click();
      await card.locator('textarea').fill('Chưa nêu số liệu cụ thể của từng sở; đề nghị bổ sung.');
      await card.locator('button[data-act="return-submit"]').click();
      await page.locator('#unit-reports article.report-returned', { hasText: 'đề nghị bổ sung' }).waitFor();
      returned = true;
    });
  }

  if (after('15-officer-resubmits', returned, '14-office-returns-report')
    && has('15-officer-resubmits', 'POST /api/reports/{id}/resubmit')) {
    await step('15-officer-resubmits', async () => {
      await signOut();
      await signIn(officer);
      await page.click('#nav-list a[data-nav="unit"]');
      const card = page.locator('#unit-reports article.report-returned').first();
      await card.waitFor();
      const form = card.locator('form[data-form="resubmit"]');
      await form.locator('textarea').fill('Đã nhập dữ liệu của 12/20 sở (60%); 8 sở còn lại trong tháng 12.');
      await form.locator('button[type="submit"]').click();
      await page.locator('#unit-reports article.report-submitted', { hasText: '12/20 sở' }).waitFor();
    });
  }

  if (filed && has('15b-audit', 'GET /api/audit')) {
    await step('15b-audit', async () => {
      // The office reads who did what: the report returned above is in the log.
      await signOut();
      await signIn(office);
      await page.click('#nav-list a[data-nav="audit"]');
      await page.locator('.audit-table td', { hasText: 'Trả lại báo cáo' }).first().waitFor();
    });
  }

  if (has('16-phone-width', 'GET /api/tasks')) {
    await step('16-phone-width', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}#/tasks`);
      await page.locator('#board-filters').waitFor();
      // The pager comes last, once the page of tasks is in.
      await page.locator('#board-list > .pager').waitFor({ state: 'attached' });
      // Nothing wider than the screen: no sideways scrolling of the page.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 390) throw new Error(`the board is ${wide} px wide at a 390 px screen`);
    });
    await page.setViewportSize({ width: 1400, height: 900 });
  }

  await step('17-logout', async () => {
    await signOut();
    const r = await page.evaluate(async () => (await fetch('/api/documents')).status);
    if (r !== 401) throw new Error(`after logout /api/documents answered ${r}`);
  });

  console.log(`accessibility (axe-core, WCAG 2.1 A/AA): ${a11yViews} views, ${a11yProblems.length} problems`);
  if (a11yProblems.length) throw new Error(`accessibility:\n  ${a11yProblems.join('\n  ')}`);
  if (cspViolations.length) throw new Error(`CSP violations: ${cspViolations.join('; ')}`);
  if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
if (skipped.length) {
  console.log(`SKIPPED ${skipped.length} step(s), their routes are not on main: ${skipped.join(', ')}`);
}
console.log(`browser steps: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
