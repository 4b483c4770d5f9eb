// The supervisor's region view (issue 18): the 50-file batch's units side by side on the
// indicators, with the region's median and quartiles, a planted outlier marked with its reason,
// a planted department that reports the region's own fee flagged, a unit missing against last
// year, charts that print their numbers, the view as CSV and as a printable page; axe-core clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { sharedBrowserAndSite, axeViolations } from './harness.mjs';
import { seedJson, jsonFile, unit, openBatch, waitUntilRead, fiftyFiles, onDisk } from './batch-files.mjs';

const env = sharedBrowserAndSite();

/** Excel's QUARTILE.INC, computed here apart from the app. */
function quartile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

test('the region view of the 50-file batch: medians, a planted outlier and a fee copied from the region, charts with their numbers, exports, axe-core clean', async () => {
  const { context, page, record } = await openBatch(env, { axe: true });
  const files = await fiftyFiles();
  const replace = async (name, newName, report) => {
    const at = files.findIndex((f) => f.name === name);
    assert.ok(at >= 0, name);
    files[at] = jsonFile(newName, report);
  };
  // The region's own report, with a fee and a licensing count of its own.
  await replace('单位1.json', '县政府.json', await seedJson((r) => {
    r.meta.agency = '测试县人民政府';
    r.meta.agency_kind = 'county_gov';
    r.active.fees = '12.5';
    r.active.licensing = 500;
  }));
  // A department that reported the region's fee as its own.
  const copier = await unit('测试单位9', 9);
  copier.active.fees = '12.5';
  await replace('单位9.json', '单位9.json', copier);
  // An outlier: 20 requests, 2 disclosed, 18 withheld (公开率 10% where every other unit has 100%).
  const outlier = await unit('测试单位5', 20);
  outlier.requests['3.1'] = [2, 0, 0, 0, 0, 0, 2];
  outlier.requests['3.3.1'] = [18, 0, 0, 0, 0, 0, 18];
  await replace('单位5.json', '单位5.json', outlier);
  // Last year: the outlier's own report, and a unit that has none this year.
  const lastYear = await unit('测试单位5', 9);
  lastYear.meta.year = 2022;
  await replace('随笔.txt', '单位5-2022.json', lastYear);
  const gone = await unit('已撤并单位', 4);
  gone.meta.year = 2022;
  await replace('二进制.bin', '已撤并单位-2022.json', gone);
  assert.equal(files.length, 50);

  const { dir, paths } = await onDisk(files);
  await page.locator('.pick-files input').setInputFiles(paths);
  await waitUntilRead(page, 50);
  await page.locator('button.open-region').click();
  await page.locator('main.region-screen').waitFor();
  // The year most units report on, 2023; the region's own report chosen by the user.
  assert.equal(await page.locator('select.region-year').inputValue(), '2023');
  await page.locator('select.region-own').selectOption({ label: '测试县人民政府（2023）' });

  // One row per unit of 2023 (29 JSON units, 12 copies of the seed), the region's own not among them.
  const units = await page.locator('.region-scroll tr.unit th').allInnerTexts();
  assert.equal(units.length, 41);
  assert.ok(!units.includes('测试县人民政府'));

  // The median of 本年新收申请, computed here: units 2–30 received their number (unit 5: 20), the
  // seed's copies none.
  const received = [];
  for (let i = 2; i <= 30; i++) received.push(i === 5 ? 20 : i);
  for (let i = 0; i < 12; i++) received.push(0);
  const column = await page.locator('th[data-indicator]').evaluateAll((ths) => ths.map((th) => th.dataset.indicator));
  // (The agency's column is the first: its cells are headers, so a unit's figures are its td.)
  const at = column.indexOf('requests-new');
  const statCell = (row, index) => page.locator('.region-scroll tr.stat').nth(row).locator('td').nth(index - 1);
  const show = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  assert.equal(await statCell(0, at).innerText(), show(quartile(received, 0.5)));
  assert.equal(await statCell(1, at).innerText(), show(quartile(received, 0.25)));
  assert.equal(await statCell(2, at).innerText(), show(quartile(received, 0.75)));
  const rate = column.indexOf('disclosure-rate');
  assert.equal(await statCell(0, rate).innerText(), '100.0%');

  // The outlier is marked in its cell and in the flags, with the reason in words.
  const outlierRow = page.locator('.region-scroll tr.unit', { has: page.locator('th', { hasText: /^测试单位5$/ }) });
  const rateCell = outlierRow.locator('td').nth(rate - 1);
  assert.equal(await rateCell.getAttribute('class'), 'out');
  assert.match(await rateCell.innerText(), /10\.0% ◇\s*低于通常范围/);
  assert.match(await rateCell.getAttribute('title'), /公开率 10\.0%，全区中位数 100\.0%（低于通常范围）/);
  // Its 2022 report is in the batch: its text repeat against it (the seed's text both years).
  const repeat = column.indexOf('text-repeat');
  assert.equal(await outlierRow.locator('td').nth(repeat - 1).innerText(), '100.0%');
  const flags = await page.locator('.region-flags li').allInnerTexts();
  assert.ok(flags.some((f) => /^测试单位5（公开率）：公开率 10\.0%，全区中位数 100\.0%/.test(f)), flags.join('\n'));
  // The department that carries the region's fee, and no other unit (their fee is 0).
  const feeFlags = flags.filter((f) => f.includes('与全区（测试县人民政府）的数字相同'));
  assert.deepEqual(feeFlags.map((f) => f.split('：')[0]), ['测试单位9（行政事业性收费）']);
  assert.match(feeFlags[0], /行政事业性收费 12\.5/);
  // Last year's unit missing this year.
  assert.ok(flags.some((f) => f.startsWith('已撤并单位：上年有报告，本批次中没有')), flags.join('\n'));

  // Sorting: by 本年新收申请, largest first, then smallest first.
  const header = page.locator('th[data-indicator="requests-new"] button.sort');
  await header.click();
  assert.equal(await page.locator('th[data-indicator="requests-new"]').getAttribute('aria-sort'), 'descending');
  assert.equal(await page.locator('.region-scroll tr.unit th').first().innerText(), '测试单位30');
  await header.click();
  assert.equal(await page.locator('th[data-indicator="requests-new"]').getAttribute('aria-sort'), 'ascending');
  assert.equal((await page.locator('.region-scroll tr.unit').first().locator('td').nth(at - 1).innerText()), '0');

  // The distribution chart prints the median and the outlier; the trend prints both years.
  await page.locator('select.chart-indicator').selectOption({ label: '公开率' });
  const distribution = await page.locator('.distribution-chart svg').textContent();
  assert.match(distribution, /100\.0%/);
  assert.match(distribution, /测试单位5/);
  assert.match(distribution, /10\.0%/);
  await page.locator('select.chart-indicator').selectOption({ label: '本年新收申请' });
  assert.match(await page.locator('.distribution-chart svg').textContent(), new RegExp(`\\b${show(quartile(received, 0.5))}\\b`));
  await page.locator('select.chart-unit').selectOption('测试单位5');
  const trend = await page.locator('.trend-chart svg').textContent();
  assert.match(trend, /2022/);
  assert.match(trend, /2023/);
  assert.match(trend, /\b9\b/);
  assert.match(trend, /\b20\b/);

  // The charts as files: the SVG with its numbers, the PNG a picture.
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('.trend-chart button.save-svg').click()]);
  assert.match(svgDownload.suggestedFilename(), /^趋势-测试单位5-本年新收申请\.svg$/);
  const savedSvg = await readFile(await svgDownload.path(), 'utf8');
  assert.match(savedSvg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(savedSvg, />20</);
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('.distribution-chart button.save-png').click()]);
  assert.match(pngDownload.suggestedFilename(), /^分布-本年新收申请\.png$/);
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.ok(png.length > 2000, `a PNG of ${png.length} bytes`);

  assert.deepEqual(await axeViolations(page), []);

  // The view as CSV, read as Excel or WPS would (Python's csv module).
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-region-csv').click()]);
  assert.match(csvDownload.suggestedFilename(), /^地区概览-.*\.csv$/);
  const rows = JSON.parse(
    execFileSync('python3', [
      '-c',
      'import csv, json, sys\n' +
        'with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:\n' +
        '    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))',
      await csvDownload.path(),
    ]).toString('utf8'),
  );
  const csvHeader = rows[0];
  const csvAt = csvHeader.findIndex((h) => h.startsWith('本年新收申请'));
  assert.ok(csvAt > 0, csvHeader.join(','));
  assert.equal(rows.find((r) => r[0] === '测试单位5')[csvAt], '20');
  assert.equal(rows.find((r) => r[0] === '中位数')[csvAt], show(quartile(received, 0.5)));
  // The printable page: the table, the flags and the charts, no script.
  const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-region-html').click()]);
  const html = await readFile(await htmlDownload.path(), 'utf8');
  assert.match(html, /<svg/);
  assert.match(html, /与全区（测试县人民政府）的数字相同/);
  assert.doesNotMatch(html, /<script/);

  assert.deepEqual(record.pageErrors, []);
  await context.close();
  await rm(dir, { recursive: true });
});
