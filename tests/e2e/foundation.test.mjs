// User journeys of the foundation: the app loads under a sub-path, makes no request to another
// host, and starts again with the network gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watch, waitForApp, startBlankReport, untilServiceWorkerControls, until } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('loads under the sub-path with the title, no console error and no failed request', async () => {
  const site = await serveDist();
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = watch(page);
  try {
    await page.goto(site.url);
    await startBlankReport(page);
    assert.equal(await page.locator('h1.report-title').textContent(), '政府信息公开工作年度报告');
    assert.equal(await page.locator('main.editor h2').count(), 6);
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.deepEqual(record.consoleErrors, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.failedRequests, []);
  } finally {
    await context.close();
    await site.stop();
  }
});

test('makes no request to any other host', async () => {
  const site = await serveDist();
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = watch(page);
  // Requests of the service worker are not page requests: record them at the context too.
  const contextRequests = [];
  context.on('request', (request) => contextRequests.push(request.url()));
  try {
    await page.goto(site.url);
    await startBlankReport(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const all = [...record.requests, ...contextRequests];
    assert.ok(all.length >= 3, `expected the page, its script and its wasm; saw ${all.length}`);
    const foreign = all.filter((url) => !url.startsWith(site.origin + '/'));
    assert.deepEqual(foreign, []);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /'sha256-[A-Za-z0-9+/=]+'/, 'the inline start-up script hash was filled in');
    assert.doesNotMatch(csp, /__INLINE_SCRIPT_HASHES__/);
    assert.doesNotMatch(csp.match(/script-src[^;]*/)[0], /'unsafe-inline'|'unsafe-eval'/);
  } finally {
    await context.close();
    await site.stop();
  }
});

test('starts again with the network gone, once loaded', async () => {
  const site = await serveDist();
  const context = await browser.newContext();
  const page = await context.newPage();
  const record = watch(page);
  try {
    await page.goto(site.url);
    await startBlankReport(page);
    // The worker has precached every file of the build once it is active and controls the page.
    await untilServiceWorkerControls(page);
    // Take the network away twice over: the server is gone and the browser is offline.
    await site.stop();
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('h1.report-title').textContent(), '政府信息公开工作年度报告');
    // The editor's parts fetched on first use (src/parts.rs), never fetched while online: the
    // history and the drafts list.
    await page.locator('button.history').click();
    await page.locator('aside.history-panel').waitFor();
    await page.locator('button.drafts-list').click();
    await page.locator('main.drafts-screen h1.drafts-title').waitFor();
    assert.equal(await page.locator('.part-not-loaded').count(), 0);
    // The supervisor's page too, never opened while online.
    await page.locator('button.batch-check').click();
    await page.locator('main.batch-screen').waitFor();
    assert.match(await page.locator('h1.drafts-title').textContent(), /批量检查/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the first screen and opening a draft fetch none of the parts fetched on first use; a part that cannot be fetched says so and opens once it can', async () => {
  const site = await serveDist();
  // No service worker: the test's routes see every request, and nothing is precached.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const record = watch(page);
  const parts = () => record.requests.filter((url) => url.includes('/editor/parts/')).map((url) => url.replace(/^.*\/parts\//, ''));
  try {
    await page.goto(site.url);
    // A newcomer's first screen: the editor's own files only.
    await page.locator('.first-screen button.new-blank').waitFor();
    assert.deepEqual(parts(), []);
    await startBlankReport(page);
    await page.locator('#meta-agency').fill('某某街道办事处');
    // Opening the draft again (a reload): the editor alone.
    record.requests.length = 0;
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('#meta-agency').inputValue(), '某某街道办事处');
    assert.ok(record.requests.some((url) => /\/editor\/nianbao-app-[0-9a-f]{16}_bg\.wasm$/.test(url)), record.requests.join('\n'));
    assert.deepEqual(parts(), []);
    // The history: its part, fetched when first opened.
    await page.locator('button.history').click();
    await page.locator('aside.history-panel').waitFor();
    assert.ok(parts().some((name) => name.startsWith('split_history-')), parts().join(', '));
    await page.locator('button.history').click();
    // The 图解 with the network failing: a notice that says so, and the report as it was.
    await page.route('**/editor/parts/**', (route) => route.abort());
    await page.locator('button.show-figure').click();
    const notice = page.locator('.part-not-loaded[role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /未能载入/);
    assert.equal(await page.locator('#meta-agency').inputValue(), '某某街道办事处');
    assert.equal(await page.locator('section.figure-panel').count(), 0);
    // A JSON file picked while its import cannot be fetched: the notice says so, no draft is made.
    const before = page.url();
    await page.locator('.toolbar label.import-json input[type=file]').setInputFiles({
      name: 'report.json', mimeType: 'application/json', buffer: Buffer.from('{}'),
    });
    await until(async () => /未能载入/.test((await page.locator('.banner-notice .notice-text').textContent().catch(() => '')) ?? ''), 'the notice');
    assert.equal(page.url(), before);
    assert.equal(await page.locator('#meta-agency').inputValue(), '某某街道办事处');
    // Once it can be fetched, closing and opening it again shows it.
    await page.unroute('**/editor/parts/**');
    await page.locator('button.show-figure').click();
    await page.locator('button.show-figure').click();
    await page.locator('section.figure-panel').waitFor();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
    await site.stop();
  }
});
