// User journeys of publishing: print from the same HTML as the export, copy a table into a
// website editor, and script payloads shown as text everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndSite, openEditor as openEditorIn, requestCell } from './harness.mjs';

const env = sharedBrowserAndSite();

const openEditor = () => openEditorIn(env, { permissions: ['clipboard-read', 'clipboard-write'] });

const cell = requestCell;

test('a copied table pasted into a rich-text editor keeps its cells and merged headers', async () => {
  const { context, page } = await openEditor();
  try {
    await cell(page, '1', 'natural').fill('713');
    await cell(page, '2', 'natural').fill('36');
    await page.locator('[id="part-requests"] button.copy-table').click();
    await page.locator('.banner-notice').waitFor();
    assert.match(await page.locator('.banner-notice').textContent(), /已复制表格/);
    // Done, not failed: announced as a status, and not in the error colour.
    assert.equal(await page.locator('.banner-notice').getAttribute('data-tone'), 'done');
    assert.equal(await page.locator('.banner-notice').getAttribute('role'), 'status');
    assert.equal(await page.locator('.banner-notice').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(218, 251, 225)');
    // A website's rich-text editor is a contenteditable element; paste with the keyboard.
    await page.evaluate(() => {
      const editor = document.createElement('div');
      editor.id = 'cms-editor';
      editor.contentEditable = 'true';
      document.body.append(editor);
      editor.focus();
    });
    await page.keyboard.press('Control+v');
    const pasted = page.locator('#cms-editor table');
    await pasted.waitFor();
    const shape = await pasted.evaluate((table) => ({
      rows: table.rows.length,
      cornerRowspan: table.rows[0].cells[0].rowSpan,
      applicantColspan: table.rows[0].cells[1].colSpan,
      firstBodyRow: [...table.rows[3].cells].map((c) => c.textContent.trim()),
      secondBodyRow: [...table.rows[4].cells].map((c) => c.textContent.trim()),
    }));
    assert.equal(shape.rows, 3 + 25);
    assert.equal(shape.cornerRowspan, 3);
    assert.equal(shape.applicantColspan, 7);
    assert.equal(shape.firstBodyRow[0], '一、本年新收政府信息公开申请数量');
    assert.equal(shape.firstBodyRow[1], '713');
    assert.equal(shape.secondBodyRow[1], '36');
    // The plain-text half is for Excel: tab-separated.
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(text, /一、本年新收政府信息公开申请数量\t\t\t713\t/);
  } finally {
    await context.close();
  }
});

test('export HTML downloads the printable page: named after the report, self-contained, no script', async () => {
  const { context, page } = await openEditor();
  try {
    await page.locator('[id="meta-agency"]').fill('额尔敦街道<script>alert(1)</script>');
    await cell(page, '1', 'natural').fill('3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.export-html').click()]);
    assert.match(download.suggestedFilename(), /^额尔敦街道_script_alert\(1\)__script_-\d{4}-年报\.html$/);
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(await download.path(), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.equal((html.match(/<table/g) ?? []).length, 3);
    assert.ok(!/<script/i.test(html), 'no script element in the exported page');
    assert.ok(html.includes('额尔敦街道&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/(src|href)="https?:/.test(html), 'nothing fetched from elsewhere');
  } finally {
    await context.close();
  }
});

test('print loads the printable HTML (the export) into a frame: tables, styles, no script', async () => {
  const { context, page, record } = await openEditor();
  try {
    const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"></style>';
    await page.locator('[id="meta-agency"]').fill(`额尔敦街道${payload}`);
    await page.locator('[id="section-problems"]').fill(`问题${payload}`);
    await page.locator('button.print').click();
    const frame = page.frameLocator('#print-frame');
    await frame.locator('h1.title').waitFor({ state: 'attached' });
    assert.match(await frame.locator('h1.title').textContent(), /额尔敦街道<script>/);
    assert.equal(await frame.locator('table').count(), 3);
    assert.equal(await frame.locator('script, img').count(), 0);
    const problems = await frame.locator('#problems').textContent();
    assert.ok(problems.includes(payload), 'the payload is shown as text');
    const styled = await frame.locator('h1.title').evaluate((h1) => getComputedStyle(h1).fontSize);
    assert.equal(styled, '29.3333px', 'the print stylesheet applies (22pt title)');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // Debian's test machines have none of the official faces (only WenQuanYi): the user is told.
    assert.match(await page.locator('.banner-notice').textContent(), /本机缺少公文字体：仿宋、小标宋、黑体、楷体/);
    assert.equal(await page.locator('.banner-notice').getAttribute('role'), 'alert');
    assert.equal(await page.locator('.banner-notice').evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(255, 235, 233)');
    assert.ok(!record.requests.some((url) => url.endsWith('/x')), 'no request for the payload image');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
