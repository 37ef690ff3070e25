// Stories at scale, this build against a baseline build, side by side in
// one run (runs interleaved, medians): a 20,000-row ACLED-like export
// opened with "Open file…", then each view (time from the file to the view's first paint),
// and once as a reader opens it (the button pressed, the file chosen a second later),
// a filter to the next paint in the cards and in the charts (where the
// timeline re-renders), and a network of 1,000 actors laid out to rest,
// then dragged (frame intervals).
//
// Usage: node benches/scale.mjs ACLED.csv NETWORK.json DIST [BASELINE_DIST]
//        (prints JSON on stdout: { current, baseline })
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';
import { resolve } from 'node:path';
import { dragFrames } from './frames.mjs';

const [acledCsv, networkJson, dist, baselineDist] = process.argv.slice(2);
const RUNS = Number(process.env.SCALE_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Time until the next frame has been painted, from a frame requested now. */
const PAINTED = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

const VIEWS = [
  ['cards', 'Events', '.cards .card'],
  ['network', 'Network', '.network .node'],
  ['charts', 'Charts', 'svg.timeline'],
];

/**
 * In the page, the stages of an opening, each timed from the file input's
 * change (when the browser hands the page the file): the opener's first
 * reply (its module loaded and the first rows read), its last (the story
 * imported and packed), and the new story's cards in the DOM, then painted.
 * Timed there, not by the driver, whose own round trips (handing the page
 * a 7 MB file, polling for the title) are no part of what a reader waits.
 */
const STAGES = () => {
  const stages = (window.__stages = {});
  const Made = window.Worker;
  window.Worker = function (...args) {
    const worker = new Made(...args);
    worker.addEventListener('message', () => {
      const t = performance.now();
      stages.first ??= t;
      stages.last = t;
    });
    return worker;
  };
  window.Worker.prototype = Made.prototype;
  addEventListener('change', (e) => {
    if (e.target.id !== 'dossier-open') return;
    stages.change = e.timeStamp;
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.story__title')?.textContent.includes('ACLED') || !document.querySelector('.cards .card')) return;
      seen.disconnect();
      stages.seen = performance.now();
      requestAnimationFrame(() => setTimeout(() => (stages.painted = performance.now())));
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, { capture: true });
};

/**
 * Open the export with "Open file…" (a new story opens on its cards), then
 * go to `view`: the time from choosing the file to that view's first paint.
 */
async function openInto(browser, url, view, { pressed = false } = {}) {
  const [, button, selector] = VIEWS.find(([v]) => v === view);
  const { context, page, problems } = await openPage(browser, { width: 1200, height: 900, reducedMotion: 'reduce' });
  await page.addInitScript(STAGES);
  await page.goto(url);
  await page.waitForSelector('[data-live] .card');
  let chooser = null;
  if (pressed) {
    // As a reader does: press the button, and choose the file a second later.
    const chosen = page.waitForEvent('filechooser');
    await page.locator('label[for=dossier-open]').click();
    chooser = await chosen;
    await page.waitForTimeout(1000);
  }
  const t0 = await page.evaluate(() => performance.now());
  await (chooser ? chooser.setFiles(acledCsv) : page.locator('#dossier-open').setInputFiles(acledCsv));
  await page.waitForSelector('.story__title:has-text("ACLED")', { timeout: 180_000 });
  if (view !== 'cards') await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForSelector(selector, { timeout: 180_000 });
  await page.evaluate(PAINTED);
  const ms = (await page.evaluate(() => performance.now())) - t0;
  return { ms, page, context, problems };
}

/** An action's time to the next paint, at a random moment in the frame. */
async function toPaint(page, action) {
  const times = [];
  for (let i = 0; i < 11; i++) {
    times.push(
      await page.evaluate(async (act) => {
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        await new Promise((ok) => setTimeout(ok, Math.random() * 16));
        const painted = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        const t0 = performance.now();
        eval(act)();
        await painted;
        return performance.now() - t0;
      }, action),
    );
  }
  return median(times);
}

/** Median time from the pointer onto a node to the next paint, over ten nodes. */
async function hoverToPaint(page) {
  const nodes = page.locator('.network .node');
  const times = [];
  for (let k = 0; k < 10; k++) {
    const box = await nodes.nth(k * 13).boundingBox({ timeout: 2000 }).catch(() => null);
    if (!box) continue;
    await page.mouse.move(2, 2);
    await page.evaluate(PAINTED);
    await page.evaluate(() => {
      window.__hover = null;
      addEventListener('pointerover', () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => (window.__hover = performance.now() - t0)));
      }, { once: true, capture: true });
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // A node out of the frame (or under another) is skipped.
    const hovered = await page.waitForFunction(() => window.__hover !== null, null, { timeout: 3000 }).then(() => true, () => false);
    if (hovered) times.push(await page.evaluate(() => window.__hover));
  }
  await page.mouse.move(2, 2);
  return times.length ? median(times) : NaN;
}

const TICK_FIRST_KIND = `() => document.querySelector('.filters input[type=checkbox]').click()`;

async function measure(browser, server) {
  const out = {};
  for (const [view] of VIEWS) {
    const { ms, page, context, problems } = await openInto(browser, server.url, view);
    out[`open-${view}`] = ms;
    if (view === 'cards') {
      await page.waitForFunction(() => window.__stages.painted !== undefined);
      const s = await page.evaluate(() => window.__stages);
      out['open-cards-in-page'] = s.painted - s.change;
      out['open-stage-opener'] = s.first - s.change;
      out['open-stage-import'] = s.last - s.first;
      out['open-stage-page'] = s.painted - s.last;
      out['filter-cards'] = await toPaint(page, TICK_FIRST_KIND);
    }
    if (view === 'charts') {
      out['filter-charts'] = await toPaint(page, TICK_FIRST_KIND);
      out['timeline-elements'] = await page.evaluate(() => document.querySelectorAll('svg.timeline *').length);
    }
    if (problems.length) out.problems = [...(out.problems ?? []), ...problems];
    await context.close();
  }
  {
    const { ms, page, context, problems } = await openInto(browser, server.url, 'cards', { pressed: true });
    out['open-cards-pressed'] = ms;
    await page.waitForFunction(() => window.__stages.painted !== undefined);
    const s = await page.evaluate(() => window.__stages);
    out['open-cards-pressed-in-page'] = s.painted - s.change;
    out['open-pressed-stage-import'] = s.last - s.first;
    if (problems.length) out.problems = [...(out.problems ?? []), ...problems];
    await context.close();
  }
  // The network of 1,000 actors: from the link to the layout at rest on screen.
  {
    const { context, page } = await openPage(browser, { width: 1200, height: 900, reducedMotion: 'reduce' });
    await page.goto(server.url + '?data=network.json#v=network');
    await page.waitForSelector('.network .node', { timeout: 180_000 });
    await page.evaluate(PAINTED);
    out['network-1000-at-rest'] = await page.evaluate(() => performance.now());
    // Hovering actors in turn: from the pointer onto a node to the next
    // paint (the focus lights its ties and dims the rest).
    out['hover-1000'] = await hoverToPaint(page);
    // Then drag a node across it: the frame intervals while the layout runs
    // under the pointer.
    const gaps = await dragFrames(page);
    out['drag-1000-median'] = gaps[Math.floor(gaps.length / 2)];
    out['drag-1000-p95'] = gaps[Math.floor(gaps.length * 0.95)];
    out['drag-1000-max'] = gaps[gaps.length - 1];
    await context.close();
  }
  return out;
}

const builds = [['current', dist], ...(baselineDist ? [['baseline', baselineDist]] : [])];
const servers = {};
for (const [name, dir] of builds) {
  servers[name] = await serve({ dir: resolve(dir), extra: { 'network.json': resolve(networkJson) } });
}
const browser = await launch();
const runs = Object.fromEntries(builds.map(([name]) => [name, []]));
try {
  for (let r = 0; r < RUNS; r++) {
    // Interleaved, so that the machine's noise falls on both alike.
    for (const [name] of r % 2 ? [...builds].reverse() : builds) {
      runs[name].push(await measure(browser, servers[name]));
    }
  }
} finally {
  await browser.close();
  for (const s of Object.values(servers)) await s.close();
}
const result = { runs: RUNS, rows: 20000 };
for (const [name] of builds) {
  const keys = Object.keys(runs[name][0]).filter((k) => k !== 'problems');
  result[name] = Object.fromEntries(keys.map((k) => [k, median(runs[name].map((m) => m[k]))]));
  result[name].problems = runs[name].flatMap((m) => m.problems ?? []);
}
console.log(JSON.stringify(result, null, 2));
