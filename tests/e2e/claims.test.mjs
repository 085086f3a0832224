import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot, download } from './harness.mjs';

const app = useApp();

const rows = '[data-testid=claim-row]';

test('claims: sort by header links, filter by article and text, reload, export the shown rows', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=claims');
  await page.waitForSelector(rows);
  const all = await page.locator(rows).count();
  assert.ok(all >= 10, `claims found: ${all}`);

  await page.click('[data-testid=sort-value]');
  await page.waitForURL(/sort=value/);
  assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'ascending');
  await page.click('[data-testid=sort-value]');
  await page.waitForURL(/sort=-value/);
  assert.equal(await page.getAttribute('th[aria-sort]', 'aria-sort'), 'descending');

  await page.selectOption('[data-testid=article-filter]', '000-ebca18b08ad80902');
  await page.waitForURL(/article=000-ebca18b08ad80902/);
  const links = await page.locator('[data-testid=claim-link]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 0 && links.length < all, `one article's claims: ${links.length}`);
  assert.ok(links.every((href) => /^\?article=000-ebca18b08ad80902&at=\d+$/.test(href)), links.join(' '));

  await page.fill('[data-testid=text-filter]', 'NATIONS');
  await page.waitForURL(/q=NATIONS/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=claim-row]')].every((r) => /nations/i.test(r.textContent)));
  const filtered = await page.locator(rows).count();
  assert.ok(filtered >= 1, 'more than 30 nations');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'claims-filter', 'typing keeps focus in the box');
  assert.match(await page.textContent(`${rows} mark`), /30/);
  await screenshot(page, 'claims-1280');

  await page.reload();
  await page.waitForSelector(rows);
  assert.equal(await page.locator(rows).count(), filtered, 'the URL restores the same table');
  assert.equal(await page.inputValue('[data-testid=text-filter]'), 'NATIONS');

  const json = JSON.parse(await download(page, '[data-testid=export-json]'));
  assert.equal(json.length, filtered, 'JSON has exactly the shown rows');
  assert.ok(json.every((row) => row.article === '000-ebca18b08ad80902'));
  const csv = await download(page, '[data-testid=export-csv]');
  assert.match(csv, /^value,phrase,thing,subject,predicate,date,article,sentence\r\n/);

  await page.click('[data-testid=claim-link] >> nth=0');
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=000-ebca18b08ad80902&at=\d+$/);
  assert.deepEqual(page.errors, []);
});

test('claims: no match says so and the clear link brings the rows back; works at 360 px', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, '?view=claims&q=zzzz-no-such-claim');
  assert.match(await page.textContent('[data-testid=claims-empty]'), /No claims match these filters/);
  await screenshot(page, 'claims-empty-360');
  await page.click('[data-testid=claims-empty] a');
  await page.waitForSelector(rows);
  assert.doesNotMatch(page.url(), /q=/);
  await page.goto(`${app.url}?view=claims&sort=-value`);
  await page.waitForSelector(rows);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= 360, `the table scrolls in its wrapper, not the page: ${pageWidth}`);
  await screenshot(page, 'claims-360');
  assert.deepEqual(page.errors, []);
});
