// Stories of every shape (tests/fixtures/shapes, written by `make fixtures`)
// and the first story, each at 375 and 1200 px, through the same checks:
// the network's top actors are named legibly and clear of everything else,
// no node covers another, the layout fills its frame; the timeline has no
// tall stacks and few elements; nothing scrolls sideways; axe finds nothing.
// Screenshots of every view go to the gallery (docs/screenshots/gallery
// with SCREENSHOTS=docs). Two files run these, one a width each
// (shapes-375.test.mjs, shapes-1200.test.mjs), so that the two halves run
// side by side with the other files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setup, openPage, ready, axe, chartsMeasured, ROOT, ARTIFACTS } from './harness.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures/shapes');
const GALLERY = process.env.SCREENSHOTS === 'docs' ? join(ROOT, 'docs/screenshots/gallery') : join(ARTIFACTS, 'gallery');

const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => /\.(json|csv)$/.test(f)).sort() : [];
const extra = Object.fromEntries(files.map((f) => [`shapes/${f}`, join(FIXTURES, f)]));
const env = setup({ extra });

const stories = [['first-story', ''], ...files.map((f) => [f.replace(/\.\w+$/, ''), `?data=shapes/${f}`])];
/** The window at each width tested: its height, and how many top actors must be named. */
const WIDTHS = {
  375: [800, 3],
  1200: [900, 5],
};

/** Wait until the network's layout has come to rest: its picture stays put for 300 ms. */
async function settled(page) {
  await page.waitForFunction(
    () => {
      const node = document.querySelector('.network .node:last-of-type');
      const now = `${node?.getAttribute('transform')} ${document.querySelector('.network__svg')?.getAttribute('viewBox')} ${document.querySelectorAll('.network__label').length}`;
      const [last, since] = window.lastLayout ?? ['', 0];
      if (now !== last) window.lastLayout = [now, performance.now()];
      return now === last && performance.now() - since > 300;
    },
    null,
    { polling: 50, timeout: 60000 },
  );
}

/** What the drawn network shows, measured on screen in CSS pixels. */
function measureNetwork(top) {
  const svg = document.querySelector('.network__svg').getBoundingClientRect();
  const nodes = [...document.querySelectorAll('.network .node')].map((g) => {
    const r = g.querySelector('path').getBoundingClientRect();
    // The circle inside the shape's box: a fair stand-in for every shape.
    return { i: g.dataset.index, name: g.getAttribute('aria-label'), x: r.x + r.width / 2, y: r.y + r.height / 2, r: Math.min(r.width, r.height) / 2, box: r };
  });
  const labels = [...document.querySelectorAll('.network__label')].map((t) => {
    const r = t.getBoundingClientRect();
    const px = parseFloat(t.getAttribute('font-size')) * t.getScreenCTM().a;
    return { i: t.dataset.index, text: t.textContent, px, box: { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom } };
  });
  const hits = (b, n) => {
    const nx = Math.max(b.x0, Math.min(n.x, b.x1));
    const ny = Math.max(b.y0, Math.min(n.y, b.y1));
    return (nx - n.x) ** 2 + (ny - n.y) ** 2 < (n.r - 1) ** 2;
  };
  const overlap = (a, b) => a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1;
  const problems = [];
  // The busiest actors come first in the document (the tab order).
  for (const n of nodes.slice(0, top)) {
    const l = labels.find((l) => l.i === n.i);
    if (!l) {
      problems.push(`no label for ${n.name}`);
      continue;
    }
    if (l.px < 10.9) problems.push(`${l.text} at ${l.px.toFixed(1)} px`);
    const b = l.box;
    if (b.x0 < svg.left - 1 || b.y0 < svg.top - 1 || b.x1 > svg.right + 1 || b.y1 > svg.bottom + 1) problems.push(`${l.text} outside the frame`);
    for (const o of labels) if (o !== l && overlap(b, o.box)) problems.push(`${l.text} overlaps the label ${o.text}`);
    for (const o of nodes) if (o.i !== n.i && hits(b, o)) problems.push(`${l.text} covers the node ${o.name}`);
  }
  // The legend lists the shapes and tie styles the drawing has, and only those.
  const kinds = (sel, attr) => new Set([...document.querySelectorAll(sel)].map((e) => e.getAttribute(attr)).filter((k) => k !== null));
  const [drawnShapes, listedShapes] = [kinds('.network__svg .node', 'data-shape'), kinds('.network__legend .legend__swatch', 'data-shape')];
  for (const c of listedShapes) if (!drawnShapes.has(c)) problems.push(`the legend lists ${c}, which no node has`);
  for (const c of drawnShapes) if (!listedShapes.has(c)) problems.push(`the legend lacks ${c}`);
  // Each shape once: a story's own kinds share one entry, not a symbol each.
  const swatches = [...document.querySelectorAll('.network__legend .legend__swatch:not(.legend__swatch--line)')];
  if (swatches.length !== listedShapes.size) problems.push(`the legend shows ${swatches.length} symbols for ${listedShapes.size} shapes`);
  const drawnTies = kinds('.network .edge', 'data-tie');
  for (const c of kinds('.network__legend .legend__swatch--line .edge', 'data-tie')) if (!drawnTies.has(c)) problems.push(`the legend lists ${c}, which no tie has`);
  // And each line style once: two entries with one line would say two
  // kinds of tie can be told apart where they cannot.
  const lines = [...document.querySelectorAll('.network__legend .legend__swatch--line .edge')].map((e) => e.getAttribute('data-tie'));
  if (new Set(lines).size !== lines.length) problems.push(`the legend shows the same line for two entries: ${lines.join(', ')}`);
  let overlapping = 0;
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const [p, q] = [nodes[a], nodes[b]];
      if (Math.hypot(p.x - q.x, p.y - q.y) < p.r + q.r - 1) {
        overlapping++;
        if (overlapping <= 3) problems.push(`${p.name} overlaps ${q.name}`);
      }
    }
  }
  const x0 = Math.min(...nodes.map((n) => n.box.left));
  const x1 = Math.max(...nodes.map((n) => n.box.right));
  const y0 = Math.min(...nodes.map((n) => n.box.top));
  const y1 = Math.max(...nodes.map((n) => n.box.bottom));
  const [fx, fy] = [(x1 - x0) / svg.width, (y1 - y0) / svg.height];
  const fill = Math.max(fx, fy);
  if (nodes.length > 1 && fill < 0.7) problems.push(`the layout fills ${(fill * 100).toFixed(0)} % of the frame`);
  // Both axes of a portrait or a landscape frame are used, not a strip.
  if (nodes.length > 3 && Math.min(fx, fy) < 0.5) problems.push(`the layout fills ${(fx * 100).toFixed(0)} % × ${(fy * 100).toFixed(0)} % of the frame`);
  // Every node big enough to see; the busiest big enough to tap.
  const across = (n) => Math.min(n.box.width, n.box.height);
  const tiny = nodes.filter((n) => across(n) < 3.9);
  if (tiny.length) problems.push(`${tiny.length} nodes under 4 px, e.g. ${tiny[0].name}`);
  for (const n of nodes.slice(0, top)) if (across(n) < 9.9) problems.push(`${n.name}, one of the busiest, is ${across(n).toFixed(1)} px`);
  return { problems, nodes: nodes.length, labels: labels.length, fill };
}

/** The timeline's point marks and elements, on screen. */
function measureTimeline() {
  const svg = document.querySelector('svg.timeline');
  if (!svg) return { problems: ['no timeline'] };
  const xs = [...svg.querySelectorAll('.tl-mark')]
    .filter((m) => !m.querySelector('.tl-span'))
    .map((m) => {
      const r = m.querySelector('.tl-symbol').getBoundingClientRect();
      return r.x + r.width / 2;
    })
    .sort((a, b) => a - b);
  let tallest = 0;
  for (let a = 0, b = 0; b < xs.length; b++) {
    while (xs[b] - xs[a] >= 6) a++;
    tallest = Math.max(tallest, b - a + 1);
  }
  const marks = svg.querySelectorAll('.tl-mark, .tl-bin').length;
  const elements = svg.querySelectorAll('*').length;
  const problems = [];
  if (tallest > 5) problems.push(`a stack of ${tallest} point marks within 6 px`);
  // Marks use their axis: a story of a day spreads over it, as one of years
  // does; told by time of day, over the parts of the day it has (each a
  // fifth of it: no time, morning, afternoon, evening, night).
  const axis = svg.querySelector('.timeline__axis, .chart__axis')?.getBoundingClientRect() ?? svg.getBoundingClientRect();
  const byTime = [...svg.querySelectorAll('text')].some((t) => /^(morning|afternoon|evening|night)$/.test(t.textContent));
  if (xs.length >= 3 && xs[xs.length - 1] - xs[0] < axis.width * (byTime ? 0.3 : 0.5)) {
    problems.push(`point marks over ${(xs[xs.length - 1] - xs[0]).toFixed(0)} of ${axis.width.toFixed(0)} px`);
  }
  // The binned view's scale: the legend names the tallest bar's count.
  const counts = [...svg.querySelectorAll('.tl-bin')].map((b) => Number(b.getAttribute('aria-label').match(/([\d,]+) events?$/)[1].replace(/,/g, '')));
  if (counts.length) {
    const tallestBar = Math.max(...counts).toLocaleString('en-GB');
    const legend = document.querySelector('.chart--timeline .chart__legend').textContent;
    if (!legend.includes(`(the tallest: ${tallestBar} event`)) problems.push(`the legend does not give the tallest bar, ${tallestBar}`);
  }
  // The legend gives each kind of mark drawn its symbol and a name of its
  // own (a story's own kinds too), and lists no other.
  const entries = [...document.querySelectorAll('.chart--timeline .chart__legend li[data-kind]')];
  const drawn = new Set([...svg.querySelectorAll('.tl-mark')].map((m) => m.dataset.kind));
  const listed = new Set(entries.map((e) => e.dataset.kind));
  for (const k of drawn) if (!listed.has(k)) problems.push(`the legend lacks the marks of ${k}`);
  if (drawn.size) for (const k of listed) if (!drawn.has(k)) problems.push(`the legend lists ${k}, which no mark has`);
  const names = entries.map((e) => e.textContent.trim());
  if (new Set(names).size !== names.length) problems.push(`the legend names two kinds alike: ${names.join(', ')}`);
  const symbols = entries.map((e) => e.querySelector('.tl-symbol')?.getAttribute('d'));
  if (new Set(symbols).size !== symbols.length) problems.push(`the legend draws two kinds alike: ${names.join(', ')}`);
  // A story's own kinds (grey, "other…"), when three or fewer, are each
  // named in the legend: the kind a mark's label gives after its date.
  const own = new Set(
    [...svg.querySelectorAll('.tl-mark[data-kind^=other]')].map((m) => m.getAttribute('aria-label').match(/^[^:]*: (.*?)\. /)?.[1]),
  );
  if (own.size <= 3) for (const k of own) if (!names.includes(k)) problems.push(`the legend does not name the story's own kind ${k}`);
  if (marks > 400) problems.push(`${marks} marks`);
  if (elements > 1200) problems.push(`${elements} SVG elements`);
  return { problems, tallest, marks, elements };
}

/** Switch view and wait for it; a click that lands mid-render is made again. */
async function switchTo(page, name, selector) {
  for (let attempt = 0; ; attempt++) {
    await page.getByRole('button', { name, exact: true }).click();
    try {
      await page.waitForSelector(selector, { timeout: 10000 });
      return;
    } catch (e) {
      if (attempt === 1) throw e;
    }
  }
}

/**
 * The casualty figures each event's card must show: for a story, its
 * tallies' events; for an ACLED export, ACLED's count on every event with
 * deaths. Returns { eventId: [numbers as the card writes them] }, or a
 * predicate on a card for an export.
 */
const storyFile = (name) => (name === 'first-story' ? join(ROOT, 'src/format/data/first-story.json') : join(FIXTURES, `${name}.json`));

function expectedTolls(name) {
  const file = storyFile(name);
  if (!existsSync(file)) return null;
  const ds = JSON.parse(readFileSync(file, 'utf8'));
  const out = {};
  for (const t of ds.tallies ?? []) {
    // A count in words shows its words, or its word ("hundreds"); a range
    // with no best estimate, its ends ("20–35").
    const n = (v) => v?.toLocaleString('en-US');
    const range = t.count.low != null && t.count.high != null ? `${n(t.count.low)}–${n(t.count.high)}` : null;
    const said = t.count.words ?? n(t.count.value) ?? range ?? t.count.qualifier;
    for (const e of t.events ?? []) (out[e] ??= []).push(said);
  }
  return out;
}

/** The outcomes a story's tallies count, each once (killed when unsaid). */
function outcomesOf(name) {
  const file = storyFile(name);
  if (!existsSync(file)) return [];
  const ds = JSON.parse(readFileSync(file, 'utf8'));
  // A withdrawn figure is not drawn, and heads no group.
  return [...new Set((ds.tallies ?? []).filter((t) => !t.withdrawn).map((t) => t.outcome ?? 'killed'))];
}

/** Cards on screen that miss a figure that counts their event. */
function missingTolls(expected) {
  const missing = [];
  for (const card of document.querySelectorAll('.cards [data-event-id]')) {
    const tolls = card.querySelector('.card__tolls')?.textContent ?? '';
    const figures = card.querySelector('.card__figures')?.textContent ?? '';
    const want = expected ? (expected[card.dataset.eventId] ?? []) : /\bkilled\b/.test(figures) ? ['according to ACLED'] : [];
    for (const w of want) if (!tolls.includes(w)) missing.push(`${card.dataset.eventId}: ${w}`);
  }
  return missing;
}

/**
 * Points on the casualty chart that a tap takes to another figure than the
 * one drawn there: across each whole figure's bar (a part's bar lies inside
 * it, and is the whole's to tap) and on each figure's name.
 */
function casualtyTaps() {
  const wrong = [];
  for (const mark of document.querySelectorAll('.casualties .cas-mark')) {
    mark.scrollIntoView({ block: 'center', behavior: 'instant' });
    const points = [];
    for (const name of mark.querySelectorAll('[data-role=name]')) {
      const r = name.getBoundingClientRect();
      points.push([r.left + r.width / 2, r.top + r.height / 2]);
    }
    if (!mark.hasAttribute('data-subset')) {
      for (const bar of mark.querySelectorAll('.cas-bar, .cas-fade')) {
        const r = bar.getBoundingClientRect();
        for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.25, 0.5, 0.75]) points.push([r.left + r.width * fx, r.top + r.height * fy]);
      }
    }
    for (const [x, y] of points) {
      const got = document.elementFromPoint(x, y)?.closest('.cas-mark');
      if (got !== mark) wrong.push(`${mark.dataset.tallyId} at (${Math.round(x)}, ${Math.round(y)}) takes ${got?.dataset.tallyId ?? 'nothing'}`);
    }
  }
  return wrong.slice(0, 5);
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The checks on every story at `width` px. */
export function shapesAt(width) {
  const [height, top] = WIDTHS[width];
  test('every fixture shape is there (make fixtures writes them)', () => {
    assert.ok(files.length >= 8, `found ${files.join(', ')} in ${FIXTURES}`);
  });
  for (const [name, query] of stories) {
    test(`${name} at ${width} px: network, timeline, no sideways scroll, no axe violations`, async () => {
      const { context, page, problems } = await openPage(env.browser, { width, height, reducedMotion: 'reduce' });
      await mkdir(GALLERY, { recursive: true });
      // The gallery: the network section, the charts, and the first screen of cards.
      const shot = async (view, selectors) => {
        const path = join(GALLERY, `${name}-${view}-${width}.png`);
        if (!selectors) return page.screenshot({ path });
        const boxes = [];
        for (const sel of selectors) {
          const el = page.locator(sel);
          if (await el.count()) boxes.push(await el.first().boundingBox());
        }
        const scroll = await page.evaluate(() => [window.scrollX, window.scrollY]);
        const x0 = Math.min(...boxes.map((b) => b.x)) + scroll[0];
        const y0 = Math.min(...boxes.map((b) => b.y)) + scroll[1];
        const x1 = Math.max(...boxes.map((b) => b.x + b.width)) + scroll[0];
        const y1 = Math.max(...boxes.map((b) => b.y + b.height)) + scroll[1];
        return page.screenshot({ path, fullPage: true, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
      };
      await page.goto(`${env.server.url}${query}#v=network`);
      await ready(page);
      await page.waitForSelector('.network .node');
      await settled(page);
      const network = await page.evaluate(measureNetwork, top);
      // Ties are drawn whenever the story has them between actors (an
      // export's from its events); one to victims who are no party is not.
      const file = storyFile(name);
      const stated = !existsSync(file) || (JSON.parse(readFileSync(file, 'utf8')).relations ?? []).some((r) => r.to);
      if (stated) assert.ok(await page.locator('.network :is(.edge[data-relation-id], .edge--bundle:not([data-tie=together]))').first().isVisible(), 'no tie drawn');
      // An element shot: a full-page one resizes the viewport, and the
      // frame with it, which lays the network out again.
      await page.locator('.network').screenshot({ path: join(GALLERY, `${name}-network-${width}.png`) });
      assert.deepEqual(await axe(page), [], 'network');
      assert.ok((await sideways(page)) <= 0, 'the network view scrolls sideways');

      await switchTo(page, 'Charts', 'svg.timeline');
      await chartsMeasured(page);
      const timeline = await page.evaluate(measureTimeline);
      assert.deepEqual(await page.evaluate(casualtyTaps), [], 'a tap on a casualty figure takes another');
      await page.evaluate(() => window.scrollTo(0, 0));
      // A story that counts more than the dead heads each group with what
      // befell the people it counts.
      const outcomes = outcomesOf(name);
      if (outcomes.length > 1) {
        const words = await page.locator('.chart--casualties svg').textContent();
        for (const o of outcomes) assert.ok(words.includes(`${o[0].toUpperCase()}${o.slice(1)}: `), `no heading says "${o}"`);
      }
      await shot('charts', ['.chart--timeline', '.chart--casualties']);
      assert.deepEqual(await axe(page), [], 'charts');
      assert.ok((await sideways(page)) <= 0, 'the charts view scrolls sideways');

      await switchTo(page, 'Events', '.cards [data-event-id]');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('cards');
      assert.deepEqual(await axe(page), [], 'cards');
      // Every event counted by a figure shows it on its card.
      assert.deepEqual(await page.evaluate(missingTolls, expectedTolls(name)), [], 'casualty figures on the cards');
      assert.ok((await sideways(page)) <= 0, 'the cards view scrolls sideways');

      assert.deepEqual(network.problems, [], `network: ${network.nodes} nodes, ${network.labels} labels, fill ${network.fill?.toFixed(2)}`);
      assert.deepEqual(timeline.problems, [], `timeline: tallest stack ${timeline.tallest}, ${timeline.marks} marks, ${timeline.elements} elements`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
