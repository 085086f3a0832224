import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

test('overview: the landing page lists articles, top entities and counts that link to their views', async () => {
  const page = await app.newPage();
  await open(page, app.url);
  assert.equal(await page.locator('[data-testid=overview-article]').count(), 5);
  assert.equal(page.workers().length, 0, 'five articles are analysed on the page, sooner than a worker starts');
  const conflicts = await page.locator('[data-testid=overview-conflict]').count();
  assert.ok(conflicts >= 1, `the seed articles disagree on at least one figure: ${conflicts}`);
  const figures = page.locator('[data-testid=overview-conflict] >> nth=0').locator('.figures li');
  assert.ok(await figures.count() >= 2, 'a conflict shows at least two figures');
  assert.match(await figures.first().innerText(), /\d.*\n?.+/, 'each figure with its source');
  assert.ok(await page.locator('[data-testid=overview-event]').count() >= 3, 'a small timeline of key dates');
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
  await page.click('[data-testid=overview-conflict] > a');
  await page.waitForURL(/\?view=conflicts&group=[^&]+$/);
  assert.equal(await page.locator('[data-testid=claim-group][aria-current=true]').count(), 1, 'the conflict is selected');
  await page.goBack();
  await page.click('[data-testid=overview-event] a >> nth=0');
  await page.waitForSelector('[data-testid=reader] .at-target');
  await page.goBack();
  await page.click('[data-testid=overview-article] a >> nth=2');
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=002-560b38fcdf53b65b$/);
  assert.deepEqual(page.errors, []);
});

test('overview fits a 360 px screen', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px: ${overflow}`);
  await screenshot(page, 'overview-360');
  assert.deepEqual(page.errors, []);
});
