// The first visit: a fresh profile opens on the three ways in, the year proposed follows the
// computer's clock (fixed here by the test), and last year's published report gives this year's
// draft with table 三's carry-over filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { sharedBrowserAndSite, watch, waitForApp, requestCell, draftIdOf, storedDraft, draftKeys } from './harness.mjs';

const env = sharedBrowserAndSite();

const SHUYANG_2025 = fileURLToPath(new URL('../../crates/report/tests/fixtures/shuyang-county-2025.txt', import.meta.url));
// Table 三 row 四 (结转下年度继续办理) of 沭阳县's 2025 report, all seven columns. By the page's own
// arithmetic: 新收 713 + 上年结转 36 = 749 = 办结 718 + 结转 31.
const SHUYANG_2025_CARRIED_OUT = [31, 0, 0, 0, 0, 0, 31];
const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];

/** A fresh profile whose clock stands still at `at`, on the app's first screen. */
async function firstVisit(at) {
  const context = await env.browser.newContext();
  await context.clock.setFixedTime(new Date(at));
  const page = await context.newPage();
  const record = watch(page);
  await page.goto(env.site.url);
  await page.locator('.first-screen').waitFor({ timeout: 30_000 });
  return { context, page, record };
}

const storedReport = async (page, id) => (await storedDraft(page, id)).report;

test('a fresh profile opens on the three ways in, and a later visit opens the draft', async () => {
  const { context, page, record } = await firstVisit('2026-12-04T09:00:00Z');
  try {
    const screen = page.locator('.first-screen');
    assert.equal(await screen.locator('h1').textContent(), '政府信息公开工作年度报告');
    assert.deepEqual(await screen.locator('.way-in h2').allTextContents(), ['从上年年报开始', '新建空白年报', '打开 JSON']);
    for (const way of ['button.paste-last-year', 'label.pick-last-year', 'button.new-blank', 'label.open-json-file']) {
      assert.ok(await screen.locator(way).isVisible(), `${way} is shown`);
    }
    assert.match(await screen.locator('.first-screen-year').textContent(), /编写2026年度报告/);
    // No editor, so no finding in red before anything is typed, and nothing stored yet.
    assert.equal(await page.locator('h1.report-title').count(), 0);
    assert.equal(await page.locator('.finding').count(), 0);
    assert.deepEqual(await draftKeys(page), []);

    await screen.locator('button.new-blank').click();
    await waitForApp(page);
    const id = draftIdOf(page);
    assert.equal((await storedReport(page, id)).meta.year, 2026);

    // The next visit opens the draft, not the first screen.
    await page.goto(env.site.url);
    await waitForApp(page);
    // The address names the draft once the page is idle (the first drawing does not wait).
    await page.waitForFunction(() => location.hash.startsWith('#draft='));
    assert.equal(draftIdOf(page), id);
    assert.equal(await page.locator('.first-screen').count(), 0);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the year proposed is last year until September, this year from October', async () => {
  for (const [at, year] of [
    ['2026-01-05T09:00:00Z', 2025],
    ['2026-09-30T09:00:00Z', 2025],
    ['2026-10-01T09:00:00Z', 2026],
    ['2026-12-31T09:00:00Z', 2026],
  ]) {
    const { context, page } = await firstVisit(at);
    try {
      assert.match(await page.locator('.first-screen-year').textContent(), new RegExp(`编写${year}年度报告`), at);
      await page.locator('.first-screen button.new-blank').click();
      await waitForApp(page);
      assert.equal((await storedReport(page, draftIdOf(page))).meta.year, year, at);
    } finally {
      await context.close();
    }
  }
});

/** Checks the draft made from 沭阳县's 2025 report: year 2026, 上年结转 = 2025's 四 in all seven
 * columns (stored and on screen), and 2025's report kept with it for the cross-year rules. */
async function assertNextYearOfShuyang(page) {
  await waitForApp(page);
  const report = await storedReport(page, draftIdOf(page));
  assert.equal(report.meta.year, 2026);
  assert.match(report.meta.agency, /沭阳县/);
  assert.deepEqual(report.requests['2'], SHUYANG_2025_CARRIED_OUT);
  assert.deepEqual(report.requests['2'], report.last_year.requests['4']);
  assert.equal(report.last_year.meta.year, 2025);
  for (const [index, column] of COLUMNS.entries()) {
    assert.equal(await requestCell(page, '2', column).inputValue(), String(SHUYANG_2025_CARRIED_OUT[index]), column);
  }
  // This year's own rows start blank.
  assert.equal(await requestCell(page, '1', 'natural').inputValue(), '');
}

test('last year\'s published report, pasted, gives this year\'s draft with 上年结转 filled in', async () => {
  const text = await readFile(SHUYANG_2025, 'utf8');
  const { context, page, record } = await firstVisit('2026-12-04T09:00:00Z');
  try {
    await page.locator('.first-screen button.paste-last-year').click();
    const dialog = page.locator('.paste-import-dialog');
    await dialog.locator('.paste-area').fill(text);
    await dialog.locator('button.read-published').click();
    await dialog.locator('.import-preview').waitFor();
    assert.equal(await dialog.locator('.preview-year').textContent(), '2025');
    assert.equal(await dialog.locator('button.create-draft').textContent(), '生成2026年度草稿');
    assert.deepEqual(await draftKeys(page), [], 'nothing is stored before the user says so');
    await dialog.locator('button.create-draft').click();
    await assertNextYearOfShuyang(page);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('last year\'s published report, picked as a file, gives the same draft', async () => {
  const { context, page, record } = await firstVisit('2026-12-04T09:00:00Z');
  try {
    await page.locator('.first-screen label.pick-last-year input[type=file]').setInputFiles(SHUYANG_2025);
    const dialog = page.locator('.paste-import-dialog');
    await dialog.locator('button.read-published').click();
    await dialog.locator('.import-preview').waitFor();
    assert.equal(await dialog.locator('button.create-draft').textContent(), '生成2026年度草稿');
    await dialog.locator('button.create-draft').click();
    await assertNextYearOfShuyang(page);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
