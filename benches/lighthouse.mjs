// Lighthouse (mobile, its default) against the release build, for the widget
// page and the embed page: the four category scores and FCP, LCP, TBT, CLS,
// and the time to interactive (the widget live on Lighthouse's simulated phone),
// and the widget live timed in the page under the same throttling applied.
// With a baseline build, the two are run in turns, in one run of this
// script, so that both meet the same machine. Median of five runs each, by
// performance score; how many runs had a largest paint later than 2.5 s is
// kept too, as a median hides an occasional slow one.
//
// Usage: node benches/lighthouse.mjs LIGHTHOUSE_BIN [DIST [BASELINE_DIST]]   (prints JSON on stdout)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';
import { timeLive, median, timedMedians } from './live.mjs';

const [lighthouse, dist = 'dist', baseline] = process.argv.slice(2);
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const RUNS = Number(process.env.RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'dossier-lighthouse-'));
const builds = [['this', dist], ...(baseline ? [['baseline', baseline]] : [])];
const servers = {};
// Served gzipped, as a static host serves a news page's files: the simulated
// phone then downloads what the size budget counts.
for (const [build, root] of builds) servers[build] = await serve({ dir: resolve(root), compress: true });
const out = {};
const runs = {};
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [name, path] of [['widget', ''], ['embed', 'embed.html?embed']]) {
      for (const [build] of builds) {
        const report = join(dir, `${build}-${name}-${i}.json`);
        // Asynchronously: the page is served from this very process.
        await promisify(execFile)(lighthouse, [
          servers[build].url + path,
          '--quiet',
          '--output=json',
          `--output-path=${report}`,
          `--chrome-flags=${FLAGS}`,
          '--only-categories=performance,accessibility,best-practices,seo',
        ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
        const r = JSON.parse(readFileSync(report, 'utf8'));
        const score = (c) => Math.round((r.categories[c]?.score ?? NaN) * 100);
        const audit = (a) => r.audits[a]?.numericValue;
        ((runs[build] ??= {})[name] ??= []).push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          fcpMs: audit('first-contentful-paint'),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          // Time to interactive in the same simulation: the widget live
          // (its wasm fetched, compiled and rendered) on a throttled phone.
          ttiMs: audit('interactive'),
          cls: audit('cumulative-layout-shift'),
          failed: Object.values(r.audits)
            .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && !['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'interactive', 'total-blocking-time', 'max-potential-fid', 'cumulative-layout-shift'].includes(a.id))
            .map((a) => a.id),
          path: path || '/',
        });
      }
    }
  }
  for (const [build] of builds) {
    const pages = {};
    for (const [name, list] of Object.entries(runs[build])) {
      const sorted = [...list].sort((a, b) => a.performance - b.performance);
      pages[name] = {
        ...sorted[Math.floor(sorted.length / 2)],
        tbtMedianMs: median(list.map((r) => r.tbtMs)),
        ttiMedianMs: median(list.map((r) => r.ttiMs)),
        performanceMin: sorted[0].performance,
        lateLcp: list.filter((r) => r.lcpMs > 2500).length,
        runs: list.length,
      };
    }
    if (build === 'this') Object.assign(out, pages);
    else out.baseline = pages;
  }
  // The widget live, timed rather than simulated: Lighthouse's TTI above is
  // its model's estimate (from the last long task), not the moment the
  // host gets `data-live`. Here the page loads under the throttling
  // Lighthouse applies when it throttles for real (benches/live.mjs), and
  // the time from the navigation's start to `data-live` is read in the
  // page. Median of RUNS per page and build, in turns.
  const browser = await launch();
  const live = {};
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [name, path] of [['widget', ''], ['embed', 'embed.html?embed']]) {
        for (const [build] of builds) {
          (((live[build] ??= {})[name] ??= [])).push(await timeLive(browser, servers[build].url + path));
        }
      }
    }
  } finally {
    await browser.close();
  }
  for (const [build, pages] of Object.entries(live)) {
    const target = build === 'this' ? out : out.baseline;
    for (const [name, list] of Object.entries(pages)) {
      const { liveMs, blockingMs, longestMs } = timedMedians(list);
      Object.assign(target[name], { liveMs, blockingTimedMs: blockingMs, longestTaskMs: longestMs });
    }
  }
} finally {
  for (const s of Object.values(servers)) await s.close();
}
console.log(JSON.stringify(out, null, 2));
