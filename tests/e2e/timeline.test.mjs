import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, open, screenshot, assertAccessible } from './harness.mjs';

const app = useApp();

const rows = '[data-testid=timeline-row]';

test('timeline: merged events on an SVG axis, each with its sources, filtered by article and reach, exported, linked to the reader', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=timeline');
  await page.waitForSelector(rows);
  const all = await page.locator(rows).count();
  assert.ok(all >= 5, `dated events: ${all}`);
  assert.equal(await page.locator('[data-testid=timeline-point]').count(), all, 'a point per event');
  assert.equal(await page.getAttribute('[data-testid=timeline-chart]', 'role'), 'img');
  assert.ok((await page.locator('svg .tick text').count()) >= 2, 'labelled ticks');
  const dates = await page.locator(`${rows} td:first-child`).allTextContents();
  const sorted = [...dates].map((d) => d.trim());
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4))), 'years ascend');
  const sources = await page.locator(rows).evaluateAll((els) => els.map((r) => r.querySelectorAll('[data-testid=timeline-link]').length));
  assert.ok(sources.every((n) => n >= 1) && sources.some((n) => n >= 2), `each event lists its articles, some several: ${sources}`);
  await assertAccessible(page, 'timeline');
  await screenshot(page, 'timeline-1280');

  await page.click('[data-testid=reported-several]');
  await page.waitForURL(/\?view=timeline&min=2$/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline-row]').length < n, all);
  const several = await page.locator(rows).evaluateAll((els) => els.map((r) => r.querySelectorAll('[data-testid=timeline-link]').length));
  assert.ok(several.length >= 1 && several.every((n) => n >= 2), `only events several articles report: ${several}`);
  await assertAccessible(page, 'timeline, reported by several articles');
  await page.click('[data-testid=reported-any]');
  await page.waitForURL(/\?view=timeline$/);

  const article = '003-7335259acc84b3be';
  await page.selectOption('[data-testid=article-filter]', article);
  await page.waitForURL(new RegExp(`view=timeline&article=${article}`));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline-row]').length < n, all);
  const shown = await page.locator(rows).count();
  const own = await page.locator(rows).evaluateAll((els, id) => els.every((r) => r.querySelector(`a[href*="article=${id}&"]`)), article);
  assert.ok(own, 'every event shown is one the article reports');

  await page.reload();
  await page.waitForSelector(rows);
  assert.equal(await page.locator(rows).count(), shown, 'reload shows the same events');

  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const json = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(json.length, shown, 'the export has the shown events');
  assert.deepEqual(Object.keys(json[0]), ['date', 'event', 'reported_by', 'articles']);
  assert.ok(json.every((e) => e.articles.split('; ').includes(article)), 'with their sources');

  await page.click(`[data-testid=timeline-link][href*="article=${article}&"] >> nth=0`);
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), new RegExp(`\\?article=${article}&at=\\d+$`));
  assert.equal(await page.locator('[data-testid=at-target]').count(), 1, 'the date outlined');
  assert.deepEqual(page.errors, []);
});

test('timeline: an unknown article is an empty state; 360 px keeps the page width', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, '?view=timeline&article=nope');
  assert.match(await page.textContent('[data-testid=timeline-empty]'), /No dated events/);
  await page.click('[data-testid=timeline-empty] a');
  await page.waitForSelector(rows);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 360, `chart and table scroll in their wrappers: ${pageWidth}`);
  await screenshot(page, 'timeline-360');
  await assertAccessible(page, 'timeline at 360 px');
  assert.deepEqual(page.errors, []);
});
