import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, newPage, open, screenshot } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const rows = '[data-testid=timeline-row]';

test('timeline: an SVG axis with a point per listed event, filtered by article, exported, linked to the reader', async () => {
  const page = await newPage(browser);
  await open(page, server.url, '?view=timeline');
  await page.waitForSelector(rows);
  const all = await page.locator(rows).count();
  assert.ok(all >= 5, `dated events: ${all}`);
  assert.equal(await page.locator('[data-testid=timeline-point]').count(), all);
  assert.equal(await page.getAttribute('[data-testid=timeline-chart]', 'role'), 'img');
  assert.ok((await page.locator('svg .tick text').count()) >= 2, 'labelled ticks');
  const dates = await page.locator(`${rows} td:first-child`).allTextContents();
  const sorted = [...dates].map((d) => d.trim());
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4))), 'years ascend');
  await screenshot(page, 'timeline-1280');

  await page.selectOption('[data-testid=article-filter]', '003-7335259acc84b3be');
  await page.waitForURL(/view=timeline&article=003-7335259acc84b3be/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline-row]').length < n, all);
  const shown = await page.locator(rows).count();
  assert.equal(await page.locator('[data-testid=timeline-legend] li').count(), 1, 'one article in the legend');

  await page.reload();
  await page.waitForSelector(rows);
  assert.equal(await page.locator(rows).count(), shown, 'reload shows the same events');

  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const json = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(json.length, shown, 'the export has the shown events');
  assert.deepEqual(Object.keys(json[0]), ['date', 'expression', 'article', 'sentence']);

  await page.click('[data-testid=timeline-link] >> nth=0');
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=003-7335259acc84b3be&at=\d+$/);
  assert.deepEqual(page.errors, []);
});

test('timeline: an unknown article is an empty state; 360 px keeps the page width', async () => {
  const page = await newPage(browser, { width: 360, height: 800 });
  await open(page, server.url, '?view=timeline&article=nope');
  assert.match(await page.textContent('[data-testid=timeline-empty]'), /No dated events/);
  await page.click('[data-testid=timeline-empty] a');
  await page.waitForSelector(rows);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 360, `chart and table scroll in their wrappers: ${pageWidth}`);
  await screenshot(page, 'timeline-360');
  assert.deepEqual(page.errors, []);
});
