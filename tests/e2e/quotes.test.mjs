import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

const items = '[data-testid=quote-item]';

test('quotes: kind and speaker filters live in the URL and survive a reload; a quote opens the reader there', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=quotes');
  const all = await page.locator(items).count();
  assert.ok(all > 5, `quotes listed: ${all}`);

  await page.click('[data-testid=kind-direct]');
  await page.waitForURL(/\?view=quotes&kind=direct$/);
  const kinds = await page.locator(items).evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.ok(kinds.length > 0 && kinds.length < all && kinds.every((k) => k === 'direct'), `direct only: ${kinds}`);

  const speaker = await page.locator('[data-testid=speaker-filter] option >> nth=1').getAttribute('value');
  await page.selectOption('[data-testid=speaker-filter]', speaker);
  await page.waitForURL(new RegExp(`speaker=${speaker}&kind=direct$`));
  const filtered = await page.locator(items).count();
  assert.ok(filtered > 0, 'the most quoted speaker has direct quotes');
  await screenshot(page, 'quotes-1280');

  await page.reload();
  await page.waitForSelector(items);
  assert.equal(await page.locator(items).count(), filtered, 'reload keeps the filters');
  assert.equal(await page.inputValue('[data-testid=speaker-filter]'), speaker, 'and the select shows them');
  await page.goBack();
  await page.waitForURL(/\?view=quotes&kind=direct$/);

  const quote = (await page.textContent(`${items} blockquote >> nth=0`)).trim();
  await page.click(`${items} [data-testid=quote-link] >> nth=0`);
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=[^&]+&at=\d+$/);
  const target = page.locator('[data-testid=at-target]');
  assert.equal((await target.textContent()).trim(), quote, 'the quote is outlined in the reader');
  assert.ok(await target.evaluate((el) => el.classList.contains('hl-quote')), 'and highlighted as a quote');
  assert.deepEqual(page.errors, []);
});

test('quotes: filters that match nothing say so and offer to clear them (360 px)', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, '?view=quotes&speaker=per-nobody&kind=indirect');
  assert.match(await page.textContent('[data-testid=quotes-empty]'), /No quotes match these filters/);
  await page.click('[data-testid=quotes-empty] a');
  await page.waitForURL(/\?view=quotes$/);
  assert.ok(await page.locator(items).count() > 5, 'all quotes again');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px: ${overflow}`);
  await screenshot(page, 'quotes-360');
  assert.deepEqual(page.errors, []);
});
