// User journeys of the foundation: the app loads under a sub-path, makes no request to another
// host, and starts again with the network gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, watch, waitForApp, startBlankReport, untilServiceWorkerControls } from './harness.mjs';

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
    // The supervisor's page too, never opened while online.
    await page.locator('button.batch-check').click();
    await page.locator('main.batch-screen').waitFor();
    assert.match(await page.locator('h1.drafts-title').textContent(), /批量检查/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
