// Event cards: filter, search, share, step back and forward, survive hostile links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openPage, ready, screenshot, axe, urlHash, hashMatching, focusedOn, ROOT } from './harness.mjs';

const env = setup();

const cardIds = (page) => page.$$eval('.cards [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
const count = (page) => page.textContent('.toolbar__count');
const hash = urlHash;
// History steps are applied by the page's popstate handler after the
// navigation commits; wait for the step's number of cards.
const settled = (page, n) =>
  page.waitForFunction((n) => document.querySelectorAll('.cards [data-event-id]').length === n, n);

async function open(fragment = '', options = {}) {
  const opened = await openPage(env.browser, options);
  await opened.page.goto(env.server.url + fragment);
  await ready(opened.page);
  return opened;
}

test('clicking an actor chip filters the cards and writes the URL', async () => {
  const { context, page, problems } = await open();
  const chip = page.locator('[data-event-id="e-beirut-meeting"] .chip', { hasText: 'Osama Hamdan' });
  await chip.click();
  assert.deepEqual(await cardIds(page), ['e-beirut-meeting']);
  assert.equal(await count(page), '1 of 18 events');
  assert.equal(await hash(page), '#a=osama-hamdan');
  // The chip shows it is on, and the active-filter chip removes it.
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Remove filter Actor: Osama Hamdan' }).click();
  assert.equal((await cardIds(page)).length, 18);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an actor known only by its ties leads to them in the network, not to an empty list alone', async () => {
  // Iran's Revolutionary Guard is in no event of the first story, but in
  // five stated ties.
  const { context, page, problems } = await open('#a=irgc');
  assert.equal(await count(page), '0 of 18 events');
  await page.getByRole('button', { name: 'Show the network' }).click();
  await page.locator('.network .node[data-actor-id="irgc"]').waitFor();
  assert.equal(await hashMatching(page, /v=network/), '#a=irgc&v=network');
  assert.deepEqual(problems, []);
  await context.close();
});

test('facet counts follow the other filters', async () => {
  const { context, page } = await open();
  await page.getByLabel(/^Hezbollah\s*7$/).check();
  assert.equal(await count(page), '7 of 18 events');
  // With Hezbollah chosen, the kind counts only count Hezbollah's events.
  const claimLabel = await page.textContent('label:has-text("Claim of responsibility")');
  assert.match(claimLabel, /Claim of responsibility\s*1/);
  await page.getByLabel(/^Statement\s*\d+$/).check();
  assert.deepEqual(await cardIds(page), ['e-hezbollah-retaliation']);
  assert.equal(await hash(page), '#a=hezbollah&k=statement');
  await context.close();
});

test('search ignores case and diacritics', async () => {
  const { context, page } = await open();
  const search = page.getByLabel('Search events, people and quotes');
  await search.fill('hayya');
  assert.deepEqual(await cardIds(page), ['e-beirut-meeting']);
  await search.fill('ARŪRĪ');
  assert.deepEqual(await cardIds(page), ['e-haniyeh-arouri-talks']);
  assert.equal(await page.textContent('[role="status"].toolbar__count'), '1 of 18 events');
  await search.fill('zzzz nothing');
  assert.match(await page.textContent('.empty'), /No events match these filters/);
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  assert.equal((await cardIds(page)).length, 18);
  assert.equal(await search.inputValue(), '');
  await context.close();
});

test('a copied link opens the same view in a new page', async () => {
  const { context, page } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  // Israel is past the first eight actors: the list unfolds to reach it.
  await page.getByRole('button', { name: 'Show all 19' }).click();
  await page.getByLabel(/^Israel\s*\d+$/).check();
  await page.getByLabel('Sort').selectOption('newest');
  await page.getByLabel('Search events, people and quotes').fill('rockets');
  const expected = await cardIds(page);
  assert.ok(expected.length > 0 && expected.length < 18);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link to this view copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#a=israel&q=rockets&sort=newest$/);

  const other = await context.newPage();
  await other.goto(link);
  await ready(other);
  assert.deepEqual(await cardIds(other), expected);
  assert.equal(await other.getByLabel('Search events, people and quotes').inputValue(), 'rockets');
  assert.equal(await other.getByLabel('Sort').inputValue(), 'newest');
  await context.close();
});

test('back and forward step through filter changes', async () => {
  const { context, page } = await open();
  await page.getByLabel(/^Hamas\s*\d+$/).check();
  const hamas = await cardIds(page);
  // Written before the next change, as a reader's two clicks are: two
  // changes within one render would make one history entry.
  assert.equal(await hashMatching(page, /^#a=hamas$/), '#a=hamas');
  await page.getByLabel(/^Meeting\s*\d+$/).check();
  const meetings = await cardIds(page);
  assert.ok(meetings.length < hamas.length);
  // Written before the step back, as a reader's Back comes after the paint.
  assert.equal(await hashMatching(page, /^#a=hamas&k=meeting$/), '#a=hamas&k=meeting');
  await page.goBack();
  assert.equal(await hash(page), '#a=hamas');
  await settled(page, hamas.length);
  assert.deepEqual(await cardIds(page), hamas);
  assert.equal(await page.getByLabel(/^Meeting\s*\d+$/).isChecked(), false);
  await page.goBack();
  await settled(page, 18);
  assert.equal((await cardIds(page)).length, 18);
  await page.goForward();
  await settled(page, hamas.length);
  await page.goForward();
  await settled(page, meetings.length);
  assert.deepEqual(await cardIds(page), meetings);
  // Back twice and forward twice at once, as a hurried reader does: no
  // view still waiting to be written cuts the history ahead.
  await page.goBack();
  await page.goBack();
  await page.goForward();
  await page.goForward();
  await settled(page, meetings.length);
  assert.equal(await hash(page), '#a=hamas&k=meeting');
  await context.close();
});

test('a hostile fragment falls back part by part and runs nothing', async () => {
  const dialogs = [];
  const { context, page, problems } = await openPage(env.browser);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(
    env.server.url +
      '#a=hezbollah&a=%3Cscript%3Ealert(1)%3C%2Fscript%3E&k=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E' +
      '&from=2024-13-45&st=claimed&sel=event:nope&q=%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E&%E0%A4%A=1&sort=%00',
  );
  await ready(page);
  // The valid parts survive: Hezbollah and "claimed"; the search is kept as text.
  assert.equal(await page.getAttribute('#dossier-search', 'value'), null);
  assert.equal(await page.getByLabel('Search events, people and quotes').inputValue(), '<img src=x onerror=alert(3)>');
  assert.equal(await page.locator('.dossier img').count(), 0);
  assert.equal(await page.getByLabel(/^Claimed\s*\d+$/).isChecked(), true);
  await page.getByLabel('Search events, people and quotes').fill('');
  assert.deepEqual(await cardIds(page), ['e-hermon-claim', 'e-shebaa-strike']);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('host query parameters (pym.js) do not disturb the state', async () => {
  const { context, page } = await open('?initialWidth=375&childId=dossier-1#a=hamas');
  assert.equal(await page.getByLabel(/^Hamas\s*\d+$/).isChecked(), true);
  await page.getByLabel(/^Meeting\s*\d+$/).check();
  assert.equal(await hash(page), '#a=hamas&k=meeting');
  assert.equal(new URL(page.url()).search, '?initialWidth=375&childId=dossier-1');
  await context.close();
});

test('on a phone, the open filters keep their toggle on screen, with what they leave', async () => {
  const { context, page } = await open('', { width: 375, height: 740 });
  const toggle = page.locator('.filters__toggle');
  await toggle.click();
  await page.getByLabel(/^Meeting\s*\d+$/).check();
  assert.equal(await toggle.textContent(), 'Filters (1): 3 of 18 events');
  // Deep in the panel, the toggle is still at the top of the screen, and closes it.
  await page.locator('#dossier-to').scrollIntoViewIfNeeded();
  const box = await toggle.boundingBox();
  assert.ok(box.y >= -1 && box.y < 10, `the toggle at ${box.y} px`);
  await toggle.click();
  assert.equal(await page.locator('.filters[data-open]').count(), 0);
  await context.close();
});

test('on a phone, the folded filters are filled just after the first paint, and show when the page widens', async () => {
  const { context, page } = await openPage(env.browser, { width: 375, height: 740 });
  // What the widget's first render drew: the host's elements, and the
  // panel's, as it goes live.
  await page.addInitScript(() => {
    new MutationObserver((_, watch) => {
      const host = document.getElementById('dossier');
      if (!host?.hasAttribute('data-live')) return;
      globalThis.atLive = [host.querySelectorAll('.cards > li').length, host.querySelectorAll('.filters__body *').length];
      watch.disconnect();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-live'] });
  });
  await page.goto(env.server.url);
  await ready(page);
  assert.deepEqual(await page.evaluate(() => globalThis.atLive), [18, 0]);
  // Then drawn while folded (in the DOM, not on screen), without a press.
  await page.waitForFunction(() => document.querySelectorAll('.filters__body .facet input[type=checkbox]').length > 0, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.locator('.filters__body .facet input[type=checkbox]').count() > 0);
  assert.equal(await page.getByLabel(/^Meeting\s*\d+$/).isVisible(), false);
  // A phone turned sideways, or a window widened: the panel shows, whole.
  await page.setViewportSize({ width: 1200, height: 740 });
  await page.getByLabel(/^Meeting\s*\d+$/).check();
  assert.equal(await hash(page), '#k=meeting');
  await context.close();
});

test('a link to one event opens at its card, on a phone', async () => {
  // The story's last card, far below the first screen at 375 px.
  const { context, page } = await open('#sel=event:e-israel-toll', { width: 375, height: 740 });
  const heading = page.locator('#dossier-summary-e-israel-toll');
  await page.waitForFunction(() => {
    const box = document.getElementById('dossier-summary-e-israel-toll')?.getBoundingClientRect();
    return box && box.top >= 0 && box.bottom <= innerHeight;
  }, null, { timeout: 5000 }).catch(() => {});
  const box = await heading.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 740, `the card's heading at ${box.y} px`);
  assert.ok(await page.evaluate(() => scrollY) > 1000);
  assert.equal(await page.locator('[data-event-id="e-israel-toll"]').getAttribute('data-selected'), '');
  await context.close();
});

test('a quote opens in its paragraph in the source panel, and closing it goes back', async () => {
  // On a phone, where the panel is far below the card.
  const { context, page } = await open('#sel=event:e-afp-tally', { width: 375, height: 740 });
  const card = page.locator('[data-event-id="e-afp-tally"]');
  // The selected event opens with its quote showing.
  await card.getByRole('button', { name: 'Hide quote' }).waitFor();
  const read = card.getByRole('button', { name: 'Read paragraph 14 of the article' });
  // Where the reader is in the browser's history (the Navigation API's
  // count of steps, which the page's own history cannot tell).
  const step = () => page.evaluate(() => navigation.currentEntry.index);
  const start = await step();
  await read.click();
  const heading = page.getByRole('heading', { name: 'The article, paragraph 14' });
  await heading.waitFor();
  assert.equal(await step(), start + 1, 'opening the article is a step in the history');
  // The reader lands on the paragraph, not on the top of the article: the
  // focus is on it, and its marked words are on screen.
  assert.equal(await focusedOn(page, 'value', 14), 14);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-current')), 'true');
  assert.equal(
    await page.textContent('.source-panel mark'),
    'The hostilities have also killed more than 79 civilians in Lebanon, including three journalists, according to a tally by Agence France-Presse',
  );
  const onScreen = (locator) => locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  assert.ok(await onScreen(page.locator('.source-panel mark')));
  // Closing goes back to where the reader was: the button, focused and on screen.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.source-panel').count(), 0);
  assert.equal(await focusedOn(page, 'textContent', 'Read paragraph 14 of the article'), 'Read paragraph 14 of the article');
  assert.ok(await onScreen(read));
  // Closing took the step off again.
  await page.waitForFunction((s) => navigation.currentEntry.index === s, start, { timeout: 2000 });
  // A phone's Back closes the article, as it closes a sheet: the reader
  // stays in the story, back on the button, not on the page before.
  const url = page.url();
  await read.click();
  await heading.waitFor();
  await page.evaluate(() => history.back());
  await page.locator('.source-panel').waitFor({ state: 'detached', timeout: 2000 });
  assert.equal(page.url(), url);
  assert.equal(await step(), start);
  assert.equal(await focusedOn(page, 'textContent', 'Read paragraph 14 of the article'), 'Read paragraph 14 of the article');
  assert.ok(await onScreen(read));
  // And again, closed with the panel's own button.
  await read.click();
  await heading.waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await focusedOn(page, 'textContent', 'Read paragraph 14 of the article'), 'Read paragraph 14 of the article');
  await page.waitForFunction((s) => navigation.currentEntry.index === s, start, { timeout: 2000 });
  // And with the way back under the paragraph, on screen where the reader
  // lands (the panel's Close is paragraphs above, and a phone has no Escape).
  await read.click();
  await heading.waitFor();
  const back = page.getByRole('button', { name: 'Back to the quote' });
  assert.equal(await back.count(), 1);
  assert.ok(await onScreen(back), 'the way back is on screen with the paragraph');
  assert.ok(!(await onScreen(page.getByRole('button', { name: 'Close' }))), 'the panel\'s Close is not');
  await back.click();
  assert.equal(await page.locator('.source-panel').count(), 0);
  assert.equal(await focusedOn(page, 'textContent', 'Read paragraph 14 of the article'), 'Read paragraph 14 of the article');
  assert.ok(await onScreen(read));
  await context.close();
});

test('the article\'s step in the history gives way to the view: a search typed while it is open stays, and a sort chosen takes the step over', async () => {
  const { context, page } = await open('#sel=event:e-afp-tally', { width: 1200, height: 900 });
  const card = page.locator('[data-event-id="e-afp-tally"]');
  const read = card.getByRole('button', { name: 'Read paragraph 14 of the article' });
  const heading = page.getByRole('heading', { name: 'The article, paragraph 14' });
  const step = () => page.evaluate(() => navigation.currentEntry.index);
  const start = await step();
  await read.click();
  await heading.waitFor();
  assert.equal(await step(), start + 1);
  // Typed while the article is open, the search is written over its step
  // (typing makes no steps), and stays when Close takes the step off.
  await page.fill('#dossier-search', 'journalists');
  await page.waitForFunction(() => location.hash.includes('q=journalists'), null, { timeout: 2000 });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.waitForFunction((s) => navigation.currentEntry.index === s, start, { timeout: 2000 });
  await page.waitForTimeout(200);
  assert.ok((await urlHash(page)).includes('q=journalists'), await urlHash(page));
  assert.equal(await page.inputValue('#dossier-search'), 'journalists');
  // A sort chosen while it is open takes the article's step over: closing
  // leaves it, and Back undoes the sort, as it would without the article.
  await read.click();
  await heading.waitFor();
  assert.equal(await step(), start + 1);
  await page.selectOption('#dossier-sort', 'newest');
  await page.waitForFunction(() => location.hash.includes('sort=newest'), null, { timeout: 2000 });
  assert.equal(await step(), start + 1);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.waitForTimeout(300);
  assert.equal(await step(), start + 1);
  assert.ok((await urlHash(page)).includes('sort=newest'));
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => !location.hash.includes('sort=newest'), null, { timeout: 2000 });
  assert.equal(await page.inputValue('#dossier-sort'), 'oldest');
  assert.equal(await page.locator('.source-panel').count(), 0);
  await context.close();
});

test('a story opened while the article is open starts afresh: its own article is a step of its own, and Back keeps it on screen', async () => {
  const { context, page, problems } = await open('#sel=event:e-afp-tally', { width: 1200, height: 900 });
  const step = () => page.evaluate(() => navigation.currentEntry.index);
  const start = await step();
  await page.locator('[data-event-id="e-afp-tally"]').getByRole('button', { name: 'Read paragraph 14 of the article' }).click();
  await page.getByRole('heading', { name: 'The article, paragraph 14' }).waitFor();
  assert.equal(await step(), start + 1);
  // The data guide's minimal example, chosen with "Open file…" (under the
  // open article, as a file dropped on the page would be).
  const guide = readFileSync(join(ROOT, 'docs/DATA_FORMAT.md'), 'utf8');
  const example = guide.split('```json\n')[1].split('```')[0];
  await page.locator('#dossier-open').setInputFiles({ name: 'port-strike.json', mimeType: 'application/json', buffer: Buffer.from(example) });
  await page.locator('.story__title', { hasText: 'Port strike halts shipping' }).waitFor();
  assert.equal(await page.locator('.source-panel').count(), 0, 'the old story\'s article went with it');
  // The old article's step did not stay open behind the new story: its
  // first change (showing a quote chooses its event) is a step of its own,
  // not written over that one, and so is its own article, which its Close
  // takes off.
  await page.waitForTimeout(300);
  const loaded = await step();
  await page.getByRole('button', { name: 'Show quote' }).first().click();
  await page.waitForFunction(() => location.hash.includes('sel='), null, { timeout: 2000 });
  const before = await step();
  assert.equal(before, loaded + 1, 'the new story\'s first change is a step');
  await page.getByRole('button', { name: /^Read paragraph \d+ of the article$/ }).first().click();
  await page.locator('.source-panel').waitFor();
  assert.equal(await step(), before + 1, 'the new story\'s article is a step');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.waitForFunction((s) => navigation.currentEntry.index === s, before, { timeout: 2000 });
  // Back steps through the history the page made; the new story stays on
  // screen, and the page with it.
  await page.evaluate(() => history.back());
  await page.waitForFunction((s) => navigation.currentEntry.index === s - 1, before, { timeout: 2000 });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.story__title').textContent(), 'Port strike halts shipping');
  assert.equal(await page.locator('.source-panel').count(), 0);
  assert.equal(await page.locator('.cards > .card').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the keyboard reaches and operates the filters, with visible focus', async () => {
  const { context, page } = await open();
  let steps = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== 'dossier-search' && steps < 10) {
    await page.keyboard.press('Tab');
    steps += 1;
  }
  assert.ok(steps < 10, 'the search box is among the first stops');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await page.keyboard.type('makki');
  assert.equal(await page.inputValue('#dossier-search'), 'makki');
  await page.waitForFunction(() => document.querySelector('.toolbar__count')?.textContent.startsWith('3 of'));
  // The same Tuesday: the confirmation, with no time given, before the night's strike.
  assert.deepEqual(await cardIds(page), ['e-idf-confirms-makki', 'e-makki-killed', 'e-hezbollah-retaliation']);
  await page.keyboard.press('Tab'); // the first actor checkbox: Hezbollah
  assert.match(
    await page.evaluate(() => `${document.activeElement?.type} ${document.activeElement?.closest('label')?.textContent}`),
    /^checkbox Hezbollah\s*\d+$/,
  );
  await page.keyboard.press('Space');
  assert.deepEqual(await cardIds(page), ['e-hezbollah-retaliation']);
  assert.equal(await hash(page), '#a=hezbollah&q=makki');
  await context.close();
});

test('at a desktop width, one key press skips the filters: the next Tab is on the results, not a filter', async () => {
  const { context, page } = await open('#v=charts');
  await page.waitForSelector('.tl-mark');
  const active = () => page.evaluate(() => ({
    text: document.activeElement?.textContent?.trim().slice(0, 40),
    inFilters: !!document.activeElement?.closest('.filters'),
    inResults: !!document.activeElement?.closest('.dossier__results'),
  }));
  let steps = 0;
  while ((await active()).text !== 'Skip the filters' && steps < 8) {
    await page.keyboard.press('Tab');
    steps += 1;
  }
  assert.ok(steps < 8, 'the skip is among the first stops, before the filters');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid');
  const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().width);
  assert.ok(box > 40, `the skip shows while focused (${box} px wide)`);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const next = await active();
  assert.ok(next.inResults && !next.inFilters, JSON.stringify(next));
  // The network's view too, a region named for the screen reader.
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  await page.waitForSelector('.network .node');
  await page.getByRole('button', { name: 'Network', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal((await active()).text, 'Skip the filters');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Network');
  // Without it, the filters stand between: the same Tab from the views goes into them.
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Charts', exact: true }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.ok((await active()).inFilters, 'past the skip, the filters come first');
  await context.close();
});

for (const [name, width, colorScheme] of [
  ['320-light', 320, 'light'],
  ['1200-light', 1200, 'light'],
  ['375-dark', 375, 'dark'],
  ['1200-dark', 1200, 'dark'],
]) {
  test(`cards have no axe-core violations and fit at ${name}`, async () => {
    const { context, page, problems } = await open('#a=hezbollah&sel=event:e-hermon-claim', { width, colorScheme });
    await page.locator('.filters__toggle').isVisible() && (await page.locator('.filters__toggle').click());
    await page.locator('[data-event-id="e-hermon-claim"] .quote button').first().click();
    await page.locator('.source-panel').waitFor();
    assert.deepEqual(await axe(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    assert.deepEqual(problems, []);
    await screenshot(page, `cards-${name}`);
    await context.close();
  });
}

test('removing a filter by keyboard leaves the focus on the filters left, then on the results', async () => {
  const { context, page, problems } = await open('#a=hezbollah&q=rockets');
  await page.getByRole('button', { name: 'Remove filter Actor: Hezbollah' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusedOn(page, 'ariaLabel', 'Remove filter Search: “rockets”'), 'Remove filter Search: “rockets”');
  await page.keyboard.press('Enter');
  // None left: the results, which say what is shown now.
  assert.equal(await focusedOn(page, 'className', 'dossier__results'), 'dossier__results');
  assert.equal((await page.locator('.toolbar__count').textContent()).trim(), '18 events');
  assert.deepEqual(problems, []);
  await context.close();
});
