// The user journeys again in Debian's Firefox ESR (the usual browser of 国产 desktop systems),
// driven through WebDriver BiDi by puppeteer-core: the editor, a block pasted from Excel, drafts
// (reload, full storage), import, export and print, and offline.
//
// What is not driven here, and why: Firefox's own "save file" step of a download. Puppeteer's
// BiDi download handling does not cover Firefox ESR, so each test reads the file the app hands to
// the browser (the Blob behind the download link, recorded by an init script) instead of the file
// on disk. The print dialog itself is not opened either: headless Firefox has none; the printable
// page loaded into the print frame is what is checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

import { serveDist, until, draftIdOf, storedDraft, fillStorage, untilServiceWorkerControls } from '../e2e/harness.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const SHUYANG_2025 = fileURLToPath(new URL('../../crates/report/tests/fixtures/shuyang-county-2025.txt', import.meta.url));
const cell = (row, column) => `[id="cell-requests-${row}-${column}"]`;
const AGENCY = '[id="meta-agency"]';
const OVERVIEW = '[id="section-overview"]';

let browser;
let site;
before(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Service workers on a plain-HTTP test server on 127.0.0.1 (a secure context already).
      'dom.serviceWorkers.enabled': true,
      'browser.download.dir': '/tmp',
      // The clipboard written by the paste test's script, as a copy in Excel would write it.
      'dom.events.testing.asyncClipboard': true,
    },
  });
  site = await serveDist();
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Records every download the app starts (file name and the Blob's text) instead of saving it. */
function recordDownloads() {
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    const url = createObjectURL(blob);
    blobs.set(url, blob);
    return url;
  };
  window.__downloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) {
      window.__downloads.push({ name: this.download, text: blobs.get(this.href)?.text() });
      return;
    }
    click.call(this);
  };
}

/** A fresh profile (its own browser context) on the app, with its page errors recorded. */
async function openApp({ initScript } = {}) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.evaluateOnNewDocument(recordDownloads);
  if (initScript) await page.evaluateOnNewDocument(initScript);
  await page.goto(site.url);
  await page.waitForSelector('.first-screen, h1.report-title', { timeout: 60_000 });
  return { context, page, pageErrors };
}

async function startBlank(page) {
  await page.click('.first-screen button.new-blank');
  await page.waitForSelector('h1.report-title');
}

// A field's value; a grid's cell is its text box's text, or the grid's input while it is edited.
const valueOf = (page, selector) => page.$eval(selector, (el) => (el.tagName === 'SPAN' ? el.textContent : el.value));
const textOf = (page, selector) => page.$eval(selector, (el) => el.textContent);
const stored = storedDraft;

async function downloaded(page, index = 0) {
  await until(() => page.evaluate((i) => window.__downloads.length > i, index), 'a download');
  return page.evaluate(async (i) => ({ name: window.__downloads[i].name, text: await window.__downloads[i].text }), index);
}

async function typeInto(page, selector, text) {
  await page.click(selector);
  await page.keyboard.type(text);
}

test('firefox: the editor takes typing like a spreadsheet, totals and findings follow', async () => {
  const { context, page, pageErrors } = await openApp();
  try {
    await startBlank(page);
    await typeInto(page, cell('1', 'natural'), '5');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-requests-2-natural');
    await page.keyboard.type('2');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-requests-2-commercial');
    // Auto-total adds the row.
    await until(async () => (await valueOf(page, cell('1', 'total'))) === '5', 'the row total');
    // A row made tall by its two-line label: a press above the input, inside its cell, goes to the
    // input; the row's computed total is grey to its cell's edges (CSS :has()).
    const margin = await page.$eval(cell('3.2', 'commercial'), (input) => {
      input.parentElement.scrollIntoView({ block: 'center' });
      const box = input.parentElement.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + 3, below: box.height - input.getBoundingClientRect().height };
    });
    assert.ok(margin.below > 10, `the cell is ${margin.below} px taller than its input`);
    await page.mouse.click(margin.x, margin.y);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'cell-requests-3.2-commercial');
    assert.equal(await page.$eval(cell('3.2', 'total'), (input) => getComputedStyle(input.parentElement).backgroundColor), 'rgb(240, 243, 246)');
    // Auto-total off: 5 + 2 received, 6 answered, 0 carried on breaks the balance of 三 by 1.
    await page.click('.auto-total input');
    await typeInto(page, cell('3.7', 'natural'), '6');
    await typeInto(page, cell('4', 'natural'), '0');
    await page.waitForSelector('.finding-link[data-rule="R3-balance"]');
    assert.match(await textOf(page, '.finding-link[data-rule="R3-balance"]'), /相差1/);
    await page.click(cell('4', 'natural'), { count: 2 });
    await page.keyboard.type('1');
    await page.waitForSelector('.finding-link[data-rule="R3-balance"]', { hidden: true });
    await typeInto(page, OVERVIEW, '本街道认真落实条例');
    assert.match(await valueOf(page, OVERVIEW), /本街道认真落实条例/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('firefox: a block copied from Excel pastes into the right cells, and one Ctrl+Z takes it back', async () => {
  const { context, page, pageErrors } = await openApp();
  try {
    await startBlank(page);
    await page.click('.auto-total input');
    await page.click(cell('1', 'natural'));
    // What Excel and WPS put on the clipboard: the block as tab-separated text and as a table.
    // Put there for real and pasted with Ctrl+V: Firefox gives a paste event made by a script an
    // empty clipboard.
    await page.evaluate(async () => {
      const rows = [['3', '1', '0', '0', '0', '2', '6'], ['1', '0', '0', '0', '0', '0', '1']];
      const text = rows.map((row) => row.join('\t')).join('\r\n') + '\r\n';
      const html = `<table>${rows.map((row) => `<tr>${row.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('')}</table>`;
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    });
    await page.keyboard.down('Control');
    await page.keyboard.press('v');
    await page.keyboard.up('Control');
    const columns = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];
    const expected = { 1: ['3', '1', '0', '0', '0', '2', '6'], 2: ['1', '0', '0', '0', '0', '0', '1'] };
    for (const [row, values] of Object.entries(expected)) {
      for (const [i, column] of columns.entries()) {
        assert.equal(await valueOf(page, cell(row, column)), values[i], `${row}/${column}`);
      }
    }
    assert.equal(await valueOf(page, cell('3.1', 'natural')), '', 'nothing below the block');
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    for (const row of Object.keys(expected)) {
      for (const column of columns) {
        assert.equal(await valueOf(page, cell(row, column)), '', `${row}/${column} after Ctrl+Z`);
      }
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('firefox: reload keeps what was typed; a full storage loses nothing and saving resumes', async () => {
  const { context, page, pageErrors } = await openApp();
  try {
    await startBlank(page);
    await typeInto(page, AGENCY, '火狐街道办事处');
    await typeInto(page, cell('1', 'natural'), '7');
    const id = draftIdOf(page);
    await until(async () => (await stored(page, id))?.report.requests['1'][0] === 7, 'the save');
    await page.reload();
    await page.waitForSelector('h1.report-title');
    assert.equal(await valueOf(page, AGENCY), '火狐街道办事处');
    assert.equal(await valueOf(page, cell('1', 'natural')), '7');

    const savedBefore = await stored(page, id);
    const fillers = await page.evaluate(fillStorage);
    assert.ok(fillers.length > 3, `filled with ${fillers.length} keys`);
    const typed = '存储已满时写下的总体情况。'.repeat(20);
    await page.$eval(OVERVIEW, (el) => el.select());
    await page.keyboard.type(typed);
    await page.waitForSelector('.banner-full');
    assert.match(await textOf(page, '.banner-full'), /存储空间已满/);
    assert.deepEqual(await stored(page, id), savedBefore, 'the last good save is whole');
    await page.click('.banner-full button.download-json');
    const rescue = await downloaded(page);
    assert.equal(JSON.parse(rescue.text).sections.overview, typed);

    await page.evaluate((keys) => keys.forEach((key) => localStorage.removeItem(key)), fillers);
    await until(async () => (await stored(page, id))?.report.sections.overview === typed, 'saving to resume');
    await page.waitForSelector('.banner-full', { hidden: true });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('firefox: a long paragraph shows whole in its box, as typed and when the draft opens again', async () => {
  const { context, page, pageErrors } = await openApp();
  const fits = () => page.$eval(OVERVIEW, (box) => box.scrollHeight <= box.clientHeight + 1 && box.clientHeight > 300);
  try {
    await startBlank(page);
    const text = Array(12).fill('我街道认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。').join('\n');
    await page.$eval(OVERVIEW, (box, text) => {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await until(fits, 'the box to grow with its text');
    const id = draftIdOf(page);
    await until(async () => (await stored(page, id))?.report.sections.overview === text, 'the save');
    await page.reload();
    await page.waitForSelector('h1.report-title');
    await until(fits, 'the whole text to show when the draft opens');
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('firefox: last year\'s published report imported gives this year\'s draft; JSON exports and imports back', async () => {
  const { context, page, pageErrors } = await openApp();
  try {
    await page.click('.first-screen button.paste-last-year');
    const text = await readFile(SHUYANG_2025, 'utf8');
    // The dialog is a part of the app fetched on first use: it shows once it has arrived.
    await page.waitForSelector('.paste-import-dialog .paste-area');
    // Pasted as a user would: the whole text at once into the box.
    await page.$eval('.paste-import-dialog .paste-area', (area, text) => {
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.click('.paste-import-dialog button.read-published');
    await page.waitForSelector('.paste-import-dialog .import-preview', { timeout: 60_000 });
    assert.equal(await textOf(page, '.paste-import-dialog .preview-year'), '2025');
    await page.click('.paste-import-dialog button.create-draft');
    await page.waitForSelector('h1.report-title');
    const id = draftIdOf(page);
    const draft = (await until(() => stored(page, id), 'the new draft')).report;
    assert.equal(draft.meta.year, draft.last_year.meta.year + 1);
    assert.deepEqual(draft.requests['2'], [31, 0, 0, 0, 0, 0, 31]);
    assert.equal(await valueOf(page, cell('2', 'total')), '31');

    await page.click('button.export-json');
    const exported = await downloaded(page);
    assert.match(exported.name, /沭阳县.*-2026-年报\.json$/);
    const report = JSON.parse(exported.text);
    assert.deepEqual(report.requests['2'], [31, 0, 0, 0, 0, 0, 31]);

    // The exported file picked again: a second draft of the same report.
    await page.click('button.drafts-list');
    await page.waitForSelector('.drafts-screen');
    const input = await page.$('.drafts-screen label.import-json input[type=file]');
    const path = `/tmp/nianbao-firefox-${process.pid}.json`;
    await (await import('node:fs/promises')).writeFile(path, exported.text);
    await input.uploadFile(path);
    await page.waitForSelector('h1.report-title');
    await until(async () => draftIdOf(page) !== id && (await stored(page, draftIdOf(page))), 'the imported draft');
    assert.deepEqual((await stored(page, draftIdOf(page))).report.requests, report.requests);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('firefox: print loads the printable page into its frame, with the tables and no script', async () => {
  const { context, page, pageErrors } = await openApp({ initScript: () => { window.print = () => {}; } });
  try {
    await startBlank(page);
    await typeInto(page, AGENCY, '额尔敦街道<script>window.__pwned=1</script>');
    await page.click('button.print');
    const frame = await until(async () => {
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        const tables = await f.evaluate(() => document.querySelectorAll('table').length).catch(() => 0);
        if (tables === 3) return f;
      }
      return null;
    }, 'the print frame');
    assert.match(await frame.evaluate(() => document.querySelector('h1.title').textContent), /额尔敦街道<script>/);
    assert.equal(await frame.evaluate(() => document.querySelectorAll('script').length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test('firefox: once loaded, the app starts again with the server gone', async () => {
  const offlineSite = await serveDist();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(offlineSite.url);
    await page.waitForSelector('.first-screen');
    await untilServiceWorkerControls(page);
    await startBlank(page);
    await offlineSite.stop();
    await page.reload();
    await page.waitForSelector('h1.report-title', { timeout: 30_000 });
    assert.equal(await textOf(page, 'h1.report-title'), '政府信息公开工作年度报告');
  } finally {
    await context.close();
  }
});

test('firefox: the supervisor\'s page takes picked files, and offers a folder through a file input, Firefox having no folder picker of its own', async () => {
  const { context, page, pageErrors } = await openApp();
  try {
    await startBlank(page);
    await Promise.all([page.waitForNavigation(), page.click('button.batch-check')]);
    await page.waitForSelector('main.batch-screen');
    // 选择文件夹… is a file input that takes a folder (webkitdirectory); WebDriver BiDi cannot
    // hand it a folder, so the e2e test in Chromium without showDirectoryPicker reads one.
    assert.equal(await page.$('button.pick-folder'), null);
    assert.equal(await page.$eval('label.pick-folder input[type=file]', (input) => input.webkitdirectory), true);
    assert.match(await textOf(page, 'label.pick-folder'), /选择文件夹/);
    const input = await page.$('.pick-files input[type=file]');
    await input.uploadFile(SHUYANG_2025);
    await page.waitForSelector('tr.batch-row');
    assert.match(await textOf(page, 'tr.batch-row td.agency'), /沭阳县/);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
