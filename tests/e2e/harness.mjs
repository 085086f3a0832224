// Shared e2e set-up: a static file server for dist/ on loopback under a sub-path (as a static host
// would serve it), and headless Debian Chromium driven by playwright-core.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = process.env.TRIANGULATE_DIST ?? join(root, 'dist');
export const PUBLIC_URL = process.env.TRIANGULATE_PUBLIC_URL ?? '/triangulate/';
export const ARTIFACTS = join(root, 'tests/e2e/artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Serves `dist` at PUBLIC_URL on 127.0.0.1; resolves to { url, close }. */
export async function serveDist(dist = DIST) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(PUBLIC_URL)) {
      res.writeHead(404).end('outside the public url');
      return;
    }
    const relative = normalize(path.slice(PUBLIC_URL.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, relative.endsWith('/') || relative === '.' ? 'index.html' : relative);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${PUBLIC_URL}`, close: () => new Promise((r) => server.close(r)) };
}

/** Launches headless Chromium with the flags this sandboxed, offline machine needs. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A new page that records console errors and uncaught exceptions into `page.errors`. */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.on('response', (res) => { if (res.status() >= 400) page.errors.push(`${res.status()} ${res.url()}`); });
  return page;
}

/**
 * Registers the file's before/after hooks: serve `dist` (default dist/), launch Chromium, close both at the end.
 * The returned app gets `url` and `browser` once the hooks ran; `app.newPage(options)` opens a page.
 */
export function useApp({ dist = DIST } = {}) {
  let server;
  const app = { newPage: (options) => newPage(app.browser, options) };
  before(async () => {
    server = await serveDist(dist);
    app.url = server.url;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}

/** Opens `search` (e.g. `?article=x`) and waits until the corpus is analysed and a view is shown. */
export async function open(page, baseUrl, search = '') {
  await page.goto(baseUrl + search);
  await waitForView(page);
}

/** Waits until the analysis finished (main is no longer busy) and the view rendered. */
export async function waitForView(page) {
  await page.waitForSelector('main#main[aria-busy=false] > *', { timeout: 30000 });
}

const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page as it is shown and fails with every violation
 * listed. Injected through the DevTools protocol, so the page's CSP stays in force.
 */
export async function assertAccessible(page, label) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  if (violations.length) throw new Error(`${label}: ${violations.length} accessibility violations\n${violations.join('\n')}`);
}

/** The downloaded file's text after clicking `selector`. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await file.path(), 'utf8');
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
