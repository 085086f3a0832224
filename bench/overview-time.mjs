// Prints the milliseconds from navigation start until the overview lists the articles, for the
// app built into $TRIANGULATE_DIST, in headless Chromium (a process per dist: the e2e harness
// reads its dist from the environment once).
import { launchBrowser, newPage, serveDist } from '../tests/e2e/harness.mjs';

const server = await serveDist();
const browser = await launchBrowser();
try {
  const page = await newPage(browser);
  await page.goto(server.url, { waitUntil: 'commit' });
  // Measured in the page, so the time is the page's own clock from navigation start.
  const shown = await page.waitForFunction(() => {
    const article = document.querySelector('[data-testid="overview"] [data-testid="overview-article"]');
    return article?.checkVisibility() && performance.now();
  }, null, { polling: 'raf', timeout: 600000 });
  if (page.errors.length) throw new Error(`the page reported errors: ${page.errors.join('\n')}`);
  console.log(Math.round(await shown.jsonValue()));
} finally {
  await browser.close();
  await server.close();
}
