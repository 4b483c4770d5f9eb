// The benchmark (issue 8), run by `./x bench` after it has built the release dist/ and the
// counter app: transfer size, load, typing, storage, memory and (with --with-core) the core's
// criterion benches, measured side by side in one run. Prints one table and writes it, with the
// machine, the date and the details, to docs/benchmarks.md.
//
//   node bench/run.mjs [--with-core] [--loads N] [--edits N] [--out FILE]
//   node bench/run.mjs --only storage | --only load | --only first-visit | --only supervisor-500 [--runs N] [--verbose] [--profile FILE]
//   node bench/run.mjs --only load-ab --against DIR [--loads N] [--cpu-throttle R]
//   node bench/run.mjs --only compiles [--loads N]
//   node bench/run.mjs --only warm-load [--loads N]   (a returning user's profile against cold loads)
//   node bench/run.mjs --only firefox [--loads N] [--against DIR]   (cold loads and typing in Firefox ESR)
//   NIANBAO_DIST          the app's dist folder (default dist/)
//   NIANBAO_COUNTER_DIST  the counter's dist folder (default target/counter-dist/)
//
// Timings are reported, never asserted: the machine is shared and noisy. The one deterministic
// budget (transfer size) is held by tests/e2e/budget.test.mjs. Browser code waits for
// conditions (mutations, macrotasks, frames), never for a fixed time.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transferSizes, editorPartSizes, BUDGET_GZIP_BYTES, EDITOR_PART_GZIP_BYTES, LATER_GZIP_BYTES } from './sizes.mjs';
import { contributors } from './wasm-contributors.mjs';
import { supervisorBatch, batchOnDisk, BATCH_COUNTS, BATCH_TOTAL } from './batch-files.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const WITH_CORE = args.includes('--with-core');
/** `--only storage`: the saves of the full report alone (needs the app's dist only), printed.
 * `--only load`: the cold loads of the app and the printable page, unthrottled and at 4×, printed.
 * `--only first-visit`: a first visit over Slow 4G (gzip) beside the printable page, printed.
 * `--only supervisor-500`: the supervisor's page checking 500 files at 4× CPU alone, printed. */
const ONLY = option('--only', null);
/** `--only load-ab --against DIR`: the cold loads of this dist/ and of another build (DIR: a copy
 * of dist/ made before a change) alternated in one run, in both orders, with the printable page
 * between them, so that the machine's drift falls on both builds alike: what a change to the
 * opening gains, beside the ±0.1× that one build's ratio moves with the machine's hour.
 * `--cpu-throttle R` loads them at R× CPU. */
const AGAINST = option('--against', null);
/** `--only compiles`: V8's compiles of the app's wasm functions on their first call, counted in a
 * trace of cold loads (`--loads N`, 5 unless given): before the report shows and until the
 * probe's end. Each first call of a function costs a compile on the page's main thread, whatever
 * its size: the count is what the opening's code can cut (bench/goals-not-met.md). */
const COMPILE_LOADS = Number(option('--loads', 5));
/** `--only warm-load`: is a returning user's load what the cold loads measure? One browser profile
 * kept on disk (the service worker installed, the caches warm, the editor opened and typed in
 * first so that V8 may tier its code up and cache it), its loads alternated with cold ones. */
const WARM_UPS = 3;
const WARM_UP_KEYSTROKES = 400;
const AB_CPU = Number(option('--cpu-throttle', 1));
const LOADS = Number(option('--loads', 20));
/** `--only supervisor-500 --runs 3`: how many times; `--verbose`: every figure, as JSON. */
const RUNS = Number(option('--runs', 1));
const VERBOSE = args.includes('--verbose');
/** `--profile FILE`: with `--only supervisor-500`, a CDP CPU profile of the batch, for DevTools. */
const PROFILE = option('--profile', null);
const OUT = resolve(ROOT, option('--out', 'docs/benchmarks.md'));
const APP_DIST = resolve(process.env.NIANBAO_DIST ?? join(ROOT, 'dist'));
const TARGET = resolve(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'));
const COUNTER_DIST = resolve(process.env.NIANBAO_COUNTER_DIST ?? join(TARGET, 'counter-dist'));
const SEED_TEXT = join(ROOT, 'crates/report/tests/fixtures/erdun-2023.txt');
const VIEWPORT = { width: 1366, height: 768 };
/** Drafts stored for the drafts-list measurement. */
const LIST_DRAFTS = 50;
/** DevTools' "4× slowdown" (Emulation.setCPUThrottlingRate): the older laptop of a 街道办. */
const THROTTLE = 4;
/** DevTools' "Slow 4G" preset: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up. */
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
/** Runs of each measurement under emulated conditions (each is slow). */
const SLOW_RUNS = 5;
/** How long a newcomer reads the first screen before a click, in one of the first-draft runs. */
const READING_MS = 5_000;
const SHUYANG_TEXT = join(ROOT, 'crates/report/tests/fixtures/shuyang-county-2025.txt');
const SAVES = 100;
const EDITS = Number(option('--edits', 8000));
/** Where memory is sampled: after opening, then at doubling edit counts up to EDITS, so that
 * growth which stops shows as a flat tail and growth per edit as equal steps that double. */
const MEMORY_POINTS = [0];
for (let n = Math.min(1000, EDITS); n < EDITS; n *= 2) MEMORY_POINTS.push(n);
MEMORY_POINTS.push(EDITS);

const log = (...parts) => console.error('bench:', ...parts);
const sh = (cmd, cmdArgs, options = {}) => (execFileSync(cmd, cmdArgs, { cwd: ROOT, encoding: 'utf8', ...options }) ?? '').trim();

// ---------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const ms = (v) => (v == null || Number.isNaN(v) ? '–' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const kb = (bytes) => (Number.isNaN(bytes) ? '–' : `${(bytes / 1000).toFixed(1)} KB`);
const mib = (bytes) => (bytes == null ? '–' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const spread = (s) => `p50 ${ms(s.p50)} · p95 ${ms(s.p95)} · max ${ms(s.max)}`;
const summary = (samples) => ({ n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), min: Math.min(...samples), median: median(samples) });

// ---------------------------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------------------------

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
  const tryRun = (cmd, cmdArgs) => {
    try {
      return sh(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return 'unknown';
    }
  };
  const dirty = tryRun('git', ['status', '--porcelain', '--untracked-files=no']);
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: tryRun('nproc', []),
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown',
    memory: `${(memKb / 2 ** 20).toFixed(1)} GiB`,
    rustc: tryRun('rustc', ['-V']),
    node: process.version,
    commit: `${tryRun('git', ['rev-parse', '--short', 'HEAD'])}${dirty && dirty !== 'unknown' ? ' + uncommitted changes' : ''}`,
    loadStart: loadavg()[0],
  };
}

// ---------------------------------------------------------------------------------------------
// The pages measured, and the site that serves them
// ---------------------------------------------------------------------------------------------

/** The seed as JSON v1 and as the core's printable HTML, made by the `nianbao` command. */
function seedFiles(dir) {
  const json = join(dir, 'seed.json');
  const html = join(dir, 'seed-printable.html');
  log('nianbao import + render (cargo run --profile cli --bin nianbao)');
  const run = (cliArgs) => sh('cargo', ['run', '-q', '--profile', 'cli', '--bin', 'nianbao', '--', ...cliArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
  run(['import', SEED_TEXT, '-o', json]);
  run(['render', json, '-o', html]);
  return { report: JSON.parse(readFileSync(json, 'utf8')), html };
}

/** A draft as the app stores it, in the shape of `nianbao_report::drafts::encode`
 * (crates/report/src/drafts.rs): the envelope's fields, then the report as JSON v1. */
function draftEnvelope(id, report, savedAt) {
  return JSON.stringify(
    { format: 'nianbao-draft', schema_version: 1, id, saved_at: savedAt, revision: 1, tab: 'tab-bench', auto_total: true, report },
    null,
    2,
  );
}

/** One folder served under /nianbao/ by the e2e harness: the app's dist as it is, the static
 * printable page of the seed beside it, the counter app in a sub-folder. */
function buildSite(printableHtml, dist = APP_DIST) {
  const site = mkdtempSync(join(tmpdir(), 'nianbao-bench-site-'));
  cpSync(dist, site, { recursive: true });
  cpSync(printableHtml, join(site, 'bench-printable.html'));
  if (!ONLY) cpSync(COUNTER_DIST, join(site, 'bench-counter'), { recursive: true });
  return site;
}

// ---------------------------------------------------------------------------------------------
// In-page probes (run as init scripts: they start before the page's own scripts)
// ---------------------------------------------------------------------------------------------

/** The app: the editor shows the report (the agency's name in its field, or any editor when
 * `agency` is null) and accepts input (a cell takes the focus, and typing into it reaches the
 * store: the autosave turns to "pending"). Then a frame. Sets window.__benchResult. */
function appProbe({ agency }) {
  if (window.top !== window) return;
  let startedAt = null;
  addEventListener('TrunkApplicationStarted', (event) => {
    startedAt = performance.now();
    window.__benchWasmMemory = event.detail?.wasm?.memory ?? null;
  });
  const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  let state = 'waiting';
  const shown = () => {
    const field = document.getElementById('meta-agency');
    if (!field || (agency !== null && field.value !== agency)) return null;
    return document.querySelector('table.grid-requests .cell:not([aria-readonly])');
  };
  async function probe(textBox, shownAt) {
    // The cell's text box takes the focus and hands it to the grid's input, which takes its id.
    const id = textBox.id;
    textBox.focus();
    await Promise.resolve();
    const cell = document.activeElement;
    if (!(cell instanceof HTMLInputElement) || cell.id !== id) return void (window.__benchResult = { error: 'the cell did not take the focus' });
    const focusedAt = performance.now();
    const typed = String((Number(cell.value) || 0) + 1);
    cell.value = typed;
    cell.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: typed.at(-1) }));
    for (let i = 0; ; i++) {
      await macrotask();
      const status = document.querySelector('.save-status');
      if (!status || status.dataset.state === 'pending') break;
      if (i > 10_000) return void (window.__benchResult = { error: 'typing did not reach the store' });
    }
    const storedAt = performance.now();
    if (cell.value !== typed) return void (window.__benchResult = { error: `the cell shows ${cell.value}, typed ${typed}` });
    await frame();
    const ready = performance.now();
    // For a trace of the load (`--only compiles`): where the probe's steps fall on its clock.
    performance.mark('bench-shown', { startTime: shownAt });
    performance.mark('bench-ready', { startTime: ready });
    // The page's main module (`…_bg.wasm`), not a part of it compiled early.
    const resources = performance.getEntriesByType('resource');
    const wasm = resources.find((e) => e.name.endsWith('_bg.wasm'));
    // What the editor needed before it showed: the JS, the CSS, the main wasm, its part.
    const files = resources.filter((e) => e.startTime < shownAt && /\.(js|css|wasm|bin)$/.test(new URL(e.name).pathname));
    window.__benchResult = {
      shown: shownAt,
      ready,
      wasmFetched: wasm?.responseEnd ?? null,
      // Where the time went (bench/run.mjs, loadPhases).
      phases: {
        page: performance.getEntriesByType('navigation')[0]?.responseEnd ?? null,
        files: files.length ? Math.max(...files.map((e) => e.responseEnd)) : null,
        started: startedAt,
        shown: shownAt,
        focused: focusedAt,
        stored: storedAt,
        ready,
      },
    };
  }
  const check = () => {
    if (state !== 'waiting') return;
    const cell = shown();
    if (!cell) return;
    state = 'probing';
    observer.disconnect();
    probe(cell, performance.now());
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  // A field's value is a property, not a mutation: look once a frame as well.
  const poll = () => { check(); if (state === 'waiting') requestAnimationFrame(poll); };
  requestAnimationFrame(poll);
}

/** The static page: parsed and loaded (the `load` event), then a frame: its first style and
 * layout come before that frame (a trace: the browser lays the page out after `load`). */
function staticProbe() {
  if (window.top !== window) return;
  let loadedAt = null;
  addEventListener('load', () => {
    loadedAt = performance.now();
    requestAnimationFrame(() => {
      const ready = performance.now();
      const page = performance.getEntriesByType('navigation')[0]?.responseEnd ?? null;
      window.__benchResult = { shown: ready, ready, phases: { page, loaded: loadedAt, ready } };
    });
  });
}

/** The counter: its button takes a click and the count shows it, then a frame. */
function counterProbe() {
  if (window.top !== window) return;
  const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });
  let state = 'waiting';
  const check = async () => {
    const button = document.querySelector('button.increment');
    if (state !== 'waiting' || !button) return;
    state = 'probing';
    observer.disconnect();
    const shownAt = performance.now();
    button.click();
    for (let i = 0; document.querySelector('.count')?.textContent !== '1'; i++) {
      if (i > 10_000) return void (window.__benchResult = { error: 'the counter did not count' });
      await macrotask();
    }
    requestAnimationFrame(() => { window.__benchResult = { shown: shownAt, ready: performance.now() }; });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** A first visit: the first screen shows its ways in and a button takes the focus. Then a frame. */
function firstScreenProbe() {
  if (window.top !== window) return;
  let state = 'waiting';
  const check = () => {
    const button = document.querySelector('.first-screen button.new-blank');
    if (state !== 'waiting' || !button) return;
    state = 'done';
    observer.disconnect();
    const shownAt = performance.now();
    button.focus();
    if (document.activeElement !== button) return void (window.__benchResult = { error: 'the first screen did not take the focus' });
    requestAnimationFrame(() => { window.__benchResult = { shown: shownAt, ready: performance.now() }; });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** The drafts list: every stored draft has its row. */
function listProbe({ rows }) {
  if (window.top !== window) return;
  let state = 'waiting';
  const check = () => {
    if (state !== 'waiting' || document.querySelectorAll('ul.drafts > li').length < rows) return;
    state = 'done';
    observer.disconnect();
    const shownAt = performance.now();
    requestAnimationFrame(() => { window.__benchResult = { shown: shownAt, ready: performance.now() }; });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** One cold load: a new browser context (empty cache, the given storage), navigation, and the
 * probe's result in milliseconds from the start of navigation. */
async function coldLoad(browser, url, probe, probeArg, storageState, conditions = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState });
  try {
    await context.addInitScript(probe, probeArg);
    const page = await context.newPage();
    await emulate(page, conditions);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__benchResult, null, { timeout: 60_000 });
    const result = await handle.jsonValue();
    if (result.error) throw new Error(`${url}: ${result.error}`);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Writes a returning user's stored items into `site`'s storage through `page` (Playwright's or
 * puppeteer's): from a missing file of the site, a page of the same origin that loads nothing. */
async function writeStorage(page, site, items) {
  await page.goto(`${site.url}bench-storage-step`);
  await page.evaluate((items) => { for (const { name, value } of items) localStorage.setItem(name, value); }, items);
}

/** Cold loads in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi, as tests/firefox/
 * drives it), the app and the printable page alternated, `loads` each: Firefox has no CPU
 * throttling to emulate, so unthrottled only. Each load is a new user context (its own cache and
 * storage). The storage a returning user has is written by a page of the same origin first (a
 * missing file of the site, which loads nothing), and the printable page gets the same first
 * step, so both find the connection to the server open. */
async function measureFirefoxLoads(builds, agency, { loads = LOADS } = {}) {
  const { launchFirefox } = await import('./typing.mjs');
  const browser = await launchFirefox();
  const coldLoad = async (site, url, items, probe, probeArg) => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setViewport(VIEWPORT);
      await writeStorage(page, site, items);
      await page.evaluateOnNewDocument(probe, probeArg);
      const errors = [];
      // Firefox asks for /favicon.ico of a page that names no icon, and the printable page's
      // policy (images from data: only) refuses it: its report, not the page's error.
      page.on('pageerror', (e) => { if (!String(e).includes('favicon.ico')) errors.push(String(e)); });
      await page.goto(url);
      const handle = await page.waitForFunction(() => window.__benchResult, { timeout: 60_000 });
      const result = await handle.jsonValue();
      if (result.error) throw new Error(`Firefox, ${url}: ${result.error}`);
      if (errors.length) throw new Error(`Firefox, ${url}: ${errors.join('; ')}`);
      return result;
    } finally {
      await context.close();
    }
  };
  try {
    // With two builds (an A/B), the loads alternate between them, in both orders.
    const apps = builds.map(() => []), printable = [];
    for (let i = 0; i < loads; i++) {
      const order = builds.map((_, k) => k);
      for (const k of i % 2 ? order.reverse() : order) {
        const { site, storage } = builds[k];
        apps[k].push(await coldLoad(site, site.url, storage?.origins?.flatMap((origin) => origin.localStorage) ?? [], appProbe, { agency }));
      }
      const { site } = builds[0];
      printable.push(await coldLoad(site, `${site.url}bench-printable.html`, [], staticProbe, undefined));
    }
    const of = (list, field) => list.map((r) => r[field]).filter((v) => v != null);
    return {
      version: await browser.version(),
      builds: apps.map((app) => ({ app: summary(of(app, 'ready')), appShown: summary(of(app, 'shown')), appPhases: loadPhases(app, APP_PHASES) })),
      printable: summary(of(printable, 'ready')),
      printablePhases: loadPhases(printable, PRINTABLE_PHASES),
    };
  } finally {
    await browser.close();
  }
}

/** A slower machine (`cpu`: the CPU throttling rate) or network (`network`: CDP's conditions),
 * for this page, from now on. */
async function emulate(page, { cpu = 1, network = null } = {}) {
  if (cpu === 1 && !network) return;
  const cdp = await page.context().newCDPSession(page);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
}

/** The storage a returning user has: the drafts written, then opened once by the app (which
 * writes its index and whatever else it keeps), as Playwright's storage state. Null when the
 * app did not open the seed from storage (no drafts feature in this build). */
async function preparedStorage(browser, site, drafts, expect, expectArg) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${site.origin}/nianbao/bench-printable.html`);
    await page.evaluate((drafts) => {
      for (const { id, text } of drafts) localStorage.setItem(`nianbao:draft:${id}`, text);
    }, drafts);
    await page.goto(site.url);
    try {
      await page.waitForFunction(expect, expectArg, { timeout: 30_000 });
    } catch {
      return null;
    }
    return await context.storageState();
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

async function measureLoads(browser, site, seedStorage, agency, { counter: withCounter = true } = {}) {
  const app = [], printable = [], counter = [];
  for (let i = 0; i < LOADS; i++) {
    app.push(await coldLoad(browser, site.url, appProbe, { agency }, seedStorage ?? undefined));
    printable.push(await coldLoad(browser, `${site.url}bench-printable.html`, staticProbe, undefined));
    if (withCounter) counter.push(await coldLoad(browser, `${site.url}bench-counter/`, counterProbe, undefined));
  }
  const appSlow = [], printableSlow = [];
  for (let i = 0; i < Math.max(SLOW_RUNS, LOADS / 2); i++) {
    appSlow.push(await coldLoad(browser, site.url, appProbe, { agency }, seedStorage ?? undefined, { cpu: THROTTLE }));
    printableSlow.push(await coldLoad(browser, `${site.url}bench-printable.html`, staticProbe, undefined, undefined, { cpu: THROTTLE }));
  }
  const of = (list, field) => list.map((r) => r[field]).filter((v) => v != null);
  return {
    appThrottled: summary(of(appSlow, 'ready')),
    printableThrottled: summary(of(printableSlow, 'ready')),
    app: summary(of(app, 'ready')),
    appShown: summary(of(app, 'shown')),
    appWasmFetched: summary(of(app, 'wasmFetched')),
    appPhases: loadPhases(app, APP_PHASES),
    printable: summary(of(printable, 'ready')),
    printablePhases: loadPhases(printable, PRINTABLE_PHASES),
    counter: summary(of(counter, 'ready')),
  };
}

/** The phases of a cold load, in order: the key each probe records and what it marks. */
const APP_PHASES = [
  ['page', 'the page (index.html) received'],
  ['files', "the editor's files received (JS, CSS, main wasm, the editor's part)"],
  ['started', "the main module compiled and run: the draft read, the toolbar drawn (the start-up script's event)"],
  ['shown', "the editor's part run: the report drawn, its agency in its field"],
  ['focused', 'a cell of 三 focused: the first style and layout, forced, and the scroll to it'],
  ['stored', 'the typed value in the store (autosave pending): the input handled, and the frame the browser renders first'],
  ['ready', 'the next frame'],
];
const PRINTABLE_PHASES = [
  ['page', 'the page received'],
  ['loaded', 'parsed: its `load` event'],
  ['ready', 'the next frame, once its first style and layout are done'],
];

/** For each phase, the median time from navigation and the median step from the phase before
 * (of the per-load differences). Each phase counts as no earlier than the one before it: the
 * start-up script's event may come after the report shows. */
function loadPhases(results, phases) {
  const loads = results.map((r) => r.phases).filter(Boolean).map((recorded) => {
    const times = [];
    for (const [key] of phases) times.push(recorded[key] == null ? null : Math.max(recorded[key], times.at(-1) ?? 0));
    return times;
  });
  return phases.map(([key, what], i) => {
    const at = loads.map((times) => times[i]).filter((t) => t != null);
    const step = loads
      .filter((times) => times[i] != null && (i === 0 || times[i - 1] != null))
      .map((times) => times[i] - (i === 0 ? 0 : times[i - 1]));
    return { key, what, at: at.length ? median(at) : null, step: step.length ? median(step) : null };
  });
}

/** Autosave of the full report through the app: an edit, then Ctrl+S, which runs the app's
 * save synchronously (read the stored draft, decide, encode, write, read back and compare,
 * history, index). Then the floor: the same JSON through the browser alone. */
async function measureStorage(browser, site, seedStorage) {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: seedStorage });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await page.locator('table.grid-requests .cell:not([aria-readonly])').first().waitFor({ timeout: 30_000 });
    return await page.evaluate(async ({ saves }) => {
      const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });
      const key = Object.keys(localStorage).find((k) => k.startsWith('nianbao:draft:'));
      const revision = () => Number(/"revision":\s*(\d+)/.exec(localStorage.getItem(key) ?? '')?.[1]);
      const cells = [...document.querySelectorAll('table.grid-requests .cell:not([aria-readonly])')].map((c) => c.id || c.closest('.grid-scroll').querySelector(':scope > input').id);
      // A cell is edited in the grid's input, which its text box hands the focus to.
      const edit = async (id) => { document.getElementById(id).focus(); await Promise.resolve(); return document.activeElement; };
      const app = [];
      for (let i = 0; i < saves; i++) {
        const cell = await edit(cells[(i * 7) % cells.length]);
        cell.value = String(((Number(cell.value) || 0) + 1) % 1000);
        cell.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: cell.value.at(-1) }));
        await macrotask();
        const before = revision();
        const start = performance.now();
        dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));
        const took = performance.now() - start;
        if (revision() !== before + 1) return { error: `save ${i} wrote no new revision (${before} → ${revision()})` };
        app.push(took);
        await macrotask();
      }
      const text = localStorage.getItem(key);
      const value = JSON.parse(text);
      // performance.now() is coarse (0.1 ms) outside an isolated page: time ten at a time.
      const floor = [];
      for (let i = 0; i < saves; i++) {
        const start = performance.now();
        for (let j = 0; j < 10; j++) {
          localStorage.setItem('nianbao-bench:floor', JSON.stringify(value));
          JSON.parse(localStorage.getItem('nianbao-bench:floor'));
        }
        floor.push((performance.now() - start) / 10);
      }
      localStorage.removeItem('nianbao-bench:floor');
      const sizeOf = (k) => (localStorage.getItem(k) ?? '').length;
      return {
        app,
        floor,
        draftChars: text.length,
        draftBytes: new TextEncoder().encode(text).length,
        historyChars: sizeOf(key.replace('nianbao:draft:', 'nianbao:history:')),
        indexChars: sizeOf('nianbao:index'),
      };
    }, { saves: SAVES });
  } finally {
    await context.close();
  }
}

/** The drafts list with 50 drafts stored: a cold load to the list, and from the editor the
 * Drafts button to the list. */
async function measureDraftsList(browser, site, listStorage) {
  const cold = [];
  for (let i = 0; i < Math.max(5, LOADS / 2); i++) {
    cold.push((await coldLoad(browser, site.url, listProbe, { rows: LIST_DRAFTS }, listStorage)).ready);
  }
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: listStorage });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}#draft=bench-01`);
    await page.locator('button.drafts-list').waitFor({ timeout: 30_000 });
    const opening = (times) => page.evaluate(async ({ rows, times }) => {
      const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });
      const samples = [];
      for (let i = 0; i < times; i++) {
        const start = performance.now();
        document.querySelector('button.drafts-list').click();
        for (let n = 0; document.querySelectorAll('ul.drafts > li').length < rows; n++) {
          if (n > 10_000) return { error: 'the list did not show every draft' };
          await macrotask();
        }
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        samples.push(performance.now() - start);
        document.querySelector('ul.drafts > li button.draft-title').click();
        for (let n = 0; !document.getElementById('meta-agency'); n++) {
          if (n > 10_000) return { error: 'the draft did not open from the list' };
          await macrotask();
        }
      }
      return { samples };
    }, { rows: LIST_DRAFTS, times });
    const fromEditor = await opening(10);
    if (fromEditor.error) throw new Error(fromEditor.error);
    await emulate(page, { cpu: THROTTLE });
    const throttled = await opening(SLOW_RUNS);
    if (throttled.error) throw new Error(throttled.error);
    return { cold: summary(cold), fromEditor: summary(fromEditor.samples), fromEditorThrottled: summary(throttled.samples) };
  } finally {
    await context.close();
  }
}

/** A first visit over Slow 4G (gzip, as a server sends it): the first screen ready for a click,
 * beside the printable page over the same network; unthrottled and at THROTTLE× CPU. */
async function measureFirstVisit(browser, gzipSite) {
  const result = {};
  for (const cpu of [1, THROTTLE]) {
    const app = [], printable = [];
    for (let i = 0; i < SLOW_RUNS; i++) {
      app.push((await coldLoad(browser, gzipSite.url, firstScreenProbe, undefined, undefined, { cpu, network: SLOW_4G })).ready);
      printable.push((await coldLoad(browser, `${gzipSite.url}bench-printable.html`, staticProbe, undefined, undefined, { cpu, network: SLOW_4G })).ready);
    }
    result[cpu] = { app: summary(app), printable: summary(printable) };
  }
  return result;
}

/** A newcomer's first draft over Slow 4G (gzip): on the first screen, 新建空白年报 clicked
 * `readingMs` after it shows, until the editor's grid is there: the editor's part, fetched once
 * the first screen is idle, comes over the network beside the service worker's precaching.
 * Milliseconds from the click, measured from Node. */
async function measureFirstDraft(browser, gzipSite, readingMs) {
  const times = [];
  for (let i = 0; i < SLOW_RUNS; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      await emulate(page, { network: SLOW_4G });
      await page.goto(gzipSite.url);
      const button = page.locator('.first-screen button.new-blank');
      await button.waitFor({ timeout: 60_000 });
      await page.waitForTimeout(readingMs);
      const start = performance.now();
      await button.click();
      await page.locator('table.grid-requests .cell').first().waitFor({ state: 'attached', timeout: 60_000 });
      times.push(performance.now() - start);
    } finally {
      await context.close();
    }
  }
  return summary(times);
}

/** The tools worker on first use, each in a fresh profile (the worker cold): a published report
 * pasted on the first screen until its preview shows (沭阳县 2025), the 图解 until its drawing
 * shows, the Word file until its download starts. Milliseconds, measured from Node around the
 * click (a few ms of the driver's own included). `cpu`: the CPU throttling rate. */
async function measureToolsFirstUse(browser, site, seedStorage, cpu) {
  const text = readFileSync(SHUYANG_TEXT, 'utf8');
  const timed = async (act, done) => {
    const start = performance.now();
    await Promise.all([done(), act()]);
    return performance.now() - start;
  };
  const importPreview = [], figure = [], word = [];
  for (let i = 0; i < SLOW_RUNS; i++) {
    for (const [samples, storageState, run] of [
      [importPreview, undefined, async (page) => {
        await page.locator('.first-screen button.paste-last-year').click();
        await page.locator('.paste-import-dialog .paste-area').fill(text);
        return timed(() => page.locator('button.read-published').click(), () => page.locator('.import-preview').waitFor({ timeout: 60_000 }));
      }],
      [figure, seedStorage, (page) => timed(() => page.locator('button.show-figure').click(), () => page.locator('.figure-panel .figure svg').waitFor({ timeout: 60_000 }))],
      [word, seedStorage, (page) => timed(() => page.locator('button.export-docx').click(), () => page.waitForEvent('download', { timeout: 60_000 }))],
    ]) {
      const context = await browser.newContext({ viewport: VIEWPORT, storageState, acceptDownloads: true });
      try {
        const page = await context.newPage();
        await page.goto(site.url);
        await page.locator(storageState ? 'h1.report-title' : '.first-screen').waitFor({ timeout: 60_000 });
        await emulate(page, { cpu });
        samples.push(await run(page));
      } finally {
        await context.close();
      }
    }
  }
  return { importPreview: summary(importPreview), figure: summary(figure), word: summary(word) };
}

/** In the supervisor's page, before its files are picked: long tasks (a PerformanceObserver for
 * 'longtask'), the moment the files are handed in (the input's change event), the progress bar
 * and its 停止读取 button while reading, the moment the count reaches `total`, the clicks on the
 * language switch and when the page's language changed after each (then a frame), and every
 * localStorage write (the kept batch), timed. Results in window.__supervisorBench. */
function supervisorProbe({ total }) {
  const s = (window.__supervisorBench = { longTasks: [], clicks: [], writes: [], counts: [], pickedAt: null, doneAt: null, keptAt: null, bar: false, stop: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) s.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  document.addEventListener('change', (ev) => {
    if (s.pickedAt === null && ev.target.closest?.('.pick-files')) s.pickedAt = performance.now();
  }, true);
  // Dropped: the drop event comes once the browser has made the files (in the same task).
  addEventListener('drop', () => {
    if (s.pickedAt === null) s.pickedAt = performance.now();
  }, true);
  // A folder, or files in Chromium's own picker: from the click on 选择文件夹… or 选择文件… (the
  // picker's answer and the files taken from it are the app's).
  document.addEventListener('click', (ev) => {
    if (s.pickedAt === null && ev.target.closest?.('button.pick-folder, .pick-files')) s.pickedAt = performance.now();
  }, true);
  const progress = () => {
    const p = document.querySelector('.batch-progress');
    return p ? { done: Number(p.dataset.done), total: Number(p.dataset.total), p } : null;
  };
  document.addEventListener('click', (ev) => {
    if (!ev.target.closest?.('button.switch-language')) return;
    const state = progress();
    s.clicks.push({ input: ev.timeStamp, at: performance.now(), lang: document.documentElement.lang, done: state?.done ?? null, reading: !!state && state.done < state.total, answered: null, painted: null });
  }, true);
  new MutationObserver(() => {
    const click = s.clicks.at(-1);
    if (!click || click.answered !== null || document.documentElement.lang === click.lang) return;
    click.answered = performance.now();
    requestAnimationFrame(() => { click.painted = performance.now(); });
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  new MutationObserver(() => {
    const state = progress();
    if (!state) return;
    if (state.done !== s.counts.at(-1)?.done) s.counts.push({ at: performance.now(), done: state.done });
    if (state.done < state.total && s.stop === null) {
      s.bar = !!state.p.querySelector('progress');
      s.stop = state.p.querySelector('button.stop-reading')?.textContent.trim() ?? '';
    }
    if (s.doneAt === null && state.done === total && state.total === total) s.doneAt = performance.now();
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done'] });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const start = performance.now();
    const write = { key, chars: String(value).length, start, took: null, refused: false };
    s.writes.push(write);
    try {
      return setItem.call(this, key, value);
    } catch (error) {
      write.refused = true;
      throw error;
    } finally {
      write.took = performance.now() - start;
      // The batch saved (its index written after it), or its save refused: the batch is done.
      if (s.doneAt !== null && s.keptAt === null && (key === 'nianbao:batch-index' || (write.refused && key.startsWith('nianbao:batch:')))) {
        s.keptAt = performance.now();
      }
    }
  };
}

/** The supervisor's page checks BATCH_TOTAL files (bench/batch-files.mjs: report JSONs, published
 * pages, broken files) at THROTTLE× CPU, picked as a user picks them: `how` is 'picker' (选择文件…
 * in Chromium, its own picker answering with handles of the files), 'input' (the same files
 * handed to the file input from disk, as browsers without that picker take them), 'drop' (the
 * same files dropped on the page from disk, through DevTools' drag events) or 'folder' (the
 * folder that holds them picked, its files of a report's type read): the longest task
 * and the long tasks over 200 ms (the browser taking the picked files, reading, a click on the
 * language switch, and the end, when the batch is linked to last years and kept), the time until
 * all are read and until the batch is kept, and whether clicks on the language switch are
 * answered while reading (one click each time another 50 files are read). With `profile` (a
 * file name), a CDP CPU profile of it, and the page's record beside it (FILE.page.json). */
async function measureSupervisor500(browser, site, { profile = null, how = 'picker' } = {}) {
  const folder = how === 'folder';
  const { dir, paths } = batchOnDisk(supervisorBatch());
  // A folder's files of other types (Word, pictures) are left out, as the app's picker does.
  const total = folder ? paths.filter((path) => /\.(json|txt|html?)$/i.test(path)).length : BATCH_TOTAL;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url);
    await page.locator('.first-screen button.new-blank').click();
    await page.locator('h1.report-title').waitFor({ timeout: 60_000 });
    await page.locator('button.batch-check').click();
    await page.locator('main.batch-screen').waitFor({ timeout: 60_000 });
    if (how === 'picker' || how === 'folder') await folderOfFiles(page, paths);
    await page.evaluate(supervisorProbe, { total });
    await emulate(page, { cpu: THROTTLE });
    let profiler = null;
    if (profile) {
      profiler = await context.newCDPSession(page);
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 500 });
      await profiler.send('Profiler.start');
    }
    // A mark to align the profile's clock (microseconds) with the page's: a function of this
    // name that runs 5 ms, started at the page time returned.
    const mark = () => page.evaluate(() => {
      const at = performance.now();
      (function __benchProfileMark() { const end = performance.now() + 5; while (performance.now() < end); })();
      return at;
    });
    const marks = profile ? [await mark()] : [];
    const wallStart = performance.now();
    if (folder) {
      await page.locator('button.pick-folder').click();
    } else if (how === 'picker') {
      await page.locator('.pick-files').click();
    } else if (how === 'drop') {
      // Files from disk dragged over the page and dropped, as from the file manager.
      const cdp = await context.newCDPSession(page);
      const data = { items: [], files: paths, dragOperationsMask: 1 };
      for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, x: VIEWPORT.width / 2, y: VIEWPORT.height / 2, data });
    } else {
      // From disk (paths, not buffers: Playwright would build the files in the page itself).
      await page.locator('.pick-files input').setInputFiles(paths);
    }
    // The progress bar: the files handed in (a folder's once listed).
    await page.locator('.batch-progress').waitFor({ timeout: 5 * 60_000 });
    const progress = () => page.evaluate(() => {
      const p = document.querySelector('.batch-progress');
      return { done: Number(p?.dataset.done), total: Number(p?.dataset.total) };
    });
    const deadline = Date.now() + 15 * 60_000;
    const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
    // A click on the language switch each time another 50 files are read.
    for (let at = 25; at < total; at += 50) {
      let state;
      while ((state = await progress()).done < at && state.done < state.total) {
        if (Date.now() > deadline) throw new Error(`supervisor: ${state.done} of ${state.total} read after 15 minutes`);
        await pause();
      }
      if (state.done >= state.total) break;
      await page.locator('button.switch-language').click();
    }
    for (;;) {
      const kept = await page.evaluate(() => window.__supervisorBench.keptAt !== null);
      if (kept) break;
      if (Date.now() > deadline) throw new Error(`supervisor: not done after 15 minutes (${JSON.stringify(await progress())})`);
      await pause();
    }
    const wall = performance.now() - wallStart;
    // The task that kept the batch ends, and the long-task entries are delivered.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    if (profiler) {
      marks.push(await mark());
      const { profile: cpuProfile } = await profiler.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(cpuProfile));
      // Beside it, the page's own record (its clock): long tasks, clicks, counts, writes.
      const record = await page.evaluate(() => window.__supervisorBench);
      writeFileSync(`${profile}.page.json`, JSON.stringify({ marks, ...record }));
      log(`CPU profile written to ${profile} (the page's record beside it, .page.json)`);
    }
    await emulate(page, { cpu: 1 });
    const s = await page.evaluate(() => window.__supervisorBench);
    // The table shows a page of rows at a time; its data-rows counts every row of the filter.
    const rowsOf = async () => Number(await page.locator('table.batch-table').getAttribute('data-rows'));
    const rows = await rowsOf();
    await page.locator('select.batch-filter').selectOption('unread');
    const unread = await rowsOf();
    await page.locator('select.batch-filter').selectOption('all');
    const stopAfter = await page.locator('.batch-progress button.stop-reading').count();
    const full = await page.locator('.banner-full').count();
    if (errors.length) throw new Error(`supervisor: ${errors.join('; ')}`);
    if (rows !== total) throw new Error(`supervisor: ${rows} rows for ${total} files`);
    // What each long task was part of: the browser taking the picked files (the task that
    // dispatched the input's change event), a click on the language switch, the end (the task
    // in which the count reached the total and those after it: link_last_years, keep), or the
    // reading itself (a file read and checked, its row drawn).
    const partOf = (t) => {
      const end = t.start + t.duration;
      if (t.start <= s.pickedAt && s.pickedAt <= end) return 'pick';
      if (end >= s.doneAt) return 'end';
      if (s.clicks.some((c) => c.at >= t.start && c.at <= end)) return 'clicks';
      return 'reading';
    };
    const longest = (tasks) => (tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0);
    const classes = { pick: [], reading: [], clicks: [], end: [] };
    for (const t of s.longTasks) classes[partOf(t)].push(t);
    const batchWrite = s.writes.filter((w) => w.key.startsWith('nianbao:batch:')).at(-1) ?? null;
    const whileReading = s.clicks.filter((c) => c.reading);
    return {
      how,
      folder,
      total,
      longest: longest(s.longTasks),
      over200: s.longTasks.filter((t) => t.duration > 200).length,
      longTasks: s.longTasks.length,
      byPart: Object.fromEntries(Object.entries(classes).map(([k, v]) => [k, { n: v.length, over200: v.filter((t) => t.duration > 200).length, longest: longest(v) }])),
      endTasks: classes.end.map((t) => ({ start: Math.round(t.start - s.doneAt), duration: t.duration })),
      // Each task over 200 ms: when (from the files handed in), how long, how many files were
      // read by then, and what it was part of.
      tasksOver200: s.longTasks.filter((t) => t.duration > 200).map((t) => ({
        start: Math.round(t.start - s.pickedAt),
        duration: t.duration,
        done: s.counts.filter((c) => c.at <= t.start).at(-1)?.done ?? 0,
        part: partOf(t),
      })),
      readMs: s.doneAt - s.pickedAt,
      // Until the progress bar counts the files: for a folder, the picker's answer and the listing.
      listedMs: (s.counts[0]?.at ?? NaN) - s.pickedAt,
      keptMs: s.keptAt - s.pickedAt,
      wallMs: wall,
      clicks: whileReading.length,
      answered: whileReading.filter((c) => c.answered !== null).length,
      clickToPaint: whileReading.filter((c) => c.painted !== null).map((c) => c.painted - c.input),
      bar: s.bar,
      stop: s.stop,
      stopAfter,
      rows,
      unread,
      kept: !full && !(batchWrite?.refused ?? true),
      batchWrite,
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The batch's files written into a folder of the page's origin private file system, the page's
 * folder picker answering with that folder and its file picker with its files (in the order of
 * `paths`, by name, as the picker lists them): Playwright cannot answer Chromium's own pickers,
 * and handles of the disk's files are read through the same promises. */
async function folderOfFiles(page, paths) {
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('bench-batch', { recursive: true }).catch(() => {});
    window.__benchFolder = await root.getDirectoryHandle('bench-batch', { create: true });
    window.showDirectoryPicker = async () => window.__benchFolder;
  });
  const names = paths.map((path) => basename(path));
  for (let at = 0; at < paths.length; at += 25) {
    const files = paths.slice(at, at + 25).map((path) => ({ name: basename(path), base64: readFileSync(path).toString('base64') }));
    await page.evaluate(async (files) => {
      for (const { name, base64 } of files) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const writable = await (await window.__benchFolder.getFileHandle(name, { create: true })).createWritable();
        await writable.write(bytes);
        await writable.close();
      }
    }, files);
  }
  await page.evaluate(async (names) => {
    const handles = await Promise.all(names.map((name) => window.__benchFolder.getFileHandle(name)));
    window.showOpenFilePicker = async () => handles;
  }, names);
}

/** One line of the supervisor's figures. */
const supervisorLine = (r) => {
  const part = (name, label) => `${label} ${r.byPart[name].over200} (longest ${ms(r.byPart[name].longest)})`;
  const how = { picker: "picked in Chromium's picker", input: 'given to the file input', drop: 'dropped on the page' }[r.how];
  const pick = { folder: 'the click on 选择文件夹…', picker: 'the click on 选择文件…', input: 'taking the picked files', drop: 'taking the dropped files' }[r.how];
  return `${r.folder ? `a folder (${r.total} report files read)` : `${r.total} files ${how}`}: longest task ${ms(r.longest)}; ${r.longTasks} long tasks, ${r.over200} over 200 ms: ` +
    `${part('pick', pick)}, ${part('reading', 'reading')}, ${part('clicks', 'on a language click')}, ${part('end', 'at the end')}; ` +
    `${r.how === 'picker' || r.folder ? `listed in ${(r.listedMs / 1000).toFixed(2)} s, ` : ''}all ${r.total} read in ${(r.readMs / 1000).toFixed(1)} s, kept after ${(r.keptMs / 1000).toFixed(1)} s; ` +
    `${r.answered}/${r.clicks} clicks on the language switch answered while reading (click → painted max ${ms(Math.max(...r.clickToPaint))}); ` +
    `progress bar ${r.bar ? 'shown' : 'MISSING'}, 停止读取 ${r.stop === '停止读取' ? 'shown' : r.stop === null ? 'NOT SEEN' : `shown as “${r.stop}”`} while reading${r.stopAfter ? ', STILL THERE after' : ''}; ` +
    `${r.rows} rows, ${r.unread} unread; batch ${r.kept ? `kept (${(r.batchWrite.chars / 1e6).toFixed(2)} M characters, setItem ${ms(r.batchWrite.took)})` : 'NOT KEPT (storage refused it)'}`;
};

/** JS heap (CDP Runtime.getHeapUsage after a forced GC) and the wasm memory (its buffer's
 * length: wasm memory only grows) after opening the seed and at MEMORY_POINTS edits. */
async function measureMemory(browser, site, seedStorage, agency) {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: seedStorage ?? undefined });
  try {
    await context.addInitScript(appProbe, { agency });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => window.__benchResult, null, { timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    const sample = async (edits) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__benchWasmMemory?.buffer.byteLength ?? null);
      return { edits, jsHeap: heap.usedSize, wasm };
    };
    const series = [await sample(0)];
    for (let at = 1; at < MEMORY_POINTS.length; at++) {
      const done = MEMORY_POINTS[at - 1];
      const error = await page.evaluate(async ({ from, count }) => {
        const macrotask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });
        const cells = [...document.querySelectorAll('table.grid-requests .cell:not([aria-readonly]):not([readonly])')].map((c) => c.id || c.closest('.grid-scroll').querySelector(':scope > input').id);
        // A cell is edited in the grid's input, which its text box hands the focus to.
        const edit = async (id) => { document.getElementById(id).focus(); await Promise.resolve(); return document.activeElement; };
        const area = document.getElementById('section-overview');
        for (let i = from; i < from + count; i++) {
          // Four in five edits are numbers in table 三, one in five a character typed into 一
          // or deleted from it: 200 typed, then 200 deleted, so that the text does not grow
          // without end and growth in memory is the app's, not the report's.
          const target = i % 5 === 4 && area ? area : await edit(cells[i % cells.length]);
          const deleting = target === area && Math.floor(i / 5 / 200) % 2 === 1;
          if (target === area) target.value = deleting ? target.value.slice(0, -1) : target.value + '政';
          else target.value = String((i % 97) + 1);
          target.dispatchEvent(new InputEvent('input', deleting
            ? { bubbles: true, inputType: 'deleteContentBackward' }
            : { bubbles: true, inputType: 'insertText', data: target.value.at(-1) }));
          await macrotask();
        }
        return cells.length ? null : 'no editable cell';
      }, { from: done, count: MEMORY_POINTS[at] - done });
      if (error) throw new Error(error);
      series.push(await sample(MEMORY_POINTS[at]));
    }
    return series;
  } finally {
    await context.close();
  }
}

/** `cargo bench` of the core (minutes), parsed from criterion's output. */
function runCoreBenches() {
  log('cargo bench -p nianbao-report --bench core (minutes)');
  const out = sh('cargo', ['bench', '-p', 'nianbao-report', '--bench', 'core'], { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });
  const rows = [];
  let name = null;
  for (const line of out.split('\n')) {
    const named = /^(\S.*?)\s+time:\s+\[(.*)\]/.exec(line);
    const timeOnly = /^\s+time:\s+\[(.*)\]/.exec(line);
    const thrpt = /^\s+thrpt:\s+\[(.*)\]/.exec(line);
    if (named) rows.push({ name: named[1], time: named[2].split(/\s+(?=\d)/)[1], thrpt: null });
    else if (timeOnly && name) rows.push({ name, time: timeOnly[1].split(/\s+(?=\d)/)[1], thrpt: null });
    else if (thrpt && rows.length) rows.at(-1).thrpt = thrpt[1].split(/\s+(?=\d)/)[1];
    else if (/^\S/.test(line) && !/^(Benchmarking|Found|Gnuplot|\s)/.test(line)) name = line.trim();
  }
  return rows;
}

/** The tables of figures in docs/core-benchmarks.md (those with a median or files/second
 * column), when that file is there. */
function coreFromDocs() {
  const path = join(ROOT, 'docs/core-benchmarks.md');
  if (!existsSync(path)) return null;
  const tables = [];
  let current = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line);
    else if (current) { tables.push(current); current = null; }
  }
  if (current) tables.push(current);
  const figures = tables.filter((t) => /\| (median|files\/second) /.test(t[0]) || /files\/second/.test(t[0]));
  return { table: figures.length ? figures.map((t) => t.join('\n')).join('\n\n') : null };
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

if (ONLY === 'storage') await onlyStorage();
else if (ONLY === 'load') await onlyStorage({ loads: true });
else if (ONLY === 'firefox') await onlyStorage();
else if (ONLY === 'first-visit') await onlyFirstVisit();
else if (ONLY === 'supervisor-500') await onlySupervisor();
else if (ONLY === 'load-ab') await onlyLoadAb();
else if (ONLY === 'compiles') await onlyCompiles();
else if (ONLY === 'warm-load') await onlyWarmLoad();
else if (ONLY) throw new Error(`--only ${ONLY}: only \`--only storage\`, \`--only load\`, \`--only load-ab\`, \`--only compiles\`, \`--only warm-load\`, \`--only first-visit\`, \`--only supervisor-500\` and \`--only firefox\` are known`);

/** Cold loads of the seed traced with V8's wasm events: the functions compiled on their first
 * call (`wasm.CompileLazy`, on the page's main thread), before the report shows and until the
 * probe's end, with their time and Liftoff's share of it; medians over the loads. */
async function onlyCompiles() {
  await withSeededBuilds([APP_DIST], async ({ browser, agency, builds: [build] }) => {
    const loads = [];
    for (let i = 0; i < COMPILE_LOADS; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT, storageState: build.storage });
      try {
        await context.addInitScript(appProbe, { agency });
        const page = await context.newPage();
        await browser.startTracing(page, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing'] });
        await page.goto(build.site.url, { waitUntil: 'commit' });
        const result = await (await page.waitForFunction(() => window.__benchResult, null, { timeout: 60_000 })).jsonValue();
        if (result.error) throw new Error(result.error);
        loads.push(compilesOf(JSON.parse((await browser.stopTracing()).toString())));
      } finally {
        await context.close();
      }
    }
    const of = (key) => median(loads.map((load) => load[key]));
    console.log(`${COMPILE_LOADS} cold loads, traced (medians):`);
    console.log(`functions compiled on first call before the report shows: ${of('beforeShown')}; until the probe's end: ${of('beforeReady')} (${of('small')} of them under 50 bytes)`);
    console.log(`their compiles until the probe's end: ${ms(of('compileMs'))}, of which Liftoff's code ${ms(of('liftoffMs'))} (with the tracing's own cost)`);
  });
}

/** The seed's loads in a profile kept on disk, alternated with cold loads (`--loads N` each), and
 * the compiles on first call of one more warm load, from a trace. */
async function onlyWarmLoad() {
  await withSeededBuilds([APP_DIST], async ({ browser, agency, builds: [build] }) => {
    const { launchWithProfile } = await import('../tests/e2e/harness.mjs');
    const profile = mkdtempSync(join(tmpdir(), 'nianbao-profile-'));
    const context = await launchWithProfile(profile, { viewport: VIEWPORT });
    try {
      const first = await context.newPage();
      await writeStorage(first, build.site, build.storage.origins.flatMap((origin) => origin.localStorage));
      await first.close();
      await context.addInitScript(appProbe, { agency });
      const warmLoad = async ({ keystrokes = 0, stay = 300, traced = false } = {}) => {
        const page = await context.newPage();
        const events = [];
        let cdp, complete;
        if (traced) {
          cdp = await context.newCDPSession(page);
          cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
          complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
          await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing'] } });
        }
        await page.goto(build.site.url, { waitUntil: 'commit' });
        const result = await (await page.waitForFunction(() => window.__benchResult, null, { timeout: 60_000 })).jsonValue();
        if (result.error) throw new Error(result.error);
        if (traced) {
          await cdp.send('Tracing.end');
          await complete;
          result.compiles = compilesOf(events);
        }
        result.controlled = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
        // The probe leaves the focus in a cell of 三: the user's typing, then time for V8 to tier up.
        for (let i = 0; i < keystrokes; i++) {
          await page.keyboard.type(String(i % 10));
          if (i % 5 === 4) await page.keyboard.press('ArrowRight');
        }
        await page.waitForTimeout(stay);
        await page.close();
        return result;
      };
      for (let i = 0; i < WARM_UPS; i++) await warmLoad({ keystrokes: WARM_UP_KEYSTROKES, stay: 5000 });
      const warm = [], cold = [];
      const coldOne = async () => cold.push((await coldLoad(browser, build.site.url, appProbe, { agency }, build.storage)).ready);
      const warmOne = async () => {
        const result = await warmLoad();
        if (!result.controlled) throw new Error('the warm page was not controlled by the service worker');
        warm.push(result.ready);
      };
      for (let i = 0; i < LOADS; i++) {
        if (i % 2) { await warmOne(); await coldOne(); } else { await coldOne(); await warmOne(); }
      }
      const traced = await warmLoad({ traced: true });
      console.log(`${LOADS} loads each, alternated, after ${WARM_UPS} openings with ${WARM_UP_KEYSTROKES} keystrokes each in the kept profile:`);
      console.log(`warm (service worker, the caches warm): ready median ${ms(median(warm))} (min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))})`);
      console.log(`cold (a new context, empty caches): ready median ${ms(median(cold))} (min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))})`);
      // Compiled code kept by the browser would show here as fewer compiles than a cold load's
      // (`--only compiles`).
      console.log(`a warm load, traced: ${traced.compiles.beforeReady} functions compiled on first call until the probe's end`);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}

/** For the `--only` measurements of the opening: the seed made by the command, each of `dists`
 * copied with the seed's printable page beside it and served, the browser, and the storage a
 * returning user has on each (the seed stored and opened once); then `measure`, and everything
 * taken down again. */
async function withSeededBuilds(dists, measure) {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const seed = seedFiles(work);
  const agency = seed.report.meta.agency;
  const builds = dists.map((dist) => ({ dist, dir: buildSite(seed.html, dist) }));
  const { serveDist, launchBrowser } = await import('../tests/e2e/harness.mjs');
  const browser = await launchBrowser();
  try {
    for (const build of builds) {
      build.site = await serveDist({ dist: build.dir });
      const seedDraft = [{ id: 'bench-seed', text: draftEnvelope('bench-seed', seed.report, Date.now()) }];
      build.storage = await preparedStorage(browser, build.site, seedDraft, (name) => document.getElementById('meta-agency')?.value === name, agency);
      if (!build.storage) throw new Error(`${build.dist}: the app did not open the seed from storage`);
    }
    await measure({ browser, agency, builds });
  } finally {
    await browser.close();
    for (const build of builds) {
      await build.site?.stop();
      rmSync(build.dir, { recursive: true, force: true });
    }
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

/** One load's trace: the compiles on first call, split at the probe's marks. Before the probe's
 * end they all run on the page's main thread (a function compiles on the thread that first calls
 * it, and the tools worker starts only once the page is idle). */
function compilesOf(trace) {
  const events = trace.traceEvents ?? trace;
  const mark = (name) => events.find((e) => e.name === name && e.ph !== 'M');
  const [shown, ready] = [mark('bench-shown'), mark('bench-ready')];
  if (!shown || !ready) throw new Error("the trace has no probe's marks");
  const lazy = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X');
  const baseline = events.filter((e) => e.name === 'wasm.CompileBaseline' && e.ph === 'X');
  const before = (list, at) => list.filter((e) => e.ts < at.ts);
  return {
    beforeShown: before(lazy, shown).length,
    beforeReady: before(lazy, ready).length,
    small: before(baseline, ready).filter((e) => (e.args?.bodySize ?? 0) < 50).length,
    compileMs: before(lazy, ready).reduce((sum, e) => sum + e.dur, 0) / 1000,
    liftoffMs: before(baseline, ready).reduce((sum, e) => sum + e.dur, 0) / 1000,
  };
}

/** Two builds' cold loads alternated (see AGAINST), each with the storage a returning user has,
 * printed with their phases and the printable page's load of the same run. */
async function onlyLoadAb() {
  if (!AGAINST || !existsSync(join(AGAINST, 'index.html'))) throw new Error('--only load-ab needs --against DIR, a built dist/ to compare with');
  await withSeededBuilds([APP_DIST, resolve(AGAINST)], async ({ browser, agency, builds }) => {
    const names = ['this dist/', `--against ${AGAINST}`];
    const loads = builds.map(() => []);
    const printable = [];
    log(`${LOADS} cold loads of each build, alternated${AB_CPU > 1 ? `, at ${AB_CPU}× CPU` : ''}`);
    for (let i = 0; i < LOADS; i++) {
      for (const k of i % 2 ? [1, 0] : [0, 1]) {
        loads[k].push(await coldLoad(browser, builds[k].site.url, appProbe, { agency }, builds[k].storage, { cpu: AB_CPU }));
      }
      printable.push((await coldLoad(browser, `${builds[0].site.url}bench-printable.html`, staticProbe, undefined, undefined, { cpu: AB_CPU })).ready);
    }
    const printableMedian = median(printable);
    console.log(`printable page: ${ms(printableMedian)}`);
    builds.forEach((_, k) => {
      const ready = median(loads[k].map((r) => r.ready));
      const phases = loadPhases(loads[k], APP_PHASES).map((p) => `${p.key} ${ms(p.at)}`).join(' · ');
      console.log(`${names[k]}: ready ${ms(ready)}, ${(ready / printableMedian).toFixed(2)}× (${phases})`);
    });
  });
}

/** The supervisor's page checking BATCH_TOTAL files at THROTTLE× CPU alone, `--runs N` times,
 * against the app's dist as it is (no build, no cargo). */
async function onlySupervisor() {
  const { serveDist, launchBrowser } = await import('../tests/e2e/harness.mjs');
  const site = await serveDist();
  const browser = await launchBrowser();
  try {
    for (let run = 1; run <= RUNS; run++) {
      log(`the supervisor's page: ${BATCH_TOTAL} files at ${THROTTLE}× CPU (run ${run} of ${RUNS})`);
      const result = await measureSupervisor500(browser, site, { profile: PROFILE && RUNS > 1 ? PROFILE.replace(/(\.cpuprofile)?$/, `-${run}$1`) : PROFILE });
      console.log(`run ${run}: ${supervisorLine(result)}`);
      if (VERBOSE) console.log(JSON.stringify(result, null, 1));
      for (const how of ['input', 'drop', 'folder']) {
        const other = await measureSupervisor500(browser, site, { how });
        console.log(`run ${run}: ${supervisorLine(other)}`);
        if (VERBOSE) console.log(JSON.stringify(other, null, 1));
      }
    }
  } finally {
    await browser.close();
    await site.stop();
  }
  process.exit(0);
}

/** The saves of the full report alone, for a before/after of a change to the drafts code. */
async function onlyFirstVisit() {
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  const seed = seedFiles(work);
  process.env.NIANBAO_DIST = buildSite(seed.html);
  const { serveDist, launchBrowser } = await import('../tests/e2e/harness.mjs');
  const gzipSite = await serveDist({ gzip: true });
  const browser = await launchBrowser();
  try {
    const visits = await measureFirstVisit(browser, gzipSite);
    for (const [cpu, { app, printable }] of Object.entries(visits)) {
      console.log(`at ${cpu}× CPU: first screen median ${ms(app.median)} (min ${ms(app.min)}), printable ${ms(printable.median)}`);
    }
    for (const reading of [0, READING_MS]) {
      const draft = await measureFirstDraft(browser, gzipSite, reading);
      console.log(`then 新建空白年报 ${reading} ms later → the editor: median ${ms(draft.median)} (min ${ms(draft.min)}, max ${ms(draft.max)})`);
    }
  } finally {
    await browser.close();
    await gzipSite.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(0);
}

async function onlyStorage({ loads = false } = {}) {
  // `--only firefox --against DIR`: this dist/ and another build, their loads alternated.
  const dists = ONLY === 'firefox' && AGAINST ? [APP_DIST, resolve(AGAINST)] : [APP_DIST];
  await withSeededBuilds(dists, async ({ browser, agency, builds }) => {
    const [{ site, storage: seedStorage }] = builds;
    if (loads) {
      const load = await measureLoads(browser, site, seedStorage, agency, { counter: false });
      const line = (s) => `median ${ms(s.median)} (min ${ms(s.min)}, p95 ${ms(s.p95)})`;
      console.log(`app ready ${line(load.app)}; shown ${line(load.appShown)}; wasm fetched ${line(load.appWasmFetched)}`);
      console.log(`printable ${line(load.printable)}: ${(load.app.median / load.printable.median).toFixed(2)}×`);
      for (const [name, phases] of [['app', load.appPhases], ['printable', load.printablePhases]]) {
        console.log(`${name}: ${phases.map((p) => `${p.key} ${ms(p.at)} (+${ms(p.step)})`).join(' · ')}`);
      }
      console.log(`at ${THROTTLE}×: app ${line(load.appThrottled)}, printable ${line(load.printableThrottled)}: ${(load.appThrottled.median / load.printableThrottled.median).toFixed(2)}×`);
    } else if (ONLY === 'firefox') {
      const line = (s) => `median ${ms(s.median)} (min ${ms(s.min)}, p95 ${ms(s.p95)})`;
      const load = await measureFirefoxLoads(builds.map(({ site, storage }) => ({ site, storage })), agency);
      console.log(`${load.version}, printable ${line(load.printable)}`);
      console.log(`printable: ${load.printablePhases.map((p) => `${p.key} ${ms(p.at)} (+${ms(p.step)})`).join(' · ')}`);
      for (const [k, build] of load.builds.entries()) {
        console.log(`${builds[k].dist}: app ready ${line(build.app)}; shown ${line(build.appShown)}: ${(build.app.median / load.printable.median).toFixed(2)}×`);
        console.log(`  ${build.appPhases.map((p) => `${p.key} ${ms(p.at)} (+${ms(p.step)})`).join(' · ')}`);
      }
      if (AGAINST) return;
      const { measureTypingFirefox } = await import('./typing.mjs');
      const typing = await measureTypingFirefox();
      const spread = (s) => `p50 ${ms(s.p50)} · p95 ${ms(s.p95)} · max ${ms(s.max)}`;
      console.log(`typing: 三 ${spread(typing.table)}; 一 ${spread(typing.text)}`);
    } else {
      const storage = await measureStorage(browser, site, seedStorage);
      if (storage.error) throw new Error(storage.error);
      console.log(`Save of the full report through the app (${SAVES} saves): p50 ${ms(percentile(storage.app, 50))} · p95 ${ms(percentile(storage.app, 95))} · max ${ms(Math.max(...storage.app))}; JS floor p50 ${ms(percentile(storage.floor, 50))} · p95 ${ms(percentile(storage.floor, 95))}; draft ${storage.draftChars} chars, history ${storage.historyChars}, index ${storage.indexChars}`);
    }
  });
}

for (const [what, dir] of [['the app', APP_DIST], ['the counter', COUNTER_DIST]]) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${what} is not built in ${dir}: run \`./x bench\``);
}
const host = machine();
log(`${host.cpu}, ${host.nproc} cores, load ${host.loadStart.toFixed(2)}`);

log('transfer sizes');
const appSizes = transferSizes(APP_DIST);
const editorPart = editorPartSizes(APP_DIST);
const counterSizes = transferSizes(COUNTER_DIST);
// Fetched after the first visit (by the service worker for offline use, and on first use).
const laterSizes = Object.fromEntries(
  Object.keys(LATER_GZIP_BYTES)
    .filter((part) => existsSync(join(APP_DIST, part)))
    .map((part) => [part, transferSizes(join(APP_DIST, part))]),
);

// The names: wasm-bindgen's output of the editor's main module for this build (./x build_editor;
// checked: wasm-opt makes the dist's wasm of it), through
// the same wasm-opt passes with the names kept.
log('wasm contributors (wasm-opt -Oz -g on the wasm-bindgen output)');
let wasm = { note: null, result: null };
{
  const bindgen = join(TARGET, 'editor-split/bindgen');
  const appWasm = appSizes.files.find((f) => f.kind === 'wasm' && f.name.startsWith('editor/nianbao-app'));
  const params = /data-wasm-opt-params="([^"]*)"/.exec(readFileSync(join(ROOT, 'supervisor.html'), 'utf8'))?.[1].split(/\s+/).filter(Boolean) ?? [];
  const optimise = (extra, out) => sh(join(ROOT, 'node_modules/.bin/wasm-opt'), [join(bindgen, 'nianbao-app_bg.wasm'), '-Oz', ...extra, ...params, '-o', out]);
  // The same build when wasm-opt makes the dist's wasm of it byte for byte (the JS cannot tell:
  // the release build's JS is minified after wasm-bindgen).
  const plain = join(tmpdir(), `nianbao-plain-${process.pid}.wasm`);
  let sameBuild = false;
  if (appWasm && existsSync(join(bindgen, 'nianbao-app_bg.wasm'))) {
    optimise([], plain);
    sameBuild = readFileSync(plain).equals(readFileSync(join(APP_DIST, appWasm.name)));
    rmSync(plain);
  }
  if (!sameBuild) {
    wasm.note = `${relative(ROOT, bindgen) || bindgen}/ holds another build than ${APP_DIST} (a build ran in between): no names this time; \`node bench/wasm-contributors.mjs\` on a wasm with names lists them.`;
  } else {
    const named = join(tmpdir(), `nianbao-named-${process.pid}.wasm`);
    optimise(['-g'], named);
    wasm.result = contributors(named, 5);
    rmSync(named);
  }
}

const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const seed = seedFiles(work);
const agency = seed.report.meta.agency;
const siteDir = buildSite(seed.html);
// The harness serves NIANBAO_DIST, read when it is first imported: point it at the site.
process.env.NIANBAO_DIST = siteDir;
const { serveDist, launchBrowser } = await import('../tests/e2e/harness.mjs');
const { measureTyping, measureTypingFirefox } = await import('./typing.mjs');
const { measureOpenings } = await import('./openings.mjs');

const site = await serveDist();
const browser = await launchBrowser();
let results;
try {
  const now = Date.now();
  const seedDraft = [{ id: 'bench-seed', text: draftEnvelope('bench-seed', seed.report, now) }];
  const seedStorage = await preparedStorage(browser, site, seedDraft, (agency) => document.getElementById('meta-agency')?.value === agency, agency);
  const fromStorage = seedStorage !== null;
  if (!fromStorage) log('the app did not open the seed from storage: measuring the editor with a blank report');

  log(`load: ${LOADS} cold loads each of the app, the printable page and the counter`);
  const loads = await measureLoads(browser, site, seedStorage, fromStorage ? agency : null);

  let storage = null, list = null;
  if (fromStorage) {
    log(`storage: ${SAVES} saves of the full report`);
    storage = await measureStorage(browser, site, seedStorage);
    if (storage.error) throw new Error(storage.error);
    log(`drafts list: ${LIST_DRAFTS} drafts`);
    const many = Array.from({ length: LIST_DRAFTS }, (_, i) => {
      const id = `bench-${String(i + 1).padStart(2, '0')}`;
      const report = { ...seed.report, meta: { ...seed.report.meta, agency: `${agency}${i + 1}`, year: 2023 - (i % 5) } };
      return { id, text: draftEnvelope(id, report, now - i * 60_000) };
    });
    const listStorage = await preparedStorage(browser, site, many, (rows) => document.querySelectorAll('ul.drafts > li').length >= rows, LIST_DRAFTS);
    if (listStorage) list = await measureDraftsList(browser, site, listStorage);
  }

  log(`memory: after opening and over ${EDITS} edits`);
  const memory = await measureMemory(browser, site, seedStorage, fromStorage ? agency : null);

  log('typing (bench/typing.mjs)');
  const typing = await measureTyping();
  log(`typing at ${THROTTLE}× CPU throttling`);
  const typingThrottled = await measureTyping({ cpuThrottle: THROTTLE });

  log(`Firefox ESR: ${LOADS} cold loads each of the app and the printable page, then typing`);
  const firefoxLoads = await measureFirefoxLoads([{ site, storage: seedStorage }], fromStorage ? agency : null);
  const firefox = { loads: { ...firefoxLoads, ...firefoxLoads.builds[0] }, typing: await measureTypingFirefox() };

  log('memory over 100 openings of the editor from the list (bench/openings.mjs)');
  const openings = await measureOpenings({ openings: 100 });

  log(`the tools on first use (${SLOW_RUNS} fresh profiles each), unthrottled and at ${THROTTLE}×`);
  const tools = { 1: await measureToolsFirstUse(browser, site, seedStorage, 1), [THROTTLE]: await measureToolsFirstUse(browser, site, seedStorage, THROTTLE) };

  log(`the supervisor's page: ${BATCH_TOTAL} files picked at ${THROTTLE}× CPU`);
  const supervisor500 = await measureSupervisor500(browser, site);
  log(`the supervisor's page: those ${BATCH_TOTAL} files given to the file input at ${THROTTLE}× CPU`);
  const supervisorInput = await measureSupervisor500(browser, site, { how: 'input' });
  log(`the supervisor's page: those ${BATCH_TOTAL} files dropped on it at ${THROTTLE}× CPU`);
  const supervisorDrop = await measureSupervisor500(browser, site, { how: 'drop' });
  log(`the supervisor's page: the folder of those ${BATCH_TOTAL} files at ${THROTTLE}× CPU`);
  const supervisorFolder = await measureSupervisor500(browser, site, { how: 'folder' });

  log('a first visit over Slow 4G (gzip)');
  const gzipSite = await serveDist({ gzip: true });
  let firstVisit;
  try {
    firstVisit = await measureFirstVisit(browser, gzipSite);
    firstVisit.draft = await measureFirstDraft(browser, gzipSite, 0);
    firstVisit.draftAfterReading = await measureFirstDraft(browser, gzipSite, READING_MS);
  } finally {
    await gzipSite.stop();
  }

  results = { loads, storage, list, memory, typing, typingThrottled, firefox, tools, supervisor500, supervisorInput, supervisorDrop, supervisorFolder, firstVisit, openings, fromStorage, chromium: browser.version() };
} finally {
  await browser.close();
  await site.stop();
  rmSync(siteDir, { recursive: true, force: true });
}

const core = WITH_CORE ? { rows: runCoreBenches() } : { docs: coreFromDocs() };
rmSync(work, { recursive: true, force: true });
host.loadEnd = loadavg()[0];

// ---------------------------------------------------------------------------------------------
// The table, and docs/benchmarks.md
// ---------------------------------------------------------------------------------------------

const { loads, storage, list, memory, typing, typingThrottled, firefox, tools, supervisor500, supervisorInput, supervisorDrop, supervisorFolder, firstVisit, openings, fromStorage, chromium } = results;
const ratioThrottled = loads.appThrottled.median / loads.printableThrottled.median;

// `nianbao check --json` over 1,000 and 10,000 reports, on every core and on one.
console.log('bash bench/check-many.sh');
const checkMany = sh('bash', ['bench/check-many.sh'], { stdio: ['ignore', 'pipe', 'inherit'] });
const checkManyWall = (files, cores) =>
  checkMany.split('\n').find((line) => line.startsWith(`| ${files} | ${cores} |`))?.split('|')[3]?.trim() ?? '–';
// `nianbao export --long` over the same reports, to CSV and to Parquet, on every core.
console.log('bash bench/export-long.sh');
const exportLong = sh('bash', ['bench/export-long.sh'], { stdio: ['ignore', 'pipe', 'inherit'] });
const exportLongWall = (files, format) =>
  exportLong.split('\n').find((line) => line.startsWith(`| ${files} |`) && line.includes(`| ${format} |`))?.split('|')[4]?.trim() ?? '–';
const underTwo = (wall) => (Number.parseFloat(wall) < 2 ? 'met' : '**not met**');
const ratio = loads.app.median / loads.printable.median;
const verdict = (met) => (met ? 'met' : '**not met**');
// Two decimals: 2.05× must not read as 2.0× against a goal of 2×.
const againstTwice = (r) => `**${r.toFixed(2)}×** (goal ≤ 2×: ${verdict(r <= 2)})`;
const over = appSizes.total.gzip >= BUDGET_GZIP_BYTES;
const opened = fromStorage ? 'the seed opened from localStorage' : 'a blank report (this build has no drafts to load from)';
const rows = [
  ['Transfer: wasm + JS + CSS, gzip -9', kb(appSizes.total.gzip), `counter ${kb(counterSizes.total.gzip)}`, `budget ${kb(BUDGET_GZIP_BYTES)}: ${over ? `**over** by ${kb(appSizes.total.gzip - BUDGET_GZIP_BYTES)}` : 'met'}; goal ≤ 250 KB`],
  ['Transfer: brotli', kb(appSizes.total.brotli), `counter ${kb(counterSizes.total.brotli)}`, `${(appSizes.total.brotli / counterSizes.total.brotli).toFixed(1)}× counter`],
  ['Transfer: raw', kb(appSizes.total.raw), `counter ${kb(counterSizes.total.raw)}`, `wasm ${kb(appSizes.wasm.raw)} raw`],
  ["Then the first draft opened: the editor's part, gzip -9", kb(editorPart.total.gzip), '', `held under ${kb(EDITOR_PART_GZIP_BYTES)}; first visit + it: ${kb(appSizes.total.gzip + editorPart.total.gzip)} (brotli ${kb(appSizes.total.brotli + editorPart.total.brotli)})`],
  ...Object.entries(laterSizes).map(([part, sizes]) => [
    `Fetched later: ${{ worker: 'the tools worker (importer, Word, 图解), on first use', 'editor/parts': "the editor's parts (the editor of an open draft; the drafts list, history, merge banner and 图解; the imports), each on first use" }[part] ?? "the supervisor's page"}, gzip -9`,
    kb(sizes.total.gzip), '', `held under ${kb(LATER_GZIP_BYTES[part])}; not in the first visit`,
  ]),
  [`Load → editor with ${fromStorage ? 'the seed' : 'a blank report'}, accepting input (median of ${LOADS} cold)`, ms(loads.app.median), `printable page ${ms(loads.printable.median)}`, againstTwice(ratio)],
  [`Load → editor, at ${THROTTLE}× CPU throttling (median of ${loads.appThrottled.n} cold)`, ms(loads.appThrottled.median), `printable page ${ms(loads.printableThrottled.median)}`, againstTwice(ratioThrottled)],
  ['First visit over Slow 4G, gzip: the first screen ready for a click (median)', ms(firstVisit[1].app.median), `printable page ${ms(firstVisit[1].printable.median)}`, `${(firstVisit[1].app.median / firstVisit[1].printable.median).toFixed(1)}×`],
  [`First visit over Slow 4G, at ${THROTTLE}× CPU (median)`, ms(firstVisit[THROTTLE].app.median), `printable page ${ms(firstVisit[THROTTLE].printable.median)}`, `${(firstVisit[THROTTLE].app.median / firstVisit[THROTTLE].printable.median).toFixed(1)}×`],
  ["Then a newcomer's first draft over Slow 4G: 新建空白年报 clicked as the first screen shows → the editor (median)", ms(firstVisit.draft.median), '', `the editor's part (${kb(editorPart.total.gzip)} gzip) over the network, beside the service worker's precaching`],
  [`… clicked ${READING_MS / 1000} s after the first screen shows (read first)`, ms(firstVisit.draftAfterReading.median), '', "the editor's part fetched while the first screen is read"],
  ['Load → counter accepting a click (median)', ms(loads.counter.median), '', `app ${(loads.app.median / loads.counter.median).toFixed(1)}× counter`],
  [`Typing in table 三 (${typing.table.n} keystrokes)`, spread(typing.table), '', `goal p95 ≤ 8 ms: ${verdict(typing.table.p95 <= 8)}`],
  [`Typing in 一、总体情况 (${typing.text.n} characters)`, spread(typing.text), '', `goal p95 ≤ 8 ms: ${verdict(typing.text.p95 <= 8)}`],
  [`Typing in table 三, at ${THROTTLE}× CPU`, spread(typingThrottled.table), '', `goal p95 ≤ 16 ms, max ≤ 50 ms: ${verdict(typingThrottled.table.p95 <= 16 && typingThrottled.table.max <= 50)}`],
  [`Typing in 一、总体情况, at ${THROTTLE}× CPU`, spread(typingThrottled.text), '', `goal p95 ≤ 16 ms, max ≤ 50 ms: ${verdict(typingThrottled.text.p95 <= 16 && typingThrottled.text.max <= 50)}`],
  [`In Firefox ESR (${firefox.loads.version}, no CPU throttling to emulate): load → editor, accepting input (median of ${firefox.loads.app.n} cold)`, ms(firefox.loads.app.median), `printable page ${ms(firefox.loads.printable.median)}`, `${(firefox.loads.app.median / firefox.loads.printable.median).toFixed(2)}× (Chromium's goal ≤ 2×: ${verdict(firefox.loads.app.median / firefox.loads.printable.median <= 2)})`],
  ['In Firefox ESR: typing in table 三 / in 一', `三 ${spread(firefox.typing.table)}`, `一 ${spread(firefox.typing.text)}`, `goal p95 ≤ 8 ms: ${verdict(firefox.typing.table.p95 <= 8 && firefox.typing.text.p95 <= 8)}`],
  [`Paste → preview of 沭阳县 2025, tools worker cold (median of ${tools[1].importPreview.n})`, ms(tools[1].importPreview.median), `at ${THROTTLE}×: ${ms(tools[THROTTLE].importPreview.median)}`, 'goal ≤ 1 s at 4×'],
  ['图解 on first use (worker cold)', ms(tools[1].figure.median), `at ${THROTTLE}×: ${ms(tools[THROTTLE].figure.median)}`, 'medians'],
  ['Word on first use (worker cold), until the download starts', ms(tools[1].word.median), `at ${THROTTLE}×: ${ms(tools[THROTTLE].word.median)}`, 'medians'],
  [`Supervisor's page checks ${BATCH_TOTAL} files at ${THROTTLE}× CPU (${BATCH_COUNTS.json} JSON, ${BATCH_COUNTS.published} published pages, ${BATCH_COUNTS.broken} not reports), picked with 选择文件… (Chromium's own picker): longest task`,
    ms(supervisor500.longest),
    `${supervisor500.over200} tasks > 200 ms; taken in ${(supervisor500.listedMs / 1000).toFixed(2)} s, all read in ${(supervisor500.readMs / 1000).toFixed(1)} s; ${supervisor500.answered}/${supervisor500.clicks} language clicks answered while reading`,
    `goal longest task ≤ 200 ms${supervisor500.longest > 200 ? ': **not met**' : ': met'}`],
  [`The same ${BATCH_TOTAL} files given to the file input (browsers without that picker, as Firefox): longest task`,
    ms(supervisorInput.longest),
    `${supervisorInput.over200} tasks > 200 ms, the browser's own taking the files ${ms(supervisorInput.byPart.pick.longest)}; all read in ${(supervisorInput.readMs / 1000).toFixed(1)} s; ${supervisorInput.answered}/${supervisorInput.clicks} language clicks answered while reading`,
    `goal longest task ≤ 200 ms${supervisorInput.longest > 200 ? ': **not met**' : ': met'}`],
  [`The same ${BATCH_TOTAL} files dropped on the page from the disk: longest task`,
    ms(supervisorDrop.longest),
    `${supervisorDrop.over200} tasks > 200 ms, the browser's own taking the files ${ms(supervisorDrop.byPart.pick.longest)}; all read in ${(supervisorDrop.readMs / 1000).toFixed(1)} s; ${supervisorDrop.answered}/${supervisorDrop.clicks} language clicks answered while reading`,
    `goal longest task ≤ 200 ms${supervisorDrop.longest > 200 ? ': **not met**' : ': met'}`],
  [`The same ${BATCH_TOTAL} files as a folder picked (选择文件夹…, Chromium; its ${supervisorFolder.total} files of a report's type read): longest task`,
    ms(supervisorFolder.longest),
    `${supervisorFolder.over200} tasks > 200 ms; listed in ${(supervisorFolder.listedMs / 1000).toFixed(2)} s, all read in ${(supervisorFolder.readMs / 1000).toFixed(1)} s; ${supervisorFolder.answered}/${supervisorFolder.clicks} language clicks answered while reading`,
    `goal longest task ≤ 200 ms${supervisorFolder.longest > 200 ? ': **not met**' : ': met'}`],
  storage
    ? [`Save of the full report through the app (${SAVES} saves)`, `p50 ${ms(percentile(storage.app, 50))} · p95 ${ms(percentile(storage.app, 95))}`, `JS floor p50 ${ms(percentile(storage.floor, 50))} · p95 ${ms(percentile(storage.floor, 95))}`, `draft ${kb(storage.draftBytes)} UTF-8`]
    : ['Save of the full report', '–', '', 'not measured: no drafts in this build'],
  list
    ? [`Drafts list with ${LIST_DRAFTS} drafts`, `cold load ${ms(list.cold.median)}`, `from the editor ${ms(list.fromEditor.median)}; at ${THROTTLE}×: ${ms(list.fromEditorThrottled.median)}`, 'medians']
    : [`Drafts list with ${LIST_DRAFTS} drafts`, '–', '', 'not measured'],
  ['`nianbao check --json`, 10,000 reports (best of 3)', checkManyWall(10000, host.nproc), `one core ${checkManyWall(10000, 1)}`, `goal < 2 s; 1,000 in ${checkManyWall(1000, host.nproc)} (goal < 0.2 s)`],
  ['`nianbao export --long`, 10,000 reports to CSV (best of 3)', exportLongWall(10000, 'csv'), `1,000 in ${exportLongWall(1000, 'csv')}`, `goal < 2 s: ${underTwo(exportLongWall(10000, 'csv'))}`],
  ['`nianbao export --long`, 10,000 reports to Parquet (best of 3)', exportLongWall(10000, 'parquet'), `1,000 in ${exportLongWall(1000, 'parquet')}`, `goal < 2 s: ${underTwo(exportLongWall(10000, 'parquet'))}`],
  ['Memory after opening: JS heap + wasm', `${mib(memory[0].jsHeap)} + ${mib(memory[0].wasm)}`, '', ''],
  [`Memory after ${EDITS} edits: JS heap + wasm`, `${mib(memory.at(-1).jsHeap)} + ${mib(memory.at(-1).wasm)}`, '', `wasm +${mib(memory.at(-1).wasm - memory[0].wasm)}`],
  [`wasm memory over ${openings.n} openings of the editor from the list`, `+${(openings.openings.perStep / 1024).toFixed(1)} KiB per opening`, `list refreshed: +${(openings.refreshes.perStep / 1024).toFixed(1)} KiB per refresh`, 'goal: flat'],
  [`wasm memory growth over the last ${memory.at(-1).edits - memory.at(-2).edits} edits (${memory.at(-2).edits} → ${memory.at(-1).edits})`, `+${mib(memory.at(-1).wasm - memory.at(-2).wasm)}`, '', 'goal: none (growth that stops)'],
];
const table = [
  '| measure | Nianbao | beside it | ratio / budget |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

const machineLine = `${host.date} · ${host.cpu} · ${host.nproc} cores · ${host.memory} · ${host.rustc} · Chromium ${chromium} · Node ${host.node} · commit ${host.commit} · load average ${host.loadStart.toFixed(2)} at the start, ${host.loadEnd.toFixed(2)} at the end`;

const sizeTable = (label, s) => s.files.map((f) => `| ${label} | ${f.name.replace(/-[0-9a-f]{12,}/, '-…')} | ${f.raw} | ${f.gzip} | ${f.brotli} |`).join('\n');
const details = [];
details.push('## Transfer size', '', 'Bytes per file of the release builds (the workspace release profile: `opt-level = "z"`, fat LTO, one codegen unit, `panic = "abort"`, then `wasm-opt -Oz` with the flags in supervisor.html; the editor built by `./x` — cargo, wasm-split-cli, wasm-bindgen — into editor/ and the parts fetched on first use, editor/parts/; the supervisor\'s page by Trunk; the JS and the service worker through terser). gzip is GNU `gzip -9`, brotli is quality 11 (Node\'s zlib). The service worker counts: a first visit fetches it.', '',
  '| build | file | raw | gzip -9 | brotli |', '|---|---|---|---|---|', sizeTable('Nianbao', appSizes), sizeTable('counter', counterSizes),
  `| **Nianbao** | **total** | **${appSizes.total.raw}** | **${appSizes.total.gzip}** | **${appSizes.total.brotli}** |`,
  `| counter | total | ${counterSizes.total.raw} | ${counterSizes.total.gzip} | ${counterSizes.total.brotli} |`,
  ...Object.entries(laterSizes).flatMap(([part, sizes]) => [sizeTable(`later: ${part}/`, sizes),
    `| later: ${part}/ | total | ${sizes.total.raw} | ${sizes.total.gzip} | ${sizes.total.brotli} |`]), '');
details.push('### What the wasm is made of', '');
if (wasm.result) {
  const w = wasm.result;
  details.push(`Code bytes per crate, by function name (wasm-bindgen's output run through \`wasm-opt -Oz -g\`: the optimised build with its names, ${w.total} bytes without them; code ${w.code}, data ${w.data}). Generic code counts where it is defined: much of \`tachys\` (Leptos' renderer) is the app's own views, monomorphised. \`node bench/wasm-contributors.mjs FILE 30\` lists more.`, '',
    '| top five | bytes | share of the wasm |', '|---|---|---|',
    ...w.top.map((t) => `| ${t.name}${t.functions ? ` (${t.functions} functions)` : ''} | ${t.bytes} | ${((100 * t.bytes) / w.total).toFixed(0)}% |`), '',
    'The biggest single functions:', '', '| function | bytes |', '|---|---|', ...w.biggestFunctions.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.bytes} |`), '');
} else {
  details.push(wasm.note, '');
}
details.push('## Load', '', `A cold load is a new browser context (empty HTTP cache, no service worker) with the storage a returning user has — ${opened}, after the app had opened it once and written its index — navigating to \`/nianbao/\` on 127.0.0.1 (uncompressed: on a real network the gzip figures above are what travels). The clock is the page's own (\`performance.now()\`, zero at the start of navigation) and stops one frame after: for the app, the agency's name in its field, a cell of table 三 that takes the focus and an input event that reaches the store (the autosave turns to "pending"); for the printable page (the core's HTML export of the same report, \`nianbao render\`, served by the same server) its \`load\` event; for the counter, a click that shows in the count.`, '',
  '| page | median | min | p95 | max |', '|---|---|---|---|---|',
  ...[['Nianbao, ready for input', loads.app], ['Nianbao, report shown', loads.appShown], ['Nianbao, wasm downloaded', loads.appWasmFetched], ['printable page', loads.printable], ['counter', loads.counter]]
    .map(([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.p95)} | ${ms(s.max)} |`), '',
  'Where the time goes: each phase of the same cold loads, by the page\'s clock (the median time from navigation, and the median of each load\'s step from the phase before).', '',
  '| page | phase, done when | at | step |', '|---|---|---|---|',
  ...[['Nianbao', loads.appPhases], ['printable page', loads.printablePhases]].flatMap(([page, phases]) =>
    phases.map((p) => `| ${page} | ${p.what} | ${ms(p.at)} | ${ms(p.step)} |`)), '');
details.push('## Firefox ESR', '', `The same cold loads in Debian's Firefox ESR (${firefox.loads.version}), driven by puppeteer-core over WebDriver BiDi as tests/firefox/ drives it (\`node bench/run.mjs --only firefox\` runs them alone): the app and the printable page alternated, each load a new user context (its own cache and storage), \`performance.now()\` unrounded. The returning user's storage is written by a page of the same origin first (a missing file, which loads nothing), and the printable page's load gets the same first step. Firefox has no CPU throttling to emulate. Then \`bench/typing.mjs\`'s keystrokes in Firefox, the same way.`, '',
  '| page | median | min | p95 | max |', '|---|---|---|---|---|',
  ...[['Nianbao, ready for input', firefox.loads.app], ['Nianbao, report shown', firefox.loads.appShown], ['printable page', firefox.loads.printable]]
    .map(([name, s]) => `| ${name} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.p95)} | ${ms(s.max)} |`), '',
  '| page | phase, done when | at | step |', '|---|---|---|---|',
  ...[['Nianbao', firefox.loads.appPhases], ['printable page', firefox.loads.printablePhases]].flatMap(([page, phases]) =>
    phases.map((p) => `| ${page} | ${p.what} | ${ms(p.at)} | ${ms(p.step)} |`)), '',
  `- typing in table 三: ${spread(firefox.typing.table)} (n=${firefox.typing.table.n})`, `- typing in 一、总体情况: ${spread(firefox.typing.text)} (n=${firefox.typing.text.n})`, '');
details.push('## Typing', '', '`bench/typing.mjs` (a blank report): from an `input` event to the findings updated and the page laid out. Typing starts once the page is quiet (the tools worker loaded); each keystroke goes to another cell, and its clock starts after the focus has moved there and the page has run what the move asks for, as when a person clicks or presses an arrow key before typing.', '',
  `- table 三: ${spread(typing.table)} (n=${typing.table.n})`, `- 一、总体情况: ${spread(typing.text)} (n=${typing.text.n})`, `- findings after the run: ${typing.findings}`, '');
details.push('## Storage', '');
if (storage) {
  details.push(`Measured in the page through the app's own save: after each edit, Ctrl+S runs \`Drafts::save_now\` synchronously — read the stored draft and decode it, decide (two tabs), encode, \`setItem\`, read back and compare, record the history, update the index (which runs the rules for its counts). The autosave after a pause in typing runs the same function. Each of the ${SAVES} saves was checked to write a new revision. The floor is the same JSON (${storage.draftChars} characters) through the browser alone: \`JSON.stringify\` + \`setItem\` + \`getItem\` + \`JSON.parse\`. Stored beside the draft: history ${storage.historyChars} characters, index ${storage.indexChars}.`, '',
    `- through the app: p50 ${ms(percentile(storage.app, 50))} · p95 ${ms(percentile(storage.app, 95))} · max ${ms(Math.max(...storage.app))}`,
    `- JS floor: p50 ${ms(percentile(storage.floor, 50))} · p95 ${ms(percentile(storage.floor, 95))} · max ${ms(Math.max(...storage.floor))}`, '');
} else {
  details.push('Not measured: this build does not open drafts from storage.', '');
}
if (list) {
  details.push(`The drafts list with ${LIST_DRAFTS} drafts of the seed's size stored (and their index): a cold load until all ${LIST_DRAFTS} rows are there, then a frame — median ${ms(list.cold.median)} (p95 ${ms(list.cold.p95)}, n=${list.cold.n}); from the open editor, the Drafts button until all rows are there, then a frame — median ${ms(list.fromEditor.median)} (p95 ${ms(list.fromEditor.p95)}, n=${list.fromEditor.n}).`, '');
}
details.push('## Memory', '', `JS heap: CDP \`Runtime.getHeapUsage\` (used) after \`HeapProfiler.collectGarbage\`. wasm: the length of the module's \`WebAssembly.Memory\` (from Trunk's \`TrunkApplicationStarted\` event), which only grows. Edits: four in five a number in table 三, one in five a character typed into 一 or deleted from it (200 typed, then 200 deleted, and again), each followed by a macrotask. The undo history (200 steps, about 2 MB) fills over the first few hundred edits; after that the wasm memory is to stay flat.`, '',
  '| edits | JS heap | wasm memory |', '|---|---|---|', ...memory.map((m) => `| ${m.edits} | ${mib(m.jsHeap)} | ${mib(m.wasm)} |`), '');
details.push('## A slower machine, a slower network', '', `CPU: DevTools' ${THROTTLE}× slowdown (CDP \`Emulation.setCPUThrottlingRate\`), set on the page before it navigates (loads) or once it shows (typing, the drafts list, the tools). Chromium throttles by making the page's thread spin, every ~200 µs, for 3× the wall time since its last spin, busy or idle (see "How DevTools' 4× slowdown works" below): short tasks meet these pauses unevenly, so read the throttled figures as what a slow laptop's user can meet, not as 4× the others. Network: DevTools' Slow 4G (CDP \`Network.emulateNetworkConditions\`: ${SLOW_4G.latency} ms latency, ${SLOW_4G.downloadThroughput * 8 / 1000} kbit/s down) on a first visit, the files gzipped (level 9) by the bench's server as a real one would, ${SLOW_RUNS} runs each. The tools on first use: a fresh profile each time, so the tools worker starts cold; the time runs from the click to the preview, the drawing or the download, measured from Node.`, '');
/** The supervisor's figures of one run (`r`): a section of the details. */
const supervisorDetails = (r, heading, intro, pickLabel) => {
  const part = (name, label) => `| ${label} | ${r.byPart[name].n} | ${r.byPart[name].over200} | ${ms(r.byPart[name].longest)} |`;
  details.push(heading, '', intro, '',
    '| part | long tasks | over 200 ms | longest |', '|---|---|---|---|',
    part('pick', pickLabel),
    part('reading', 'reading: a file read and checked, its row drawn'),
    part('clicks', `a click on the language switch (${r.clicks} while reading)`),
    part('end', 'the end: the last file, last years linked, the batch kept'),
    `| **all** | ${r.longTasks} | ${r.over200} | **${ms(r.longest)}** |`, '',
    `${r.how === 'picker' || r.folder ? `${r.folder ? 'Listed' : 'Taken'} in ${(r.listedMs / 1000).toFixed(2)} s (from the click to the progress bar); all` : 'All'} ${r.total} read in ${(r.readMs / 1000).toFixed(1)} s, kept after ${(r.keptMs / 1000).toFixed(1)} s (${r.batchWrite ? `${(r.batchWrite.chars / 1e6).toFixed(2)} M characters, setItem ${ms(r.batchWrite.took)}` : 'not kept'}); ${r.answered} of ${r.clicks} clicks answered while reading, click to painted at most ${ms(Math.max(...r.clickToPaint))}; the progress bar ${r.bar ? 'and' : 'missing,'} 停止读取 ${r.stop === '停止读取' ? 'shown while reading' : 'not seen'}; ${r.rows} rows, ${r.unread} of them unread.`, '');
};
supervisorDetails(supervisor500, `## The supervisor's page, ${BATCH_TOTAL} files`, `\`node bench/run.mjs --only supervisor-500\` runs it alone. The editor, its 批量检查 button, then at ${THROTTLE}× CPU the files picked with 选择文件…: ${BATCH_COUNTS.json} report JSONs (the seed under other agencies' names and numbers, one in six with an error, one in ten a 2022 report of a unit whose 2023 report is in the batch too), ${BATCH_COUNTS.published} published reports (the five published texts of the core's fixtures and the seed's printable page, renamed; ten of them GBK) and ${BATCH_COUNTS.broken} files that are not reports (bench/batch-files.mjs), sorted by name as a picker lists them. In Chromium the button opens the browser's own picker (\`showOpenFilePicker\`), which answers with a handle per file; the app takes each file from its handle, a promise each. Playwright cannot answer that picker: the bench writes the files into a folder of the page's origin private file system beforehand, and the page's \`showOpenFilePicker\` answers with their handles (handles of the disk's files are taken through the same promises). The clock starts at the click on 选择文件…. Long tasks are the page's PerformanceObserver for 'longtask'; "all read" runs until the count shows ${BATCH_TOTAL} of ${BATCH_TOTAL}, "kept" until the batch is saved to localStorage. Each time another 50 files are read, a click on the language switch (Playwright's click), answered when the page's language changes while files are still being read.`, 'the click on 选择文件… (the picker answered, the files taken)');
supervisorDetails(supervisorInput, `## The supervisor's page, ${BATCH_TOTAL} files given to the file input`, `The same files handed to the file input from disk (Playwright's setInputFiles with their paths), as a browser without Chromium's picker (Firefox) takes them when 选择文件… is pressed. The browser makes all the files in one task of its own before the page can run (the change event's); the clock starts there.`, 'the browser taking the picked files (the task of the change event)');
supervisorDetails(supervisorDrop, `## The supervisor's page, ${BATCH_TOTAL} files dropped`, `The same files dragged from the disk and dropped on the page (DevTools' \`Input.dispatchDragEvent\` with their paths, as a file manager's drag). As for the file input, the browser makes all the files in one task of its own, and the page's drop event comes at its end (a trace: one synchronous lookup of a file's type per file, \`MimeRegistry::GetMimeTypeFromExtension\`); the clock starts at the drop event.`, 'the browser taking the dropped files (the task of the drop event)');
supervisorDetails(supervisorFolder, `## The supervisor's page, a folder of ${BATCH_TOTAL} files`, `The same files in a folder, picked with 选择文件夹… (Chromium's \`showDirectoryPicker\`): the app lists the folder one promise at a time and reads its ${supervisorFolder.total} files of a report's type (JSON, text, HTML; the Word files, pictures and other files left out and counted in a notice). Playwright cannot answer Chromium's folder picker: the bench writes the files into a folder of the page's origin private file system beforehand, and the page's \`showDirectoryPicker\` answers with that folder (a folder of the disk is read through the same promises). The clock starts at the click on 选择文件夹….`, 'the click on 选择文件夹… (the picker answered, the listing begun)');
details.push('## Checking many reports', '', '`bash bench/check-many.sh`: the JSON of the five fixtures copied round-robin, `nianbao check --json` over all of them, on every core and pinned to one core (`taskset -c 0`); peak memory by `/usr/bin/time`. The command is built with its `cli` profile (opt-level 3; the pages\' wasm is built for size).', '', checkMany, '');
details.push('## Exporting many reports as one long table', '', '`bash bench/export-long.sh`: the same reports, `nianbao export --long` to CSV and to Parquet on every core (200 rows a report; docs/warehouse.md says what the table is).', '', exportLong, '');
details.push('## Core', '');
if (core.rows) {
  details.push('`cargo bench -p nianbao-report --bench core` in this run (criterion, the middle estimate):', '', '| bench | time | throughput |', '|---|---|---|',
    ...core.rows.map((r) => `| ${r.name} | ${r.time} | ${r.thrpt ?? ''} |`), '');
} else if (core.docs?.table) {
  details.push('Not run here (`./x bench --with-core` runs them; minutes). From [core-benchmarks.md](core-benchmarks.md), measured separately:', '', core.docs.table, '');
} else {
  details.push('Not run here (`./x bench --with-core` runs them; minutes). See [core-benchmarks.md](core-benchmarks.md).', '');
}
details.push(readFileSync(join(ROOT, 'bench/goals-not-met.md'), 'utf8').trimEnd(), '');

const doc = [
  '# Benchmarks',
  '',
  'Written by `./x bench` (`bench/run.mjs`); do not edit by hand. Timings are from one run on a shared machine: read them as orders of magnitude, compare within a run. The size budget is held by `tests/e2e/budget.test.mjs`; timings are reported, never asserted.',
  '',
  machineLine,
  '',
  table,
  '',
  ...details,
].join('\n');
writeFileSync(OUT, doc);
console.log(`\n${machineLine}\n\n${table}\n`);
if (wasm.result) {
  console.log(`wasm, top five: ${wasm.result.top.map((t) => `${t.name} ${kb(t.bytes)}`).join(' · ')}`);
}
console.log(`written to ${OUT.startsWith(ROOT) ? relative(ROOT, OUT) : OUT}`);
