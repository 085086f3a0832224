// Every view passes axe-core (WCAG 2 A/AA) in both colour schemes; keyboard users reach the
// content first; "Copy link" gives the exact view, which a fresh browser opens identically;
// the reader prints as a clean document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, waitForView, assertAccessible } from './harness.mjs';

const app = useApp();

const VIEWS = [
  ['overview', ''],
  ['articles', '?view=articles'],
  ['reader', '?article=002-560b38fcdf53b65b'],
  ['reader with accented names', '?article=003-7335259acc84b3be'],
  ['reader at a position', '?article=002-560b38fcdf53b65b&type=PER&at=200'],
  ['entities', '?view=entities'],
  ['entity page', '?view=entities&type=PER&entity=per-volodymyr-zelensky'],
  ['quotes', '?view=quotes&kind=direct'],
  ['claims', '?view=claims&sort=-value'],
  ['conflicts', '?view=conflicts'],
  ['compare', '?view=compare'],
  ['timeline', '?view=timeline'],
  ['network', '?view=network&min=2'],
  ['search', '?view=search&q=zelensky'],
  ['notices for bad parameters', '?view=nowhere&sort=sideways'],
];

for (const scheme of ['light', 'dark']) {
  test(`accessibility: every view passes axe-core in the ${scheme} scheme`, async () => {
    const page = await app.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const failures = [];
    for (const [label, search] of VIEWS) {
      await open(page, app.url, search);
      await assertAccessible(page, `${label} (${scheme}, ${search || 'no parameters'})`).catch((e) => failures.push(e.message));
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(page.errors, []);
  });
}

test('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?view=claims');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)), 'next stop is inside main');
});

test('sharing: Copy link copies the exact view, and a fresh browser opens the same view', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  const page = await context.newPage();
  await open(page, app.url, '?view=quotes');
  await page.click('[data-testid=kind-direct]');
  await page.waitForURL(/kind=direct/);
  await page.click('[data-testid=copy-link]');
  await page.waitForSelector('[data-testid=copy-status]');
  assert.equal(await page.textContent('[data-testid=copy-status]'), 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url(), 'the clipboard holds the address of this view');
  const shown = await page.innerText('main');

  const fresh = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const other = await fresh.newPage();
  await other.goto(copied);
  await waitForView(other);
  assert.equal(await other.innerText('main'), shown, 'the same view, item for item');
  await fresh.close();
  await context.close();
});

test('print: the reader prints its text without navigation or controls', async () => {
  const page = await app.newPage();
  await open(page, app.url, '?article=002-560b38fcdf53b65b');
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() =>
    ['.site-header', '.legend', '.copy-link'].map((s) => getComputedStyle(document.querySelector(s)).display));
  assert.deepEqual(hidden, ['none', 'none', 'none']);
  assert.ok(await page.isVisible('[data-testid=article-text]'), 'the text prints');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, `a PDF with content: ${pdf.length} bytes`);
});
