import { test } from 'node:test';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { setup, openPage, ready, ROOT } from './harness.mjs';
const dir = join(ROOT, 'tests/fixtures/shapes');
const files = readdirSync(dir).filter((f) => /\.(json|csv)$/.test(f));
const env = setup({ extra: Object.fromEntries(files.map((f) => [`shapes/${f}`, join(dir, f)])) });
for (const f of ['', ...files]) for (const width of [375, 1200]) {
  test(`probe ${f} ${width}`, async () => {
    const { context, page } = await openPage(env.browser, { width, height: 800, reducedMotion: 'reduce' });
    await page.goto(env.server.url + (f ? `?data=shapes/${f}` : '') + '#v=network');
    await ready(page);
    await page.waitForSelector('.network .node');
    await page.waitForTimeout(f.startsWith('acled') || f.startsWith('network') ? 6000 : 1500);
    const m = await page.evaluate(() => {
      const svg = document.querySelector('.network__svg').getBoundingClientRect();
      const nodes = [...document.querySelectorAll('.network .node path')].map((p) => p.getBoundingClientRect());
      const d = nodes.map((r) => Math.min(r.width, r.height)).sort((a, b) => a - b);
      const x0 = Math.min(...nodes.map((r) => r.left)), x1 = Math.max(...nodes.map((r) => r.right));
      const y0 = Math.min(...nodes.map((r) => r.top)), y1 = Math.max(...nodes.map((r) => r.bottom));
      return { n: d.length, under4: d.filter((v) => v < 4).length, min: d[0]?.toFixed(1), max: d[d.length - 1]?.toFixed(1), fx: ((x1 - x0) / svg.width).toFixed(2), fy: ((y1 - y0) / svg.height).toFixed(2), w: svg.width.toFixed(0), h: svg.height.toFixed(0), labels: document.querySelectorAll('.network__label').length, edges: document.querySelectorAll('.network .edge').length };
    });
    console.log(`${f || 'first-story'} ${width}`, JSON.stringify(m));
    await page.locator('.network').screenshot({ path: `/tmp/look/${f || 'first'}-${width}.png` });
    await context.close();
  });
}
