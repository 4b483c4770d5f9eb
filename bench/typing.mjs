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

/** In the page: `keystrokes` keystrokes in table 三, then as many characters typed into 一, each timed. */
const typeInPage = async (keystrokes) => {
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
};

/** `cpuThrottle` 4 is DevTools' "4× slowdown" (Emulation.setCPUThrottlingRate): an older
 * office laptop. */
export async function measureTyping({ keystrokes = 200, cpuThrottle = 1, dist = undefined } = {}) {
  const site = await serveDist(dist ? { dist } : {});
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
    const result = await page.evaluate(typeInPage, keystrokes);
    return { table: summary(result.table), text: summary(result.text), findings: result.findings };
  } finally {
    await browser.close();
    await site.stop();
  }
}

/** Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi (as tests/firefox/
 * drives it), its clock to the microsecond as Chromium's, not rounded to the millisecond. */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: { 'privacy.reduceTimerPrecision': false },
  });
}

/** The same keystrokes in Debian's Firefox ESR (driven by puppeteer-core over WebDriver BiDi, as
 * tests/firefox/ does). Firefox has no CPU throttling to emulate: unthrottled only. */
export async function measureTypingFirefox({ keystrokes = 200, dist = undefined } = {}) {
  const site = await serveDist(dist ? { dist } : {});
  const browser = await launchFirefox();
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(site.url);
    await (await page.waitForSelector('.first-screen button.new-blank')).click();
    await page.waitForSelector('h1.report-title', { timeout: 30_000 });
    await page.waitForSelector('.reading-status', { hidden: true, timeout: 30_000 });
    const result = await page.evaluate(typeInPage, keystrokes);
    return { table: summary(result.table), text: summary(result.text), findings: result.findings, version: await browser.version() };
  } finally {
    await browser.close();
    await site.stop();
  }
}

// node bench/typing.mjs [--cpu-throttle R] [--against DIR [--runs N]] [--firefox]: with --against
// (a copy of dist/ made before a change), the two builds are measured alternately, N runs each,
// in both orders, so that the machine's drift over the runs falls on both; with --firefox, in
// Firefox ESR (unthrottled).
if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const cpuThrottle = Number(option('--cpu-throttle', 1));
  const against = option('--against', null);
  const fmt = (s) => `p50 ${s.p50.toFixed(1)} ms · p95 ${s.p95.toFixed(1)} ms · max ${s.max.toFixed(1)} ms (n=${s.n})`;
  const firefox = process.argv.includes('--firefox');
  if (firefox && cpuThrottle > 1) throw new Error('--firefox: Firefox has no CPU throttling to emulate');
  const measure = firefox ? measureTypingFirefox : measureTyping;
  if (against) {
    const builds = [['this dist/', undefined], [against, against]];
    const runs = Number(option('--runs', 3));
    const seen = builds.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const k of run % 2 ? [1, 0] : [0, 1]) {
        const result = await measure({ cpuThrottle, dist: builds[k][1] });
        seen[k].push(result);
        console.log(`${builds[k][0]}: 三 ${fmt(result.table)} · 一 ${fmt(result.text)}`);
      }
    }
    const mean = (values) => (values.reduce((a, b) => a + b, 0) / values.length).toFixed(1);
    for (const [k, [name]] of builds.entries()) {
      console.log(`${name}: mean p95 三 ${mean(seen[k].map((r) => r.table.p95))} ms, 一 ${mean(seen[k].map((r) => r.text.p95))} ms; mean max 三 ${mean(seen[k].map((r) => r.table.max))}, 一 ${mean(seen[k].map((r) => r.text.max))} ms`);
    }
  } else {
    const result = await measure({ cpuThrottle });
    if (result.version) console.log(`browser:                   ${result.version}`);
    console.log(`typing in table 三:        ${fmt(result.table)}`);
    console.log(`typing in 一、总体情况:    ${fmt(result.text)}`);
    console.log(`findings after the run:    ${result.findings}`);
  }
}
