// Whose word a fact rests on, end to end, on the hand-written allegation
// story (src/import/data/allegation.json): an account alleged by activists,
// denied by the army and not acknowledged by a ministry; two sources'
// figures for one event; rival counts of one toll; victims who are no
// party; a day that is one of two. Each reads right on the card, in the
// Status facet, in the charts and in the network, at a phone's width and a
// desktop's, with a screenshot of each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, openPage, ready, axe, screenshotOf, ROOT } from './harness.mjs';

const FILE = join(ROOT, 'tests/fixtures/shapes/allegation.json');
const env = setup({ extra: { 'allegation.json': FILE } });

test('the first story says whose word too: al-Manar\'s account, and whose each figure is', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, height: 800, reducedMotion: 'reduce' });
  await page.goto(env.server.url);
  await ready(page);
  const talks = page.locator('.card[data-event-id="e-beirut-talks-agenda"]');
  assert.equal((await talks.locator('.card__status').textContent()).trim(), 'Alleged by al-Manar, not independently verified');
  const toll = page.locator('.card[data-event-id="e-israel-toll"]');
  // Each figure once: the casualty line says whose dead and who counted,
  // and the card does not list the same numbers again above it.
  assert.equal(await toll.locator('.card__figures').count(), 0);
  assert.deepEqual(await toll.locator('.card__tolls li').allTextContents(), ['14 soldiers killed, Israel, according to Israel', '10 civilians killed, Israel, according to Israel']);
  await screenshotOf(talks, 'whose-word-first-story-card');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const width of [375, 1200]) {
  test(`an allegation, a denial, rival counts and an uncertain day read right at ${width} px`, async () => {
    const { context, page, problems } = await openPage(env.browser, { width, height: 900, reducedMotion: 'reduce' });
    await page.goto(`${env.server.url}?data=allegation.json`);
    await ready(page);

    // The card: whose word, the uncertain day, and whose each figure is.
    const card = page.locator('.card[data-event-id="e-raid"]');
    await card.waitFor();
    assert.equal(
      (await card.locator('.card__status').textContent()).trim(),
      'Alleged by local activists, not independently verified · denied by the army · not acknowledged by Interior ministry',
    );
    assert.equal(await card.locator('.card__status[data-status=alleged]').count(), 1);
    // Witnesses the article does not name speak as such.
    const siege = page.locator('.card[data-event-id="e-siege"]');
    assert.equal((await siege.locator('.card__status').textContent()).trim(), 'Alleged by residents, not independently verified');
    assert.match(await siege.locator('.card__source').textContent(), /^According to residents/);
    assert.match(await card.locator('time').textContent(), /^5 or 6 June 2024, night$/);
    assert.equal(await card.locator('time').getAttribute('datetime'), '2024-06-05');
    const figures = await card.locator('.card__figures li').allTextContents();
    assert.deepEqual(figures, ['more than 20 armoured vehicles (local activists)', '12 armoured vehicles (the army)']);
    // Victims who are no party are not an actor: no chip, no node.
    assert.equal(await page.locator('.chip', { hasText: 'Kafr Saba' }).count(), 1, 'only the committee is an actor');
    await screenshotOf(card, `whose-word-card-${width}`);
    assert.deepEqual(await axe(page), [], 'cards');

    // The Status facet: "Alleged" is an option that filters.
    if (await page.locator('.filters__toggle').isVisible()) await page.locator('.filters__toggle').click();
    const alleged = page.locator('.facet__option', { has: page.locator('label', { hasText: /^Alleged/ }) });
    assert.match(await alleged.locator('label').textContent(), /^Alleged2$/);
    await alleged.locator('input').check();
    await page.locator('.toolbar__count', { hasText: /^2 of 4 events/ }).waitFor();
    await alleged.locator('input').uncheck();
    // A denial and a silence are options too, each with its one event.
    for (const name of ['Denied', 'Not acknowledged']) {
      const option = page.locator('.facet__option', { has: page.locator('label', { hasText: new RegExp(`^${name}\\d`) }) });
      assert.match(await option.locator('label').textContent(), new RegExp(`^${name}1$`));
      await option.locator('input').check();
      await page.locator('.toolbar__count', { hasText: /^1 of 4 events/ }).waitFor();
      assert.equal(await page.locator('.card').count(), 1);
      await option.locator('input').uncheck();
    }
    if (await page.locator('.filters__toggle').isVisible()) await page.locator('.filters__toggle').click();

    // The charts: one figure with two counts, said as such; the day drawn as uncertain.
    await page.getByRole('button', { name: 'Charts', exact: true }).click();
    const casualties = page.locator('.chart--casualties');
    await casualties.waitFor();
    const text = await casualties.textContent();
    assert.match(text, /Two counts of the same dead/);
    assert.doesNotMatch(text, /each counts different people/);
    assert.match(text, /residents of Kafr Saba/);
    // A figure's own standing: the ministry has not acknowledged the deaths.
    assert.ok(await casualties.locator('[aria-label*="not independently verified · not acknowledged by Interior ministry"]').count() >= 1, 'the figure\'s own standing');
    assert.equal(await page.locator('.chart--timeline .tl-span[data-uncertain]').count() >= 1, true);
    await screenshotOf(casualties, `whose-word-casualties-${width}`);
    await screenshotOf(page.locator('.chart--timeline'), `whose-word-timeline-${width}`);
    assert.deepEqual(await axe(page), [], 'charts');

    // The network's tie details say whose word the shared events rest on.
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.waitForSelector('.network .node');
    const titles = await page.locator('.network .edge title').allTextContents();
    assert.ok(titles.some((t) => /together in \d+ events? \(.*claimed/.test(t)), titles.join('\n'));
    assert.deepEqual(await axe(page), [], 'network');
    assert.deepEqual(problems, []);
    await context.close();
  });
}
