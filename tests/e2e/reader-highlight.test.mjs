import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

const ARTICLE = '?article=002-560b38fcdf53b65b';

test('reader: entities, quotes and dates are highlighted; the legend hides a type through the URL', async () => {
  const page = await app.newPage();
  await open(page, app.url, ARTICLE);
  for (const kind of ['per', 'org', 'loc']) {
    assert.ok(await page.locator(`[data-testid=article-text] mark.hl-${kind}`).count() > 0, `${kind} highlighted`);
  }
  assert.ok(await page.locator('[data-testid=article-text] mark.hl-quote').count() > 0, 'quotes highlighted');
  assert.ok(await page.locator('[data-testid=article-text] mark.hl-date').count() > 0, 'dates highlighted');
  const text = await page.textContent('[data-testid=article-text]');
  assert.match(text, /Key European allies of Ukraine and senior U\.S\. officials are convening/, 'text intact around marks');

  await page.click('[data-testid=legend-PER]');
  await page.waitForURL(/type=ORG&type=LOC&type=MISC$/);
  assert.equal(await page.locator('[data-testid=article-text] mark.hl-per').count(), 0, 'people hidden');
  assert.equal(await page.getAttribute('[data-testid=legend-PER]', 'data-state'), 'hidden');
  await page.reload();
  await page.waitForSelector('[data-testid=reader]');
  assert.equal(await page.locator('[data-testid=article-text] mark.hl-per').count(), 0, 'still hidden after reload');
  await page.click('[data-testid=legend-PER]');
  await page.waitForURL((url) => !url.search.includes('type='));
  assert.ok(await page.locator('[data-testid=article-text] mark.hl-per').count() > 0, 'shown again');
  await screenshot(page, 'reader-highlight-1280');
  assert.deepEqual(page.errors, []);
});

test('reader: focusing a mention tells its canonical name and role (keyboard)', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, ARTICLE);
  const link = page.locator('[data-testid=article-text] mark.hl-per a').first();
  await link.focus();
  const label = await link.getAttribute('title');
  assert.match(label, /\(person\)$/);
  const tooltip = await link.evaluate((el) => getComputedStyle(el.closest('mark'), '::after').content);
  assert.equal(tooltip, JSON.stringify(label), 'shown on focus');
  const date = page.locator('[data-testid=article-text] mark.hl-date').first();
  assert.equal(await date.getAttribute('tabindex'), '0');
  assert.match(await date.getAttribute('aria-label'), /^(Date|Time|Duration|Recurring): /);
  await screenshot(page, 'reader-highlight-360');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px: ${overflow}`);
  assert.deepEqual(page.errors, []);
});

test('reader: at= past the end of the article is harmless', async () => {
  const page = await app.newPage();
  await open(page, app.url, `${ARTICLE}&at=999999`);
  assert.equal(await page.locator('[data-testid=at-target]').count(), 0);
  assert.deepEqual(page.errors, []);
});
