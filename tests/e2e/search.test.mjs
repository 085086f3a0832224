import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

const hits = '[data-testid=search-hit]';

test('search: typing folds case and accents, updates the URL, survives reload, links to the reader', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=search');
  assert.match(await page.textContent('[data-testid=search-summary]'), /Type a name/);
  await page.click('[data-testid=search-input]');
  await page.keyboard.type('micheal', { delay: 30 });
  await page.waitForURL(/q=micheal/);
  await page.waitForSelector(hits);
  const marks = await page.locator(`${hits} mark`).allTextContents();
  assert.ok(marks.length >= 3 && marks.every((m) => m === 'Micheál'), marks.join(','));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-box', 'focus stays in the box');

  await page.fill('[data-testid=search-input]', '');
  await page.keyboard.type('zelensky', { delay: 20 });
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=zelensky$/);
  await page.waitForSelector(hits);
  assert.equal(await page.locator('[data-testid=search-article]').count(), 5, 'Zelensky and Zelenskyy: every article');
  await screenshot(page, 'search-1280');

  await page.reload();
  await page.waitForSelector(hits);
  assert.equal(await page.inputValue('[data-testid=search-input]'), 'zelensky');
  const href = await page.getAttribute(`${hits} a >> nth=0`, 'href');
  assert.match(href, /^\?article=[\w-]+&at=\d+$/);
  await page.click(`${hits} a >> nth=0`);
  await page.waitForSelector('[data-testid=reader]');
  assert.ok(page.url().endsWith(href));
  assert.deepEqual(page.errors, []);
});

test('search: entity names are suggested while typing and choosing one searches it', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, '?view=search');
  await page.click('[data-testid=search-input]');
  await page.keyboard.type('macr', { delay: 30 });
  await page.waitForURL(/q=macr/);
  await page.waitForSelector('[data-testid=suggestion]');
  assert.equal(await page.getAttribute('[data-testid=search-input]', 'aria-expanded'), 'true');
  await screenshot(page, 'search-suggestions-360');
  const first = (await page.textContent('[data-testid=suggestion] >> nth=0')).trim();
  assert.match(first, /Macron/);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getAttribute('[data-testid=search-input]', 'aria-activedescendant'), 'suggestion-0');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === first);
  await page.waitForSelector(hits);
  assert.match(await page.textContent('[data-testid=search-summary]'), new RegExp(`matches for “${first}”`));

  await page.goto(`${app.url}?view=search&q=qwxz-nothing`);
  await page.waitForSelector('[data-testid=search-empty]');
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 360, `no horizontal scroll: ${pageWidth}`);
  assert.deepEqual(page.errors, []);
});
