// Kept batches (issue 18): the supervisor's batch survives a reload, a second batch is named and
// kept beside the first, and a full storage is handled as the editor's drafts are: a message,
// nothing lost in the page, the last good save whole, the batch offered as JSON, and saving
// resumes once there is room. The downloaded JSON reads back as a batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sharedBrowserAndSite, fillStorage, until } from './harness.mjs';
import { fixture, jsonFile, unit, openBatch, waitUntilRead } from './batch-files.mjs';

const env = sharedBrowserAndSite();

const keptBatches = (page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('nianbao:batch:'))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );
// By text content: a row off screen is skipped by the browser, its innerText empty.
const agencies = (page) => page.locator('tr.batch-row td.agency').allTextContents();

test('a batch survives a reload, a second one is named and kept, and a full storage loses nothing', async () => {
  const { context, page, record } = await openBatch(env);
  // Nothing kept and nothing read yet: no batch to choose, open, delete or download.
  const shown = (selector) => page.locator(`.kept-batches ${selector}`).isVisible();
  for (const selector of ['select.kept-list', 'button.open-kept', 'button.remove-kept', 'button.download-batch']) {
    assert.equal(await shown(selector), false, `${selector} with nothing to act on`);
  }
  assert.equal(await shown('input.batch-name'), true);
  const html = { name: '甲镇.html', mimeType: 'text/html', buffer: Buffer.from((await fixture('erdun-2023.html')).replaceAll('额尔敦街道', '东湖镇')) };
  await page.locator('.pick-files input').setInputFiles([
    jsonFile('乙镇.json', await unit('乙镇', 5)),
    jsonFile('丙镇.json', await unit('丙镇', 11)),
    html,
    { name: '随笔.txt', mimeType: 'text/plain', buffer: Buffer.from('今天天气很好。') },
  ]);
  await waitUntilRead(page, 4);
  // Kept at once, under a name made from the year.
  await until(async () => (await keptBatches(page)).length === 1, 'the batch is kept');
  assert.equal((await keptBatches(page))[0].files.length, 4);
  assert.equal(await page.locator('input.batch-name').inputValue(), '2023年 批次（4个文件）');
  for (const selector of ['select.kept-list', 'button.open-kept', 'button.remove-kept', 'button.download-batch']) {
    assert.equal(await shown(selector), true, `${selector} once a batch is read and kept`);
  }
  await page.locator('input.batch-name').fill('2023年 各乡镇');
  await page.locator('input.batch-name').press('Tab');
  await until(async () => (await keptBatches(page))[0].name === '2023年 各乡镇', 'the name is kept');
  const notesBefore = await page.locator('tr.batch-row', { hasText: '甲镇.html' }).locator('td.notes').textContent();
  const agenciesBefore = (await agencies(page)).sort();
  assert.deepEqual(agenciesBefore, ['', '东湖镇', '丙镇', '乙镇'].sort());

  // A reload finds it: the rows, the unreadable file's reason, the import notes, the name.
  await page.reload();
  await page.locator('main.batch-screen').waitFor();
  await until(async () => (await page.locator('tr.batch-row').count()) === 4, 'the batch after the reload');
  assert.deepEqual((await agencies(page)).sort(), agenciesBefore);
  assert.match(await page.locator('tr.batch-row', { hasText: '随笔.txt' }).textContent(), /未能作为年报读取/);
  assert.equal(await page.locator('tr.batch-row', { hasText: '甲镇.html' }).locator('td.notes').textContent(), notesBefore);
  assert.equal(await page.locator('input.batch-name').inputValue(), '2023年 各乡镇');

  // A second batch, named; both are listed.
  await page.locator('button.clear-batch').click();
  assert.equal(await page.locator('tr.batch-row').count(), 0);
  assert.equal(await shown('button.download-batch'), false, 'an emptied batch has nothing to download');
  assert.equal(await shown('button.open-kept'), true, 'the kept batch can still be opened');
  await page.locator('.pick-files input').setInputFiles([jsonFile('丁局.json', await unit('丁局', 3))]);
  await waitUntilRead(page, 1);
  await page.locator('input.batch-name').fill('2023年 各部门');
  await page.locator('input.batch-name').press('Tab');
  await until(async () => (await keptBatches(page)).length === 2, 'the second batch is kept');
  const listed = await page.locator('select.kept-list option').allInnerTexts();
  assert.deepEqual(listed, ['2023年 各部门（1个文件）', '2023年 各乡镇（4个文件）']);

  // After a reload the newest shows; the first opens from the list.
  await page.reload();
  await until(async () => (await page.locator('tr.batch-row').count()) === 1, 'the newest batch after the reload');
  assert.deepEqual(await agencies(page), ['丁局']);
  await page.locator('select.kept-list').selectOption({ label: '2023年 各乡镇（4个文件）' });
  await page.locator('button.open-kept').click();
  await until(async () => (await page.locator('tr.batch-row').count()) === 4, 'the first batch opened');
  assert.equal(await page.locator('input.batch-name').inputValue(), '2023年 各乡镇');

  // Storage full: another app of the origin took the room. A file added is shown, the save is
  // refused with a message, the last good save stays whole, the batch is offered as JSON.
  const fillers = await page.evaluate(fillStorage);
  await page.locator('.pick-files input').setInputFiles([jsonFile('戊镇.json', await unit('戊镇', 8))]);
  // (The count of files read starts again with each batch opened.)
  await waitUntilRead(page, 1);
  await page.locator('.banner-full').waitFor();
  assert.match(await page.locator('.banner-full').innerText(), /存储空间已满/);
  assert.equal(await page.locator('tr.batch-row').count(), 5);
  const stored = (await keptBatches(page)).find((b) => b.name === '2023年 各乡镇');
  assert.equal(stored.files.length, 4, 'the last good save is whole');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.banner-full button.download-batch').click()]);
  assert.match(download.suggestedFilename(), /2023年 各乡镇.*\.json$/);
  const rescued = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(rescued.format, 'nianbao-batch');
  assert.equal(rescued.files.length, 5);

  // Room again: the next change saves, the banner goes.
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), fillers);
  await page.locator('.pick-files input').setInputFiles([jsonFile('己镇.json', await unit('己镇', 2))]);
  await waitUntilRead(page, 2);
  await until(async () => (await keptBatches(page)).find((b) => b.name === '2023年 各乡镇').files.length === 6, 'saving resumes');
  assert.equal(await page.locator('.banner-full').count(), 0);

  // The rescued JSON, picked into a new batch, gives back its five rows.
  await page.locator('button.clear-batch').click();
  await page.locator('.pick-files input').setInputFiles([await download.path()]);
  await until(async () => (await page.locator('tr.batch-row').count()) === 5, 'the rescued batch read back');
  assert.ok((await agencies(page)).includes('戊镇'));

  assert.deepEqual(record.pageErrors, []);
  await context.close();
});
