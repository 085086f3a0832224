import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

test('overview: the landing page lists articles, top entities and counts that link to their views', async () => {
  const page = await newPage(browser);
  await open(page, server.url);
  assert.equal(await page.locator('[data-testid=overview-article]').count(), 5);
  assert.ok(await page.locator('[data-testid=overview-conflicts]').count() === 1, 'the slot for conflicts is there');
  assert.match(await page.textContent('[data-testid=quote-total]'), /^\d+ quotes$/);
  await screenshot(page, 'overview-1280');

  const top = page.locator('[data-testid=top-entity] a').first();
  const name = await top.textContent();
  await top.click();
  await page.waitForURL(/\?view=entities&entity=[^&]+&type=PER$/);
  assert.match(await page.textContent('[data-testid=entity-page] h2'), new RegExp(name));
  await page.reload();
  await page.waitForSelector('[data-testid=entity-page]');

  await page.goBack();
  await page.waitForSelector('[data-testid=overview]');
  await page.click('[data-testid=quote-total]');
  await page.waitForURL(/\?view=quotes$/);
  await page.goBack();
  await page.click('[data-testid=overview-article] a >> nth=2');
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=002-560b38fcdf53b65b$/);
  assert.deepEqual(page.errors, []);
});

test('overview fits a 360 px screen', async () => {
  const page = await newPage(browser, { width: 360, height: 800 });
  await open(page, server.url);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px: ${overflow}`);
  await screenshot(page, 'overview-360');
  assert.deepEqual(page.errors, []);
});
