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

test('conflicts: the participants figures conflict, a group is selectable by link and survives reload', async () => {
  for (const width of [360, 1280]) {
    const page = await newPage(browser, { width });
    await open(page, server.url, '?view=conflicts');
    await screenshot(page, `conflicts-${width}`);
    assert.deepEqual(page.errors, []);
  }
  const page = await newPage(browser);
  await open(page, server.url, '?view=conflicts');
  const conflicts = page.locator('[data-testid=conflict-groups] [data-testid=claim-group]');
  assert.ok(await conflicts.count() >= 1, 'at least one conflicting group');
  const text = await page.textContent('[data-testid=conflict-groups]');
  assert.match(text, /\(30, ∞\)/, 'the "more than 30" figure is shown as an interval');
  await conflicts.first().locator('h3 a').click();
  await page.waitForURL(/view=conflicts&group=/);
  await page.reload();
  await page.waitForSelector('[data-testid=claim-group].selected');
  const figureLink = page.locator('[data-testid=claim-group].selected td a').first();
  await figureLink.click();
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /article=.*&at=\d+/);
  assert.deepEqual(page.errors, []);
});

test('compare: two articles side by side, pickers change the URL, reload keeps the pair', async () => {
  for (const width of [360, 1280]) {
    const page = await newPage(browser, { width });
    await open(page, server.url, '?view=compare');
    await screenshot(page, `compare-${width}`);
    assert.deepEqual(page.errors, []);
  }
  const page = await newPage(browser);
  await open(page, server.url, '?view=compare');
  assert.match(await page.textContent('[data-testid=compare-summary]'), /Similarity \d+%/);
  assert.equal(await page.locator('[data-testid=left-column]').count(), 1);
  assert.equal(await page.locator('[data-testid=right-column]').count(), 1);
  await page.click('[data-testid=pick-right] li:nth-child(4) a');
  await page.waitForURL(/view=compare&a=.+&b=003-7335259acc84b3be/);
  await page.reload();
  await page.waitForSelector('[data-testid=right-column]');
  assert.match(await page.textContent('[data-testid=right-column] h2'), /Paris/);
  assert.deepEqual(page.errors, []);
});
