// Typing benchmark: from an input event to the updated findings laid out on the page, over
// 200 keystrokes in table 三 and 200 characters typed into 一、总体情况, in headless Chromium
// against the built dist/. Prints p50/p95/max in milliseconds (frame budget: 16 ms).
//
// Each keystroke sets the cell's value and dispatches the same `input` event the browser sends;
// the clock stops after the app's reactive updates have run (a macrotask later) and the page has
// been laid out (a forced layout). A keystroke that costs more than a frame shows here.
//
// Typing starts once the page is quiet: the report's text read by the tools worker (which loads
// on the first reading). Each keystroke goes to another cell, and the clock starts after the
// focus has moved there and the page has run what the move asks for (the last cell's blur, the
// new one's focus): a person's click or arrow key is a task of its own, before the keystroke.
import { serveDist, launchBrowser, startBlankReport } from '../tests/e2e/harness.mjs';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
}

/** `cpuThrottle` 4 is DevTools' "4× slowdown" (Emulation.setCPUThrottlingRate): an older
 * office laptop. */
export async function measureTyping({ keystrokes = 200, cpuThrottle = 1 } = {}) {
  const site = await serveDist();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(site.url);
    await startBlankReport(page);
    await page.locator('.reading-status').waitFor({ state: 'hidden' });
    if (cpuThrottle > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    }
    const result = await page.evaluate(async (keystrokes) => {
      // A macrotask without setTimeout's 4 ms clamp for nested timers.
      const settle = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
      // Each cell's text box hands the focus to the grid's input, which takes the cell's id.
      const cells = [...document.querySelectorAll('table.grid-requests .cell:not([aria-readonly]):not([readonly])')].map((c) => c.id || c.closest('.grid-scroll').querySelector(':scope > input').id);
      const table = [];
      for (let i = 0; i < keystrokes; i++) {
        document.getElementById(cells[i % cells.length]).focus();
        await Promise.resolve(); // the grid's input takes the focus in a microtask
        void document.body.offsetHeight; // the move's own style and layout, not the keystroke's
        const input = document.activeElement;
        input.value = String((i % 9) + 1);
        await settle();
        const start = performance.now();
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: input.value }));
        await settle();
        void document.body.offsetHeight;
        table.push(performance.now() - start);
        document.querySelector('.findings-summary').textContent; // the findings were updated
      }
      const area = document.getElementById('section-overview');
      area.focus();
      const text = [];
      for (let i = 0; i < keystrokes; i++) {
        area.value += '政';
        const start = performance.now();
        area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '政' }));
        await settle();
        void document.body.offsetHeight;
        text.push(performance.now() - start);
      }
      return { table, text, findings: document.querySelector('.findings-summary').textContent };
    }, keystrokes);
    return { table: summary(result.table), text: summary(result.text), findings: result.findings };
  } finally {
    await browser.close();
    await site.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--cpu-throttle');
  const result = await measureTyping({ cpuThrottle: at > 0 ? Number(process.argv[at + 1]) : 1 });
  const fmt = (s) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · max ${s.max.toFixed(1)} ms (n=${s.n})`;
  console.log(`typing in table 三:        ${fmt(result.table)}`);
  console.log(`typing in 一、总体情况:    ${fmt(result.text)}`);
  console.log(`findings after the run:    ${result.findings}`);
}
