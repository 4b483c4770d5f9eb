// Drafts that stay safe where two tabs or a damaged text meet (issue 15): a draft deleted in
// another tab is not brought back, texts kept for recovery are listed and cleared only with the
// user's yes, and two tabs saving in the same instant lose nothing. None sleeps for a fixed time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sharedBrowserAndSite, startBlankReport, until, watch, draftIdOf, storedDraft, gridCell } from './harness.mjs';

const env = sharedBrowserAndSite();

const OVERVIEW = '[id="section-overview"]';
const PROBLEMS = '[id="section-problems"]';
const AGENCY = '[id="meta-agency"]';
const cell = (row, column) => `[id="cell-requests-${row}-${column}"]`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A page of `context` with the editor or the list showing. */
async function openApp(context, hash = '') {
  const page = await context.newPage();
  const record = watch(page);
  await page.goto(env.site.url + hash);
  await page.locator('h1.report-title, .drafts-screen, .first-screen').first().waitFor({ timeout: 30_000 });
  // A profile with no draft yet opens on the first screen: start the blank report from there.
  if (await page.locator('.first-screen').isVisible()) await startBlankReport(page);
  return { page, record };
}

const draftIds = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('nianbao:draft:'))
      .map((k) => k.slice('nianbao:draft:'.length))
      .sort(),
  );

const recoveryKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao:recovery:')).sort());

/** Waits until the stored draft's report has every value of `expected` (paths like
 * `sections/overview`, `requests/1/0`). */
async function waitStored(page, id, expected) {
  await until(async () => {
    const draft = await storedDraft(page, id).catch(() => null);
    return (
      draft &&
      Object.entries(expected).every(([path, value]) => {
        const found = path.split('/').reduce((v, k) => (v == null ? undefined : v[k]), draft.report);
        return JSON.stringify(found) === JSON.stringify(value);
      })
    );
  }, `draft ${id} to hold ${JSON.stringify(expected)}`);
}

test('a draft deleted in another tab is not saved again; that tab says so and keeps its copy on request', async () => {
  const context = await env.browser.newContext();
  try {
    const { page: a, record: recordA } = await openApp(context);
    await a.locator(AGENCY).fill('删除测试街道');
    await a.keyboard.press('Control+s');
    const id = draftIdOf(a);
    await waitStored(a, id, { 'meta/agency': '删除测试街道' });
    const { page: b, record: recordB } = await openApp(context, '#draft=' + id);
    await b.locator(OVERVIEW).fill('B窗口写的概述');
    await b.keyboard.press('Control+s');
    await waitStored(b, id, { 'sections/overview': 'B窗口写的概述' });

    // Tab A deletes the draft from its list.
    await a.locator('button.drafts-list').click();
    await a.locator(`.draft[data-id="${id}"] button.delete`).click();
    await a.locator(`.draft[data-id="${id}"]`).waitFor({ state: 'detached' });

    // Tab B is told at once, and stops saving: typing, Ctrl+S and leaving write nothing back.
    const banner = b.locator('.banner-deleted-elsewhere');
    await banner.waitFor();
    assert.match(await banner.textContent(), /此草稿已在另一窗口中删除/);
    assert.equal(await b.locator('.save-status').getAttribute('data-state'), 'deleted');
    await b.locator(PROBLEMS).fill('删除之后在B窗口写的');
    await b.keyboard.press('Control+s');
    await b.evaluate(() => dispatchEvent(new Event('pagehide')));
    assert.equal(await storedDraft(b, id), null, 'the deleted draft is not written again');
    assert.deepEqual(await draftIds(b), []);

    // "Keep this window's copy": what B shows becomes a new draft, opened in B.
    await banner.locator('button.keep-copy').click();
    await banner.waitFor({ state: 'detached' });
    const [copyId] = await draftIds(b);
    assert.ok(copyId && copyId !== id);
    assert.equal(draftIdOf(b), copyId);
    const copy = await storedDraft(b, copyId);
    assert.equal(copy.report.meta.agency, '删除测试街道');
    assert.equal(copy.report.sections.overview, 'B窗口写的概述');
    assert.equal(copy.report.sections.problems, '删除之后在B窗口写的');
    // A's list shows the copy, not the deleted draft.
    await a.locator(`.draft[data-id="${copyId}"]`).waitFor();
    assert.equal(await a.locator(`.draft[data-id="${id}"]`).count(), 0);
    assert.deepEqual(recordA.pageErrors, []);
    assert.deepEqual(recordB.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('texts kept for recovery are listed to download or delete, and old ones go only when the user agrees', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, record } = await openApp(context);
    const now = Date.now();
    const oldKey = `nianbao:recovery:old-draft:${now - 40 * DAY_MS}`;
    const newKey = `nianbao:recovery:new-draft:${now - DAY_MS}`;
    const oldText = '{"format": "nianbao-draft", "schema_version": 1, "report": {"meta": 旧';
    const newText = '{"format": "nianbao-draft", "schema_version": 9}';
    await page.evaluate(([oldKey, oldText, newKey, newText]) => {
      localStorage.setItem(oldKey, oldText);
      localStorage.setItem(newKey, newText);
    }, [oldKey, oldText, newKey, newText]);
    await page.locator('button.drafts-list').click();
    const rows = page.locator('.recovery');
    await rows.nth(1).waitFor();
    assert.deepEqual(
      await rows.evaluateAll((rows) => rows.map((r) => r.dataset.key)),
      [oldKey, newKey].map((k) => k.replace('nianbao:', '')),
      'the oldest first',
    );
    assert.match(await rows.nth(0).textContent(), /old-draft/);

    // Download: the text as it was kept.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows.nth(1).locator('button.download-recovery').click(),
    ]);
    assert.equal(await readFile(await download.path(), 'utf8'), newText);
    assert.equal(download.suggestedFilename(), `new-draft-恢复-${now - DAY_MS}.json`);

    // The one kept over 30 days is offered for removal; "keep them" keeps it.
    const offer = page.locator('.banner-old-recoveries');
    await offer.waitFor();
    assert.match(await offer.textContent(), /有1份恢复文本已保存超过30天/);
    await offer.locator('button.keep-old').click();
    await offer.waitFor({ state: 'detached' });
    assert.deepEqual(await recoveryKeys(page), [newKey, oldKey].sort());

    // Asked again on the next visit; agreeing removes the old one only.
    await page.reload();
    await page.locator('h1.report-title, .drafts-screen').first().waitFor();
    if (await page.locator('button.drafts-list').count()) await page.locator('button.drafts-list').click();
    await offer.waitFor();
    await offer.locator('button.remove-old').click();
    await offer.waitFor({ state: 'detached' });
    assert.deepEqual(await recoveryKeys(page), [newKey]);
    assert.equal(await rows.count(), 1);

    // Delete the other by hand: the section goes.
    await rows.first().locator('button.delete-recovery').click();
    await page.locator('.recoveries').waitFor({ state: 'detached' });
    assert.deepEqual(await recoveryKeys(page), []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('two tabs saving in the same instant lose nothing', async () => {
  const context = await env.browser.newContext();
  // One paused clock for both pages: no autosave fires, and both saves carry the same time.
  await context.clock.install();
  try {
    const { page: a, record: recordA } = await openApp(context);
    await a.locator(AGENCY).fill('同时保存街道');
    await a.keyboard.press('Control+s');
    const id = draftIdOf(a);
    await waitStored(a, id, { 'meta/agency': '同时保存街道' });
    const { page: b, record: recordB } = await openApp(context, '#draft=' + id);
    assert.equal(await b.locator(AGENCY).inputValue(), '同时保存街道');
    await context.clock.pauseAt(Date.now() + 60_000);
    const before = (await storedDraft(a, id)).revision;

    // Each tab edits its own cell and section; neither has saved.
    await gridCell(a.locator(cell('1', 'natural'))).fill('11');
    await a.locator(OVERVIEW).fill('A窗口写的概述');
    await gridCell(b.locator(cell('1', 'legal'))).fill('22');
    await b.locator(PROBLEMS).fill('B窗口写的问题');

    // Both save in the same instant: Ctrl+S is dispatched to both pages in one go, at one time.
    const ctrlS = () =>
      dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
    await Promise.all([a.evaluate(ctrlS), b.evaluate(ctrlS)]);

    // The stored draft holds both tabs' edits...
    const both = {
      'meta/agency': '同时保存街道',
      'requests/1/0': 11,
      'requests/1/4': 22,
      'sections/overview': 'A窗口写的概述',
      'sections/problems': 'B窗口写的问题',
    };
    await waitStored(a, id, both);
    const saved = await storedDraft(a, id);
    assert.equal(saved.revision, before + 2, 'each tab wrote once: the second over the first, merged');
    // ...and so does each tab's screen, once it has heard of the other's save.
    for (const page of [a, b]) {
      await until(
        async () =>
          (await gridCell(page.locator(cell('1', 'natural'))).inputValue()) === '11' &&
          (await gridCell(page.locator(cell('1', 'legal'))).inputValue()) === '22' &&
          (await page.locator(OVERVIEW).inputValue()) === 'A窗口写的概述' &&
          (await page.locator(PROBLEMS).inputValue()) === 'B窗口写的问题',
        'both edits on screen',
      );
    }
    // The row's total is computed from both, and is no conflict (each tab had changed it).
    assert.equal(saved.report.requests['1'][6], saved.report.requests['1'].slice(0, 6).reduce((s, n) => s + (n ?? 0), 0));
    for (const page of [a, b]) assert.equal(await page.locator('.merge-conflicts').count(), 0, 'different places: no conflict');
    assert.deepEqual(recordA.pageErrors, []);
    assert.deepEqual(recordB.pageErrors, []);
  } finally {
    await context.close();
  }
});
