// The release build loads in Chromium, shows the story, and reports nothing wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, serve, openPage, ready, holdWasm, screenshot, screenshotOf, axe, hashMatching, wasmFiles, ROOT } from './harness.mjs';

const env = setup();

test('the story title renders with no console or page error', async () => {
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(env.server.url);
  await ready(page);
  const title = await page.textContent('.dossier h1');
  assert.match(title, /^Lebanon’s Hezbollah hosts Hamas delegation, fires 60 rockets on Israel$/);
  assert.equal(await page.locator('[data-event-id]').count(), 18);
  assert.deepEqual(problems, []);
  await context.close();
});

test('dist/ works from a subpath of a static host', async () => {
  const sub = await serve({ base: '/news/2024/dossier/' });
  const { context, page, problems } = await openPage(env.browser);
  await page.goto(sub.url);
  await ready(page);
  assert.deepEqual(sub.missing, []);
  assert.deepEqual(problems, []);
  await context.close();
  await sub.close();
});

for (const [name, width, colorScheme] of [
  ['phone', 375, 'light'],
  ['desktop', 1200, 'light'],
  ['phone-dark', 375, 'dark'],
]) {
  test(`no axe-core violations, ${name} (${width} px, ${colorScheme})`, async () => {
    const { context, page, problems } = await openPage(env.browser, { width, colorScheme });
    await page.goto(env.server.url);
    await ready(page);
    assert.deepEqual(await axe(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    await screenshot(page, `overview-${name}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('without JavaScript the page still tells the story', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url);
  assert.equal(
    await page.textContent('.dossier-noscript h1'),
    'Lebanon’s Hezbollah hosts Hamas delegation, fires 60 rockets on Israel',
  );
  // 18 events and 5 casualty figures, with their qualifiers.
  assert.equal(await page.locator('.dossier-noscript li').count(), 23);
  // Styled by noscript.css, the one stylesheet only this page loads: a column of text.
  assert.equal(await page.$eval('.dossier-noscript', (el) => getComputedStyle(el).maxWidth), '672px');
  assert.match(await page.textContent('.dossier-noscript'), /more than 79 civilians \(Lebanon\)/);
  // Whose word: al-Manar's account is attributed and not verified by the outlet.
  const talks = page.locator('.dossier-noscript li', { hasText: 'The talks covered Gaza' });
  assert.match(await talks.textContent(), /Alleged by al-Manar, not independently verified\. According to al-Manar\./);
  await screenshotOf(talks, 'noscript-alleged');
  assert.equal(await page.getAttribute('meta[property="og:type"]', 'content'), 'article');
  // The pre-rendered widget, whose buttons cannot work without JavaScript, is hidden.
  assert.equal(await page.locator('#dossier').isVisible(), false);
  await context.close();
});

test('the header and the first cards paint before the wasm has loaded, then come alive with no layout shift', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, height: 800 });
  await page.addInitScript(() => {
    window.shifts = [];
    // As CLS counts them: shifts not caused by the reader's own input.
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().filter((e) => !e.hadRecentInput).map((e) => e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  // The wasm has not arrived, and the story is on screen.
  await page.locator('.story__title').waitFor();
  assert.ok(await page.locator('.card').first().isVisible());
  // The picture holds a first screen's cards; the widget brings the rest.
  assert.equal(await page.locator('[data-event-id]').count(), 6);
  // The paint's entry is written a frame after the page is on screen: read
  // it once there, still before the wasm (held until `release()`).
  const painted = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  await page.waitForFunction(painted, null, { timeout: 5000 }).catch(() => {});
  const fcp = await page.evaluate(painted);
  assert.ok(fcp > 0, 'painted before the wasm');
  assert.equal(await page.locator('[data-live]').count(), 0, 'not live before the wasm');
  release();
  await ready(page);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));
  assert.deepEqual(await page.evaluate(() => window.shifts), [], 'no layout shift while loading');
  assert.equal(await page.locator('[data-event-id]').count(), 18, 'live, every card is drawn');
  // Live: the same markup now answers the reader.
  await page.locator('.filters__toggle').click();
  await page.getByLabel(/^Hamas\s*\d+$/).check();
  await page.locator('.toolbar__count', { hasText: 'of 18 events' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Skip the filters" pressed on the picture, before the wasm, takes the focus past them once live', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1200, height: 900 });
  const release = await holdWasm(page);
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  await page.locator('.story__title').waitFor();
  await page.getByRole('button', { name: 'Charts', exact: true }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip the filters');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[data-live]').count(), 0, 'pressed before the wasm');
  release();
  await ready(page);
  await page.waitForFunction(() => document.activeElement?.classList.contains('dossier__results'), null, { timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a module that cannot start leaves the picture on screen and says what it is', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, height: 800 });
  // As a browser without wasm's SIMD, or a network that drops the file;
  // from a link to the charts, which the picture then no longer promises.
  await page.route(wasmFiles, (route) => route.abort());
  await page.goto(`${env.server.url}#v=charts`);
  const note = page.locator('#dossier > .dossier__crashed[role=status]');
  await note.waitFor();
  assert.equal(await page.locator('[aria-busy]').count(), 0);
  assert.match(await note.textContent(), /could not start in this browser: below is a still picture of it/);
  assert.ok(await page.locator('.card').first().isVisible());
  // The picture holds a first screen's cards; the widget brings the rest.
  assert.equal(await page.locator('[data-event-id]').count(), 6);
  assert.equal(await page.locator('[data-live]').count(), 0);
  // The failure is on the console for a developer, and nothing else is.
  assert.ok(problems.length > 0 && problems.every((p) => /wasm|fetch|Failed|WebAssembly/i.test(p)), problems.join('\n'));
  await context.close();
});

// The widget's module travels packed (web/lzma.js): a file cut short on
// its way, or damaged, is said so as a module that cannot start, with the
// picture kept.
for (const [what, spoil, said] of [
  ['cut short', (bytes) => bytes.subarray(0, bytes.length >> 1), /cannot be unpacked: it ends early/],
  // Damage may still decode, to bytes that do not compile.
  ['damaged', (bytes) => Buffer.from(bytes.map((b, i) => (i >= 18 && i % 7 === 0 ? b ^ 0x5a : b))), /cannot be unpacked|CompileError|compil/i],
]) {
  test(`a packed module ${what} on its way leaves the picture on screen and says so`, async () => {
    const { context, page, problems } = await openPage(env.browser, { width: 375, height: 800 });
    await page.route(/\.wasm\.lzma$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: spoil(await response.body()) });
    });
    await page.goto(env.server.url);
    const note = page.locator('#dossier > .dossier__crashed[role=status]');
    await note.waitFor();
    assert.match(await note.textContent(), /could not start in this browser: below is a still picture of it/);
    assert.equal(await page.locator('[data-event-id]').count(), 6);
    assert.equal(await page.locator('[data-live]').count(), 0);
    assert.ok(problems.length > 0 && problems.every((p) => /wasm|WebAssembly/i.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => said.test(p)), problems.join('\n'));
    await context.close();
  });
}

test('a browser without WebAssembly (or with it turned off) keeps the picture and says so', async () => {
  const { context, page } = await openPage(env.browser, { width: 375, height: 800 });
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(env.server.url);
  const note = page.locator('#dossier > .dossier__crashed[role=status]');
  await note.waitFor();
  assert.match(await note.textContent(), /could not start in this browser: below is a still picture of it/);
  // The picture holds a first screen's cards; the widget brings the rest.
  assert.equal(await page.locator('[data-event-id]').count(), 6);
  await context.close();
});

test('a widget that stops (its module traps) says so in its place', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, height: 800 });
  await page.goto(env.server.url);
  await ready(page);
  // A panic in the release build is a trap, a WebAssembly.RuntimeError
  // thrown from whatever event or timer ran the module: thrown here from a
  // timer, as the module's own would be. Any other error leaves the widget.
  await page.evaluate(() => setTimeout(() => { throw new TypeError('not the widget'); }));
  await page.waitForTimeout(100);
  assert.equal(await page.locator('.dossier__crashed').count(), 0);
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  const note = page.locator('#dossier > .dossier > .dossier__crashed[role=alert]');
  await note.waitFor();
  assert.match(await note.textContent(), /^Sorry: this interactive stopped because of an internal error\. Reload the page/);
  assert.equal(await page.locator('#dossier [data-event-id]').count(), 0);
  assert.ok(problems.every((p) => /^pageerror: (not the widget|unreachable)$/.test(p)), problems.join('\n'));
  await context.close();
});

/** The pre-rendered picture on screen, its wasm held back until `release()`. */
async function heldPicture(width) {
  const opened = await openPage(env.browser, { width });
  const release = await holdWasm(opened.page);
  await opened.page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  await opened.page.locator('.story__title').waitFor();
  return { ...opened, release };
}

/** The first story's file under another title, as a reader would open it. */
async function firstStoryTitled(title) {
  const story = JSON.parse(await readFile(join(ROOT, 'src/format/data/first-story.json'), 'utf8'));
  story.story.title = title;
  return JSON.stringify(story);
}

test('a link to a view of its own says so over the picture until the widget shows it', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375 });
  const release = await holdWasm(page);
  const busy = () => page.locator('.dossier__results[aria-busy=true]').count();
  // A fragment the widget does not read, or the picture's own view, is the picture.
  // (Each a new document: a change of fragment alone loads nothing.)
  for (const hash of ['#top', '#v=cards&sort=oldest']) {
    await page.goto('about:blank');
    await page.goto(`${env.server.url}${hash}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.dossier__results').waitFor();
    assert.equal(await busy(), 0, hash);
  }
  await page.goto('about:blank');
  // Leaving a page cancels its held download: not a problem of the widget's.
  problems.splice(0).forEach((p) => assert.match(p, /^requestfailed: \S+ net::ERR_ABORTED$/));
  await page.goto(`${env.server.url}#v=charts&a=hezbollah`, { waitUntil: 'domcontentloaded' });
  await page.locator('.dossier__results[aria-busy=true]').waitFor();
  const note = await page.evaluate(() => {
    const results = document.querySelector('.dossier__results');
    return [getComputedStyle(results, '::before').content, getComputedStyle(results.firstElementChild).opacity];
  });
  assert.deepEqual(note, ['"Opening this view…"', '0.45']);
  // The switcher shows the charts chosen, as the widget will.
  const pressed = () => page.locator('.views__button[aria-pressed=true]').textContent();
  assert.equal(await pressed(), 'Charts');
  await page.screenshot({ path: join(ROOT, 'tests/e2e/artifacts/opening-shared-view-375.png') });
  release();
  await ready(page);
  await page.locator('.chart--timeline').waitFor();
  assert.match(await page.locator('.toolbar__count').textContent(), /^7 of 18 events/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('what the reader does before the wasm has loaded is done once it is live', async () => {
  const { context, page, problems, release } = await heldPicture(1200);
  // On the pre-rendered view: tick a filter (by its label), type a search,
  // open a quote and switch to the network.
  // What does not change the events (a quote, the view already shown)
  // leaves the picture as it is; a tick says the events are on their way.
  const busy = () => page.locator('.dossier__results[aria-busy=true]').count();
  await page.locator('.card__source button').first().click();
  await page.getByRole('button', { name: 'Events', exact: true }).click();
  assert.equal(await busy(), 0, 'the events are the picture');
  const hezbollah = page.locator('.facet__option label').first();
  assert.match(await hezbollah.textContent(), /^Hezbollah\s*\d+$/);
  await hezbollah.click();
  assert.equal(await busy(), 1, 'a tick is on its way');
  await page.locator('#dossier-search').pressSequentially('rocket');
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  assert.equal(await page.locator('[data-live]').count(), 0, 'still waiting for the wasm');
  release();
  await ready(page);
  await page.locator('.network').waitFor();
  assert.equal(await page.locator('.facet__option input').first().isChecked(), true);
  assert.equal(await page.locator('#dossier-search').inputValue(), 'rocket');
  assert.equal(await page.getByRole('button', { name: 'Network', exact: true }).getAttribute('aria-pressed'), 'true');
  const hash = new URLSearchParams((await hashMatching(page, /v=network/)).slice(1));
  assert.deepEqual([hash.getAll('a'), hash.get('q'), hash.get('v')], [['hezbollah'], 'rocket', 'network']);
  // Each action was done once: back to the events, the filters hold.
  await page.getByRole('button', { name: 'Events', exact: true }).click();
  assert.match(await page.locator('.toolbar__count').textContent(), /^\d+ of 18 events$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file chosen with "Open file…" before the wasm has loaded opens once it is live', async () => {
  const { context, page, problems, release } = await heldPicture(375);
  await page.locator('#dossier-open').setInputFiles({
    name: 'story.json',
    mimeType: 'application/json',
    buffer: Buffer.from(await firstStoryTitled('A file chosen early')),
  });
  assert.equal(await page.locator('[data-live]').count(), 0, 'still waiting for the wasm');
  release();
  await ready(page);
  await page.locator('.story__title', { hasText: 'A file chosen early' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file dropped on the picture before the wasm has loaded opens once it is live, and the page keeps it', async () => {
  const { context, page, problems, release } = await heldPicture(1200);
  // The drop is the browser's to handle unless the page takes it: the page
  // takes it (its default, showing the file in place of the page, is prevented).
  const taken = await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'story.json', { type: 'application/json' }));
    const target = document.querySelector('.dossier');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return [over.defaultPrevented, drop.defaultPrevented, document.getElementById('dossier').hasAttribute('data-live')];
  }, await firstStoryTitled('A file dropped early'));
  assert.deepEqual(taken, [true, true, false], 'dragover and drop taken by the page, before the widget is live');
  release();
  await ready(page);
  await page.locator('.story__title', { hasText: 'A file dropped early' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
