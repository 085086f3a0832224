import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, waitForView, screenshot, assertAccessible } from './harness.mjs';

const app = useApp();

const article = '000-ebca18b08ad80902';

test('coverage: the reader lists what only this article reports, each linked to its position', async () => {
  const page = await app.newPage();
  await open(page, app.url, `?article=${article}`);
  await page.waitForSelector('[data-testid=coverage]');
  for (const part of ['entities', 'quotes']) {
    const links = await page.locator(`[data-testid=coverage-only-${part}] a`).evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0, `${part} only this article reports`);
    assert.ok(links.every((href) => href.startsWith(`?article=${article}&at=`)), `${part} link into this article: ${links}`);
  }
  await assertAccessible(page, 'reader with coverage');
  await screenshot(page, 'coverage-1280');

  const quote = page.locator('[data-testid=coverage-only-quotes] a >> nth=0');
  const words = (await quote.textContent()).trim().split(/\s+/).slice(0, 3).join(' ');
  await quote.click();
  await page.waitForURL(new RegExp(`\\?article=${article}&at=\\d+$`));
  await page.waitForSelector('[data-testid=at-target]');
  assert.ok((await page.textContent('[data-testid=at-target]')).includes(words), `the quote outlined: ${words}`);
  assert.deepEqual(page.errors, []);
});

test('coverage: shared statements, figures and entities list the other articles carrying them (360 px)', async () => {
  const page = await app.newPage({ width: 360, height: 800 });
  await open(page, app.url, `?article=${article}`);
  const shared = page.locator('[data-testid=coverage-shared-quotes] li >> nth=0');
  const others = await shared.locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  assert.ok(others.some((href) => /^\?article=(?!000-)[^&]+&at=\d+$/.test(href)), `another article at its position: ${others}`);
  assert.ok(others.some((href) => /^\?view=quotes&group=q-/.test(href)), 'and the group comparing the wording');
  const figures = await page.locator('[data-testid=coverage-shared-claims] a').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
  assert.ok(figures.some((href) => /^\?view=conflicts&group=c-/.test(href)), `figures link to their conflict group: ${figures}`);

  await page.click('[data-testid=coverage] summary');
  const entities = page.locator('[data-testid=coverage-shared-entities] li');
  assert.ok((await entities.count()) > 0, 'entities named elsewhere too');
  assert.match(await entities.first().textContent(), /also in .+ · Entity page$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px: ${overflow}`);
  await assertAccessible(page, 'reader coverage at 360 px, entities open');
  await page.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(page, 'dark: reader coverage at 360 px, entities open');
  await screenshot(page, 'coverage-360');

  await shared.locator('a', { hasText: 'Compare the wording' }).click();
  await page.waitForURL(/\?view=quotes&group=q-[^&]+$/);
  await waitForView(page);
  assert.equal(await page.locator('[data-testid=quote-group]').count(), 1, 'the statement compared across articles');
  assert.deepEqual(page.errors, []);
});
