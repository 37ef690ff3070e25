// In-browser timings against the release build, in Chromium through
// playwright-core: first paint, first card, filter and search to next paint
// at 10,000 events, and the JS heap after loading them.
//
// Usage: node benches/browser.mjs EVENTS.json NETWORK.json ACLED.csv [EVENTS-100000.json]   (prints JSON on stdout)
import { serve, launch, openPage, tiesDrawn } from '../tests/e2e/harness.mjs';
import { dragFrames } from './frames.mjs';
import { median } from './live.mjs';

const [dataset, networkDataset, acledCsv, dataset100k] = process.argv.slice(2);
const RUNS = 21;
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

// Time from an action to the next paint: requestAnimationFrame runs just
// before the frame is painted, and a task queued from it runs just after.
// The frame is requested before the action, so that the time ends with the
// action's own paint and not with work the widget defers past it (it writes
// the URL just after the paint).
//
// Three figures per action: `work`, from the action until its task and
// Yew's render have finished; `paint`, until the next frame has been painted,
// for an action at a random moment in the frame, as a reader's click is; and
// `aligned`, the same for an action just after a paint, the worst moment (a
// whole frame, up to 16.7 ms at 60 Hz, to wait whatever the work).
async function timeAction(page, action, runs = RUNS) {
  const work = [], paint = [], aligned = [];
  for (let i = 0; i < runs * 2; i++) {
    const atRandom = i % 2 === 0;
    const t = await page.evaluate(async ([act, atRandom]) => {
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      if (atRandom) await new Promise((ok) => setTimeout(ok, Math.random() * 16));
      const painted = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const t0 = performance.now();
      let worked = 0;
      setTimeout(() => (worked = performance.now() - t0), 0);
      eval(act)();
      await painted;
      return { work: worked, paint: performance.now() - t0 };
    }, [action, atRandom]);
    work.push(t.work);
    (atRandom ? paint : aligned).push(t.paint);
  }
  return {
    work: median(work),
    workP95: p95(work),
    paint: median(paint),
    paintP95: p95(paint),
    paintMin: Math.min(...paint),
    paintMax: Math.max(...paint),
    aligned: median(aligned),
    runs,
  };
}

const server = await serve({
  extra: { 'generated.json': dataset, 'network.json': networkDataset, ...(dataset100k ? { 'generated-100k.json': dataset100k } : {}) },
});
const browser = await launch();
const out = {};
try {
  // The bundled story: first contentful paint and the first card on screen.
  {
    const fcp = [], firstCard = [];
    for (let i = 0; i < 7; i++) {
      const { context, page } = await openPage(browser, { width: 375, height: 800 });
      await page.goto(server.url);
      await page.waitForSelector('.card');
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        card: performance.now(),
      }));
      fcp.push(t.fcp);
      firstCard.push(t.card);
      await context.close();
    }
    out.firstStory = { fcpMs: median(fcp), firstCardMs: median(firstCard), runs: fcp.length };
  }
  // 10,000 generated events.
  {
    const { context, page, problems } = await openPage(browser, { width: 1200, height: 900 });
    // Trunk's loader announces the wasm instance; keep its memory to measure.
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => (window.__dossierMemory = e.detail.wasm.memory)),
    );
    const t0 = Date.now();
    await page.goto(server.url + '?data=generated.json');
    await page.waitForSelector('.story__title:has-text("Generated story")', { timeout: 60_000 });
    await page.waitForSelector('.card');
    out.load10k = { ms: Date.now() - t0 };
    out.events = Number((await page.textContent('.toolbar__count')).replace(/[^0-9]/g, ''));
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    out.heap10k = { usedMB: heap.usedSize / 1048576, totalMB: heap.totalSize / 1048576 };
    out.wasmMemoryMB = (await page.evaluate(() => window.__dossierMemory?.buffer.byteLength ?? NaN)) / 1048576;
    out.filterClick10k = await timeAction(page, `() => [...document.querySelectorAll('.facet')].find((f) => f.querySelector('legend').textContent === 'Kind of event').querySelector('input').click()`);
    out.search10k = await timeAction(
      page,
      `() => { const i = document.querySelector('#dossier-search'); i.value = i.value ? '' : 'near'; i.dispatchEvent(new Event('input', { bubbles: true })); }`,
    );
    out.cardsRendered = await page.locator('.cards > li').count();
    out.problems = problems;
    await context.close();
  }
  // 100,000 generated events, the size of a multi-year national ACLED
  // export: the same filter and search.
  if (dataset100k) {
    const { context, page, problems } = await openPage(browser, { width: 1200, height: 900 });
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => (window.__dossierMemory = e.detail.wasm.memory)),
    );
    const t0 = Date.now();
    await page.goto(server.url + '?data=generated-100k.json');
    await page.waitForSelector('.story__title:has-text("Generated story")', { timeout: 300_000 });
    await page.waitForSelector('.card');
    out.load100k = { ms: Date.now() - t0 };
    out.events100k = Number((await page.textContent('.toolbar__count')).replace(/[^0-9]/g, ''));
    out.wasmMemory100kMB = (await page.evaluate(() => window.__dossierMemory?.buffer.byteLength ?? NaN)) / 1048576;
    out.filterClick100k = await timeAction(page, `() => [...document.querySelectorAll('.facet')].find((f) => f.querySelector('legend').textContent === 'Kind of event').querySelector('input').click()`, 11);
    out.search100k = await timeAction(
      page,
      `() => { const i = document.querySelector('#dossier-search'); i.value = i.value ? '' : 'near'; i.dispatchEvent(new Event('input', { bubbles: true })); }`,
      11,
    );
    out.problems = [...(out.problems ?? []), ...problems];
    await context.close();
  }
  // Importing a 20,000-row ACLED export through "Open file…": time to the
  // imported story on screen, and the memory it takes.
  {
    const { context, page, problems } = await openPage(browser, { width: 1200, height: 900 });
    await page.addInitScript(() =>
      addEventListener('TrunkApplicationStarted', (e) => (window.__dossierMemory = e.detail.wasm.memory)),
    );
    await page.goto(server.url);
    // The live widget's "Open file…", not the picture's: a file chosen in the
    // picture opens only once the widget is live, and that wait is not the import's.
    await page.waitForSelector('[data-live] .card');
    const before = await page.evaluate(() => window.__dossierMemory?.buffer.byteLength ?? NaN);
    const t0 = Date.now();
    await page.locator('#dossier-open').setInputFiles(acledCsv);
    await page.waitForSelector('.story__title:has-text("ACLED events")', { timeout: 120_000 });
    out.acled20k = {
      ms: Date.now() - t0,
      events: Number((await page.textContent('.toolbar__count')).replace(/[^0-9]/g, '')),
      // wasm memory only grows, so its size afterwards is the peak.
      wasmPeakMB: (await page.evaluate(() => window.__dossierMemory?.buffer.byteLength ?? NaN)) / 1048576,
      wasmBeforeMB: before / 1048576,
    };
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    out.acled20k.jsHeapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576;
    out.problems = [...(out.problems ?? []), ...problems];
    await context.close();
  }
  // Dragging a node in a network of 1,000 actors: frame intervals while the
  // layout runs under the pointer.
  {
    const { context, page, problems } = await openPage(browser, { width: 1200, height: 900, reducedMotion: 'reduce' });
    await page.goto(server.url + '?data=network.json#v=network');
    await page.waitForSelector('.network .node', { timeout: 120_000 });
    out.networkNodes = await page.locator('.network .node').count();
    out.networkEdges = await tiesDrawn(page);
    out.networkPaths = await page.locator('.network__edges .edge').count();
    const gaps = await dragFrames(page);
    out.dragFrames = {
      frames: gaps.length,
      medianMs: gaps[Math.floor(gaps.length / 2)],
      p95Ms: gaps[Math.floor(gaps.length * 0.95)],
      maxMs: gaps[gaps.length - 1],
    };
    out.problems = [...(out.problems ?? []), ...problems];
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(out, null, 2));
