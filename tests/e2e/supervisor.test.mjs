// The supervisor's journeys (issue 9): many files checked at once without freezing the page,
// the table as CSV read back by Python's csv module, a summary report built from three units and
// checked against them (H-sum), and two years of one agency side by side.
//
// Files are made from the seed report (batch-files.mjs). The rows are read by their text content:
// the browser skips a row off screen (content-visibility), and its innerText is then empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { sharedBrowserAndSite, openEditor, requestCell, axeViolations } from './harness.mjs';
import { seedJson, jsonFile, unit, openBatch, rowOf, waitUntilRead, fiftyFiles, onDisk, fixture } from './batch-files.mjs';

const env = sharedBrowserAndSite();

test('50 mixed files, some broken, give a complete table while the page keeps answering, and the CSV reads back with its Chinese', async () => {
  const { context, page, record } = await openBatch(env);
  const files = await fiftyFiles();

  // An old government laptop: the CPU four times slower.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  // From disk, as a user picks them (handed over as buffers, Playwright would decode the 6 MB
  // one in the page itself, a multi-second task of its own).
  const { dir, paths } = await onDisk(files);
  await page.locator('.pick-files input').setInputFiles(paths);
  // While the files are read, a click on the language switch is answered.
  let answeredWhileReading = 0;
  for (let tries = 0; tries < 100; tries++) {
    const before = await page.evaluate(() => document.documentElement.lang);
    await page.locator('button.switch-language').click();
    const state = await page.evaluate(() => {
      const p = document.querySelector('.batch-progress');
      return { lang: document.documentElement.lang, done: Number(p?.dataset.done), total: Number(p?.dataset.total) };
    });
    if (state.done >= state.total) break;
    if (state.lang !== before) answeredWhileReading++;
  }
  assert.ok(answeredWhileReading >= 1, 'no click was answered while the files were being read');
  await waitUntilRead(page, 50);
  const longest = await page.evaluate(() => window.__longestTask);
  console.log(`# batch of 50 files at 4× CPU throttling: ${answeredWhileReading} clicks answered while reading; longest task ${Math.round(longest)} ms`);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // Back to Chinese for the checks below.
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'zh-CN') await page.locator('button.switch-language').click();
  // The rows follow the page's language a slice at a time (a task each).
  await page.locator('table.batch-table[data-rows-lang="zh-CN"]').waitFor();

  // A complete table: a row per file, the broken ones saying why.
  await assert.doesNotReject(page.locator('tr.batch-row').nth(49).waitFor());
  assert.equal(await page.locator('tr.batch-row').count(), 50);
  assert.equal(await page.locator('tr.batch-row.unread').count(), 8);
  assert.match(await rowOf(page, '截图.png').textContent(), /PNG 图片/);
  assert.match(await rowOf(page, '新版本.json').textContent(), /版本 99/);
  assert.match(await rowOf(page, '太大.txt').textContent(), /超过 5 MB/);
  assert.equal((await rowOf(page, '文字3.txt').locator('td.agency').textContent()).trim(), '南湖街道');
  assert.equal((await rowOf(page, '网页2.html').locator('td.agency').textContent()).trim(), '西城镇');
  assert.equal((await rowOf(page, '网页4.html').locator('td.agency').textContent()).trim(), '北山镇');
  assert.equal((await rowOf(page, '文字8.txt').locator('td.agency').textContent()).trim(), '长安街道');
  // Four bytes of GBK that decode to 「年报」: text, but not a report.
  assert.match(await rowOf(page, 'gbk.txt').textContent(), /未能作为年报读取/);
  assert.equal((await rowOf(page, '单位7.json').locator('td.agency').textContent()).trim(), '测试单位7');

  // In English every row follows, its names still marked as Chinese; and back.
  await page.locator('button.switch-language').click();
  await page.locator('table.batch-table[data-rows-lang="en"]').waitFor();
  for (const row of await page.locator('tr.batch-row:not(.unread)').all()) {
    assert.equal((await row.locator('button.show-findings').textContent()).trim(), 'Findings');
  }
  assert.match(await rowOf(page, '截图.png').textContent(), /PNG/);
  assert.doesNotMatch(await rowOf(page, '截图.png').textContent(), /图片/);
  assert.equal(await rowOf(page, '单位7.json').locator('td.agency').getAttribute('lang'), 'zh-CN');
  assert.equal(await rowOf(page, '单位7.json').evaluate((row) => row.closest('tbody').lang), 'en');
  await page.locator('button.switch-language').click();
  await page.locator('table.batch-table[data-rows-lang="zh-CN"]').waitFor();
  assert.equal((await rowOf(page, '单位7.json').locator('button.show-findings').textContent()).trim(), '查看问题');

  // Filter and sort.
  await page.locator('select.batch-filter').selectOption('unread');
  assert.equal(await page.locator('tr.batch-row').count(), 8);
  await page.locator('select.batch-filter').selectOption('all');
  await page.locator('.batch-filter-text').fill('镇');
  assert.equal(await page.locator('tr.batch-row').count(), 4);
  await page.locator('.batch-filter-text').fill('');
  await page.locator('th button.sort', { hasText: '机关' }).click();
  const agencies = await page.locator('tr.batch-row:not(.unread) td.agency').allTextContents();
  assert.deepEqual(agencies, [...agencies].sort());

  // A row's findings open under it.
  await rowOf(page, '文字3.txt').locator('button.show-findings').click();
  // The row's findings are listed with their rule ids (the seed's text: its 一 is over 1,000
  // characters).
  assert.match(await page.locator('.batch-details').innerText(), /T-overview-length/);

  // The CSV, as Excel or WPS would read it, read by Python's csv module.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-csv').click()]);
  assert.match(download.suggestedFilename(), /^年报批量检查-.*\.csv$/);
  const path = await download.path();
  const raw = await readFile(path);
  assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 byte-order mark');
  const read = JSON.parse(
    execFileSync('python3', [
      '-c',
      'import csv, json, sys\n' +
        'with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:\n' +
        '    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))',
      path,
    ]).toString('utf8'),
  );
  assert.equal(read.length, 51);
  assert.deepEqual(read[0].slice(0, 6), ['序号', '文件', '机关', '年度', '错误', '警告']);
  const unit7 = read.find((row) => row[1] === '单位7.json');
  assert.equal(unit7[2], '测试单位7');
  assert.equal(unit7[3], '2023');
  const png = read.find((row) => row[1] === '截图.png');
  assert.match(png[8], /PNG 图片/);

  // And the printable table.
  const [printable] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-table-html').click()]);
  const html = await readFile(await printable.path(), 'utf8');
  assert.equal((html.match(/<tr/g) ?? []).length, 51);
  assert.doesNotMatch(html, /<script/);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
  await rm(dir, { recursive: true });
});

test('a published page of the batch opened as a draft keeps its import notes among the draft\'s findings', async () => {
  // 三明市 2021, one cell per line, four numbers of table 三 split over two lines (I-derived).
  const text = await readFile(new URL('../../crates/report/tests/corpus/full/2021-sanming-shizhengfu.txt', import.meta.url));
  const { context, page, record } = await openBatch(env);
  await page.locator('.pick-files input').setInputFiles([{ name: '三明市2021.txt', mimeType: 'text/plain', buffer: text }]);
  await waitUntilRead(page, 1);
  const [editor] = await Promise.all([context.waitForEvent('page'), rowOf(page, '三明市2021.txt').locator('button.open-draft').click()]);
  await editor.locator('h1.report-title').waitFor();
  assert.equal(await requestCell(editor, '1', 'total').inputValue(), '162');
  const derived = editor.locator('.findings .finding-link[data-rule="I-derived"]');
  await derived.first().waitFor();
  assert.equal(await derived.count(), 3);
  assert.match(await editor.locator('button.dismiss-import-notes').textContent(), /条导入说明/);
  await editor.close();
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test('a summary built from three units has their sums and passes H-sum; a changed unit makes it fail naming that unit', async () => {
  const { context, page, record } = await openBatch(env);
  await page.locator('.pick-files input').setInputFiles([
    jsonFile('甲镇.json', await unit('甲镇', 3)),
    jsonFile('乙镇.json', await unit('乙镇', 5)),
    jsonFile('丙镇.json', await unit('丙镇', 11)),
  ]);
  await waitUntilRead(page, 3);
  await page.locator('input.tick-all').check();
  await page.locator('input.summary-agency').fill('某县人民政府');
  await page.locator('button.build-summary').click();
  const result = page.locator('.summary-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-passed'), 'true');
  assert.match(await result.innerText(), /与 3 个单位核对（甲镇、乙镇、丙镇）/);
  assert.match(await result.innerText(), /核对通过/);

  // The summary is a row of the batch; opened as a draft (in the editor, in a new tab, so that
  // the batch stays), its cells are the sums.
  const summaryRow = rowOf(page, '汇总：某县人民政府');
  const [editor] = await Promise.all([context.waitForEvent('page'), summaryRow.locator('button.open-draft').click()]);
  await editor.locator('h1.report-title').waitFor();
  assert.equal(await requestCell(editor, '1', 'natural').inputValue(), '19');
  assert.equal(await requestCell(editor, '3.1', 'total').inputValue(), '19');
  assert.equal(await editor.locator('[id="meta-agency"]').inputValue(), '某县人民政府');
  await editor.close();

  // 乙镇 sends a corrected report: the summary no longer adds up, and H-sum says where and who.
  assert.equal(await page.locator('tr.batch-row').count(), 4);
  await page.locator('.pick-files input').setInputFiles([jsonFile('乙镇-更正.json', await unit('乙镇', 7))]);
  await waitUntilRead(page, 4);
  await page.locator('tr.batch-row').nth(4).waitFor();
  await rowOf(page, '乙镇.json').locator('input.tick').uncheck();
  await rowOf(page, '乙镇-更正.json').locator('input.tick').check();
  await page.locator('button.check-summary').click();
  await page.waitForFunction(() => document.querySelector('.summary-result')?.dataset.passed === 'false');
  const failed = await page.locator('.summary-result').innerText();
  assert.match(failed, /H-sum/);
  assert.match(failed, /一 自然人：汇总报告为19，各单位合计为21，相差2/);
  assert.match(failed, /乙镇 7/);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test('two years of one agency side by side show every cell with last year and the carry-over mismatch', async () => {
  const { context, page, record } = await openBatch(env);
  const lastYear = await seedJson(() => {});
  // 2024 says 2 requests were carried over from 2023, but 2023 carried none to the next year.
  const thisYear = await seedJson((r) => {
    r.meta.year = 2024;
    r.requests['2'][0] = 2;
    r.requests['2'][6] = 2;
  });
  await page.locator('.pick-files input').setInputFiles([jsonFile('额尔敦-2024.json', thisYear), jsonFile('额尔敦-2023.json', lastYear)]);
  await waitUntilRead(page, 2);
  const row2024 = rowOf(page, '额尔敦-2024.json');
  await row2024.locator('button.show-findings').click();
  assert.match(await page.locator('.batch-details').innerText(), /已与上年报告核对：额尔敦-2023\.json/);
  await row2024.locator('button.compare').click();
  const screen = page.locator('main.compare-screen');
  await screen.waitFor();
  assert.match(await screen.locator('h1').innerText(), /额尔敦街道：2024年度与2023年度对比/);
  const findings = await screen.locator('.compare-findings').innerText();
  assert.match(findings, /X-carry-over/);
  assert.match(findings, /本年二\(2\)应等于上年四\(0\)，相差2/);
  // Same text both years: T-repeat, and the repeated passages marked.
  assert.match(findings, /T-repeat/);
  assert.ok((await screen.locator('.marked-text mark').count()) > 0);
  // Every value cell of 三 shows this year, last year and the change.
  const table = screen.locator('table.table-requests');
  assert.equal(await table.locator('span.this-year').count(), 175);
  assert.ok((await table.locator('td', { hasText: '+2' }).count()) >= 1);
  await screen.locator('button.back').click();
  await page.locator('main.batch-screen').waitFor();
  assert.equal(await page.locator('tr.batch-row').count(), 2);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test("the editor opens its draft beside last year's draft, and comes back to it", async () => {
  const { context, page, record } = await openEditor(env);
  const lastYear = await seedJson(() => {});
  const thisYear = await seedJson((r) => {
    r.meta.year = 2024;
    r.requests['2'][0] = 2;
    r.requests['2'][6] = 2;
  });
  // Both years imported as drafts; the last one imported is open.
  for (const [name, report] of [['2023.json', lastYear], ['2024.json', thisYear]]) {
    await page.locator('.import-json input').first().setInputFiles([jsonFile(name, report)]);
    await page.waitForFunction((year) => document.querySelector('[id="meta-year"]')?.value === String(year), report.meta.year);
  }
  const draftAddress = page.url();
  await page.locator('button.compare-last-year').click();
  const screen = page.locator('main.compare-screen');
  await screen.waitFor();
  assert.match(await screen.locator('h1').innerText(), /额尔敦街道：2024年度与2023年度对比/);
  assert.match(await screen.locator('.compare-findings').innerText(), /本年二\(2\)应等于上年四\(0\)，相差2/);
  await screen.locator('button.back').click();
  await page.locator('h1.report-title').waitFor();
  assert.equal(page.url(), draftAddress);
  assert.equal(await page.locator('[id="meta-year"]').inputValue(), '2024');
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test('without last year\'s report the comparison says where to find one, and back leads to the draft', async () => {
  const { context, page, record } = await openEditor(env);
  const blankAddress = page.url();
  await page.locator('.import-json input').first().setInputFiles([jsonFile('2023.json', await seedJson(() => {}))]);
  // The imported report's own draft (the import is a part fetched on first use: not at once).
  await page.waitForFunction((blank) => location.href !== blank && location.hash.startsWith('#draft='), blankAddress);
  const draftAddress = page.url();
  await page.locator('button.compare-last-year').click();
  await page.locator('main.batch-screen').waitFor();
  assert.match(await page.locator('.banner-notice').innerText(), /没有找到上年的报告/);
  await page.locator('a.back-to-editor').click();
  await page.locator('h1.report-title').waitFor();
  assert.equal(page.url(), draftAddress);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test('a report that carries last year\'s own (a draft begun from last year\'s) is compared with it', async () => {
  const { context, page, record } = await openBatch(env);
  const lastYear = await seedJson(() => {});
  const thisYear = await seedJson((r) => {
    r.meta.year = 2024;
    r.requests['2'][0] = 2;
    r.requests['2'][6] = 2;
    r.last_year = { meta: lastYear.meta, sections: lastYear.sections, active: lastYear.active, requests: lastYear.requests, appeals: lastYear.appeals };
  });
  await page.locator('.pick-files input').setInputFiles([jsonFile('额尔敦-2024-草稿.json', thisYear)]);
  await waitUntilRead(page, 1);
  await rowOf(page, '额尔敦-2024-草稿.json').locator('button.compare').click();
  const screen = page.locator('main.compare-screen');
  await screen.waitFor();
  assert.match(await screen.locator('h1').innerText(), /2024年度与2023年度对比/);
  assert.match(await screen.locator('.compare-findings').innerText(), /本年二\(2\)应等于上年四\(0\)，相差2/);
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test('reading many files can be stopped: the rows read stay, the rest are counted out and said', async () => {
  const { context, page, record } = await openBatch(env);
  const report = await seedJson(() => {});
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const files = Array.from({ length: 60 }, (_, i) => jsonFile(`${String(i).padStart(2, '0')}.json`, report));
  await page.locator('.pick-files input').setInputFiles(files);
  await page.locator('.batch-progress button.stop-reading').click();
  await page.locator('.batch-progress button.stop-reading').waitFor({ state: 'detached' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const progress = page.locator('.batch-progress');
  const [done, total] = [Number(await progress.getAttribute('data-done')), Number(await progress.getAttribute('data-total'))];
  assert.equal(done, total, 'the count ends with what was read');
  assert.ok(done > 0 && done < 60, `${done} of 60 read before the stop`);
  assert.equal(await page.locator('tr.batch-row').count(), done);
  assert.match(await page.locator('.banner-notice').innerText(), new RegExp(`已停止读取，${60 - done}个文件未读取`));
  assert.equal(await page.locator('.banner-notice').getAttribute('role'), 'status');
  assert.deepEqual(record.pageErrors, []);
  await context.close();
});

test('a batch of 230 files shows 100 rows a page: the pages go forward and back, a sort starts again at the first, and 全选 and the counts take every row', async () => {
  const { context, page, record } = await openBatch(env, { axe: true });
  try {
    const files = [];
    for (let i = 1; i <= 230; i++) {
      const agency = `单位${String(i).padStart(3, '0')}`;
      files.push(jsonFile(`${agency}.json`, await seedJson((r) => { r.meta.agency = agency; })));
    }
    await page.locator('.pick-files input').setInputFiles(files);
    await waitUntilRead(page, 230);
    const table = page.locator('table.batch-table');
    assert.equal(await table.getAttribute('data-rows'), '230');
    assert.equal(await page.locator('tr.batch-row').count(), 100);
    const status = page.locator('.batch-pages .page-rows');
    assert.equal(await status.innerText(), '第 1–100 行，共 230 行');
    assert.ok(await page.locator('button.previous-page').isDisabled());
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('button.next-page').click();
    assert.equal(await status.innerText(), '第 101–200 行，共 230 行');
    assert.equal((await page.locator('tr.batch-row td.agency').first().textContent()).trim(), '单位101');
    await page.locator('button.next-page').click();
    assert.equal(await status.innerText(), '第 201–230 行，共 230 行');
    assert.equal(await page.locator('tr.batch-row').count(), 30);
    assert.ok(await page.locator('button.next-page').isDisabled());
    await page.locator('button.previous-page').click();
    assert.equal(await status.innerText(), '第 101–200 行，共 230 行');

    // Largest first by agency: back to the first page, 单位230 on top.
    await page.locator('th button.sort', { hasText: '机关' }).click();
    await page.locator('th button.sort', { hasText: '机关' }).click();
    assert.equal(await status.innerText(), '第 1–100 行，共 230 行');
    assert.equal((await page.locator('tr.batch-row td.agency').first().textContent()).trim(), '单位230');

    // A filter of fewer than a page: no pager.
    await page.locator('input.batch-filter-text').fill('单位22');
    assert.equal(await table.getAttribute('data-rows'), '10');
    assert.equal(await page.locator('.batch-pages').count(), 0);
    await page.locator('input.batch-filter-text').fill('');

    // 全选 ticks the rows of every page.
    await page.locator('input.tick-all').check();
    assert.equal(await page.locator('tr.batch-row input.tick:checked').count(), 100);
    await page.locator('button.next-page').click();
    await page.locator('button.next-page').click();
    assert.equal(await page.locator('tr.batch-row input.tick:checked').count(), 30);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a picked folder is read with its subfolders: its report files in the order of their paths, the other files counted in a notice; a closed picker changes nothing, a refused folder says so', async () => {
  const { context, page, record } = await openBatch(env);
  try {
    // Chromium has the folder picker; the test's picker hands the page a folder of the origin's
    // private file system, written here, as the user's folder.
    await page.locator('button.pick-folder').waitFor();
    const published = await fixture('erdun-2023.html');
    const files = [
      ['', '乙镇.json', JSON.stringify(await unit('乙镇', 5))],
      ['', '甲镇-网页.HTML', published],
      ['', '甲镇-年报.docx', 'PK\u0003\u0004 not a report'],
      ['', 'desktop.ini', '[.ShellClassInfo]'],
      ['下级单位', '丙村.json', JSON.stringify(await unit('丙村', 2))],
      ['下级单位', '丙村.pdf', '%PDF-1.7'],
    ];
    await page.evaluate(async (files) => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle('报送', { create: true });
      for (const [sub, name, text] of files) {
        const dir = sub ? await folder.getDirectoryHandle(sub, { create: true }) : folder;
        const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
      window.showDirectoryPicker = async () => folder;
    }, files);
    await page.locator('button.pick-folder').click();
    await waitUntilRead(page, 3);
    // As the files came: by their path in the folder (下级单位/丙村.json, 乙镇.json, 甲镇-网页.HTML).
    const names = await page.locator('tr.batch-row td.file').allTextContents();
    assert.deepEqual(names.map((name) => name.trim()), ['丙村.json', '乙镇.json', '甲镇-网页.HTML']);
    assert.match(await page.locator('.banner-notice').innerText(), /读取文件夹中的3个文件；另有3个其他类型的文件（如 Word、PDF）未读取/);
    assert.equal(await rowOf(page, '乙镇.json').count(), 1);
    assert.equal(await rowOf(page, '丙村.json').count(), 1);
    assert.equal(await rowOf(page, '甲镇-网页.HTML').count(), 1);
    assert.match(await rowOf(page, '甲镇-网页.HTML').textContent(), /额尔敦/);

    // The picker closed: nothing changes, nothing is said.
    await page.evaluate(() => { window.showDirectoryPicker = async () => { throw new DOMException('closed', 'AbortError'); }; });
    const noticeBefore = await page.locator('.banner-notice').innerText();
    await page.locator('button.pick-folder').click();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('tr.batch-row').count(), 3);
    assert.equal(await page.locator('.banner-notice').innerText(), noticeBefore);
    // The browser refuses the folder: the user is told why.
    await page.evaluate(() => { window.showDirectoryPicker = async () => { throw new DOMException('系统文件夹不可选', 'SecurityError'); }; });
    await page.locator('button.pick-folder').click();
    await page.locator('.banner-notice', { hasText: '未能读取文件夹：系统文件夹不可选' }).waitFor();
    assert.equal(await page.locator('tr.batch-row').count(), 3);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('without the browser\'s folder picker (as in Firefox), 选择文件夹… is a file input that takes a folder: its report files in the order of their paths, the others counted', async () => {
  const { context, page, record } = await openEditor(env);
  const { dir } = await onDisk([]);
  try {
    // The supervisor's page opened in a browser without showDirectoryPicker.
    await context.addInitScript(() => { delete Window.prototype.showDirectoryPicker; delete window.showDirectoryPicker; });
    await page.locator('button.batch-check').click();
    await page.locator('main.batch-screen').waitFor();
    const input = page.locator('label.pick-folder input[type=file]');
    await input.waitFor({ state: 'attached' });
    assert.equal(await page.locator('button.pick-folder').count(), 0);
    assert.equal(await input.evaluate((el) => el.webkitdirectory), true);
    const folder = join(dir, '报送');
    await mkdir(join(folder, '下级单位'), { recursive: true });
    const files = [
      ['乙镇.json', JSON.stringify(await unit('乙镇', 5))],
      ['甲镇-网页.HTML', await fixture('erdun-2023.html')],
      ['甲镇-年报.docx', 'PK\u0003\u0004 not a report'],
      ['desktop.ini', '[.ShellClassInfo]'],
      ['下级单位/丙村.json', JSON.stringify(await unit('丙村', 2))],
      ['下级单位/丙村.pdf', '%PDF-1.7'],
    ];
    for (const [name, text] of files) await writeFile(join(folder, name), text);
    await input.setInputFiles(folder);
    await waitUntilRead(page, 3);
    // By their path in the folder (下级单位/丙村.json, 乙镇.json, 甲镇-网页.HTML), as the picker's way.
    const names = await page.locator('tr.batch-row td.file').allTextContents();
    assert.deepEqual(names.map((name) => name.trim()), ['丙村.json', '乙镇.json', '甲镇-网页.HTML']);
    assert.match(await page.locator('.banner-notice').innerText(), /读取文件夹中的3个文件；另有3个其他类型的文件（如 Word、PDF）未读取/);
    assert.match(await rowOf(page, '甲镇-网页.HTML').textContent(), /额尔敦/);
    // The input is cleared: the same folder picked again is read again.
    assert.equal(await input.evaluate((el) => el.files.length), 0);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("files picked in Chromium's own picker are taken one by one, in the picker's order; a closed picker changes nothing; a refused picker says so and the next press opens the file input", async () => {
  const { context, page, record } = await openBatch(env);
  try {
    // The test's picker hands the page files of the origin's private file system, written here,
    // as the user's files (Playwright cannot answer Chromium's own picker).
    const published = await fixture('erdun-2023.html');
    const files = [
      ['乙镇.json', JSON.stringify(await unit('乙镇', 5))],
      ['甲镇-网页.html', published],
      ['丙村.json', JSON.stringify(await unit('丙村', 2))],
    ];
    await page.evaluate(async (files) => {
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle('所选', { create: true });
      const handles = [];
      for (const [name, text] of files) {
        const handle = await folder.getFileHandle(name, { create: true });
        const writable = await handle.createWritable();
        await writable.write(text);
        await writable.close();
        handles.push(handle);
      }
      window.__pickerCalls = [];
      window.showOpenFilePicker = async (options) => { window.__pickerCalls.push(options); return handles; };
    }, files);
    // The input's own chooser must not open beside the picker.
    let inputChoosers = 0;
    const countChooser = () => { inputChoosers += 1; };
    page.on('filechooser', countChooser);
    await page.locator('.pick-files').click();
    await waitUntilRead(page, 3);
    const names = await page.locator('tr.batch-row td.file').allTextContents();
    assert.deepEqual(names.map((name) => name.trim()), ['乙镇.json', '甲镇-网页.html', '丙村.json']);
    assert.match(await page.locator('.banner-notice').innerText(), /读取所选的3个文件/);
    assert.match(await rowOf(page, '甲镇-网页.html').textContent(), /额尔敦/);
    // Several files at once, the report types offered, the picker opening where it was last used.
    const [options] = await page.evaluate(() => window.__pickerCalls);
    assert.equal(options.multiple, true);
    assert.equal(options.id, 'nianbao-reports');
    assert.deepEqual(options.types[0].accept, { 'application/json': ['.json'], 'text/plain': ['.txt'], 'text/html': ['.htm', '.html'] });

    // From the keyboard (the input inside the button has the focus): the same picker; closed, nothing changes.
    await page.evaluate(() => { window.showOpenFilePicker = async (options) => { window.__pickerCalls.push(options); throw new DOMException('closed', 'AbortError'); }; });
    const noticeBefore = await page.locator('.banner-notice').innerText();
    await page.locator('.pick-files input').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__pickerCalls.length === 2);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('tr.batch-row').count(), 3);
    assert.equal(await page.locator('.banner-notice').innerText(), noticeBefore);
    assert.equal(inputChoosers, 0);
    page.off('filechooser', countChooser);

    // The browser refuses its picker: the user is told, and the next press opens the file input.
    await page.evaluate(() => { window.showOpenFilePicker = async () => { throw new DOMException('不允许选择文件', 'SecurityError'); }; });
    await page.locator('.pick-files').click();
    await page.locator('.banner-notice', { hasText: '未能取得所选的文件：不允许选择文件' }).waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.pick-files').click()]);
    assert.equal(chooser.isMultiple(), true);
    await chooser.setFiles([jsonFile('丁村.json', await unit('丁村', 1))]);
    await waitUntilRead(page, 4);
    assert.equal(await rowOf(page, '丁村.json').count(), 1);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
