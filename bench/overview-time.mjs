// For the app built into $TRIANGULATE_DIST, in headless Chromium, prints as JSON:
// - `shownMs`: milliseconds from navigation start until the overview lists the articles, over
//   LOADS first visits (a fresh browser each, nothing cached): the median, the fastest, the slowest;
// - `longestTaskMs`: over those visits, the longest task the page ran between showing its header
//   and showing the overview (Chromium's long-task timing: tasks of 50 ms or more, else 0): input
//   waits for the running task, so this bounds how long a click can wait while the analysis runs;
// - `inputMs`: while the analysis runs, how long the page takes to answer a click on a navigation
//   link (until the link is marked current), sampled every 100 ms: the worst and the median;
// - `viewsMs`: once it has run, per view, from the click on its link to the next frame painted.
import { launchBrowser, newPage, serveDist } from '../tests/e2e/harness.mjs';

/** A load takes a few hundred milliseconds on a 2-core machine, and varies by a third run to run. */
const LOADS = 5;

const server = await serveDist(process.env.TRIANGULATE_DIST);

/** Records the page's long tasks and when its header first shows, from navigation on. */
function observeLoad() {
  window.benchLoad = { longTasks: [], headerAt: Infinity };
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.benchLoad.longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.site-header')) return;
    window.benchLoad.headerAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Milliseconds from navigation start to the overview's article list, in the page's own clock,
 * and the longest task that started after the header showed and before that.
 */
async function overviewShown(page) {
  await page.addInitScript(observeLoad);
  await page.goto(server.url, { waitUntil: 'commit' });
  const shown = await page.waitForFunction(() => {
    const article = document.querySelector('[data-testid="overview"] [data-testid="overview-article"]');
    return article?.checkVisibility() && performance.now();
  }, null, { polling: 'raf', timeout: 600000 });
  const shownMs = await shown.jsonValue();
  const longestTaskMs = await page.evaluate((shownMs) => {
    const { longTasks, headerAt } = window.benchLoad;
    const during = longTasks.filter((task) => task.start >= headerAt && task.start < shownMs);
    return Math.max(0, ...during.map((task) => task.duration));
  }, shownMs);
  return { shownMs: Math.round(shownMs), longestTaskMs: Math.round(longestTaskMs) };
}

const loads = [];
for (let load = 1; load < LOADS; load++) {
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    loads.push(await overviewShown(page));
    if (page.errors.length) throw new Error(`the page reported errors: ${page.errors.join('\n')}`);
  } finally {
    await browser.close();
  }
}
// The last first visit in the browser that then measures input and views.
const browser = await launchBrowser();
try {
  const page = await newPage(browser);
  loads.push(await overviewShown(page));
  const times = loads.map((load) => load.shownMs).sort((a, b) => a - b);
  const shownMs = { median: times[times.length >> 1], fastest: times[0], slowest: times.at(-1), loads: times.length };
  const longestTaskMs = Math.max(...loads.map((load) => load.longestTaskMs));

  const probe = await newPage(browser);
  await probe.goto(server.url, { waitUntil: 'commit' });
  await probe.waitForSelector('.site-header nav a', { timeout: 600000 });
  const latencies = await probe.evaluate(async () => {
    const links = [...document.querySelectorAll('.site-header nav a')];
    const frame = () => new Promise(requestAnimationFrame);
    const samples = [];
    for (let i = 0; document.querySelector('main[aria-busy="true"]'); i++) {
      const link = links[i % links.length];
      const start = performance.now();
      link.click();
      while (link.getAttribute('aria-current') !== 'page') await frame();
      samples.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return samples;
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  const inputMs = { samples: sorted.length, worst: Math.round(sorted.at(-1) ?? 0), median: Math.round(sorted[sorted.length >> 1] ?? 0) };
  await page.waitForSelector('main:not([aria-busy="true"]) [data-testid="overview"]', { timeout: 600000 });
  const viewsMs = await page.evaluate(async () => {
    const frame = () => new Promise(requestAnimationFrame);
    const times = {};
    for (const link of document.querySelectorAll('.site-header nav a')) {
      const start = performance.now();
      link.click();
      while (link.getAttribute('aria-current') !== 'page') await frame();
      await frame();
      times[link.textContent.trim()] = Math.round(performance.now() - start);
    }
    return times;
  });
  for (const p of [page, probe]) if (p.errors.length) throw new Error(`the page reported errors: ${p.errors.join('\n')}`);
  console.log(JSON.stringify({ shownMs, longestTaskMs, inputMs, viewsMs }));
} finally {
  await browser.close();
  await server.close();
}
