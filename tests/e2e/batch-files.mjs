// The files of the supervisor's batches, made from the seed report (tests/e2e/fixtures: its
// JSON by `nianbao import`, its printable HTML by `nianbao render`, and the seed's text): shared
// by the batch, region-view and kept-batch journeys.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { openEditor, AXE_SCRIPT } from './harness.mjs';

export const fixture = (name) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SEED_TEXT = readFile(new URL('../../crates/report/tests/fixtures/erdun-2023.txt', import.meta.url), 'utf8');

/** The seed as a report JSON, changed by `change` (agency, year, cells). */
export async function seedJson(change) {
  const report = JSON.parse(await fixture('erdun-2023.json'));
  change(report);
  return report;
}

export const jsonFile = (name, report) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(report, null, 2)),
});

/** A unit's report with `received` requests from natural persons, all of them answered 予以公开. */
export function unit(agency, received) {
  return seedJson((r) => {
    r.meta.agency = agency;
    r.requests['1'][0] = received;
    r.requests['1'][6] = received;
    r.requests['3.1'][0] = received;
    r.requests['3.1'][6] = received;
    r.requests['3.7'][0] = received;
    r.requests['3.7'][6] = received;
  });
}

/** The editor, then the supervisor's page through its toolbar button. */
export async function openBatch(env, { axe = false } = {}) {
  const opened = await openEditor(env);
  // axe-core in the supervisor's page (an init script, which the pages' CSP lets in).
  if (axe) await opened.context.addInitScript({ path: AXE_SCRIPT });
  await opened.page.locator('button.batch-check').click();
  await opened.page.locator('main.batch-screen').waitFor();
  assert.match(opened.page.url(), /\/nianbao\/supervisor\/$/);
  return opened;
}

export const rowOf = (page, text) => page.locator('tr.batch-row', { hasText: text });

export async function waitUntilRead(page, total) {
  await page.waitForFunction(
    (total) => {
      const p = document.querySelector('.batch-progress');
      return p && Number(p.dataset.done) === total && Number(p.dataset.total) === total;
    },
    total,
    { timeout: 60_000 },
  );
}

/**
 * Fifty files as a supervisor gets them: 30 report JSONs of units (「测试单位i」, i requests each),
 * 8 text copies and 4 saved pages of the seed under other names (one page and one text in GBK),
 * and 8 that are not reports.
 */
export async function fiftyFiles() {
  const seedText = await SEED_TEXT;
  const seedHtml = await fixture('erdun-2023.html');
  const files = [];
  for (let i = 1; i <= 30; i++) files.push(jsonFile(`单位${i}.json`, await unit(`测试单位${i}`, i)));
  const streets = ['东城', '西城', '南湖', '北山', '青山', '白云', '红旗', '长安'];
  for (let i = 1; i <= 8; i++) {
    files.push({ name: `文字${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(seedText.replaceAll('额尔敦街道', `${streets[i - 1]}街道`)) });
  }
  for (let i = 1; i <= 4; i++) {
    files.push({ name: `网页${i}.html`, mimeType: 'text/html', buffer: Buffer.from(seedHtml.replaceAll('额尔敦街道', `${streets[i - 1]}镇`)) });
  }
  // Pages of government sites saved years ago are GBK: one declares it, one text copy does not.
  const gbk = (text) => execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gbk"))'], { input: text });
  files.at(-1).buffer = gbk(seedHtml.replace('<meta charset="utf-8">', '<meta charset="gbk">').replaceAll('额尔敦街道', '北山镇'));
  files[37].buffer = gbk(seedText.replaceAll('额尔敦街道', '长安街道'));
  const newer = await seedJson((r) => { r.schema_version = 99; });
  files.push(
    { name: '截图.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: '坏的.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "nianbao-report", "schema_version": 1,,}') },
    { name: '空的.txt', mimeType: 'text/plain', buffer: Buffer.from('   \n') },
    jsonFile('新版本.json', newer),
    { name: '二进制.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(64) },
    { name: '太大.txt', mimeType: 'text/plain', buffer: Buffer.alloc(6 * 1024 * 1024, 0x41) },
    { name: 'gbk.txt', mimeType: 'text/plain', buffer: Buffer.from([0xc4, 0xea, 0xb1, 0xa8]) },
    { name: '随笔.txt', mimeType: 'text/plain', buffer: Buffer.from('今天天气很好，没有什么要报告的。') },
  );
  assert.equal(files.length, 50);
  return files;
}

/** Writes `files` to a new folder, as a user picks them from disk; returns the folder and paths. */
export async function onDisk(files) {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-batch-'));
  const paths = [];
  for (const file of files) {
    paths.push(join(dir, file.name));
    await writeFile(paths.at(-1), file.buffer);
  }
  return { dir, paths };
}
