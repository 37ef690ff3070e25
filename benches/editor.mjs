// Typing in the story editor (editor.html) on a 100-event draft: the work a
// keystroke costs (from the input event until its task and Yew's render
// have finished) and the time to the next paint, each keystroke typed into
// an event's summary as a reader types, one character a frame.
//
// Usage: node benches/editor.mjs EVENTS-100.json DIST [BASELINE-DIST]   (prints JSON on stdout)
// With a baseline, both builds are measured in the same run, one after the other.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';

const [dataset, dist, baseline] = process.argv.slice(2);
const KEYS = 60;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const at = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

const browser = await launch();
const result = { events: JSON.parse(readFileSync(dataset, 'utf8')).events.length, keys: KEYS };
try {
  result.current = await measure(dist);
  // A baseline from before the editor has none to measure: the table says so.
  if (baseline && existsSync(join(baseline, 'editor.html'))) result.baseline = await measure(baseline);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result, null, 2));

async function measure(dir) {
  const server = await serve({ dir, extra: { 'draft-100.json': dataset } });
  const out = {};
  try {
    await typeInto(server, out);
  } finally {
    await server.close();
  }
  return out;
}

async function typeInto(server, out) {
  const { context, page, problems } = await openPage(browser, { width: 1280, height: 860 });
  await page.goto(server.url + 'editor.html?data=draft-100.json');
  await page.waitForSelector('.editor__panes', { timeout: 60_000 });
  await page.click('.tabs__tab:has-text("Events")');
  await page.locator('.items__open').first().click();
  const field = '#f-events-0--summary';
  await page.waitForSelector(field);
  const times = await page.evaluate(
    async ([sel, keys]) => {
      const el = document.querySelector(sel);
      el.focus();
      const work = [], paint = [];
      for (let k = 0; k < keys; k++) {
        await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        const painted = new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
        const t0 = performance.now();
        let worked = 0;
        setTimeout(() => (worked = performance.now() - t0), 0);
        el.value += 'abcdefghij'[k % 10];
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
        await painted;
        work.push(worked);
        paint.push(performance.now() - t0);
      }
      // What was typed reached the draft.
      return { work, paint, value: document.querySelector(sel).value };
    },
    [field, KEYS],
  );
  out.workMedianMs = at(times.work, 0.5);
  out.workP95Ms = at(times.work, 0.95);
  out.paintMedianMs = at(times.paint, 0.5);
  out.paintP95Ms = at(times.paint, 0.95);
  out.typed = times.value.endsWith('abcdefghij');
  out.problems = problems;
  await context.close();
}
