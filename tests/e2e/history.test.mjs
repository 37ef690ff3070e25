// The URL and the browser's history: a link opened in another form is made
// canonical in place, so Back still leaves the page at once; a page opened
// on a view (?view=) comes back to that view; a date range is one entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openPage, ready, urlHash } from './harness.mjs';

const env = setup();

async function open(address) {
  const opened = await openPage(env.browser, { reducedMotion: 'reduce' });
  // The entries the tab had when the page loaded, before the widget ran.
  await opened.page.addInitScript(() => {
    window.entriesAtLoad = history.length;
  });
  await opened.page.goto(env.server.url + address);
  await ready(opened.page);
  return opened;
}

/** History entries the widget has added since the page loaded. */
const entries = (page) => page.evaluate(() => history.length - window.entriesAtLoad);
const pressed = (page, name) => page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed');

test('a link in another form is made canonical without a history entry', async () => {
  const { context, page, problems } = await open('#a=hezbollah&a=no-such-actor&q=rocket%20fire');
  // The unknown actor is dropped, and the space written as the form writes it.
  assert.equal(await urlHash(page), '#a=hezbollah&q=rocket+fire');
  assert.equal(await entries(page), 0, 'Back leaves the page at once');
  // The reader's own changes each make an entry.
  await page.getByLabel(/^Hamas\s*\d+$/).check();
  assert.match(await urlHash(page), /a=hamas/);
  assert.equal(await entries(page), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page opened on a view (?view=) needs no entry for it, and Back returns to it', async () => {
  const { context, page, problems } = await open('?view=network');
  await page.waitForSelector('.network .node');
  assert.equal(await urlHash(page), '');
  assert.equal(await entries(page), 0);
  await page.getByRole('button', { name: 'Events', exact: true }).click();
  assert.equal(await urlHash(page), '#v=cards');
  assert.equal(await entries(page), 1);
  await page.goBack();
  await page.waitForSelector('.network .node');
  assert.equal(await pressed(page, 'Network'), 'true');
  await page.goForward();
  await page.waitForSelector('.cards [data-event-id]');
  assert.equal(await pressed(page, 'Events'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a range picked under the timeline is one change: one history entry', async () => {
  const { context, page } = await open('#v=charts');
  const before = await entries(page);
  await page.locator('.timeline__range').last().click();
  assert.match(await urlHash(page), /from=2024-05-15&to=2024-05-15/);
  assert.equal(await entries(page), before + 1);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('from='));
  // The step is drawn once the page's popstate handler has run.
  await page.waitForFunction(() => !document.querySelector('[data-shade=selection]'));
  await context.close();
});
