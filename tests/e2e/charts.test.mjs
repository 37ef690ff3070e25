// The charts: casualty figures with their qualifiers, the timeline and its
// brush, linked to the cards and the URL; no overlaps from 320 px up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openPage, ready, screenshotOf, axe, ROOT, ARTIFACTS, urlHash, hashMatching, chartsMeasured, swipe } from './harness.mjs';

const firstStory = () => JSON.parse(readFileSync(join(ROOT, 'src/format/data/first-story.json'), 'utf8'));

/** The first story with 3,000 more events over the year before it, by a seeded generator. */
function crowdedYear() {
  const dataset = firstStory();
  // Events that stand alone: a part, moved to another day, would fall
  // outside its whole.
  const templates = dataset.events.filter((e) => !e.until && !e.part_of && /^\d{4}-\d\d-\d\d$/.test(e.date));
  let seed = 11;
  const next = (n) => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return Math.floor((seed / 4294967296) * n);
  };
  const start = Date.UTC(2023, 4, 15);
  for (let k = 0; k < 3000; k++) {
    // Bursts: a third of the events in the last month.
    const day = k % 3 === 0 ? 335 + next(30) : next(365);
    const date = new Date(start + day * 86400000).toISOString().slice(0, 10);
    dataset.events.push({ ...templates[next(templates.length)], id: `e-year-${k}`, date, refers_to: undefined });
  }
  return dataset;
}

// The first story without its casualty figures, and a story of thousands of
// events, served beside the widget.
const env = setup(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const write = (name, dataset) => {
    const file = join(ARTIFACTS, name);
    writeFileSync(file, JSON.stringify(dataset));
    return file;
  };
  const noTallies = { ...firstStory(), tallies: [] };
  return { extra: { 'no-tallies.json': write('no-tallies.json', noTallies), 'year.json': write('year.json', crowdedYear()) } };
});

const hash = urlHash;
const cardIds = (page) => page.$$eval('.cards [data-event-id]', (els) => els.map((e) => e.dataset.eventId));
const tally = (page, id) => page.locator(`.casualties [data-tally-id="${id}"]`);

async function open(fragment, options = {}) {
  const opened = await openPage(env.browser, { reducedMotion: 'reduce', ...options });
  await opened.page.goto(env.server.url + fragment);
  await ready(opened.page);
  await opened.page.waitForSelector('.casualties .cas-mark');
  await chartsMeasured(opened.page);
  return opened;
}

test('the casualty labels carry their qualifiers and the caption warns', async () => {
  const { context, page, problems } = await open('#v=charts');
  const value = (id) => tally(page, id).locator('[data-role^=value]').textContent();
  assert.equal(await value('t-hezbollah-members'), 'at least 295');
  assert.equal(await value('t-lebanon-civilians'), 'more than 79');
  assert.equal(await value('t-israel-soldiers'), '14');
  assert.equal(await tally(page, 't-lebanon-journalists').locator('[data-role=name]').textContent(), 'including 3 journalists');
  // The lower bound fades out past its value.
  assert.equal(await tally(page, 't-hezbollah-members').locator('.cas-fade').count(), 1);
  assert.equal(await tally(page, 't-israel-soldiers').locator('.cas-fade').count(), 0);
  const meta = await page.locator('.casualties [data-role=meta]').allTextContents();
  assert.ok(meta.some((m) => m.includes('Counted by an AFP tally') && m.includes('since 8 Oct 2023')), meta.join(' | '));
  assert.match(await page.locator('.chart--casualties .chart__caption').textContent(), /not like-for-like/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking a casualty mark filters the cards, the URL and the network', async () => {
  const { context, page } = await open('#v=charts');
  await tally(page, 't-lebanon-civilians').click();
  assert.equal(await tally(page, 't-lebanon-civilians').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await cardIds(page), ['e-afp-tally']);
  assert.equal(await hash(page), '#t=t-lebanon-civilians&v=charts');
  // The figures no event shown reports go pale, and say so; the
  // journalists, counted in the same event, stay.
  const pale = () => page.$$eval('.casualties .cas-mark[data-out]', (els) => els.map((e) => e.dataset.tallyId).sort());
  assert.deepEqual(await pale(), ['t-hezbollah-members', 't-israel-civilians', 't-israel-soldiers']);
  assert.match(await tally(page, 't-israel-soldiers').getAttribute('aria-label'), /\(no event shown reports it\)$/);
  assert.match(await page.locator('.chart--casualties .chart__caption').textContent(), /Pale: figures that no event shown reports\./);
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  const actors = await page.$$eval('.network .node', (els) => els.map((e) => e.dataset.actorId));
  assert.ok(actors.length > 0 && actors.length < 19, `network narrowed to ${actors.join(', ')}`);
  // Back in the charts, the keyboard toggles it off again.
  await page.getByRole('button', { name: 'Charts', exact: true }).click();
  await tally(page, 't-lebanon-civilians').focus();
  assert.match(await page.locator('#dossier-casualty-tip').textContent(), /more than 79 civilians/);
  // With the dataset's word on the figure: how its period was read.
  assert.match(await page.locator('#dossier-casualty-tip').textContent(), /The period is inferred: "the hostilities" refers back to the exchanges of fire since Oct\. 8\./);
  await page.keyboard.press('Enter');
  assert.equal(await tally(page, 't-lebanon-civilians').getAttribute('aria-pressed'), 'false');
  assert.equal((await cardIds(page)).length, 18);
  assert.deepEqual(await pale(), []);
  assert.doesNotMatch(await page.locator('.chart--casualties .chart__caption').textContent(), /Pale:/);
  assert.equal(await hash(page), '#v=charts');
  // Picked again, its chip takes it off, and the link with it.
  await tally(page, 't-lebanon-civilians').click();
  await page.getByRole('button', { name: /^Remove filter Casualty figure/ }).click();
  assert.equal(await hash(page), '#v=charts');
  await context.close();
});

test('brushing the timeline filters the cards, and the URL restores it', async () => {
  const { context, page } = await open('#v=charts');
  const area = await page.locator('.timeline__area').boundingBox();
  // Drag across the left third: the compressed months before the story's
  // own days, October 2023 to about April 2024.
  // Just above the axis, below every mark: the drag starts on the plot itself.
  const y = area.y + area.height - 3;
  await page.mouse.move(area.x + 2, y);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.2, y, { steps: 5 });
  await page.mouse.move(area.x + area.width * 0.33, y, { steps: 5 });
  await page.mouse.up();
  const fragment = await hash(page);
  assert.match(fragment, /from=2023-10-0\d&to=20(23-1[12]|24-0[1-4])-\d\d/);
  const ids = await cardIds(page);
  assert.ok(ids.includes('e-hamas-assault') && !ids.includes('e-beirut-meeting'), ids.join(', '));
  // The filtered-out marks are dimmed, not removed.
  assert.ok(await page.locator('.tl-mark[data-out][data-event-id="e-beirut-meeting"]').count() === 1);
  // The same link, opened afresh, restores the range and the cards.
  const url = await page.evaluate(() => location.href);
  const again = await openPage(env.browser, { reducedMotion: 'reduce' });
  await again.page.goto(url);
  await ready(again.page);
  assert.deepEqual(await cardIds(again.page), ids);
  assert.equal(await again.page.locator('[data-shade=selection]').count(), 1);
  await again.context.close();
  await context.close();
});

test('a mouse drag begun on a timeline mark picks the dates and leaves the mark unchosen; a click on it then chooses it', async () => {
  const { context, page } = await open('#v=charts');
  const mark = page.locator('.tl-mark[data-event-id="e-hamas-assault"]');
  const box = await mark.boundingBox();
  const area = await page.locator('.timeline__area').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.33, y, { steps: 8 });
  await page.mouse.up();
  const fragment = await hash(page);
  assert.match(fragment, /from=.*&to=/);
  assert.doesNotMatch(fragment, /sel=/, 'the drag chose the mark it began on');
  assert.equal(await mark.getAttribute('aria-pressed'), 'false');
  // The next click is a click.
  await mark.click();
  assert.match(await hash(page), /sel=event(:|%3A)e-hamas-assault/);
  await context.close();
});

test('clicking a range under the axis selects it, and clicking again clears it', async () => {
  const { context, page } = await open('#v=charts');
  const ranges = page.locator('.timeline__range');
  const last = ranges.last();
  await last.click();
  const fragment = await hash(page);
  assert.match(fragment, /from=2024-05-15&to=2024-05-15/);
  assert.ok(!(await cardIds(page)).includes('e-hamas-assault'));
  await last.click();
  assert.doesNotMatch(await hash(page), /from=/);
  // From the keyboard: the range is a button that Tab reaches, Enter and Space work.
  assert.equal(await last.getAttribute('role'), 'button');
  // Start the Tab sequence from the chart's subtitle, just before the plot.
  await page.locator('#dossier-timeline-desc').click();
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await last.evaluate((el) => el === document.activeElement);
  }
  assert.ok(reached, 'Tab reaches the last range');
  await page.keyboard.press('Enter');
  assert.match(await hash(page), /from=2024-05-15&to=2024-05-15/);
  assert.equal(await last.getAttribute('aria-pressed'), 'true');
  await page.keyboard.press(' ');
  assert.doesNotMatch(await hash(page), /from=/);
  await context.close();
});

test('timeline marks: a month is a span, a day a point, and the keyboard reaches them', async () => {
  const { context, page } = await open('#v=charts');
  assert.equal(await page.locator('.tl-mark[data-event-id="e-haniyeh-arouri-talks"] .tl-span').count(), 1);
  assert.equal(await page.locator('.tl-mark[data-event-id="e-beirut-meeting"] .tl-span').count(), 0);
  const mark = page.locator('.tl-mark[data-event-id="e-makki-killed"]');
  await mark.focus();
  assert.match(await page.locator('#dossier-timeline-tip').textContent(), /14 May 2024/);
  await page.keyboard.press('Enter');
  assert.equal(await mark.getAttribute('aria-pressed'), 'true');
  assert.match(await hash(page), /sel=event:e-makki-killed/);
  await context.close();
});

test('at 375 px, a mark near the foot of the screen shows its whole tooltip, above it', async () => {
  const { context, page } = await open('#v=charts', { width: 375, height: 740 });
  const mark = page.locator('.tl-mark[data-event-id="e-hezbollah-toll"]');
  // The mark 60 px above the screen's foot.
  await page.evaluate(() => {
    const b = document.querySelector('.tl-mark[data-event-id="e-hezbollah-toll"]').getBoundingClientRect();
    window.scrollBy(0, b.bottom - (window.innerHeight - 60));
  });
  await mark.focus({ preventScroll: true });
  const tip = page.locator('#dossier-timeline-tip');
  await tip.waitFor();
  const [box, markBox, height] = await page.evaluate(() => [
    document.querySelector('#dossier-timeline-tip').getBoundingClientRect().toJSON(),
    document.querySelector('.tl-mark[data-event-id="e-hezbollah-toll"]').getBoundingClientRect().toJSON(),
    window.innerHeight,
  ]);
  assert.ok(markBox.bottom + 14 + box.height > height, `no room below the mark: ${markBox.bottom} of ${height}`);
  assert.ok(box.top >= 0 && box.bottom <= height, `the tooltip is on screen: ${box.top}–${box.bottom} of ${height}`);
  assert.ok(box.bottom <= markBox.top, 'above its mark');
  // Its date's word, said once.
  assert.match(await tip.textContent(), /Date inferred$/);
  await context.close();
});

test('at 375 px, a press beside a small timeline mark chooses it, and again lets it go', async () => {
  // A mouse's press: a touch screen's browser may aim a tap near a mark at
  // the mark itself (Chrome does; Safari does not), the mouse never.
  const { context, page } = await open('#v=charts', { width: 375, height: 800 });
  // A mark with room beside it: a point 8 px right of its end is more than
  // 20 px from every other mark.
  const spot = await page.$$eval('.tl-mark', (marks) => {
    const boxes = marks.map((m) => m.getBoundingClientRect());
    const far = (b, x, y) => Math.hypot(Math.max(b.left - x, x - b.right, 0), Math.max(b.top - y, y - b.bottom, 0));
    for (const [i, b] of boxes.entries()) {
      const [x, y] = [b.right + 8, (b.top + b.bottom) / 2];
      if (boxes.every((o, j) => j === i || far(o, x, y) > 20)) return { id: marks[i].dataset.eventId, x, y };
    }
    return null;
  });
  assert.ok(spot, 'a mark with room beside it');
  const target = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).getAttribute('class'), spot);
  assert.equal(target, 'timeline__area', 'the tap lands beside the mark, not on it');
  const mark = page.locator(`.tl-mark[data-event-id="${spot.id}"]`);
  await page.mouse.click(spot.x, spot.y);
  await page.waitForFunction((id) => document.querySelector(`.tl-mark[data-event-id="${id}"]`).getAttribute('aria-pressed') === 'true', spot.id);
  assert.match(await hash(page), new RegExp(`sel=event:${spot.id}`));
  await page.mouse.click(spot.x, spot.y);
  await page.waitForFunction((id) => document.querySelector(`.tl-mark[data-event-id="${id}"]`).getAttribute('aria-pressed') === 'false', spot.id);
  assert.equal(await mark.getAttribute('aria-pressed'), 'false');
  await context.close();
});

test('on a phone, a finger drawn across the timeline picks its dates, and one swiped up it scrolls the page', async () => {
  const { context, page, problems } = await open('#v=charts', { width: 375, height: 700, touch: true });
  await page.evaluate(() => document.querySelector('svg.timeline').scrollIntoView({ block: 'center', behavior: 'instant' }));
  const plot = await page.locator('.timeline__area').boundingBox();
  // A line across the plot clear of marks at both ends (a drag begun on a
  // mark is a press on it).
  const [x0, x1] = [plot.x + plot.width * 0.3, plot.x + plot.width * 0.7];
  const y = await page.evaluate(({ x0, x1, top, height }) => {
    const area = (x, y) => document.elementFromPoint(x, y)?.getAttribute('class') === 'timeline__area';
    for (let y = top + 2; y < top + height - 2; y++) if (area(x0, y) && area(x1, y)) return y;
    return null;
  }, { x0, x1, top: plot.y, height: plot.height });
  assert.ok(y, 'a line across the plot clear of marks');
  const scrolled = await page.evaluate(() => scrollY);
  await swipe(page, context, [x0, y], [x1, y]);
  assert.match(await hash(page), /from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page stayed');
  // Up it: the page scrolls, and the dates stay as they were.
  const picked = await hash(page);
  await swipe(page, context, [plot.x + plot.width * 0.5, plot.y + plot.height - 4], [plot.x + plot.width * 0.5, plot.y - 150]);
  assert.ok((await page.evaluate(() => scrollY)) > scrolled + 50, 'the page scrolled');
  assert.equal(await hash(page), picked);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the data tables stand in for the charts', async () => {
  const { context, page } = await open('#v=charts');
  const toggle = page.locator('.chart--casualties .chart__toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  const rows = page.locator('#dossier-casualty-table tbody tr');
  assert.equal(await rows.count(), 5);
  assert.match(await rows.nth(1).textContent(), /more than 79.*an AFP tally/);
  // A table a screen reader can walk: its caption and column headings.
  assert.equal(await page.locator('#dossier-casualty-table caption').textContent(), 'Casualty figures, as each counter states them');
  assert.equal(await page.locator('#dossier-casualty-table thead th[scope=col]').count(), 6);
  await page.locator('.chart--timeline .chart__toggle').click();
  assert.equal(await page.locator('#dossier-timeline-table tbody tr').count(), 18);
  // Closed and opened again, written again; a filter leaves it whole.
  await page.locator('.chart--timeline .chart__toggle').click();
  assert.equal(await page.locator('#dossier-timeline-table tr').count(), 0);
  await page.locator('.chart--timeline .chart__toggle').click();
  await page.locator('.facet__option', { hasText: 'Hamas' }).first().locator('input').check();
  assert.equal(await page.locator('#dossier-timeline-table tbody tr').count(), 18);
  assert.deepEqual(
    await page.locator('#dossier-timeline-table thead th').allTextContents(),
    ['Date', 'Kind', 'Event'],
  );
  await context.close();
});

test('on a phone, a table wider than its frame scrolls, with a shade at the side it goes on', async () => {
  const { context, page } = await open('#v=charts', { width: 375 });
  await page.locator('.chart--casualties .chart__toggle').click();
  const frame = page.locator('#dossier-casualty-table');
  const [scroll, client, shades] = await frame.evaluate((el) => [el.scrollWidth, el.clientWidth, getComputedStyle(el).backgroundImage.match(/gradient/g)?.length]);
  assert.ok(scroll > client, `the table is ${scroll} px wide in ${client} px`);
  // Two covers that scroll with the table over two shades that stay.
  assert.equal(shades, 4);
  assert.equal(await frame.evaluate((el) => getComputedStyle(el).backgroundAttachment), 'local, local, scroll, scroll');
  await context.close();
});

// Every text's box inside the chart and clear of every other, at a width.
async function overlaps(page) {
  return page.$$eval('.chart__svg', (svgs) => {
    const out = [];
    for (const svg of svgs) {
      const frame = svg.getBoundingClientRect();
      const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, x0: r.left, x1: r.right, y0: r.top, y1: r.bottom };
      });
      for (const [i, a] of boxes.entries()) {
        if (a.x0 < frame.left - 0.5 || a.x1 > frame.right + 0.5) out.push(`clipped: ${a.text}`);
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
          if (overlap) out.push(`overlap: ${a.text} / ${b.text}`);
        }
      }
    }
    return out;
  });
}

for (const width of [320, 1024]) {
  test(`no label overlaps or is clipped at ${width} px`, async () => {
    const { context, page } = await open('#v=charts', { width, height: 900 });
    assert.deepEqual(await overlaps(page), []);
    // The charts fit the width: no horizontal scrolling.
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `page is ${scroll} px wide at ${width}`);
    await context.close();
  });
}

test('a story without tallies says why there is no casualty chart', async () => {
  const { context, page } = await openPage(env.browser, { reducedMotion: 'reduce' });
  await page.goto(env.server.url + '?data=no-tallies.json#v=charts');
  await page.waitForSelector('.chart--timeline');
  assert.match(await page.locator('.chart__none').textContent(), /no casualty figures/);
  assert.equal(await page.locator('.cas-mark').count(), 0);
  await context.close();
});

for (const width of [375, 1200]) {
  test(`thousands of events are counted in bars that filter, with few elements, at ${width} px`, async () => {
    const { context, page, problems } = await openPage(env.browser, { width, reducedMotion: 'reduce' });
    await page.goto(env.server.url + '?data=year.json#v=charts');
    await page.waitForSelector('[data-live] .chart--timeline .tl-bin');
    await chartsMeasured(page);
    const elements = await page.locator('.chart--timeline svg *').count();
    assert.ok(elements < 400, `${elements} SVG elements`);
    assert.equal(await page.locator('.chart--timeline .tl-mark').count(), 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow} px`);
    assert.deepEqual(await axe(page), []);
    await screenshotOf(page.locator('.chart--timeline'), `timeline-binned-${width}`);
    // A drag across the bars brushes a range.
    const area = await page.locator('.timeline__area').boundingBox();
    const y = area.y + area.height - 3;
    await page.mouse.move(area.x + area.width * 0.1, y);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.3, y, { steps: 5 });
    await page.mouse.up();
    const brushed = /from=2023-0[5-9]-\d\d&to=2023-(0[6-9]|1[0-2])-\d\d/;
    assert.match(await hashMatching(page, brushed), brushed);
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('from='));
    // A bar is a button: Enter shows only its dates, counted in finer bars
    // until they are few enough to be drawn one by one.
    for (let depth = 0; depth < 3 && (await page.locator('.chart--timeline .tl-mark').count()) === 0; depth++) {
      await page.locator('.tl-bin').nth(2).focus();
      await page.keyboard.press('Enter');
      const range = /from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/;
      assert.match(await hashMatching(page, range), range);
    }
    await page.waitForSelector('.chart--timeline .tl-mark');
    assert.equal(await page.locator('.chart--timeline .tl-bin').count(), 0);
    await screenshotOf(page.locator('.chart--timeline'), `timeline-binned-zoomed-${width}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('charts: zero axe violations, and screenshots at phone and desktop widths', async () => {
  for (const [width, scheme] of [[320, 'light'], [375, 'dark'], [1200, 'light'], [1200, 'dark']]) {
    const { context, page } = await open('#v=charts', { width, colorScheme: scheme });
    assert.deepEqual(await axe(page), [], `axe at ${width} ${scheme}`);
    await tally(page, 't-lebanon-civilians').hover();
    await screenshotOf(page.locator('.chart--casualties'), `casualties-${width}-${scheme}`);
    await page.locator('.tl-mark[data-event-id="e-makki-killed"]').hover();
    await screenshotOf(page.locator('.chart--timeline'), `timeline-${width}-${scheme}`);
    await context.close();
  }
});
