// User journeys of the editor: live findings, the spreadsheet keyboard, paste from Excel,
// undo, language, and Chinese text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndSite, openEditor as openEditorIn, requestCell, gridCell, waitForApp, until, draftIdOf, storedDraft } from './harness.mjs';

const env = sharedBrowserAndSite();

const openEditor = () => openEditorIn(env);
const cell = requestCell;
const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');
const findingsOf = (page, rule) => page.locator(`.finding-link[data-rule="${rule}"]`);

test('typing into table 三 with auto-total off breaks and restores R3-balance', async () => {
  const { context, page, record } = await openEditor();
  try {
    await page.locator('.auto-total input').uncheck();
    await cell(page, '1', 'natural').fill('3');
    await cell(page, '2', 'natural').fill('0');
    await cell(page, '3.7', 'natural').fill('2');
    await cell(page, '4', 'natural').fill('0');
    const balance = findingsOf(page, 'R3-balance');
    await balance.first().waitFor();
    assert.equal(await balance.count(), 1);
    const text = await balance.first().textContent();
    assert.match(text, /自然人/);
    assert.match(text, /相差1/);
    assert.match(await cell(page, '1', 'natural').getAttribute('class'), /cell-error/);
    await cell(page, '3.7', 'natural').fill('3');
    await balance.first().waitFor({ state: 'detached' });
    assert.equal(await balance.count(), 0);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a number the text states is read against the tables after a pause, in the tools worker', async () => {
  const { context, page, record } = await openEditor();
  try {
    // Carried over 0: otherwise 「收到」 could also mean rows 1 + 2, and a blank is unknown.
    await cell(page, '1', 'natural').fill('3');
    await cell(page, '2', 'natural').fill('0');
    const area = page.locator('[id="section-overview"]');
    await area.fill('本年度共收到政府信息公开申请5件。');
    const numbers = findingsOf(page, 'T-numbers');
    await numbers.first().waitFor();
    assert.match(await numbers.first().textContent(), /5件.*3/);
    assert.equal(await page.locator('.reading-status').isVisible(), false);
    // Set right, the finding goes once the text is read again.
    await area.fill('本年度共收到政府信息公开申请3件。');
    await numbers.first().waitFor({ state: 'detached' });
    await page.locator('.reading-status').waitFor({ state: 'hidden' });
    // A claim in words that there was none, against a table 四 with one review.
    await gridCell(page.locator('[id="cell-appeals-review-upheld"]')).fill('1');
    await area.fill('本年度共收到政府信息公开申请3件，未发生因政府信息公开引起的行政复议。');
    await numbers.first().waitFor();
    assert.match(await numbers.first().textContent(), /称没有行政复议.*表四行政复议总计为1/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('clicking a finding focuses its cell', async () => {
  const { context, page } = await openEditor();
  try {
    await page.locator('.auto-total input').uncheck();
    await cell(page, '1', 'commercial').fill('5');
    await cell(page, '2', 'commercial').fill('0');
    await cell(page, '3.7', 'commercial').fill('1');
    await cell(page, '4', 'commercial').fill('1');
    const finding = findingsOf(page, 'R3-balance').first();
    await finding.waitFor();
    const place = await finding.getAttribute('data-place');
    await page.locator('h1.report-title').click();
    await finding.click();
    assert.equal(await focused(page), 'cell-' + place.replaceAll('/', '-'));
  } finally {
    await context.close();
  }
});

test('arrows, Enter and Tab move between cells like a spreadsheet', async () => {
  const { context, page } = await openEditor();
  try {
    await cell(page, '1', 'natural').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(page), 'cell-requests-1-commercial');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'cell-requests-2-commercial');
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'cell-requests-3.1-commercial');
    await page.keyboard.press('Shift+Enter');
    assert.equal(await focused(page), 'cell-requests-2-commercial');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'cell-requests-2-research');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(page), 'cell-requests-2-natural');
    await page.keyboard.press('End');
    assert.equal(await focused(page), 'cell-requests-2-total');
    await page.keyboard.press('Home');
    assert.equal(await focused(page), 'cell-requests-2-natural');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(page), 'cell-requests-1-natural', 'the first row stops the cursor');
    // Typing replaces the value, Escape gives the old one back.
    await page.keyboard.type('7');
    assert.equal(await cell(page, '1', 'natural').inputValue(), '7');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    assert.equal(await cell(page, '1', 'natural').inputValue(), '7');
  } finally {
    await context.close();
  }
});

test('in a row made tall by its label, a press anywhere in a cell goes to its input, and the whole cell shows the focus and a computed total', async () => {
  const { context, page } = await openEditor();
  try {
    // 三(二) 部分公开 has a two-line label: its cells are taller than their text boxes.
    // The cell itself (a handle: once edited, the cell's id is the grid's input's, laid over it).
    const td = await cell(page, '3.2', 'commercial').locator('xpath=..').elementHandle();
    await td.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const [box, inputBox] = [await td.boundingBox(), await cell(page, '3.2', 'commercial').boundingBox()];
    assert.ok(box.height > inputBox.height + 10, `the row is ${box.height} px, its text box ${inputBox.height} px`);
    // Above the text box, inside the cell.
    await page.mouse.click(box.x + box.width / 2, box.y + 3);
    assert.equal(await focused(page), 'cell-requests-3.2-commercial');
    await page.keyboard.type('4');
    assert.equal(await cell(page, '3.2', 'commercial').inputValue(), '4');
    const background = (locator) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
    assert.equal(await background(td), 'rgb(221, 244, 255)', 'the focused cell is blue to its edges');
    // The row's total, computed (自动合计 on), is grey to the cell's edges, not a grey strip.
    const total = cell(page, '3.2', 'total');
    assert.equal(await total.getAttribute('aria-readonly'), 'true');
    assert.equal(await background(total.locator('xpath=..')), 'rgb(240, 243, 246)');
    assert.equal(await background(cell(page, '3.2', 'natural').locator('xpath=..')), 'rgb(255, 255, 255)');
  } finally {
    await context.close();
  }
});

test('a 3×7 block pasted from Excel fills the right cells and one Ctrl+Z removes it', async () => {
  const { context, page } = await openEditor();
  try {
    await page.locator('.auto-total input').uncheck();
    const tsv = ['1\t2\t3\t4\t5\t6\t21', '0\t0\t0\t0\t0\t0\t0', '1\t2\t3\t4\t5\t6\t21'].join('\r\n') + '\r\n';
    await cell(page, '1', 'natural').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, tsv);
    const columns = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];
    const expected = { '1': ['1', '2', '3', '4', '5', '6', '21'], '2': ['0', '0', '0', '0', '0', '0', '0'], '3.1': ['1', '2', '3', '4', '5', '6', '21'] };
    for (const [row, values] of Object.entries(expected)) {
      for (const [i, column] of columns.entries()) {
        assert.equal(await cell(page, row, column).inputValue(), values[i], `${row}/${column}`);
      }
    }
    assert.equal(await cell(page, '3.2', 'natural').inputValue(), '', 'nothing below the block');
    await page.keyboard.press('Control+z');
    for (const row of Object.keys(expected)) {
      for (const column of columns) {
        assert.equal(await cell(page, row, column).inputValue(), '', `${row}/${column} after undo`);
      }
    }
    await page.keyboard.press('Control+y');
    assert.equal(await cell(page, '3.1', 'total').inputValue(), '21');
  } finally {
    await context.close();
  }
});

test('a pasted block with text in it refuses those cells by name and keeps the rest', async () => {
  const { context, page } = await openEditor();
  try {
    await cell(page, '1', 'natural').focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '4\tabc\t2\n1\t-3\t0');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.equal(await cell(page, '1', 'natural').inputValue(), '4');
    assert.equal(await cell(page, '1', 'research').inputValue(), '2');
    assert.equal(await cell(page, '2', 'research').inputValue(), '0');
    assert.equal(await cell(page, '1', 'commercial').inputValue(), '');
    const notice = await page.locator('.banner-notice').textContent();
    assert.match(notice, /一 商业企业/);
    assert.match(notice, /二 商业企业/);
  } finally {
    await context.close();
  }
});

test('switching to English and reloading keeps English', async () => {
  const { context, page } = await openEditor();
  try {
    assert.equal(await page.locator('button.undo').textContent(), '撤销');
    // A basis in the checker's own words follows the language; a blank report has C-blank.
    const blankBasis = page.locator('.finding:has([data-rule="C-blank"]) .basis').first();
    assert.match(await blankBasis.textContent(), /^依据：已公布的报告每格都填数字/);
    await page.locator('button.switch-language').click();
    assert.equal(await page.locator('button.undo').textContent(), 'Undo');
    assert.match(await blankBasis.textContent(), /^Basis: published reports fill in every cell with a number/);
    // An official text: what it says in English, then the text as it reads.
    const emptyBasis = page.locator('.finding:has([data-rule="T-section-empty"]) .basis').first();
    assert.equal(
      await emptyBasis.textContent(),
      "Basis: the Regulations of the People's Republic of China on Open Government Information, article 50 (《中华人民共和国政府信息公开条例》第五十条)",
    );
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('button.undo').textContent(), 'Undo');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  } finally {
    await context.close();
  }
});

test('the publication date is a date field once the page is idle, and keeps the date through a reload', async () => {
  const { context, page } = await openEditor();
  try {
    const field = page.locator('#meta-published_on');
    await until(async () => (await field.getAttribute('type')) === 'date', 'the publication date became a date field');
    await field.fill('2026-01-20');
    await field.blur();
    const id = draftIdOf(page);
    await until(async () => (await storedDraft(page, id))?.report?.meta?.published_on === '2026-01-20', 'the date was saved');
    await page.reload();
    await waitForApp(page);
    // Drawn as a text field first, it shows the stored date in either type.
    assert.equal(await field.inputValue(), '2026-01-20');
    await until(async () => (await field.getAttribute('type')) === 'date', 'a date field again after the reload');
    assert.equal(await field.inputValue(), '2026-01-20');
  } finally {
    await context.close();
  }
});

test('Chinese text typed into a section shows as typed, through the input method too', async () => {
  const { context, page } = await openEditor();
  try {
    const area = page.locator('[id="section-overview"]');
    await area.fill('');
    await page.locator('h1.report-title').click();
    await area.focus();
    await page.keyboard.insertText('我街道2023年共收到政府信息公开申请0件。');
    // A real input method: composition first (pinyin), then the committed characters.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'gongkai', selectionStart: 7, selectionEnd: 7 });
    await cdp.send('Input.imeSetComposition', { text: '公开', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: '公开' });
    assert.equal(await area.inputValue(), '我街道2023年共收到政府信息公开申请0件。公开');
    // Undo takes the typing back as one step, not half a character.
    await page.locator('h1.report-title').click();
    await page.keyboard.press('Control+z');
    assert.equal(await area.inputValue(), '');
    await page.keyboard.press('Control+y');
    assert.equal(await area.inputValue(), '我街道2023年共收到政府信息公开申请0件。公开');
  } finally {
    await context.close();
  }
});

test('in a narrow window the toolbar wraps and the findings heading stays below the top bar', async () => {
  const { context, page } = await openEditor();
  try {
    await page.setViewportSize({ width: 1100, height: 700 });
    await page.mouse.wheel(0, 1500);
    await until(() => page.evaluate(() => window.scrollY > 1000), 'the page to scroll');
    const places = await page.evaluate(() => ({
      bar: document.querySelector('.top-bar').getBoundingClientRect().bottom,
      heading: document.querySelector('.findings h2').getBoundingClientRect().top,
    }));
    assert.ok(places.bar > 70, `the top bar is ${places.bar} px tall: the toolbar wrapped`);
    assert.ok(places.heading >= places.bar, `the heading (top ${places.heading}) is below the top bar (bottom ${places.bar})`);
  } finally {
    await context.close();
  }
});

test("a paragraph's box shows its whole text when the draft opens, as it grows, and in a browser that cannot size it", async () => {
  const { context, page, record } = await openEditor();
  const overview = page.locator('[id="section-overview"]');
  const fits = () => overview.evaluate((box) => box.scrollHeight <= box.clientHeight + 1 && box.clientHeight > 300);
  try {
    const paragraph = '我街道认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。';
    await overview.fill(Array(12).fill(paragraph).join('\n'));
    await until(fits, 'the box to grow with its text');
    await page.keyboard.press('Control+s');
    await page.reload();
    await page.locator('h1.report-title').waitFor();
    assert.ok(await fits(), 'the whole text shows when the draft opens, before any keystroke');
    // A browser without CSS `field-sizing` (older Chromium kernels are common on office
    // laptops): the editor sets the box's height itself, on opening and as the text changes.
    await page.addInitScript(() => {
      const supports = CSS.supports.bind(CSS);
      CSS.supports = (property, value) => (property === 'field-sizing' ? false : supports(property, value));
      addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = '.section-text { field-sizing: fixed !important; }';
        document.head.append(style);
      });
    });
    await page.reload();
    await page.locator('h1.report-title').waitFor();
    await until(fits, 'the box sized by the editor when the draft opens');
    await overview.fill(Array(24).fill(paragraph).join('\n'));
    await until(fits, 'the box sized by the editor as the text grows');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
