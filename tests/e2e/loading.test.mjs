// ?data=<url>: another story replaces the bundled one only when it is valid;
// otherwise the problems are listed in its place, and no other story is
// shown under the reader's article.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openPage, ready, axe, screenshotOf, focusedOn, wasmFiles, ROOT, ARTIFACTS } from './harness.mjs';

// The data guide's minimal example is a complete story of its own.
const env = setup(() => {
  const guide = readFileSync(join(ROOT, 'docs/DATA_FORMAT.md'), 'utf8');
  const example = guide.split('```json\n')[1].split('```')[0];
  mkdirSync(ARTIFACTS, { recursive: true });
  const examplePath = join(ARTIFACTS, 'port-strike.json');
  writeFileSync(examplePath, example);
  // The same story with its event told 60 times over: a list longer than a page.
  const long = JSON.parse(example);
  long.events = Array.from({ length: 60 }, (_, i) => ({ ...long.events[0], id: `e-walkout-${i + 1}` }));
  const longPath = join(ARTIFACTS, 'port-strike-long.json');
  writeFileSync(longPath, JSON.stringify(long));
  // Told 260 times: past the ten pages a link draws down to its event.
  long.events = Array.from({ length: 260 }, (_, i) => ({ ...long.events[0], id: `e-walkout-${i + 1}` }));
  const deepPath = join(ARTIFACTS, 'port-strike-deep.json');
  writeFileSync(deepPath, JSON.stringify(long));
  return {
    extra: {
      'port-strike.json': examplePath,
      'port-strike-long.json': longPath,
      'port-strike-deep.json': deepPath,
      'seven-mistakes.json': join(ROOT, 'tests/fixtures/seven-mistakes.json'),
    },
  };
});

/** Waits until the widget is live and lists why a story could not be opened. */
const refused = (page) => page.waitForSelector('[data-live] .problems');

async function open(query, until = ready) {
  const opened = await openPage(env.browser);
  opened.dialogs = [];
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    d.dismiss();
  });
  await opened.page.goto(env.server.url + query);
  await until(opened.page);
  return opened;
}

test('a valid dataset replaces the bundled story', async () => {
  const { context, page, problems } = await open('?data=port-strike.json');
  assert.equal(await page.locator('.dossier h1', { hasText: 'Port strike' }).textContent({ timeout: 5000 }), 'Port strike halts shipping');
  assert.deepEqual(await page.$$eval('[data-event-id]', (els) => els.map((e) => e.dataset.eventId)), ['e-walkout']);
  assert.deepEqual(problems, []);
  await context.close();
});

/** No story is drawn in place of the one a link asked for: neither the page's own nor its picture. */
async function noOtherStory(page) {
  assert.equal(await page.locator('#dossier .story__title, #dossier .card').count(), 0);
  assert.equal(await page.textContent('.problems__title'), 'This story could not be opened');
}

test("while a link's story opens, the picture shows none of the page's own", async () => {
  const opened = await openPage(env.browser, { width: 375, height: 740 });
  const { context, page } = opened;
  // The module held back: the picture is all there is.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(wasmFiles, async (route) => { await held; await route.continue(); });
  await page.goto(env.server.url + '?data=port-strike.json');
  await page.waitForSelector('#dossier > .dossier[aria-busy=true]', { state: 'attached' });
  assert.equal(await page.locator('#dossier .story__title').first().isVisible(), false, "the page's own title shows");
  assert.equal(await page.locator('#dossier .card').first().isVisible(), false, "the page's own cards show");
  release();
  await ready(page);
  assert.equal(await page.locator('.dossier h1').textContent({ timeout: 5000 }), 'Port strike halts shipping');
  assert.equal(await page.locator('.dossier h1').isVisible(), true);
  await context.close();
});

test('a missing file is said so, with no other story in its place', async () => {
  const { context, page } = await open('?data=missing.json', refused);
  await noOtherStory(page);
  // Nor does the tab keep the page's own story's title.
  assert.equal(await page.title(), 'Dossier');
  // The whole file's place ("$") is not shown: the reason is the whole line.
  assert.match(await page.textContent('.problems li'), /^could not load the story: http:\/\/127\.0\.0\.1:\d+\/missing\.json answered 404 Not Found$/);
  await context.close();
});

test('a non-web address is refused without running anything', async () => {
  const { context, page, dialogs } = await open('?data=javascript:alert(1)', refused);
  assert.match(await page.textContent('.problems'), /is not an http or https address, or has a user name before its host/);
  await noOtherStory(page);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('an address with a user name before its host is refused with its reason', async () => {
  // (A browser would not fetch it either; the reader is told why.)
  const { context, page } = await open('?data=' + encodeURIComponent('https://www.bbc.co.uk@example.com/story.json'), refused);
  assert.match(await page.textContent('.problems'), /www\.bbc\.co\.uk@example\.com\/story\.json" is not an http or https address, or has a user name before its host/);
  await noOtherStory(page);
  await context.close();
});

test('a broken dataset lists every problem with its place', async () => {
  const { context, page } = await open('?data=seven-mistakes.json', refused);
  await page.locator('.problems li').first().waitFor({ timeout: 5000 });
  const items = await page.$$eval('.problems li', (els) => els.map((e) => e.textContent));
  assert.equal(items.length, 7);
  // Each place names its item's id, and they come in the order of the file.
  assert.ok(items.some((t) => /^events\[5\] \(e-[\w-]+\)\.participants\[0\]\.actor/.test(t) && t.includes('did you mean "hezbollah"')), items.join('\n'));
  const places = items.map((t) => t.split(' ')[0]);
  const rank = (place) => ['format', 'story', 'sources', 'actors', 'events', 'relations', 'tallies'].indexOf(place.split(/[.[]/)[0]) * 1e6 + Number(place.match(/^\w+\[(\d+)\]/)?.[1] ?? 0);
  assert.deepEqual(places, [...places].sort((a, b) => rank(a) - rank(b)), places.join('\n'));
  await noOtherStory(page);
  await context.close();
});

/** A phone opens a link to event `id` of story `file`: its card is drawn, chosen and brought into view. */
async function openLinked(file, id) {
  const opened = await openPage(env.browser, { width: 375, height: 740 });
  const { page } = opened;
  await page.goto(`${env.server.url}?data=${file}#sel=event:${id}`);
  await ready(page);
  const card = page.locator(`.card[data-event-id="${id}"]`);
  await card.waitFor({ timeout: 5000 });
  assert.equal(await card.getAttribute('data-selected'), '');
  await page.waitForFunction(() => {
    const box = document.querySelector('.card[data-selected]')?.getBoundingClientRect();
    return box && box.top >= 0 && box.top < innerHeight;
  }, null, { timeout: 5000 });
  return opened;
}

test('a link to an event past the first page of a linked story draws its card and goes to it', async () => {
  const { context, page, problems } = await openLinked('port-strike-long.json', 'e-walkout-45');
  assert.ok(await page.evaluate(() => scrollY) > 3000, 'scrolled down the list');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link to an event deeper than ten pages draws its card first, says so, and goes to it', async () => {
  const { context, page, problems } = await openLinked('port-strike-deep.json', 'e-walkout-250');
  // First in the list, and said to be the link's.
  assert.equal(await page.locator('.cards > .card').first().getAttribute('data-event-id'), 'e-walkout-250');
  assert.equal(
    await page.locator('.cards > .card').first().evaluate((el) => getComputedStyle(el, '::before').content),
    '"The chosen event, from further down"',
  );
  // The list after it starts at the first event, ten pages drawn.
  assert.equal(await page.locator('.cards > .card').nth(1).getAttribute('data-event-id'), 'e-walkout-1');
  // Every one of them drawn, the last too: none left in a room.
  assert.equal(await page.locator('.cards[data-long] > .card:not(.card--room)').count(), 201);
  // "Show more" counts the events not shown (the chosen one is), and takes
  // the focus to the first new card, past the chosen one.
  const more = page.locator('.button--more');
  assert.equal((await more.textContent()).trim(), 'Show 20 more of 59 remaining');
  await more.click();
  assert.equal(await focusedOn(page, 'dataset.eventId', 'e-walkout-201'), 'e-walkout-201');
  await screenshotOf(page.locator('.cards > .card').first(), 'linked-deep-375');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a list longer than a page shows the first 20, past them skips drawing the cards out of view, and stays accessible', async () => {
  const visibility = (page) => page.locator('.cards > .card').last().evaluate((el) => getComputedStyle(el).contentVisibility);
  for (const [width, colorScheme] of [[375, 'dark'], [1200, 'light']]) {
    const { context, page, problems } = await openPage(env.browser, { width, height: 800, colorScheme });
    await page.goto(env.server.url + '?data=port-strike-long.json');
    await ready(page);
    await page.locator('.cards > .card').nth(19).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('.cards > .card').count(), 20);
    // One page is drawn whole: skipping would cost each change a second layout.
    assert.equal(await page.locator('.cards[data-long]').count(), 0);
    assert.equal(await visibility(page), 'visible');
    // Out of view, a card is still in the document and the accessibility tree.
    assert.match(await page.locator('.cards > .card').last().textContent(), /Dockworkers walk out/);
    // As a reader does: scroll to the button and press it. The cards above,
    // now skipped, hold the size they were drawn at: the twentieth card
    // stays where it was on the page, even with the browser's scroll
    // anchoring off (as in a browser without it). (The window may scroll:
    // the focus goes to the first new card.)
    await page.addStyleTag({ content: 'html, body { overflow-anchor: none; }' });
    const more = page.getByRole('button', { name: 'Show 20 more of 40 remaining' });
    await more.scrollIntoViewIfNeeded();
    const twentieth = page.locator('.cards > .card').nth(19);
    const onPage = () => twentieth.evaluate((el) => el.getBoundingClientRect().top + scrollY);
    const before = await onPage();
    await more.click();
    await page.locator('.cards > .card').nth(39).waitFor();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    assert.ok(Math.abs((await onPage()) - before) < 2, `the page moved at ${width}`);
    assert.equal(await page.locator('.cards > .card').count(), 40);
    // The focus went to the first card shown, not to the page's body.
    const focusedCard = () => page.evaluate(() => [...document.querySelectorAll('.cards > .card')].indexOf(document.activeElement?.closest('.card')));
    await page.waitForFunction(() => document.activeElement?.closest('.card'));
    assert.equal(await focusedCard(), 20);
    // The last page says how many it shows, not "20 more of 20".
    assert.equal(await page.locator('.button--more').textContent(), 'Show the 20 remaining events');
    assert.equal(await page.locator('.cards[data-long] > .card').count(), 40);
    assert.equal(await visibility(page), 'auto');
    assert.deepEqual(await axe(page), [], `axe at ${width} ${colorScheme}`);
    // From the keyboard, the last page too: the button goes, and the focus
    // goes on to the first card it shows, not to the page's body.
    await page.locator('.button--more').focus();
    await page.keyboard.press('Enter');
    await page.locator('.cards > .card').nth(59).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('.cards > .card')].indexOf(document.activeElement?.closest('.card')) === 40);
    assert.equal(await page.locator('.button--more').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  }
  // The first story fits one page: every card is drawn.
  const { context, page } = await openPage(env.browser);
  await page.goto(env.server.url);
  await ready(page);
  assert.equal(await page.locator('.cards[data-long]').count(), 0);
  await context.close();
});

test('the widget starts with the cards its picture showed and draws the rest just after its paint, unless a link chose an event', async () => {
  for (const [width, height] of [[375, 800], [1200, 900]]) {
    for (const fragment of ['', '#sel=event:e-israel-toll']) {
      const { context, page, problems } = await openPage(env.browser, { width, height });
      // Read in the task that makes the widget live, before any paint.
      await page.addInitScript(() => {
        new MutationObserver((_, watch) => {
          const host = document.getElementById('dossier');
          if (!host?.hasAttribute('data-live')) return;
          watch.disconnect();
          const room = document.querySelector('.cards > .card--room');
          globalThis.atLive_ = {
            cards: document.querySelectorAll('.cards > .card:not(.card--room)').length,
            rooms: document.querySelectorAll('.cards > .card--room').length,
            // A room held is below the first screen, never in it.
            roomBelow: !room || room.getBoundingClientRect().top >= innerHeight,
          };
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-live'] });
      });
      await page.goto(env.server.url + fragment);
      await ready(page);
      await page.waitForFunction(() => globalThis.atLive_ && !document.querySelector('.card--room'), null, { timeout: 5000 });
      const atLive = await page.evaluate(() => globalThis.atLive_);
      const expected = fragment ? { cards: 18, rooms: 0, roomBelow: true } : { cards: 6, rooms: 12, roomBelow: true };
      assert.deepEqual(atLive, expected, `${width} px ${fragment || 'no link'}`);
      assert.equal(await page.locator('.cards > .card:not(.card--room)').count(), 18);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('a filter on a long list draws the cards in view in its own frame and the rest just after, in their room, and a card pressed keeps its focus', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1200, height: 800 });
  await page.goto(env.server.url + '?data=port-strike-long.json');
  await ready(page);
  await page.locator('.cards > .card').nth(19).waitFor({ timeout: 5000 });
  // The reader has scrolled to the fifteenth card. Every event is of one
  // kind: ticking it keeps all 60. The first frame after the tick shows
  // the first cards and holds the others' room, so the page keeps the
  // reader's place; the frame after, the whole page.
  await page.locator('[data-event-id="e-walkout-15"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(ok)))));
  const counts = await page.evaluate(async () => {
    const cards = () => document.querySelectorAll('.cards > .card:not(.card--room)').length;
    const before = { y: scrollY, height: document.documentElement.scrollHeight };
    // The first kind of event's box.
    const kind = () => [...document.querySelectorAll('.facet')]
      .find((f) => f.querySelector('legend').textContent === 'Kind of event')
      .querySelector('input');
    kind().click();
    const inFrame = await new Promise((ok) => requestAnimationFrame(() => ok({
      cards: cards(),
      rooms: document.querySelectorAll('.cards > .card--room').length,
      // Scroll anchoring may move it by the chips added above, and a room
      // is not quite a card's height; never back to the end of a page of 8
      // cards, nearly 2,000 px above.
      kept: Math.abs(scrollY - before.y) < 300 && document.documentElement.scrollHeight > before.height - 300,
    })));
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return { inFrame, after: cards(), rooms: document.querySelectorAll('.card--room').length, ticked: kind().checked };
  });
  assert.deepEqual(counts, { inFrame: { cards: 8, rooms: 12, kept: true }, after: 20, rooms: 0, ticked: true });
  // An actor pressed on the twelfth card: its card stays drawn through the
  // change, and the chip keeps the focus.
  const chip = page.locator('[data-event-id="e-walkout-12"] .chip').first();
  await chip.focus();
  const kept = await page.evaluate(async () => {
    const pressed = document.activeElement;
    pressed.click();
    return new Promise((ok) => requestAnimationFrame(() => ok({
      cards: document.querySelectorAll('.cards > .card:not(.card--room)').length,
      focused: document.activeElement === pressed && pressed.isConnected,
      on: pressed.getAttribute('aria-pressed'),
    })));
  });
  assert.deepEqual(kept, { cards: 20, focused: true, on: 'true' });
  assert.deepEqual(problems, []);
  await context.close();
});
