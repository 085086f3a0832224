import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot, download } from './harness.mjs';

const app = useApp();

test('entities: a type tab filters the table, an entity shows its mentions, a mention opens the reader there', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=entities');
  const all = await page.locator('[data-testid=entity-row]').count();
  assert.ok(all > 10, `entities listed: ${all}`);
  await screenshot(page, 'entities-1280');

  await page.click('[data-testid=tab-PER]');
  await page.waitForURL(/\?view=entities&type=PER$/);
  const people = await page.locator('[data-testid=entity-row]').count();
  assert.ok(people > 0 && people < all, `people only: ${people} of ${all}`);
  const types = await page.locator('[data-testid=entity-row] td:nth-child(2)').allTextContents();
  assert.ok(types.every((t) => t === 'PER'), `every row is a person: ${types}`);
  const totals = (await page.locator('[data-testid=entity-row] td:nth-child(4)').allTextContents()).map(Number);
  assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'most mentioned first');

  const csv = await download(page, '[data-testid=export-csv]');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, people + 1, 'the CSV has the rows shown, and a header');
  assert.match(lines[0], /^entity,type,role,mentions,articles,mentions in /);
  await page.click('[data-testid=sort-name]');
  await page.waitForURL(/\?view=entities&type=PER&sort=name$/);
  const names = await page.locator('[data-testid=entity-row] th a').allTextContents();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })), 'by name');
  assert.equal(await page.getAttribute('[data-testid=sort-name] >> xpath=..', 'aria-sort'), 'ascending');
  await page.goBack();
  await page.waitForURL(/\?view=entities&type=PER$/);

  const first = page.locator('[data-testid=entity-row] th a').first();
  const name = await first.textContent();
  await first.click();
  await page.waitForURL(/entity=per-/);
  assert.match(await page.textContent('[data-testid=entity-page] h2'), new RegExp(name));
  const mentions = await page.locator('[data-testid=mention]').count();
  assert.equal(mentions, totals[0], 'one context per mention');
  assert.ok(await page.locator('[data-testid=mention] mark.hl-per').count() === mentions, 'each mention highlighted');
  await page.reload();
  await page.waitForSelector('[data-testid=entity-page]');
  assert.equal(await page.locator('[data-testid=mention]').count(), mentions, 'reload keeps the entity');

  const mentioned = await page.textContent('[data-testid=mention] mark >> nth=0');
  await page.click('[data-testid=mention] a >> nth=0');
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=[^&]+&at=\d+$/);
  const target = page.locator('[data-testid=at-target]');
  assert.equal(await target.count(), 1, 'the linked position is outlined');
  assert.ok(await target.isVisible() && (await target.evaluate((el) => el.getBoundingClientRect().top < innerHeight)), 'and scrolled into view');
  assert.ok((await target.textContent()).includes(mentioned), `the target holds “${mentioned}”`);
  assert.deepEqual(page.errors, []);
});

test('entities: the merged entity page explains spellings; unknown ids and empty types say so (360 px)', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, '?view=entities&type=PER&entity=per-volodymyr-zelensky');
  assert.match(await page.textContent('[data-testid=aliases]'), /Zelenskyy/);
  assert.ok(await page.locator('[data-testid=merges] li').count() > 0, 'merge reasons shown');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal page scroll at 360 px (table scrolls in its wrapper): ${overflow}`);
  await screenshot(page, 'entities-360');

  await open(page, app.url, '?view=entities&entity=per-nobody');
  assert.match(await page.textContent('[data-testid=entity-not-found]'), /Entity not found/);
  assert.deepEqual(page.errors, []);
});
