// One attack in stages, end to end, on the hand-written story
// src/import/data/stages.json: a whole and its three parts, a toll given in
// words, low/best/high, a revised and a withdrawn figure, the wounded and the
// displaced, victims who are no party as participants and as the ones an
// attack reached. Each reads right on the cards, in the charts and in the
// network, at a phone's width and a desktop's, with a screenshot of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, openPage, ready, axe, screenshotOf, ROOT } from './harness.mjs';

const FILE = join(ROOT, 'tests/fixtures/shapes/stages.json');
const env = setup({ extra: { 'stages.json': FILE } });

for (const width of [375, 1200]) {
  test(`an attack in stages, tolls in words and victims who are no party read right at ${width} px`, async () => {
    const { context, page, problems } = await openPage(env.browser, { width, height: 900, reducedMotion: 'reduce' });
    await page.goto(`${env.server.url}?data=stages.json`);
    await ready(page);

    // The whole lists its parts; a part says what it takes from the whole.
    const whole = page.locator('.card[data-event-id="e-attack"]');
    await whole.waitFor();
    assert.deepEqual(
      (await whole.locator('.card__parts li').allTextContents()).map((t) => t.replace(/^[^:]*: /, '')),
      ['The first bombs strike the village\'s two churches.', 'A second strike hits people fleeing along the river road.', 'A third bomb falls near the primary school.'],
    );
    assert.equal((await whole.locator('.card__victims').textContent()).trim(), 'residents of Wad Hamid (victim)');
    const churches = page.locator('.card[data-event-id="e-churches"]');
    assert.match(await churches.locator('.card__part').textContent(), /^Part of Sun 7 Jan 2024: Air strikes hit Wad Hamid.* Its place, actors and standing as the whole's\.$/);
    // What it takes is shown: the whole's place, actors and standing.
    assert.equal((await churches.locator('.card__place').textContent()).trim(), 'Wad Hamid');
    assert.match(await churches.locator('.card__status').textContent(), /^Alleged by a resident and the popular committee, not independently verified · denied by the air force$/);
    assert.equal(await churches.locator('.chip', { hasText: /^The air force$/ }).count(), 1);
    // A part with its own place and word keeps them.
    const school = page.locator('.card[data-event-id="e-school"]');
    assert.match(await school.locator('.card__status').textContent(), /^Alleged by Amna Idris, a teacher/);
    assert.match(await school.locator('.card__part').textContent(), /Its place and actors as the whole's\.$/);
    // Following a part's link lands on the whole's card.
    await churches.locator('.card__part .link-button').click();
    await page.waitForFunction(() => document.activeElement?.id === 'dossier-summary-e-attack');
    // The victims are no actor: no chip for them, and a search finds them.
    assert.equal(await page.locator('.chip', { hasText: 'residents' }).count(), 0);
    await screenshotOf(whole, `stages-whole-card-${width}`);
    await screenshotOf(churches, `stages-part-card-${width}`);
    assert.deepEqual(await axe(page), [], 'cards');

    // The casualty chart: the toll in words as a band, the revision, the
    // withdrawn figure left out and said, every outcome under its heading.
    await page.getByRole('button', { name: 'Charts', exact: true }).click();
    const casualties = page.locator('.chart--casualties');
    await casualties.waitFor();
    const words = casualties.locator('[data-tally-id="t-committee"]');
    assert.equal(await words.locator('.cas-bar[data-bar=words]').count(), 1, 'a band, not a bar');
    assert.equal(await words.locator('.cas-bar:not([data-bar=words])').count(), 0);
    assert.match(await words.getAttribute('aria-label'), /in the hundreds.*revised from at least 64 as of 7 Jan 2024/);
    assert.equal(await casualties.locator('[data-tally-id="t-committee-first"]').count(), 0, 'the revised figure is drawn once');
    assert.equal(await casualties.locator('[data-tally-id="t-missing"]').count(), 0, 'the withdrawn figure is not drawn');
    const text = await casualties.textContent();
    assert.match(text, /“Hundreds” gives no number: its dashed band spans what the word can mean, 200 to 999\./);
    assert.match(text, /Not drawn: 40 people missing, residents of Wad Hamid, counted by the Red Crescent, as of 7 Jan 2024, which its counter withdrew\. It withdrew an earlier figure of 40 missing after most of them were found alive\./);
    for (const heading of ['Killed', 'Wounded', 'Displaced']) assert.match(text, new RegExp(`${heading}: `));
    assert.match(await casualties.locator('[data-tally-id="t-red-crescent"]').getAttribute('aria-label'), /about 120 \(100–150\)/);
    // The bars' ends stay inside the chart.
    const box = await casualties.locator('svg').boundingBox();
    const band = await words.locator('.cas-bar[data-bar=words]').boundingBox();
    assert.ok(band.x + band.width <= box.x + box.width + 1, `${band.x + band.width} within ${box.x + box.width}`);

    // The timeline ties each part to its whole.
    const timeline = page.locator('.chart--timeline');
    const ties = await timeline.locator('path.tl-parts').first().getAttribute('d');
    assert.equal(ties.match(/M/g).length, 3, ties);
    assert.match(await timeline.locator('.tl-mark[data-event-id="e-churches"], [data-event-id="e-churches"]').first().getAttribute('aria-label'), /Part of: Air strikes hit Wad Hamid/);
    await screenshotOf(casualties, `stages-casualties-${width}`);
    await screenshotOf(timeline, `stages-timeline-${width}`);
    assert.deepEqual(await axe(page), [], 'charts');

    // The network draws the actors only, and names the tie to the victims.
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.waitForSelector('.network .node');
    assert.equal(await page.locator('.network .node').count(), 2);
    assert.match(await page.locator('.network__unparty').textContent(), /The air force attacked residents of Wad Hamid/);
    await screenshotOf(page.locator('.network'), `stages-network-${width}`);
    assert.deepEqual(await axe(page), [], 'network');
    // A filter that leaves the attacker out leaves the note out too.
    await page.locator('.network .node[data-actor-id="popular-committee"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.network .node').length === 1);
    assert.equal(await page.locator('.network__unparty').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a part the filters hide, followed from its whole\'s card, is drawn first, said to be outside the filters, chosen and focused', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, height: 740, reducedMotion: 'reduce' });
  // A search that finds the whole and none of its parts.
  await page.goto(`${env.server.url}?data=stages.json#q=dozens`);
  await ready(page);
  const whole = page.locator('.card[data-event-id="e-attack"]');
  await whole.waitFor();
  assert.equal(await page.locator('.card[data-event-id="e-school"]').count(), 0, 'the filters hide the part');
  await whole.locator('.card__parts .link-button[data-event-link="e-school"]').click();
  const first = page.locator('.cards > .card').first();
  await page.waitForFunction(() => document.activeElement?.id === 'dossier-summary-e-school');
  assert.equal(await first.getAttribute('data-event-id'), 'e-school');
  assert.equal(await first.getAttribute('data-selected'), '');
  assert.equal(await first.evaluate((el) => getComputedStyle(el, '::before').content), '"The chosen event, outside the filters"');
  // The list after it is the filters' own, and the link says both.
  assert.equal(await page.locator('.cards > .card').nth(1).getAttribute('data-event-id'), 'e-attack');
  const hash = await page.evaluate(() => decodeURIComponent(location.hash));
  assert.match(hash, /q=dozens/);
  assert.match(hash, /sel=event:e-school/);
  await screenshotOf(first, 'stages-outside-part-375');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
