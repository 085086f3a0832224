import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, open, screenshot, assertAccessible, download } from './harness.mjs';

const app = useApp();

const groups = '[data-testid=quote-group]';
const members = '[data-testid=group-member]';

test('quote groups: statements several articles report, per speaker, with word diffs, exported as shown', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=quotes&kind=direct');
  await page.click('[data-testid=reported-several]');
  await page.waitForURL(/\?view=quotes&kind=direct&min=2$/);
  await page.waitForSelector(groups);
  const direct = await page.locator(groups).count();
  await page.click('[data-testid=kind-all]');
  await page.waitForURL(/\?view=quotes&min=2$/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=quote-group]').length > n, direct);
  const shown = await page.locator(groups).count();
  assert.ok(shown >= 5, `statements reported by several articles: ${shown}`);
  assert.ok((await page.locator('.speaker-groups h2').count()) >= 3, 'a heading per speaker');
  assert.equal(await page.getAttribute('[data-testid=reported-several]', 'aria-current'), 'page');

  const perGroup = await page.locator(groups).evaluateAll((els) => els.map((g) => g.querySelectorAll('[data-testid=group-member]').length));
  assert.ok(perGroup.every((n) => n >= 2), `every group has two reports or more: ${perGroup}`);
  const del = page.locator(`${groups} del`);
  assert.ok((await del.count()) > 0 && (await page.locator(`${groups} ins`).count()) > 0, 'removed and added words marked');
  const struck = await del.first().evaluate((el) => getComputedStyle(el).textDecorationLine);
  assert.match(struck, /line-through/, 'removed words are struck through, not only coloured');
  assert.match(await del.first().textContent(), /^\[only in the first: .+\]$/, 'and announced to screen readers');
  assert.match(await page.textContent(`${groups} .meta >> nth=0`), /Reported by \d articles · lowest similarity \d+%/);
  await assertAccessible(page, 'quote groups');
  await screenshot(page, 'quote-groups-1280');

  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
  const json = JSON.parse(await readFile(await file.path(), 'utf8'));
  assert.equal(json.length, await page.locator(members).count(), 'one exported row per report shown');
  assert.deepEqual(Object.keys(json[0]), ['group', 'speaker', 'group_similarity', 'article', 'kind', 'similarity', 'text', 'changes']);
  assert.ok(json.some((row) => /\[-.+-\]|\{\+.+\+\}/.test(row.changes)), 'changes in wdiff notation');

  const id = await page.getAttribute(`${groups} >> nth=1`, 'id');
  await page.click(`${groups} >> nth=1 >> [data-testid=group-link]`);
  await page.waitForURL(new RegExp(`\\?view=quotes&group=${id}$`));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=quote-group]').length === 1);
  assert.equal(await page.getAttribute(groups, 'aria-current'), 'true', 'the open group is marked');
  await page.reload();
  await page.waitForSelector(groups);
  assert.equal(await page.getAttribute(groups, 'id'), id, 'reload keeps the open group');
  await assertAccessible(page, 'one quote group');

  const [article] = (await page.getAttribute(`${members} >> nth=1 >> [data-testid=member-link]`, 'href')).match(/article=[^&]+/);
  await page.click(`${members} >> nth=1 >> [data-testid=member-link]`);
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), new RegExp(`\\?${article}&at=\\d+$`), 'a report opens its article at the quote');
  assert.equal(await page.locator('[data-testid=at-target]').count(), 1, 'outlined there');
  assert.deepEqual(page.errors, []);
});

test('quote groups: a report quoting part of a statement is compared over the words it quotes', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=quotes&min=2');
  const id = await page.locator(groups).evaluateAll((els) => els.map((g) => g.id).find((id) => id.includes('yermak')));
  assert.ok(id, 'the seed corpus has the Andriy Yermak statement');
  await open(page, app.url, `?view=quotes&group=${id}`);
  const partial = page.locator(members, { hasText: 'cyberspace' });
  assert.deepEqual(await partial.locator('del').allTextContents(), ['[only in the first: and ]'], 'only wording inside the shared passage is struck');
  const context = partial.locator('[data-testid=diff-context]');
  assert.deepEqual(await context.allTextContents(), [
    '[only in the first: The security guarantees]',
    '[only here: and in cyberspace]',
    '[only in the first: The war launched by Russia … that can influence the aggressor]',
  ], 'what only one side quotes is labelled context, the reference\'s shortened');
  const decoration = await context.last().evaluate((el) => getComputedStyle(el).textDecorationLine);
  assert.equal(decoration, 'none', 'context is not struck through');
  await assertAccessible(page, 'a partial quote');
  await screenshot(page, 'quote-group-partial');

  const json = JSON.parse(await download(page, '[data-testid=export-json]'));
  const row = json.find((r) => r.text.includes('cyberspace'));
  assert.match(row.changes, /^\[…The security guarantees …\]must be strong .*\[-and -\]on land, \{…and in cyberspace…\}\[…The war launched .* the aggressor…\]$/,
    'exported with the context whole');
  assert.deepEqual(page.errors, []);
});

test('quote groups: a quote others report links to its group; an unknown group says so (360 px)', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, '?view=quotes');
  const link = page.locator('[data-testid=quote-group-link] >> nth=0');
  assert.match(await link.textContent(), /Reported by \d articles/);
  const item = page.locator('[data-testid=quote-item]', { has: link }).first();
  const [article] = (await item.locator('[data-testid=quote-link]').getAttribute('href')).match(/article=[^&]+/);
  await link.click();
  await page.waitForURL(/\?view=quotes&group=q-[^&]+$/);
  await page.waitForSelector(groups);
  const articles = await page.locator(`${members} [data-testid=member-link]`).evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  assert.ok(articles.some((href) => href.includes(article)), `the group holds the quote's article: ${articles}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px: ${overflow}`);
  await screenshot(page, 'quote-group-360');

  await open(page, app.url, '?view=quotes&group=q-nobody');
  assert.match(await page.textContent('[data-testid=groups-empty]'), /No statement group has the id “q-nobody”/);
  assert.equal(await page.isDisabled('[data-testid=export-csv]'), true, 'nothing to export');
  await page.click('[data-testid=groups-empty] a');
  await page.waitForURL(/\?view=quotes&min=2$/);
  await page.waitForSelector(groups);
  await assertAccessible(page, 'quote groups at 360 px');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'dark: quote groups at 360 px');
  assert.deepEqual(page.errors, []);
});
