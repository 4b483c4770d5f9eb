// Makes the pictures of the help (public/help/pictures/*.png) from the real built app: serves
// dist/ as the end-to-end tests do, drives Debian's Chromium through playwright-core along the
// yearly flow, and writes one PNG per screen: the first screen; last year's report (沭阳县 2025,
// crates/report/tests/fixtures) pasted and read; this year's draft with table 三 pasted in, a
// finding, the finding fixed, and ready to publish; the drafts list; the printable page; year
// over year; the supervisor's batch check; the region view of 莆田市's departments. One line is
// printed per picture written.
//
// Usage: ./x build && node tools/help-pictures.mjs
//
// The pictures are stable from one run to the next: the clock stands still at 2026-12-04 09:00 UTC
// (Beijing 17:00), the time zone is Beijing's, the viewport 1200 × 800 (1366 × 800 for the
// editor) at one device pixel per CSS pixel, and each picture is a fixed-size region of its
// screen: the sizes in PICTURES are the width and height attributes of public/help/index.html
// (change both together). Each is written as a palette PNG of at most 256 colours, a third of
// Chromium's size, since the help is precached with the app for offline use.
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

import { launchBrowser, serveDist, until, waitForApp, watch } from '../tests/e2e/harness.mjs';

const OUT = fileURLToPath(new URL('../public/help/pictures/', import.meta.url));
const fixture = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SHUYANG_2025 = fixture('crates/report/tests/fixtures/shuyang-county-2025.txt');
/** Other real reports for the supervisor's batch: text copied from published pages, and the seed
 * as a saved web page. */
const BATCH_FILES = [
  fixture('crates/report/tests/fixtures/erdun-2023.txt'),
  fixture('crates/report/tests/fixtures/shuyang-fagaiju-2023.txt'),
  fixture('crates/report/tests/fixtures/guanzhou-street-2023-partial.txt'),
  fixture('tests/e2e/fixtures/erdun-2023.html'),
];

/** 莆田市's departments as they published 2023 and 2024 (crates/report/tests/corpus/full). */
const PUTIAN_FILES = [
  '2023-putian-chengguanju', '2023-putian-kejiju', '2023-putian-linyeju',
  '2024-putian-chengguanju', '2024-putian-haiyangyuyeju', '2024-putian-kejiju', '2024-putian-linyeju', '2024-putian-shenjiju',
].map((name) => fixture(`crates/report/tests/corpus/full/${name}.html`));

const VIEWPORT = { width: 1200, height: 800 };
const EDITOR_VIEWPORT = { width: 1366, height: 800 };
const FIXED_TIME = new Date('2026-12-04T09:00:00Z');
/** Width × height of each picture, in CSS pixels (= image pixels). */
const PICTURES = {
  'first-screen': [1200, 700],
  'paste-import': [818, 536],
  'editor-table3': [1366, 700],
  'finding-fixed': [1366, 700],
  'ready-to-publish': [368, 160],
  'drafts-list': [1200, 310],
  'printable-page': [900, 700],
  'year-over-year': [1200, 720],
  'supervisor-batch': [1200, 700],
  'region-view': [1200, 760],
};
/** A picture larger than this is worth a look (the help is precached for offline use). */
const SIZE_WARNING_BYTES = 150 * 1024;

/** The columns of table 三 that are typed (总计 is the auto-total's). */
const TYPED_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];

const written = [];

/** Writes the picture `name`: a region of the viewport of the picture's size whose top-left
 * corner is at (x, y), moved left or up as needed to stay inside the viewport. */
async function shoot(page, name, { x, y }) {
  const [width, height] = PICTURES[name];
  const viewport = page.viewportSize();
  if (width > viewport.width || height > viewport.height) {
    throw new Error(`${name}: ${width}×${height} does not fit the viewport ${viewport.width}×${viewport.height}`);
  }
  const clip = {
    x: Math.max(0, Math.min(Math.round(x), viewport.width - width)),
    y: Math.max(0, Math.min(Math.round(y), viewport.height - height)),
    width,
    height,
  };
  // No blinking caret, no hover left over from the last click.
  await page.mouse.move(viewport.width - 1, viewport.height - 1);
  const path = join(OUT, `${name}.png`);
  const shot = await page.screenshot({ clip, animations: 'disabled', caret: 'hide', scale: 'css' });
  await writeFile(path, toPalettePng(shot));
  const { size } = await stat(path);
  written.push({ name, size });
  const warning = size > SIZE_WARNING_BYTES ? `  (over ${SIZE_WARNING_BYTES / 1024} KB)` : '';
  console.log(`wrote public/help/pictures/${name}.png  ${width}×${height}  ${(size / 1024).toFixed(1)} KB${warning}`);
}

/** The box of `selector` (the first match) in the viewport. */
async function box(page, selector) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`not on the page: ${selector}`);
  return found;
}

/** Scrolls so that `selector` starts `below` pixels under the top of the viewport. */
async function scrollTo(page, selector, below) {
  await page.locator(selector).first().evaluate((element, below) => {
    window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - below);
  }, below);
}

/** Waits until the findings are final (the text read against the tables) and saves the draft.
 * Saved with Ctrl+S: the autosave waits for a pause in typing measured by the clock, and the
 * clock stands still here, so its pause never ends. */
async function settled(page) {
  await until(async () => (await page.locator('.reading-status').count()) === 1 && (await page.locator('.reading-status').isHidden()), 'the reading rules');
  await page.keyboard.press('Control+s');
  await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: 30_000 });
}

const draftIdOf = (page) => new URL(page.url()).hash.replace('#draft=', '');

/** Table 三's values of this draft's year, made from last year's (in the draft): requests and
 * results as last year's, 新收 and 予以公开 a little higher, 二 as carried over, and 四 whatever
 * keeps every column's balance (一 + 二 = 三(七) + 四). Rows in the editor's order. */
async function thisYearsTable(page) {
  const id = draftIdOf(page);
  const draft = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `nianbao:draft:${id}`);
  const last = draft.report.last_year.requests;
  const carried = draft.report.requests['2'];
  const rows = await page
    .locator('[id^="cell-requests-"][id$="-natural"]')
    .evaluateAll((cells) => cells.map((cell) => cell.id.replace(/^cell-requests-/, '').replace(/-natural$/, '')));
  const value = (row, c) => Number(last[row]?.[c] ?? 0);
  const table = {};
  for (const row of rows) table[row] = TYPED_COLUMNS.map((_, c) => value(row, c));
  table['2'] = TYPED_COLUMNS.map((_, c) => Number(carried[c] ?? 0));
  table['1'][0] += 25;
  table['3.1'][0] += 25;
  const results = rows.filter((row) => row.startsWith('3.') && row !== '3.7');
  for (let c = 0; c < TYPED_COLUMNS.length; c++) {
    const answered = results.reduce((sum, row) => sum + table[row][c], 0);
    let out = table['1'][c] + table['2'][c] - answered;
    if (out < 0) {
      table['1'][c] -= out;
      out = 0;
    }
    table['3.7'][c] = answered;
    table['4'][c] = out;
  }
  return { rows, table };
}

/** Pastes `block` (rows of cells) at the focused cell as a paste from Excel would arrive. */
async function pasteBlock(page, cellSelector, block) {
  const tsv = block.map((cells) => cells.join('\t')).join('\r\n') + '\r\n';
  await page.locator(cellSelector).click();
  await page.locator(cellSelector).evaluate((cell, tsv) => {
    const data = new DataTransfer();
    data.setData('text/plain', tsv);
    cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, tsv);
}

// ---- PNG: the screenshot (RGB or RGBA, 8 bits) as a palette PNG of at most 256 colours -------
// A screen of text and lines has few colours but for the edges of letters: 256 keep it sharp at a
// third of the size, small enough for the pictures to be precached with the app for offline use.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) as RGB. */
function decodePng(png) {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`unexpected PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[at + x - channels] : 0;
      const up = y > 0 ? rows[at - stride + x] : 0;
      const corner = y > 0 && x >= channels ? rows[at - stride + x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - corner;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
      }
      rows[at + x] = (line[x] + predicted) & 0xff;
    }
  }
  const rgb = new Uint32Array(width * height);
  for (let i = 0; i < rgb.length; i++) {
    const p = i * channels;
    rgb[i] = (rows[p] << 16) | (rows[p + 1] << 8) | rows[p + 2];
  }
  return { width, height, rgb };
}

/** Up to 256 colours for `counts` (colour → pixels): median cut, weighted by pixels. */
function palette(counts) {
  const colours = [...counts.keys()];
  if (colours.length <= 256) return colours;
  const channel = (colour, c) => (colour >> (16 - 8 * c)) & 0xff;
  const describe = (members) => {
    let best = { spread: -1, channel: 0 };
    for (let c = 0; c < 3; c++) {
      let low = 255;
      let high = 0;
      for (const colour of members) {
        const v = channel(colour, c);
        if (v < low) low = v;
        if (v > high) high = v;
      }
      if (high - low > best.spread) best = { spread: high - low, channel: c };
    }
    const pixels = members.reduce((sum, colour) => sum + counts.get(colour), 0);
    return { members, pixels, ...best, score: best.spread * Math.sqrt(pixels) };
  };
  const boxes = [describe(colours)];
  while (boxes.length < 256) {
    boxes.sort((a, b) => b.score - a.score);
    const box = boxes[0];
    if (box.spread <= 0) break;
    const sorted = box.members.slice().sort((a, b) => channel(a, box.channel) - channel(b, box.channel));
    let seen = 0;
    let cut = 1;
    for (; cut < sorted.length - 1; cut++) {
      seen += counts.get(sorted[cut - 1]);
      if (seen * 2 >= box.pixels) break;
    }
    boxes.splice(0, 1, describe(sorted.slice(0, cut)), describe(sorted.slice(cut)));
  }
  return boxes.map(({ members, pixels }) => {
    const sum = [0, 0, 0];
    for (const colour of members) for (let c = 0; c < 3; c++) sum[c] += channel(colour, c) * counts.get(colour);
    const [r, g, b] = sum.map((v) => Math.round(v / pixels));
    return (r << 16) | (g << 8) | b;
  });
}

function toPalettePng(png) {
  const { width, height, rgb } = decodePng(png);
  const counts = new Map();
  for (const colour of rgb) counts.set(colour, (counts.get(colour) ?? 0) + 1);
  const colours = palette(counts);
  const index = new Map();
  const nearest = (colour) => {
    let found = index.get(colour);
    if (found !== undefined) return found;
    let best = Infinity;
    for (let i = 0; i < colours.length; i++) {
      const dr = ((colour >> 16) & 0xff) - ((colours[i] >> 16) & 0xff);
      const dg = ((colour >> 8) & 0xff) - ((colours[i] >> 8) & 0xff);
      const db = (colour & 0xff) - (colours[i] & 0xff);
      const distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (distance < best) {
        best = distance;
        found = i;
      }
    }
    index.set(colour, found);
    return found;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = nearest(rgb[y * width + x]);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const plte = Buffer.alloc(colours.length * 3);
  colours.forEach((colour, i) => plte.set([(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff], i * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Table 二 and 四 of this draft's year from last year's (in the draft): documents, decisions and
 * appeals near last year's, the documents in force carried on (X-in-force holds). */
async function fillTablesTwoAndFour(page) {
  const id = draftIdOf(page);
  const draft = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `nianbao:draft:${id}`);
  const { active, appeals } = draft.report.last_year;
  const documents = (row, issued, repealed) => {
    const inForce = Number(active[row]?.[2] ?? 0);
    return { issued, repealed, in_force: Math.max(0, inForce + issued - repealed) };
  };
  const activeValues = {
    regulations: documents('regulations', 0, 0),
    normative_documents: documents('normative_documents', 5, 2),
    licensing: { decisions: Math.round(Number(active.licensing ?? 0) * 1.02) },
    punishment: { decisions: Math.round(Number(active.punishment ?? 0) * 0.97) },
    enforcement: { decisions: Number(active.enforcement ?? 0) + 120 },
    fees: { amount: String(active.fees ?? '0') },
  };
  const appealColumns = ['upheld', 'corrected', 'other', 'pending', 'total'];
  for (const input of await page.locator('[id^="cell-active-"], [id^="cell-appeals-"]').all()) {
    if ((await input.getAttribute('readonly')) !== null) continue;
    const cellId = (await input.getAttribute('id')).replace(/^cell-/, '');
    const [table, ...rest] = cellId.split('-');
    const column = rest.pop();
    const row = rest.join('-');
    const value =
      table === 'active' ? activeValues[row]?.[column] : Number(appeals[row]?.[appealColumns.indexOf(column)] ?? 0);
    if (value === undefined) throw new Error(`no value for ${cellId}`);
    await input.fill(String(value));
  }
}

/** The text of this year's sections 一, 五 and 六 (with their template's sub-headings). */
const SECTION_TEXTS = {
  overview: `（一）主动公开
围绕重点领域持续做好政府信息主动公开，政策文件发布时同步解读。

（二）依申请公开
严格按照法定时限和程序办理政府信息公开申请，答复规范、说理充分。

（三）政府信息管理
动态更新政策文件库，做好公开属性认定和合法性审查。

（四）平台建设
县政府门户网站信息公开专栏运行平稳，栏目设置规范。

（五）监督保障
将政务公开工作纳入年度绩效考核，开展社会评议，本年度未发生责任追究情况。`,
  problems: `（一）上年度问题改进情况
针对上年度指出的解读形式单一的问题，增加了图解和视频解读。

（二）本年度存在问题及改进措施
部分单位答复说理还不够充分。下一步将加强业务培训，规范答复文书。`,
  other: '本年度未收取政府信息公开信息处理费。无其他需要报告的事项。',
};

async function main() {
  await mkdir(OUT, { recursive: true });
  const downloads = await mkdtemp(join(tmpdir(), 'nianbao-help-'));
  const site = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      colorScheme: 'light',
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    await context.clock.setFixedTime(FIXED_TIME);
    const page = await context.newPage();
    const record = watch(page);
    const dialog = page.locator('.paste-import-dialog');
    const shuyang = await readFile(SHUYANG_2025, 'utf8');

    // 1. The first screen: three ways in.
    await page.goto(site.url);
    await page.locator('.first-screen').waitFor({ timeout: 30_000 });
    await shoot(page, 'first-screen', { x: 0, y: 0 });

    // 2. Last year's report pasted and read.
    await page.locator('.first-screen button.paste-last-year').click();
    await dialog.locator('.paste-area').fill(shuyang);
    await dialog.locator('button.read-published').click();
    await dialog.locator('.import-preview').waitFor({ timeout: 30_000 });
    await dialog.locator('.paste-area').evaluate((area) => {
      area.setSelectionRange(0, 0);
      area.scrollTop = 0;
      area.blur();
    });
    {
      const shown = await box(page, '.paste-import-dialog');
      await shoot(page, 'paste-import', { x: shown.x, y: shown.y });
    }

    // 3. This year's draft: table 三 pasted in as from Excel, one number typed wrong. The editor
    // at 1366 × 800, a usual laptop's screen (at 1280 and less the toolbar takes two lines, and
    // the findings panel, sticky at 3.5rem, slides under it).
    await dialog.locator('button.create-draft').click();
    await waitForApp(page);
    await page.setViewportSize(EDITOR_VIEWPORT);
    const { rows, table } = await thisYearsTable(page);
    await pasteBlock(page, '[id="cell-requests-1-natural"]', rows.map((row) => table[row].map(String)));
    await until(async () => (await page.locator('[id="cell-requests-4-natural"]').inputValue()) === String(table['4'][0]), 'the pasted block');
    const granted = page.locator('[id="cell-requests-3.1-natural"]');
    const right = String(table['3.1'][0]);
    const wrong = String(table['3.1'][0] + 9);
    await granted.click();
    await page.keyboard.type(wrong);
    await page.keyboard.press('Enter');
    await page.locator('.finding-link[data-rule="R3-balance"]').first().waitFor();
    await settled(page);
    const topBar = (await box(page, '.top-bar')).height;
    const showTableThree = async () => {
      await scrollTo(page, '[id="part-requests"]', topBar + 8);
      await page.locator(':focus').evaluate((element) => element.blur()).catch(() => {});
    };
    await showTableThree();
    await shoot(page, 'editor-table3', { x: 0, y: topBar });

    // 4. The finding followed to its cell and put right.
    await page.locator('.finding-link[data-rule="R3-balance"]').first().click();
    await granted.click();
    await page.keyboard.type(right);
    await page.keyboard.press('Enter');
    await until(async () => (await page.locator('.finding-link[data-rule="R3-balance"]').count()) === 0, 'the balance put right');
    await settled(page);
    await showTableThree();
    await shoot(page, 'finding-fixed', { x: 0, y: topBar });

    // 5. Tables 二 and 四 and the text written: ready to publish.
    await fillTablesTwoAndFour(page);
    for (const [key, text] of Object.entries(SECTION_TEXTS)) await page.locator(`[id="section-${key}"]`).fill(text);
    await until(async () => (await page.locator('.findings .ready-yes').count()) === 1, 'ready to publish');
    await settled(page);
    await page.locator(':focus').evaluate((element) => element.blur()).catch(() => {});
    await page.evaluate(() => window.scrollTo(0, 0));
    {
      const panel = await box(page, 'aside.findings');
      await shoot(page, 'ready-to-publish', { x: panel.x - 8, y: panel.y - 8 });
    }
    await page.setViewportSize(VIEWPORT);

    // This year's draft as a file, for the supervisor's batch.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-json').click()]);
    const thisYearJson = join(downloads, jsonDownload.suggestedFilename());
    await jsonDownload.saveAs(thisYearJson);

    // 6. The drafts list, with last year's report imported as a draft of its own.
    await page.locator('button.drafts-list').click();
    await page.locator('main.drafts-screen').waitFor();
    await page.locator('main.drafts-screen button.paste-import').click();
    await dialog.locator('.paste-area').fill(shuyang);
    await dialog.locator('button.read-published').click();
    await dialog.locator('.import-preview').waitFor({ timeout: 30_000 });
    await dialog.locator('button.create-draft').click();
    await waitForApp(page);
    await settled(page);
    await page.locator('button.drafts-list').click();
    await page.locator('main.drafts-screen li.draft').nth(1).waitFor();
    await shoot(page, 'drafts-list', { x: 0, y: 0 });
    const draftOf = (year) =>
      page.locator('main.drafts-screen li.draft').filter({ has: page.locator('.draft-year', { hasText: String(year) }) });

    // 7. The printable page (what 打印 prints and 导出HTML exports) of last year's report.
    await draftOf(2025).locator('button.open').click();
    await waitForApp(page);
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-html').click()]);
    const printable = await readFile(await htmlDownload.path(), 'utf8');
    {
      // On screen the printable page shows as an A4 sheet (its own screen styles): the top of
      // its first page.
      const printed = await context.newPage();
      await printed.setContent(printable, { waitUntil: 'load' });
      const sheet = await box(printed, 'main.page');
      await shoot(printed, 'printable-page', { x: sheet.x + sheet.width / 2 - PICTURES['printable-page'][0] / 2, y: 0 });
      await printed.close();
    }

    // 8. Year over year: this year's draft beside last year's report, which the draft carries
    // (the editor's 与上年对比 opens it on the supervisor's page): table 三.
    await page.locator('button.drafts-list').click();
    await draftOf(2026).locator('button.open').click();
    await waitForApp(page);
    await page.locator('button.compare-last-year').click();
    await page.locator('main.compare-screen').waitFor({ timeout: 30_000 });
    {
      const screen = await box(page, 'main.compare-screen');
      await shoot(page, 'year-over-year', { x: screen.x, y: 0 });
    }
    await page.locator('main.compare-screen button.back').click();
    await waitForApp(page);

    // 9. The supervisor's batch check: last year's and this year's report of 沭阳县, and others.
    await page.locator('button.batch-check').click();
    await page.locator('main.batch-screen').waitFor({ timeout: 30_000 });
    const files = [SHUYANG_2025, thisYearJson, ...BATCH_FILES];
    await page.locator('.pick-files input').setInputFiles(files);
    await until(
      async () => {
        const progress = page.locator('.batch-progress');
        return (await progress.count()) === 1 && (await progress.getAttribute('data-done')) === String(files.length);
      },
      'the batch read',
      60_000,
    );
    await page.locator('tr.batch-row').nth(files.length - 1).waitFor();
    await page.locator('tr.batch-row', { hasText: 'shuyang-county-2025' }).locator('button.show-findings').click();
    await page.locator('.batch-details').waitFor();
    await shoot(page, 'supervisor-batch', { x: 0, y: 0 });

    // 10. The region view: a new batch of 莆田市's departments as published in 2023 and 2024,
    // the units of 2024 side by side.
    await page.locator('button.clear-batch').click();
    await page.locator('.pick-files input').setInputFiles(PUTIAN_FILES);
    await until(
      async () => (await page.locator('.batch-progress').getAttribute('data-done')) === String(PUTIAN_FILES.length),
      'the region batch read',
      60_000,
    );
    await page.locator('button.open-region').click();
    await page.locator('main.region-screen').waitFor();
    await page.locator('select.region-year').selectOption('2024');
    await page.locator('.region-scroll tr.unit').nth(4).waitFor();
    {
      const screen = await box(page, 'main.region-screen');
      await shoot(page, 'region-view', { x: screen.x, y: screen.y - 8 });
    }

    if (record.pageErrors.length > 0) throw new Error(`the page threw: ${record.pageErrors.join('\n')}`);
    await context.close();
  } finally {
    await browser.close();
    await site.stop();
    await rm(downloads, { recursive: true, force: true });
  }
  const total = written.reduce((sum, p) => sum + p.size, 0);
  console.log(`${written.length} pictures, ${(total / 1024).toFixed(1)} KB in all`);
}

await main();
