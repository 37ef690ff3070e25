// The widget live, timed in the page: the time from the navigation's start
// to the host's `data-live`, and the main thread's long tasks until two
// seconds after it. Shared by benches/lighthouse.mjs and benches/unpack.mjs.
import { openPage } from '../tests/e2e/harness.mjs';

/**
 * The network Lighthouse's mobile preset throttles to when it throttles
 * for real (its "devtools" method): 562.5 ms request latency,
 * 1,474.56 kbit/s down, 675 up. `null`: no network to wait for.
 */
export const MOBILE = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

/**
 * Opens `url` at a phone's size, with the CPU 4× slower and `network`'s
 * conditions, and times it: { liveMs, blockingMs, longestMs }.
 */
export async function timeLive(browser, url, network = MOBILE) {
  const { context, page } = await openPage(browser, { width: 412, height: 823 });
  try {
    const cdp = await context.newCDPSession(page);
    if (network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      // Every task over 50 ms on the page's main thread, as the browser
      // reports it (longtask entries): what the reader's taps wait behind,
      // measured rather than simulated.
      globalThis.longTasks_ = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.longTasks_.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
      new MutationObserver((_, watch) => {
        const host = document.getElementById('dossier');
        if (host?.hasAttribute('data-live')) {
          globalThis.liveAt_ = performance.now();
          watch.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-live'] });
    });
    await page.goto(url);
    await page.waitForFunction(() => globalThis.liveAt_, null, { timeout: 60000, polling: 100 });
    // The tasks of the first two seconds of life count too: the work the
    // first render leaves (the address written after the paint, the
    // effects that measure) runs then.
    await page.waitForTimeout(2000);
    return await page.evaluate(() => ({
      liveMs: globalThis.liveAt_,
      // Blocking time counted as Lighthouse counts it (each long task's
      // time past 50 ms), but from the navigation's start to two seconds
      // after live, not from the first paint to its estimate of time to
      // interactive.
      blockingMs: globalThis.longTasks_.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      longestMs: Math.max(0, ...globalThis.longTasks_),
    }));
  } finally {
    await context.close();
  }
}

/** The median of `xs` (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each of `timeLive`'s figures, its median over `runs`. */
export const timedMedians = (runs) => ({
  liveMs: median(runs.map((r) => r.liveMs)),
  blockingMs: median(runs.map((r) => r.blockingMs)),
  longestMs: median(runs.map((r) => r.longestMs)),
});
