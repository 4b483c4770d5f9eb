// Memory over openings: the editor opened from the drafts list again and again (list → open the
// first draft), and the wasm memory's length (it only grows) after a forced GC: after a warm-up,
// after `openings` more and after `openings` more again. Growth per opening is the second step's
// growth divided by `openings`. Also the drafts list refreshed (a rename) as many times.
//   node bench/openings.mjs [openings]        (after ./x build)
import { serveDist, launchBrowser, startBlankReport } from '../tests/e2e/harness.mjs';

export async function measureOpenings({ openings = 100 } = {}) {
  const site = await serveDist();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__benchWasmMemory = e.detail?.wasm?.memory; }));
    const page = await context.newPage();
    await page.goto(site.url);
    await startBlankReport(page);
    await page.locator('[id="meta-agency"]').fill('甲街道办事处');
    const cdp = await context.newCDPSession(page);
    const wasmBytes = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return page.evaluate(() => window.__benchWasmMemory.buffer.byteLength);
    };
    const steps = async (step, n) => { for (let i = 0; i < n; i++) await step(i); };
    const series = async (step) => {
      await steps(step, 10);
      const warm = await wasmBytes();
      await steps(step, openings);
      const first = await wasmBytes();
      await steps(step, openings);
      const second = await wasmBytes();
      return { warm, first, second, perStep: (second - first) / openings };
    };
    const open = async () => {
      await page.locator('button.drafts-list').click();
      await page.locator('.drafts-screen li.draft').first().waitFor();
      await page.locator('li.draft button.draft-title').first().click();
      await page.locator('h1.report-title').waitFor();
    };
    const openingsSeries = await series(open);
    await page.locator('button.drafts-list').click();
    const rename = async (i) => {
      await page.locator('li.draft button.rename-button').first().click();
      await page.locator('li.draft .rename-input').fill(`名称${i}`);
      await page.locator('li.draft .rename-input').press('Enter');
      await page.locator(`li.draft .draft-title:text("名称${i}")`).waitFor();
    };
    const refreshSeries = await series(rename);
    return { openings: openingsSeries, refreshes: refreshSeries, n: openings };
  } finally {
    await browser.close();
    await site.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureOpenings({ openings: Number(process.argv[2] ?? 100) });
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  for (const [what, s] of [['openings from the list', result.openings], ['list refreshes (rename)', result.refreshes]]) {
    console.log(`${what}: wasm ${kib(s.warm)} → ${kib(s.first)} → ${kib(s.second)} over 2 × ${result.n}: ${kib(s.perStep)} per step`);
  }
}
