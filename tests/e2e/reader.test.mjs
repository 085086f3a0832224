import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, screenshot } from './harness.mjs';

const app = useApp();

test('a direct link to an article shows its title and text, without console errors', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?article=002-560b38fcdf53b65b');
  assert.equal(
    await page.textContent('[data-testid=article-title]'),
    'Paris Summit: Unity Among Allies for Ukraines Security Amid Ongoing Conflict',
  );
  const text = await page.textContent('[data-testid=article-text]');
  assert.match(text, /Key European allies of Ukraine and senior U\.S\. officials are convening/);
  const paragraphs = await page.locator('[data-testid=article-text] p').count();
  assert.ok(paragraphs >= 5, `paragraphs kept: ${paragraphs}`);
  await screenshot(page, 'reader-1280');
  assert.deepEqual(page.errors, []);
});

test('the article list links to the reader and back/forward walk the history', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=articles');
  assert.equal(await page.locator('[data-testid=article-item]').count(), 5);
  await page.click('[data-testid=article-item] a >> nth=3');
  await page.waitForSelector('[data-testid=reader]');
  assert.match(page.url(), /\?article=003-7335259acc84b3be$/);
  await page.goBack();
  await page.waitForSelector('[data-testid=article-item]');
  await page.goForward();
  await page.waitForSelector('[data-testid=reader]');
  await page.reload();
  await page.waitForSelector('[data-testid=reader]');
  assert.deepEqual(page.errors, []);
});

test('an unknown article id says so and offers a way back', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?article=no-such-article');
  assert.match(await page.textContent('[data-testid=not-found]'), /Article not found/);
  await page.click('[data-testid=not-found] a');
  await page.waitForURL((url) => !url.search.includes('article='));
  assert.deepEqual(page.errors, []);
});

test('unknown parameters fall back to defaults with a visible notice', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=articles&zzz=1');
  assert.match(await page.textContent('[data-testid=notices]'), /Unknown parameter “zzz”/);
  assert.equal(await page.locator('[data-testid=article-item]').count(), 5);
  assert.deepEqual(page.errors, []);
});
