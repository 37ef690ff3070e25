import { test } from 'node:test';
import { setup, openPage, ready } from './harness.mjs';
const env = setup();
test('probe', async () => {
  const { context, page } = await openPage(env.browser, { width: 375, height: 900 });
  await page.goto(env.server.url + '#v=charts');
  await ready(page);
  const out = await page.$$eval('.cas-mark', (els) => els.map((e) => [e.textContent, e.getAttribute('aria-label').slice(0, 60)]));
  console.log(JSON.stringify(out, null, 1));
  await context.close();
});
