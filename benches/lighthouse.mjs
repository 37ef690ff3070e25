// Lighthouse (mobile, its default) against the release build, for the widget
// page and the embed page: the four category scores and FCP, LCP, TBT, CLS.
// Median of three runs each, by performance score.
//
// Usage: node benches/lighthouse.mjs LIGHTHOUSE_BIN   (prints JSON on stdout)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/e2e/harness.mjs';

const [lighthouse] = process.argv.slice(2);
const FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), 'dossier-lighthouse-'));
const server = await serve();
const out = {};
try {
  for (const [name, path] of [['widget', ''], ['embed', 'embed.html?embed']]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const report = join(dir, `${name}-${i}.json`);
      // Asynchronously: the page is served from this very process.
      await promisify(execFile)(lighthouse, [
        server.url + path,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        `--chrome-flags=${FLAGS}`,
        '--only-categories=performance,accessibility,best-practices,seo',
      ], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
      const r = JSON.parse(readFileSync(report, 'utf8'));
      const score = (c) => Math.round((r.categories[c]?.score ?? NaN) * 100);
      const audit = (a) => r.audits[a]?.numericValue;
      runs.push({
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        fcpMs: audit('first-contentful-paint'),
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        failed: Object.values(r.audits)
          .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode) && !['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'interactive', 'total-blocking-time', 'max-potential-fid', 'cumulative-layout-shift'].includes(a.id))
          .map((a) => a.id),
      });
    }
    runs.sort((a, b) => a.performance - b.performance);
    out[name] = { ...runs[Math.floor(runs.length / 2)], runs: runs.length, path: path || '/' };
  }
} finally {
  await server.close();
}
console.log(JSON.stringify(out, null, 2));
