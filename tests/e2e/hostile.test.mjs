// Nothing in an article or a link ever runs: the app built from tests/e2e/hostile-articles/
// (script, event-handler and javascript: payloads in title, outlet, url, body, quotes and names)
// shows every payload as inert text in every view; hostile query parameters only become notices.
// Also: a panic shows the error panel, never a blank page. Built to analyse any corpus in the
// worker (TRIANGULATE_PAGE_CORPUS_BYTES=0), so the payloads also cross the worker's messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useApp, open, screenshot } from './harness.mjs';

const dist = process.env.TRIANGULATE_HOSTILE_DIST ?? join(fileURLToPath(new URL('../..', import.meta.url)), 'target/e2e-hostile-dist');
assert.ok(existsSync(join(dist, 'index.html')), `${dist} is missing: ./dev test builds it from tests/e2e/hostile-articles`);
const app = useApp({ dist });

/** A page that records dialogs (alert, confirm…) as proof that something ran. */
async function watchedPage() {
  const page = await app.newPage();
  page.dialogs = [];
  page.on('dialog', async (dialog) => { page.dialogs.push(dialog.message()); await dialog.dismiss(); });
  return page;
}

/** Whatever ran would have set window.__pwned, opened a dialog, or left live markup behind. */
async function assertInert(page, label) {
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
    scriptLinks: [...document.querySelectorAll('a[href], iframe[src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
      .filter((url) => /^\s*javascript:/i.test(url)),
    injected: document.querySelectorAll('main script, main iframe, main img, main style, main b').length,
  }));
  assert.deepEqual(found, { pwned: null, handlers: [], scriptLinks: [], injected: 0 }, label);
  assert.deepEqual(page.dialogs, [], `${label}: no dialog`);
}

const VIEWS = ['', '?view=articles', '?article=01-script-everywhere', '?article=02-markup-names', '?view=entities',
  '?view=quotes', '?view=claims', '?view=conflicts', '?view=timeline', '?view=network', '?view=compare',
  '?view=search&q=script'];

test('hostile articles: every view shows the payloads as text and runs none of them', async () => {
  const page = await watchedPage();
  for (const search of VIEWS) {
    await open(page, app.url, search);
    await assertInert(page, search || 'overview');
  }
  assert.ok(page.workers().some((w) => w.url().endsWith('/analysis-worker.js')), 'the analysis ran in the Web Worker');
  await open(page, app.url, '?article=01-script-everywhere');
  const text = await page.textContent('[data-testid=article-text]');
  assert.ok(text.includes(`"<script>window.__pwned = 'quote'</script> we are ready,"`), 'the quote is shown as written');
  assert.match(await page.textContent('[data-testid=article-title]'), /^<script>window.__pwned = 'title'<\/script> Leaders meet in <b>Paris<\/b>$/);
  const source = await page.getAttribute('a[rel~=noopener]', 'href');
  assert.ok(source.startsWith('https://example.com/'), `the url stays an http(s) link: ${source}`);
  await screenshot(page, 'hostile-reader-1280');
  assert.deepEqual(page.errors, []);
});

test('hostile links: payloads in every parameter become inert notices or text', async () => {
  const page = await watchedPage();
  const payloads = [
    `?view=<script>window.__pwned='view'</script>`,
    `?view=search&q=<img src=x onerror="window.__pwned='q'">`,
    `?view=entities&entity="><svg onload=window.__pwned='entity'>`,
    `?article=javascript:window.__pwned='article'`,
    `?view=quotes&speaker=<iframe src=javascript:window.__pwned='speaker'>&kind=<b>x</b>`,
    `?view=compare&a=<script>1</script>&b="><img src=x onerror=alert(1)>`,
    `?view=claims&sort=<svg/onload=alert(1)>&q=javascript:alert(1)`,
  ];
  for (const search of payloads) {
    await open(page, app.url, search.replaceAll('#', '%23'));
    await assertInert(page, search);
  }
  await open(page, app.url, `?view=<script>window.__pwned='view'</script>`);
  assert.match(await page.textContent('[data-testid=notices]'), /<script>window.__pwned='view'<\/script>/, 'shown as text');
  assert.deepEqual(page.errors, []);
});

test('a panic shows the error panel with its message and a reload link, not a blank page', async () => {
  const page = await watchedPage();
  await open(page, app.url);
  const message = `<img src=x onerror="window.__pwned='panic'"> deliberate test panic`;
  await page.evaluate((m) => { try { window.wasmBindings.panic_for_test(m); } catch { /* the wasm trap */ } }, message);
  await page.waitForSelector('#panic-panel');
  assert.match(await page.textContent('#panic-panel pre'), /deliberate test panic/);
  assert.ok((await page.textContent('#panic-panel pre')).includes(message), 'the message, as text');
  assert.equal(await page.getAttribute('#panic-panel a', 'href'), './');
  await assertInert(page, 'panic panel');
  await screenshot(page, 'panic-panel');
});
