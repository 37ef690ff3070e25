// The story editor (editor.html), used as an author uses it: the guide's
// minimal example made through the interface alone, the bundled story
// edited, a reload in the middle, a paragraph edited under its quotes; and
// the widget's pages never load any of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, openPage, axe, screenshot, focusedOn, ROOT, WASM } from './harness.mjs';
import { author as counted, check, exported, fid, settle } from './authoring.mjs';

/** The author of these tests selects with every arrow key, as a person does. */
const author = (page) => counted(page, { everyKey: true });

const env = setup({ extra: { 'stories/allegation.json': join(ROOT, 'tests/fixtures/shapes/allegation.json') } });


/** The guide's minimal complete dataset, as docs/DATA_FORMAT.md prints it. */
async function guideExample() {
  const guide = await readFile(join(ROOT, 'docs/DATA_FORMAT.md'), 'utf8');
  const section = guide.slice(guide.indexOf('## A minimal complete dataset'));
  const block = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7));
  return JSON.parse(block);
}



test("the guide's minimal example, made through the editor alone", async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  const started = Date.now();
  await page.goto(`${env.server.url}editor.html`);
  await page.waitForSelector('.start');
  assert.deepEqual(await axe(page), []);
  const a = author(page);

  // Paste the article.
  await a.fill('#a-title', 'Port strike halts shipping');
  await a.fill('#a-outlet', 'The Example Times');
  await a.fill('#a-url', 'https://example.com/2024/06/port-strike');
  await a.fill('#a-published', '2024-06-03');
  await a.fill('#a-body', 'Dockworkers at Port Example walked out on Monday, the union said.\n\nAt least 40 ships were waiting to unload, according to the harbour master.');
  await a.click('button:has-text("Start the story")');
  await page.waitForSelector('.editor__panes');
  assert.match(page.url(), /editor\.html\?draft=d[0-9a-z]+$/);
  const setup = a.count;

  // The first quote: a source made there and then, then "New event".
  let mark = a.count;
  await a.select(1, 'Dockworkers at Port Example walked out on Monday');
  await a.fill('#new-source-name', "the dockworkers' union");
  await a.choose('#new-source-kind', 'group_statement');
  await a.click('button:has-text("Add source")');
  const sourceActions = a.count - mark - 1;
  mark = a.count;
  await a.click('.quotebar__actions button:has-text("New event")');
  await page.waitForSelector(fid('events[0].date'));
  await a.fill(fid('events[0].date'), '2024-06-03');
  assert.equal(await page.locator(`${fid('events[0].date')} ~ .field__reading`).innerText(), 'Reads: Mon 3 Jun 2024');
  await a.choose(fid('events[0].kind'), 'peaceful_protest');
  await a.fill(fid('events[0].summary'), 'Dockworkers walk out, halting the port.', { commit: true });
  // One event with its quote, and nothing wrong with it: the preview shows it.
  await page.waitForSelector('.editor__preview .card');
  const firstEvent = Date.now() - started;
  assert.equal(await page.locator('button:has-text("No problems")').count(), 1);
  const eventActions = a.count - mark + 1; // with the selection
  assert.equal(await page.inputValue(fid('events[0].id')), 'e-dockworkers-walk-out-halting');
  await a.fill(fid('events[0].id'), 'e-walkout', { commit: true });
  await a.fill(fid('events[0].date_text'), 'on Monday');
  await a.click(`${fid('events[0].place')}`);
  await a.fill(fid('events[0].place.name'), 'Port Example');

  // The actor: the text never names it in full, so it is typed.
  mark = a.count;
  await a.click('.tabs__tab:has-text("Actors")');
  await a.click('button:has-text("Add actor")');
  await a.fill(fid('actors[0].name'), "Dockworkers' Union", { commit: true });
  assert.equal(await page.inputValue(fid('actors[0].id')), 'dockworkers-union');
  await a.choose(fid('actors[0].kind'), 'x-');
  await a.fill(`${fid('actors[0].kind')}-own`, 'x-trade-union');
  const actorActions = a.count - mark;

  // Reload in the middle of authoring, straight after the last keys (the
  // draft is kept when typing pauses, and when the page is left): the
  // draft comes back whole, the last keys with it.
  await page.reload();
  await page.waitForSelector('.editor__panes');
  const after = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const key = Object.keys(after).find((k) => k.startsWith('dossier-editor/draft/'));
  const kept = JSON.parse(after[key]);
  assert.equal(kept.actors[0].kind, 'x-trade-union');
  assert.equal(kept.events[0].summary, 'Dockworkers walk out, halting the port.');
  assert.equal(kept.events[0].place.name, 'Port Example');
  assert.equal(await page.locator('.editor__title').innerText(), 'Port strike halts shipping');

  // Back to the event: who took part, and whose word it is.
  await a.click('.tabs__tab:has-text("Events")');
  await a.click('.items__open');
  await a.click('button:has-text("Add participant")');
  // The focus is in the new row's first field, where the author types next.
  await page.waitForFunction((id) => document.activeElement?.id === id, fid('events[0].participants[0].actor').slice(1), { timeout: 5000 });
  // The actor field searches the story's actors by name and id as one types.
  assert.deepEqual(
    await page.$$eval('#dl-actor option', (os) => os.map((o) => [o.value, o.textContent])),
    [['dockworkers-union', "Dockworkers' Union"]],
  );
  // Typed key by key, as a person types: the field keeps the focus as its
  // problems come and go with the first letter.
  a.count++;
  await page.click(fid('events[0].participants[0].actor'));
  await page.keyboard.type('dockworkers-union');
  assert.equal(await page.inputValue(fid('events[0].participants[0].actor')), 'dockworkers-union');
  await a.choose(fid('events[0].participants[0].role'), 'initiator');
  await a.choose(fid('events[0].status.state'), 'claimed');
  await a.click(fid('events[0].status.by'));
  await a.fill(fid('events[0].status.by'), 'dockworkers-union');

  // The second quote, from another source: a figure of the event.
  await a.choose('#quote-source', '+');
  await a.fill('#new-source-name', 'the harbour master');
  await a.choose('#new-source-kind', 'official_statement');
  await a.click('button:has-text("Add source")');
  // The focus goes with the form to the menu that names the new source.
  await page.waitForFunction(() => document.activeElement?.id === 'quote-source', null, { timeout: 5000 });
  // The menu shows the new source, though the author last chose "Add a source…" in it
  // (an effect moves it).
  await page.waitForFunction((v) => document.querySelector('#quote-source')?.value === v, 'harbour-master', { timeout: 5000 }).catch(() => {});
  assert.equal(await page.inputValue('#quote-source'), 'harbour-master');
  await a.select(2, 'At least 40 ships were waiting to unload');
  // Enter goes from the selection to what it can be made into.
  await page.keyboard.press('Enter');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Add to this event/);
  await page.focus(fid('story.paragraphs[1]'));
  await settle(page);
  await screenshot(page, 'editor-quote');
  await a.click('.quotebar__actions button:has-text("Add as a figure")');
  assert.equal(await page.inputValue(fid('events[0].quantities[0].unit')), 'ships');
  await a.fill(fid('events[0].quantities[0].unit'), 'ships waiting');

  // The union's source speaks for the union; its id as the guide has it.
  await a.click('.tabs__tab:has-text("Sources")');
  await a.click(".items__open:has-text(\"the dockworkers' union\")");
  await a.fill(fid('sources[0].actor'), 'dockworkers-union');
  await a.fill(fid('sources[0].id'), 'union', { commit: true });
  await page.waitForSelector('button:has-text("No problems")');
  await a.click('.tabs__tab:has-text("Events")');
  await a.click('.items__open');
  assert.match(
    await page.locator('.editor__preview .card__figures', { hasText: /at least 40 ships waiting/ }).innerText({ timeout: 5000 }),
    /at least 40 ships waiting/,
  );
  await screenshot(page, 'editor-event');
  assert.deepEqual(await axe(page), []);

  const file = await exported(page);
  assert.equal(file.name, 'port-strike-halts-shipping.json');
  assert.match(check(file.path), /ok \(1 actors, 1 events/);
  assert.deepEqual(JSON.parse(file.text), await guideExample());
  // Pretty, in the guide's field order.
  assert.ok(file.text.indexOf('"format"') < file.text.indexOf('"story"'));
  assert.match(file.text, /\{ "source": "union", "quote": "Dockworkers at Port Example walked out on Monday", "paragraph": 1 \}/);

  // A paragraph edited under its quotes: the quote that no longer matches is flagged.
  await page.click('button:has-text("Edit paragraphs")');
  await page.fill(fid('story.paragraphs[1]'), 'At least 41 ships were waiting to unload, according to the harbour master.');
  await page.waitForSelector('.stale');
  assert.match(await page.locator('.stale').innerText(), /1 quote no longer matches its paragraph/);
  assert.equal(await page.locator('.quote--stale').count(), 1);
  await page.click('button:has-text("Done editing paragraphs")');
  await page.click('.stale button:has-text("Re-anchor")');
  await a.select(2, 'At least 41 ships were waiting to unload');
  await page.click('.quotebar__actions button:has-text("Re-anchor")');
  assert.equal(await page.locator('.stale').count(), 0);
  // And undone, step by step, from the keyboard.
  await page.keyboard.press('Control+z');
  await page.waitForSelector('.stale');
  await page.keyboard.press('Control+Shift+z');
  await page.waitForSelector('.stale', { state: 'detached' });

  console.log(`editor actions: article ${setup}, source ${sourceActions}, event with its quote ${eventActions}, actor ${actorActions}, whole story ${a.count}; paste to first valid event ${firstEvent} ms`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an editor that stops (its module traps) says so, and that the draft is kept', async () => {
  const { context, page } = await openPage(env.browser, { width: 375, height: 800 });
  await page.goto(`${env.server.url}editor.html`);
  await page.waitForSelector('.start');
  // A panic in the release build is a trap, thrown from whatever event or
  // timer ran the module: thrown here from a timer, as the module's own would be.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  const note = page.locator('#editor[role=alert]');
  await note.waitFor();
  assert.match(await note.textContent(), /^Sorry: the editor stopped because of an internal error\. Your draft was saved/);
  await context.close();
});

test("suggestions from the text: a wire story's facts taken up with one press each", async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.goto(`${env.server.url}editor.html`);
  await page.waitForSelector('.start');
  const a = author(page);
  await a.fill('#a-title', 'Strike on a market kills 12');
  await a.fill('#a-outlet', 'The Example Times');
  // Written as people write them: the day in words, the address bare.
  await a.fill('#a-url', 'example.com/2024/01/market');
  await a.fill('#a-published', 'Monday, 8 January 2024');
  await a.fill('#a-body', 'An air strike on the market in Umm Dafu killed at least 12 people late Sunday, according to local activists.\n\nThe army denied striking the market.');
  await a.click('button:has-text("Start the story")');
  await page.waitForSelector('.editor__panes');
  await page.click('.suggestions summary');
  const use = (label) => page.locator('.suggestion', { hasText: label }).getByRole('button', { name: /^Use/ }).first();
  // Who speaks: one press makes the source, its kind left to choose.
  await use('“local activists”: who says it').click();
  await page.waitForFunction((v) => document.querySelector('#quote-source')?.value === v, 'local-activists', { timeout: 5000 }).catch(() => {});
  assert.equal(await page.inputValue('#quote-source'), 'local-activists');
  // What happened: one press makes the event, quoting its sentence.
  await use('an event: Air/drone strike').click();
  await page.waitForSelector(fid('events[0].summary'));
  // The day, read against the dateline, goes to the open event.
  await use('the date: Sun 7 Jan 2024').click();
  assert.equal(await page.inputValue(fid('events[0].date')), '2024-01-07');
  assert.equal(await page.inputValue(fid('events[0].date_text')), 'late Sunday');
  // A day typed as the text says it is written as the format writes it once
  // the field is left: the story's Saturday, then the Sunday again.
  for (const [typed, day] of [['Saturday', '2024-01-06'], ['7 January 2024', '2024-01-07']]) {
    await page.fill(fid('events[0].date'), typed);
    await page.press(fid('events[0].date'), 'Tab');
    await page.waitForFunction(([sel, v]) => document.querySelector(sel)?.value === v, [fid('events[0].date'), day], { timeout: 5000 }).catch(() => {});
    assert.equal(await page.inputValue(fid('events[0].date')), day);
  }
  // The toll: a tally quoting its words, with its number.
  await use('a tally of the dead').click();
  await page.waitForSelector(fid('tallies[0].count.value'));
  assert.equal(await page.inputValue(fid('tallies[0].count.value')), '12');
  assert.equal(await page.inputValue(fid('tallies[0].counted_by')), 'local-activists');
  // Put aside: not offered again.
  const before = await page.locator('.suggestion').count();
  await page.locator('.suggestion', { hasText: 'Umm Dafu' }).getByRole('button', { name: /^Dismiss/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.suggestion').length === n - 1, before);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'editor-suggestions');
  assert.deepEqual(problems, []);
  await context.close();
});

test("a new source may be of a kind of the story's own", async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.goto(`${env.server.url}editor.html`);
  await page.waitForSelector('.start');
  await page.fill('#a-title', 'Port strike halts shipping');
  await page.fill('#a-body', 'Dockworkers walked out on Monday, the port authority’s press office said.');
  await page.click('button:has-text("Start the story")');
  await page.waitForSelector('#new-source-kind');
  await page.fill('#new-source-name', 'the press office');
  // Nothing is chosen for the author: the menu starts unset.
  assert.equal(await page.inputValue('#new-source-kind'), '');
  await page.selectOption('#new-source-kind', 'x-');
  // An own term that is no term is refused by the form itself.
  await page.fill('#new-source-kind-own', 'Press Office');
  await page.click('button:has-text("Add source")');
  assert.equal(await page.locator('#new-source-kind-own').evaluate((el) => el.validity.valid), false);
  await page.fill('#new-source-kind-own', 'press-office');
  await page.click('button:has-text("Add source")');
  await page.waitForFunction(() => document.querySelector('#quote-source')?.value === 'press-office');
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('dossier-editor/draft/')));
  const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  assert.deepEqual(kept.sources.map((s) => [s.id, s.kind]), [['press-office', 'x-press-office']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the bundled story, edited: one event changed, a tally added by selection, nothing else changed', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.goto(`${env.server.url}editor.html`);
  const a = author(page);
  await a.click('button:has-text("Edit the bundled story")');
  await page.waitForSelector('.editor__preview .card');
  const original = JSON.parse(await readFile(join(ROOT, 'src/format/data/first-story.json'), 'utf8'));

  await a.click('.tabs__tab:has-text("Events")');
  await a.click('.items__open >> nth=0');
  const summary = await page.inputValue(fid('events[0].summary'));
  await a.fill(fid('events[0].summary'), `${summary} (edited)`, { commit: true });

  const mark = a.count;
  await a.choose('#quote-source', 'hezbollah');
  await a.select(12, 'the killing of one of its commanders');
  await a.click('.quotebar__actions button:has-text("New tally")');
  await page.waitForSelector(fid('tallies[5].category'));
  await a.choose(fid('tallies[5].category'), 'fighters');
  await a.fill(fid('tallies[5].side'), 'hezbollah');
  const tallyActions = a.count - mark;
  // The id follows the side and category once the editor has taken them in
  // (a render later under load): read it then, or after 5 s.
  await page.waitForFunction((sel) => document.querySelector(sel)?.value === 't-hezbollah-fighters', fid('tallies[5].id'), { timeout: 5000 }).catch(() => {});
  assert.equal(await page.inputValue(fid('tallies[5].id')), 't-hezbollah-fighters');
  assert.equal(await page.inputValue(fid('tallies[5].count.value')), '1');
  await page.waitForSelector('button:has-text("No problems")');

  const file = await exported(page);
  assert.match(check(file.path), /ok \(/);
  const expected = structuredClone(original);
  expected.events[0].summary = `${summary} (edited)`;
  expected.tallies.push({
    id: 't-hezbollah-fighters',
    counted_by: 'hezbollah',
    side: 'hezbollah',
    category: 'fighters',
    count: { qualifier: 'exact', value: 1 },
    as_of: '2024-05-15',
    provenance: [{ source: 'hezbollah', quote: 'the killing of one of its commanders', paragraph: 12 }],
  });
  assert.deepEqual(JSON.parse(file.text), expected);
  console.log(`editor actions: tally with its quote ${tallyActions}`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The editor on the bundled story, with its `n`th event open. */
async function bundledEvent(n) {
  const opened = await openPage(env.browser, { width: 1280, height: 860 });
  const { page } = opened;
  await page.goto(`${env.server.url}editor.html`);
  await page.click('button:has-text("Edit the bundled story")');
  await page.waitForSelector('.editor__preview .card');
  await page.click('.tabs__tab:has-text("Events")');
  await page.click(`.items__open >> nth=${n}`);
  return opened;
}

test('an id being typed is kept through a render before it is committed', async () => {
  const { context, page, problems } = await bundledEvent(0);
  const old = await page.inputValue(fid('events[0].id'));
  // Typing in another field: the editor checks the draft once typing
  // pauses, and draws the form again then, while the id is being typed.
  await page.fill(fid('events[0].summary'), 'Edited.');
  await page.fill(fid('events[0].id'), 'e-renamed');
  await page.waitForTimeout(1000);
  assert.equal(await page.inputValue(fid('events[0].id')), 'e-renamed');
  await page.press(fid('events[0].id'), 'Tab');
  await page.waitForFunction((sel) => document.querySelector(sel)?.value === 'e-renamed', fid('events[0].id'), { timeout: 5000 }).catch(() => {});
  assert.equal(await page.inputValue(fid('events[0].id')), 'e-renamed');
  // Refused, it shows the id it keeps.
  await page.fill(fid('events[0].id'), 'Not An Id');
  await page.press(fid('events[0].id'), 'Tab');
  await page.waitForFunction((sel) => document.querySelector(sel)?.value === 'e-renamed', fid('events[0].id'), { timeout: 5000 }).catch(() => {});
  assert.equal(await page.inputValue(fid('events[0].id')), 'e-renamed');
  assert.notEqual(old, 'e-renamed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('problems show beside their fields, and the list of them leads to each', async () => {
  const { context, page, problems } = await bundledEvent(2);
  await page.fill(fid('events[2].date'), '2025-13');
  await page.waitForSelector(`${fid('events[2].date')}[aria-invalid="true"]`);
  assert.match(await page.locator('.field--problem .field__problems').first().innerText(), /month 13 does not exist/);
  // The preview leaves the broken event out, and says so.
  await page.waitForSelector('.preview__note:has-text("1 event")');
  await page.click('button:has-text("1 problem")');
  await page.click('.problems-list__go');
  assert.equal(await focusedOn(page, 'id', 'f-events-2--date'), 'f-events-2--date');
  // Export is still possible, and marked.
  const file = await exported(page);
  assert.match(file.text, /"2025-13"/);
  assert.ok(await page.locator('button:has-text("Export JSON (with problems)")').count());
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 375 px the editor stays usable', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, height: 800 });
  await page.goto(`${env.server.url}editor.html`);
  await page.click('button:has-text("Edit the bundled story")');
  await page.waitForSelector('.editor__preview .card');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
  await screenshot(page, 'editor-375');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the widget's pages load no file of the editor", async () => {
  for (const name of ['index.html', 'embed.html']) {
    const { context, page, problems } = await openPage(env.browser);
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${env.server.url}${name}`);
    await page.waitForSelector('[data-live]');
    assert.ok(requested.some((p) => WASM.test(p)), `${name} loads the widget`);
    assert.deepEqual(requested.filter((p) => /editor/.test(p)), [], name);
    const html = await readFile(join(ROOT, 'dist', name), 'utf8');
    assert.doesNotMatch(html.replace(/<!--[\s\S]*?-->/g, ''), /editor[-_.]/, `${name} names no editor file`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a story opened from a link (?data=) becomes a draft, listed with the others by title', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.goto(`${env.server.url}editor.html?data=stories/allegation.json`);
  await page.waitForSelector('.editor__preview .card');
  assert.match(page.url(), /editor\.html\?draft=d[0-9a-z]+$/);
  const title = await page.locator('.editor__title').innerText();
  await page.click('button:has-text("All drafts")');
  await page.click('button:has-text("Edit the bundled story")');
  await page.waitForSelector('.editor__preview .card');
  await page.click('button:has-text("All drafts")');
  const listed = await page.locator('.drafts__open').allInnerTexts();
  assert.deepEqual(listed, ['Lebanon’s Hezbollah hosts Hamas delegation, fires 60 rockets on Israel', title]);
  await page.click(`.drafts__open:has-text("${title}")`);
  await page.waitForSelector('.editor__preview .card');
  assert.equal(await page.locator('.editor__title').innerText(), title);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a desktop, the panes scroll and the page does not', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 757 });
  await page.goto(`${env.server.url}editor.html?data=stories/allegation.json`);
  await page.waitForSelector('.editor__preview .card');
  // Long panes: the article with its suggestions open, the forms.
  await page.click('.suggestions summary');
  const page_ = await page.evaluate(() => [document.scrollingElement.scrollHeight, innerHeight]);
  assert.ok(page_[0] <= page_[1], `the page is ${page_[0]} px tall in a window of ${page_[1]}`);
  const scrolls = await page.locator('.editor__pane').evaluateAll((panes) => panes.some((p) => p.scrollHeight > p.clientHeight));
  assert.ok(scrolls, 'a pane holds more than it shows');
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the browser will not keep the draft, the editor says so and offers the export', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(`${env.server.url}editor.html`);
  await page.click('button:has-text("Edit the bundled story")');
  await page.waitForSelector('.editor__unsaved');
  assert.match(await page.locator('.editor__unsaved').innerText(), /Not saved: the browser's storage for this page is full\. Export the JSON/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.editor__unsaved button:has-text("Export now")')]);
  assert.match(check(await download.path()), /ok \(/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 1024 px, in dark mode, the three panes fit side by side, with no axe violation', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1024, height: 768, colorScheme: 'dark' });
  await page.goto(`${env.server.url}editor.html`);
  await page.click('button:has-text("Edit the bundled story")');
  await page.waitForSelector('.editor__preview .card');
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.editor__pane')].map((p) => { const r = p.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right)]; }),
  );
  assert.equal(boxes.length, 3);
  assert.ok(boxes[0][1] <= boxes[1][0] + 1 && boxes[1][1] <= boxes[2][0] + 1, `side by side: ${JSON.stringify(boxes)}`);
  assert.ok(boxes[2][1] <= 1024, `within the window: ${JSON.stringify(boxes)}`);
  assert.deepEqual(await axe(page), []);
  // The desktop preview takes the forms' place, and says so.
  await page.click('.editor__preview button:has-text("Desktop")');
  await page.waitForSelector('.editor__preview--wide');
  assert.equal(await page.locator('.editor__form').isVisible(), false);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'editor-1024-dark');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link (?data=) to a story that cannot be opened says why on the first screen', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1280, height: 860 });
  await page.goto(`${env.server.url}editor.html?data=stories/missing.json`);
  await page.waitForSelector('.start__error');
  assert.match(await page.locator('.start__error').innerText(), /^Could not open stories\/missing\.json: /);
  // The one failure is the missing file's own 404.
  assert.deepEqual(problems.filter((p) => !p.includes('missing.json') && !p.includes('404')), []);
  await context.close();
});
