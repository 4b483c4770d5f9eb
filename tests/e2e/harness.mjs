// The end-to-end harness: serves the built dist/ under a sub-path, as GitHub Pages does
// (/<repo>/), and drives Debian's Chromium through playwright-core. Tests wait for conditions;
// none sleeps for a fixed time and none retries.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Serves dist/ at http://127.0.0.1:<port>/nianbao/. `stop()` takes the network away for real. */
export async function serveDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
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
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
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

/** Debian's Chromium, headless, with the flags this machine needs (root, closed network). */
export async function launchBrowser() {
  return chromium.launch({
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
    ],
  });
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

/** The input of a cell of table 三. */
export const requestCell = (page, row, column) => page.locator(`[id="cell-requests-${row}-${column}"]`);

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
