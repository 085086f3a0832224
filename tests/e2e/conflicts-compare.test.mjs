import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

test('conflicts: the participants figures conflict, a group is selectable by link and survives reload', async () => {
  for (const width of [360, 1280]) {
    const page = await app.newPage({ width });
    await open(page, app.url, '?view=conflicts');
    await screenshot(page, `conflicts-${width}`);
    assert.deepEqual(page.errors, []);
  }
  const page = await app.newPage();
  await open(page, app.url, '?view=conflicts');
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
    const page = await app.newPage({ width });
    await open(page, app.url, '?view=compare');
    await screenshot(page, `compare-${width}`);
    assert.deepEqual(page.errors, []);
  }
  const page = await app.newPage();
  await open(page, app.url, '?view=compare');
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
