// The help (使用说明): opened from the editor, in both languages, with its pictures (made by
// tools/help-pictures.mjs from the built app) and the rules' page (written from the rule
// catalogue); it opens offline, and axe-core finds nothing on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { sharedBrowserAndSite, serveDist, watch, startBlankReport, untilServiceWorkerControls, AXE_SCRIPT, axeViolations } from './harness.mjs';

const env = sharedBrowserAndSite();
/** Every picture of the page has loaded (a broken one has no natural width). */
const brokenPictures = (page) =>
  page.locator('img').evaluateAll((images) => images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src));

test('the help opens from the editor, offline too, with its pictures, in Chinese and English', async () => {
  // A server of its own, to be stopped.
  const site = await serveDist();
  const context = await env.browser.newContext();
  await context.addInitScript({ path: AXE_SCRIPT });
  const page = await context.newPage();
  const record = watch(page);
  try {
    await page.goto(site.url);
    await startBlankReport(page);
    await untilServiceWorkerControls(page);
    // The network gone: the help comes from the service worker's cache.
    await site.stop();
    await context.setOffline(true);

    const [help] = await Promise.all([context.waitForEvent('page'), page.locator('.app-header a.help-link').click()]);
    const helpRecord = watch(help);
    await help.waitForLoadState('load');
    assert.match(new URL(help.url()).pathname, /\/nianbao\/help\/$/);
    assert.match(await help.locator('h1').innerText(), /使用说明/);
    const pictures = await help.locator('img').count();
    assert.ok(pictures >= 5, `${pictures} pictures`);
    assert.deepEqual(await brokenPictures(help), []);
    for (const section of ['flow-title', 'findings-title', 'drafts-title', 'publish-title', 'supervisor-title', 'offline-title']) {
      assert.ok(await help.locator(`[id="${section}"]`).isVisible(), section);
    }
    assert.deepEqual(await axeViolations(help), [], 'axe-core on the help in Chinese');

    // English, by the page's switch; the Chinese blocks are hidden.
    await help.locator('#switch-language').click();
    assert.equal(await help.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await help.locator('h1').innerText(), /how to use it/);
    assert.deepEqual(await axeViolations(help), [], 'axe-core on the help in English');

    // The rules' page: every rule of the catalogue, offline too.
    await help.goto(new URL('rules.html', help.url()).href);
    assert.ok((await help.locator('tr[id="R3-balance"]').count()) === 1);
    assert.ok((await help.locator('tr[id="T-numbers"]').count()) === 1);
    assert.deepEqual(await axeViolations(help), [], 'axe-core on the rules');
    assert.deepEqual(helpRecord.pageErrors, []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
