import { test } from 'node:test';
import { join } from 'node:path';
import { setup, openPage, ready, ROOT } from './harness.mjs';
const f = process.env.LOOK || 'acled-5000.csv';
const env = setup({ extra: { [`shapes/${f}`]: join(ROOT, 'tests/fixtures/shapes', f) } });
for (const width of [375, 1200]) {
  test(`look ${width}`, async () => {
    const { context, page } = await openPage(env.browser, { width, height: 900 });
    await page.goto(env.server.url + `?data=shapes/${f}` + (process.env.HASH || '#v=network'));
    await ready(page);
    await page.waitForTimeout(Number(process.env.WAIT || 8000));
    const info = await page.evaluate(() => ({
      moving: document.querySelector('.network__svg')?.classList.contains('network__svg--moving'),
      edges: document.querySelectorAll('.network .edge').length,
    }));
    console.log(width, JSON.stringify(info));
    await page.screenshot({ path: `/tmp/look/${f}-${width}.png`, fullPage: process.env.FULL === '1' });
    await context.close();
  });
}
