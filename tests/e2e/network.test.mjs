import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

test('network: filters by type and weight live in the URL, a node opens its entity', async () => {
  for (const width of [360, 1280]) {
    const page = await app.newPage({ width });
    await open(page, app.url, '?view=network');
    const all = await page.locator('[data-testid=network-node]').count();
    assert.ok(all >= 5, `nodes drawn: ${all}`);
    await screenshot(page, `network-${width}`);
    assert.deepEqual(page.errors, []);
  }

  const page = await app.newPage();
  await open(page, app.url, '?view=network');
  await page.click('[data-testid=type-filter] >> text=People');
  await page.waitForURL(/type=PER/);
  const people = await page.locator('[data-testid=network-node]').count();
  assert.ok(people >= 2, `people nodes: ${people}`);
  const classes = await page.locator('[data-testid=network-node]').evaluateAll((els) => els.map((e) => e.getAttribute('class')));
  assert.ok(classes.every((c) => c.includes('node-per')), `only people: ${classes}`);

  await page.click('[data-testid=weight-filter] >> text=≥ 2');
  await page.waitForURL(/min=2/);
  assert.ok(await page.locator('[data-testid=network-node]').count() <= people, 'a higher minimum weight never adds nodes');

  await page.reload();
  await page.waitForSelector('[data-testid=network]');
  assert.match(page.url(), /type=PER/);
  assert.match(page.url(), /min=2/);

  await page.locator('[data-testid=network-node] circle').first().click();
  await page.waitForURL(/view=entities/);
  assert.match(page.url(), /entity=per-/);
  assert.deepEqual(page.errors, []);
});
