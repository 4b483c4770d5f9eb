// The end-to-end harness: serves the built dist/ under a sub-path, as GitHub Pages does
// (/<repo>/), and drives Debian's Chromium through playwright-core. Tests wait for conditions;
// none sleeps for a fixed time and none retries.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

// NIANBAO_DIST lets two builds (e.g. two people's) be tested side by side.
export const DIST = process.env.NIANBAO_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
export const BASE_PATH = '/nianbao/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves dist/ at http://127.0.0.1:<port>/nianbao/. `stop()` takes the network away for real.
 * With `gzip`, what a browser accepts gzipped is sent so (level 9), as a real server would: the
 * benchmark's slow network needs the bytes that really travel. `dist`: another folder (the
 * benchmark serves two builds side by side). */
export async function serveDist({ gzip = false, dist = DIST } = {}) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/ is not built: run `./x build` (./x test builds it before the e2e tests)');
  }
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(BASE_PATH)) {
      res.writeHead(404).end('not under the app path');
      return;
    }
    let rel = normalize(path.slice(BASE_PATH.length));
    if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel, 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(dist, rel));
      const headers = {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && extname(rel) !== '.png') {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(gzipSync(body, { level: 9 }));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + BASE_PATH,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Chromium's features turned off in the browser under test. Its window's own pages (the
 * address bar's popup, chrome://omnibox-popup.top-chrome, in a renderer of their own) start with
 * every new window, and Playwright opens a window for each context: in a trace of a cold load
 * they kept the machine's two cores busy for ~350 ms of CPU while the page under test loaded in
 * ~200 ms (2026-12-05). A browser used day to day starts them once, not with each page. Chromium
 * keeps only the last `--disable-features` it is given, so Playwright's own list
 * (playwright-core 1.65, `chromiumSwitches`) is repeated first. */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI',
];

/** Debian's Chromium, headless, with the flags this machine needs (root, closed network). */
const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ],
};

export async function launchBrowser() {
  return chromium.launch(CHROMIUM);
}

/** The same browser with a profile kept in `dir`, as a user's is: its service worker, caches
 * and storage outlive each page. */
export async function launchWithProfile(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { ...CHROMIUM, ...options });
}

/** Records what a page does that a test may want to forbid: console errors, page errors,
 * failed requests and every request's URL. */
export function watch(page) {
  const record = { consoleErrors: [], pageErrors: [], failedRequests: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    record.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  return record;
}

/** Waits until the app has mounted (the report title is on the page). */
export async function waitForApp(page) {
  await page.locator('h1.report-title').waitFor({ state: 'visible', timeout: 30_000 });
}

/** One browser and one served dist/ for a whole test file: started before its first test and
 * stopped after its last. Read `env.browser` and `env.site` inside the tests. */
export function sharedBrowserAndSite() {
  const env = {};
  before(async () => {
    env.browser = await launchBrowser();
    env.site = await serveDist();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.stop();
  });
  return env;
}

/** A fresh page with empty storage (each call gets its own browser context): the first screen,
 * then 新建空白年报, so that the editor is shown with a blank report. */
export async function openEditor(env, { permissions = [] } = {}) {
  const context = await env.browser.newContext();
  if (permissions.length > 0) await context.grantPermissions(permissions, { origin: env.site.origin });
  const page = await context.newPage();
  const record = watch(page);
  await page.goto(env.site.url);
  await startBlankReport(page);
  return { context, page, record };
}

/** On the first screen (no draft yet): 新建空白年报, and wait for the editor. */
export async function startBlankReport(page) {
  await page.locator('.first-screen button.new-blank').click();
  await waitForApp(page);
}

/** The id of the draft the page has open (from its address, #draft=<id>). */
export const draftIdOf = (page) => new URL(page.url()).hash.replace('#draft=', '');

/** The stored draft envelope (parsed), or null. */
export const storedDraft = (page, id) =>
  page.evaluate((id) => {
    const raw = localStorage.getItem('nianbao:draft:' + id);
    return raw === null ? null : JSON.parse(raw);
  }, id);

/** The storage keys of every stored draft, sorted. */
export const draftKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao:draft:')).sort());

/** axe-core from the npm registry, to be given to a context as an init script (the pages' CSP
 * allows no injected script; an init script is not a page script). */
export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2.1 A and AA rules over the whole page: each violation as its rule, its help
 * and the first elements, so that a failure says what to fix. */
export async function axeViolations(page) {
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 2).join('')}`),
    }));
  });
}

/** Resolves once the service worker is active and controls the page: by then it has precached
 * every file of the build, and the app starts without the network. (Playwright or Puppeteer.) */
export async function untilServiceWorkerControls(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** Run in the page (`page.evaluate(fillStorage)`): another app of the origin fills the storage
 * (keys not under nianbao:) until it refuses. Returns the keys it wrote. */
export function fillStorage() {
  const keys = [];
  let size = 1 << 20;
  let n = 0;
  while (size >= 1) {
    try {
      localStorage.setItem('other-app:' + n, 'x'.repeat(size));
      keys.push('other-app:' + n);
      n += 1;
    } catch {
      size = Math.floor(size / 2);
    }
  }
  return keys;
}

/** A cell of table 三 (see `gridCell`). */
export const requestCell = (page, row, column) => gridCell(page.locator(`[id="cell-requests-${row}-${column}"]`));

/** A grid's value cell, found by its id. The cell is a text box until it is edited; then the
 * grid's one input is laid over it and takes its id. `fill` edits the cell as a person does
 * (the cell takes the focus, its text is replaced), and `inputValue` reads the cell's text
 * whether it is being edited or not; everything else is the locator's own. */
export function gridCell(locator) {
  return new Proxy(locator, {
    get(target, name) {
      if (name === 'fill') {
        return async (value) => {
          await target.focus();
          await target.fill(value);
        };
      }
      if (name === 'inputValue') return () => target.evaluate((cell) => (cell instanceof HTMLInputElement ? cell.value : cell.textContent));
      const value = Reflect.get(target, name);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Waits until `probe()` gives a truthy value, polling as Playwright's own waits do (its
 * waitForFunction cannot poll here: the page's CSP forbids the eval it polls with). */
export async function until(probe, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
