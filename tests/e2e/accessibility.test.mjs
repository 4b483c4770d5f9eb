// Accessibility (GB/T 37668-2019, which follows WCAG 2.1 AA): axe-core finds no violation on any
// screen, a whole journey is done with the keyboard alone with the focus always visible, and the
// page still works at 200 % zoom.
//
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { sharedBrowserAndSite, watch, waitForApp, requestCell, startBlankReport, AXE_SCRIPT, axeViolations } from './harness.mjs';

const env = sharedBrowserAndSite();
const fixtureText = (name) => readFile(fileURLToPath(new URL(`../../crates/report/tests/fixtures/${name}`, import.meta.url)), 'utf8');
const e2eFixture = (name) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** A fresh profile with axe-core in each of its pages, on the first screen. */
async function freshProfile({ viewport } = {}) {
  const context = await env.browser.newContext(viewport ? { viewport } : {});
  await context.addInitScript({ path: AXE_SCRIPT });
  await context.clock.setFixedTime(new Date('2026-12-04T09:00:00Z'));
  const page = await context.newPage();
  const record = watch(page);
  await page.goto(env.site.url);
  await page.locator('.first-screen').waitFor({ timeout: 30_000 });
  return { context, page, record };
}

/** Collects axe-core's violations screen by screen, so that one run names them all. */
function sweep() {
  const found = [];
  return {
    async check(page, screen) {
      for (const violation of await axeViolations(page)) found.push({ screen, ...violation });
    },
    assertNone() {
      assert.deepEqual(found, [], 'axe-core found violations');
    },
  };
}

test('axe-core finds no violation on the first screen, the editor, its dialogs and panels, and the drafts list', async () => {
  const { context, page, record } = await freshProfile();
  const axe = sweep();
  try {
    await axe.check(page, 'the first screen');

    await page.locator('.first-screen button.paste-last-year').click();
    const dialog = page.locator('.paste-import-dialog');
    await dialog.locator('.paste-area').fill(await fixtureText('shuyang-county-2025.txt'));
    await dialog.locator('button.read-published').click();
    await dialog.locator('.import-preview').waitFor();
    await axe.check(page, 'the paste-import dialog with its preview');
    await dialog.locator('button.create-draft').click();
    await waitForApp(page);
    await page.locator('.finding').first().waitFor();
    await axe.check(page, 'the editor with findings');

    // A refused paste's notice, and a notice of something done.
    await requestCell(page, '1', 'natural').fill('abc');
    await requestCell(page, '1', 'natural').press('Enter');
    await requestCell(page, '1', 'natural').fill('5');
    await page.locator('[id="part-requests"] button.copy-table').click().catch(() => {});
    await page.locator('.banner-notice').waitFor();
    await axe.check(page, 'the editor with a notice');

    await page.locator('button.history').click();
    await page.locator('.history-version').first().waitFor();
    await axe.check(page, 'the history panel');
    await page.locator('button.history').click();

    await page.locator('button.show-figure').click();
    await page.locator('.figure-panel .figure svg').waitFor();
    await axe.check(page, 'the 图解 panel');

    await page.locator('button.drafts-list').click();
    await page.locator('.drafts-screen').waitFor();
    await axe.check(page, 'the drafts list');

    await page.locator('button.switch-language').click();
    await axe.check(page, 'the drafts list in English');
    axe.assertNone();
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('axe-core finds no violation on the supervisor\'s batch, summary and comparison', async () => {
  const { context, page, record } = await freshProfile();
  const axe = sweep();
  try {
    await startBlankReport(page);
    await page.locator('button.batch-check').click();
    await page.locator('main.batch-screen').waitFor();
    await axe.check(page, 'the empty batch screen');

    const seed = JSON.parse(await e2eFixture('erdun-2023.json'));
    const nextYear = structuredClone(seed);
    nextYear.meta.year = 2024;
    const file = (name, report) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
    await page.locator('.pick-files input').setInputFiles([
      file('额尔敦-2023.json', seed),
      file('额尔敦-2024.json', nextYear),
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') },
    ]);
    await page.locator('tr.batch-row').nth(2).waitFor();
    await page.locator('tr.batch-row', { hasText: '额尔敦-2024.json' }).locator('button.show-findings').click();
    await axe.check(page, 'the batch with a row\'s findings open');

    await page.locator('input.tick-all').check();
    await page.locator('input.summary-agency').fill('某县人民政府');
    await page.locator('button.build-summary').click();
    await page.locator('.summary-result').waitFor();
    await axe.check(page, 'the summary');

    await page.locator('tr.batch-row', { hasText: '额尔敦-2024.json' }).locator('button.compare').click();
    await page.locator('main.compare-screen').waitFor();
    await axe.check(page, 'the comparison of two years');
    axe.assertNone();
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

/** Presses `key` (Tab or Shift+Tab) until the focused element matches `selector`, checking at
 * every stop that the focus can be seen: an outline or a ring drawn around the element. */
async function tabTo(page, selector, key = 'Tab', most = 800) {
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press(key);
    const stop = await page.evaluate((selector) => {
      const element = document.activeElement;
      if (!element || element === document.body) return { arrived: false, visible: true };
      const style = getComputedStyle(element);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      return {
        arrived: element.matches(selector),
        visible: ring || shadow,
        what: `${element.outerHTML.slice(0, 120)} (outline ${style.outlineStyle} ${style.outlineWidth}, shadow ${style.boxShadow})`,
      };
    }, selector);
    if (process.env.DEBUG_TAB) console.log(stop.what);
    assert.ok(stop.visible, `the focus is not visible on ${stop.what}`);
    if (stop.arrived) return presses + 1;
  }
  throw new Error(`${selector} was not reached in ${most} presses of ${key}`);
}

test('a whole journey by keyboard alone: new draft, fill, fix a finding, export', async () => {
  const { context, page, record } = await freshProfile();
  try {
    // New draft.
    await tabTo(page, '.first-screen button.new-blank');
    await page.keyboard.press('Enter');
    await waitForApp(page);
    // The three tables are grids, each named by its heading, and a cell is named by its row
    // and its column, which is what a screen reader says on arriving there.
    assert.deepEqual(
      await page.locator('table[role="grid"]').evaluateAll((grids) => grids.map((g) => g.getAttribute('aria-label').slice(0, 2))),
      ['二、', '三、', '四、'],
    );
    assert.equal(await requestCell(page, '3.1', 'commercial').getAttribute('aria-label'), '三(一) 予以公开，商业企业');

    // Fill: the agency, then table 三 as a spreadsheet (type, Enter goes down).
    await tabTo(page, '[id="meta-agency"]');
    await page.keyboard.type('甲街道办事处');
    await tabTo(page, '[id="cell-requests-1-natural"]');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-requests-2-natural');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    assert.equal(await requestCell(page, '1', 'natural').inputValue(), '5');

    // Fix a finding: its link takes the focus to its place; typing there clears it.
    const overviewFinding = '.finding-link[data-rule="T-section-empty"][data-place="section/overview"]';
    await page.locator(overviewFinding).waitFor();
    await tabTo(page, overviewFinding);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'section-overview');
    await page.keyboard.type('本年度，本街道认真贯彻落实《中华人民共和国政府信息公开条例》。');
    await page.locator(overviewFinding).waitFor({ state: 'detached' });

    // Export.
    await tabTo(page, 'button.export-json', 'Shift+Tab');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.meta.agency, '甲街道办事处');
    assert.equal(exported.requests['1'][0], 5);
    assert.match(exported.sections.overview, /认真贯彻落实/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

// 200 % and 400 % zoom of a 1280 × 800 window: 640 × 400 and 320 × 200 CSS pixels (400 % is
// where WCAG's reflow criterion asks for no sideways scrolling).
for (const [zoom, width, height] of [[200, 640, 400], [400, 320, 200]]) {
  test(`at ${zoom} % zoom the page reflows: no sideways scrolling outside the tables, every toolbar button on screen`, async () => {
    const { context, page, record } = await freshProfile({ viewport: { width, height } });
    try {
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'the first screen fits');
      await startBlankReport(page);
      const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
      assert.ok(wide.page <= wide.window, `the editor is ${wide.page} px wide in a ${wide.window} px window`);
      for (const button of await page.locator('.app-header button, .app-header label.button').all()) {
        const box = await button.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= width, `${await button.textContent()} is on screen`);
      }
      const axe = sweep();
      await axe.check(page, `the editor at ${zoom} %`);
      axe.assertNone();
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
