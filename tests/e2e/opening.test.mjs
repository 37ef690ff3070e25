// Opening another story from a file: the picker and drag-and-drop, Dossier
// JSON and ACLED CSV, bad and hostile input, and a strict
// Content-Security-Policy. Nothing is uploaded; nothing the reader had is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, ready, roomsFilled, ROOT } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self' https:; frame-ancestors *";
const TITLE = /Lebanon’s Hezbollah hosts Hamas delegation/;
const env = {};
const story = () => JSON.parse(readFileSync(join(ROOT, 'src/format/data/first-story.json'), 'utf8'));

before(async () => {
  env.dir = mkdtempSync(join(tmpdir(), 'dossier-files-'));
  env.server = await serve();
  env.csp = await serve({ headers: { 'content-security-policy': CSP } });
  // A server that accepts the request and never answers (slow.json), or
  // says its answer is over the size limit and sends none of it
  // (huge.json), or stops a few bytes into one (cut.json).
  env.hang = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    if (req.url === '/huge.json') {
      res.writeHead(200, { ...cors, 'content-length': String(200 * 1024 * 1024) });
      res.flushHeaders();
    } else if (req.url === '/cut.json') {
      res.writeHead(200, { ...cors, 'content-length': '1000' });
      res.write('{"dossier":');
      setTimeout(() => res.destroy(), 50);
    } else {
      res.writeHead(200, cors);
    }
  });
  await new Promise((ok) => env.hang.listen(0, '127.0.0.1', ok));
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.csp?.close();
  env.hang?.closeAllConnections();
  await new Promise((ok) => env.hang.close(ok));
});

function file(name, contents) {
  const path = join(env.dir, name);
  writeFileSync(path, contents);
  return path;
}

async function open(options = {}, server = env.server) {
  const opened = await openPage(env.browser, { reducedMotion: 'reduce', ...options });
  const requests = [];
  opened.page.on('request', (r) => requests.push(r.url()));
  await opened.page.goto(server.url);
  await ready(opened.page);
  return { ...opened, requests };
}

/** An export in ACLED's layout with `n` invented rows. */
function acledRows(n) {
  const lines = ['event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities'];
  const types = [['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Air/drone strike'], ['Protests', 'Peaceful protest']];
  for (let i = 0; i < n; i++) {
    const [t, s] = types[i % 3];
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`GEN${i},2024-0${1 + (i % 9)}-${day},1,${t},${s},Group ${i % 97},Ally ${i % 13}; Ally ${i % 7},Group ${(i * 7) % 97},Lebanon,South,Town ${i % 50},33.${i % 9},35.${i % 7},1,Wire ${i % 5},"Row ${i}: a clash, reported ""by"" the wire.\nSecond line.",${i % 4}`);
  }
  return lines.join('\n') + '\n';
}

const title = (page) => page.locator('.story__title').textContent();
const pick = (page, path) => page.locator('#dossier-open').setInputFiles(path);

test('"Open file…" opens a Dossier JSON in place of the story', async () => {
  const { context, page, problems } = await open();
  const ds = story();
  ds.story.title = 'Another story, opened from a file';
  ds.events = ds.events.slice(0, 5);
  ds.tallies = ds.tallies.filter((t) => t.events.every((e) => ds.events.some((x) => x.id === e)));
  await pick(page, file('another.json', JSON.stringify(ds)));
  await page.getByText('Another story, opened from a file').waitFor();
  assert.equal(await page.locator('.cards .card').count(), 5);
  // No link can carry a file from the reader's device: the share panel says
  // so rather than copy a link that would open another story.
  assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0);
  assert.match(await page.locator('.share').textContent(), /Opened from a file on this device/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an ACLED CSV is imported in the browser, with its skipped rows listed', async () => {
  const { context, page, requests } = await open();
  await pick(page, join(ROOT, 'tests/fixtures/acled/bad-rows.csv'));
  await page.getByText('ACLED events: bad-rows.csv').waitFor();
  assert.equal(await page.locator('.cards .card').count(), 1);
  const notice = await page.locator('.dossier__notice').textContent();
  assert.match(notice, /3 rows could not be used/);
  assert.match(notice, /row 1 \(line 2\).*event_date "2024-02-30" is not a date/);
  // Parsed here: nothing was sent anywhere.
  assert.ok(requests.every((u) => u.startsWith(env.server.origin)), requests.join('\n'));
  await context.close();
});

test('an ACLED export without fatalities opens, saying that none were counted, not that none died', async () => {
  const { context, page } = await open();
  const csv = 'event_date,event_type,sub_event_type,actor1,actor2,location,notes\n'
    + '2024-05-14,Battles,Armed clash,Hezbollah,Military Forces of Israel,Kfar Kila,A clash near the border.\n';
  await pick(page, file('lean.csv', csv));
  await page.getByText('ACLED events: lean.csv').waitFor();
  const notice = await page.locator('.dossier__notice').textContent();
  assert.match(notice, /Opened lean\.csv/);
  assert.match(notice, /no fatalities column/);
  assert.doesNotMatch(notice, /rows could not be used/);
  await context.close();
});

test('drag and drop opens a file too', async () => {
  const { context, page } = await open();
  const csv = readFileSync(join(ROOT, 'tests/fixtures/acled/modern-bom-crlf.csv'), 'latin1');
  const transfer = await page.evaluateHandle((text) => {
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  }, csv);
  await page.dispatchEvent('.dossier', 'dragover', { dataTransfer: transfer });
  assert.equal(await page.locator('.dossier__drop').count(), 1, 'the drop target shows');
  await page.dispatchEvent('.dossier', 'drop', { dataTransfer: transfer });
  await page.getByText('ACLED events: dropped.csv').waitFor();
  assert.equal(await page.locator('.dossier__drop').count(), 0);
  assert.equal(await page.locator('.cards .card').count(), 4);
  // An event's fatalities say whose dead they are: every side's. Once
  // each: an event alone in its kind has them in its casualty line.
  const figures = await page.locator('.card__figures li').allTextContents();
  const tolls = await page.locator('.card__tolls li').allTextContents();
  assert.ok(figures.every((f) => /^at least \d+ killed, on any side, by ACLED's count$/.test(f)), figures.join('\n'));
  assert.ok(figures.length + tolls.length > 0 && tolls.every((t) => /killed, people on any side in [^,]+, according to ACLED\b/.test(t)), tolls.join('\n'));
  await page.getByRole('button', { name: 'Charts', exact: true }).click();
  assert.ok(await page.locator('.cas-mark').count() > 0, 'fatalities became tallies');
  // Whose dead ACLED's fatalities count is said under the story, one click away.
  const notes = page.locator('.dossier__notes');
  assert.equal(await notes.locator('p').first().isVisible(), false);
  await notes.getByText('About this data').click();
  assert.match(await notes.locator('p').first().textContent(), /count the deaths in an event on every side/);
  await context.close();
});

test('a large ACLED export shows progress and keeps the page responsive', async () => {
  const csv = acledRows(20000);
  const { context, page } = await open();
  // Count animation frames while the import runs: a frozen page paints none.
  await page.evaluate(() => {
    window.frames_ = 0;
    const tick = () => { window.frames_++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  // Every progress line with a bar the page shows: the import can be over
  // within a quarter of a second, too soon for a poll to be sure to see it.
  await page.evaluate(() => {
    window.progress_ = [];
    new MutationObserver(() => {
      if (document.querySelector('.dossier__progress progress[value]')) {
        window.progress_.push(document.querySelector('.dossier__progress').textContent);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const started = Date.now();
  await pick(page, file('big.csv', csv));
  await page.getByText('ACLED events: big.csv').waitFor({ timeout: 120000 });
  const seconds = (Date.now() - started) / 1000;
  const progress = await page.evaluate(() => window.progress_);
  assert.ok(progress.length > 0, 'no progress bar was shown');
  assert.match(progress[0], /Importing big\.csv: [\d,]+ rows/);
  const frames = await page.evaluate(() => window.frames_);
  assert.ok(frames >= seconds * 5, `${frames} frames in ${seconds.toFixed(1)} s`);
  assert.match(await page.locator('.toolbar__count').textContent(), /20,000 events/);
  // Counts of thousands are written as the rest are: "1,234".
  const counts = await page.locator('.facet__count').allTextContents();
  assert.ok(counts.some((c) => Number(c.replace(/,/g, '')) >= 1000), counts.join(' '));
  for (const c of counts) assert.match(c, /^\d{1,3}(,\d{3})*$/);
  // The tab names the story on the page, not the bundled one.
  assert.equal(await page.title(), 'Dossier · ACLED events: big.csv');
  // A card gives its own deaths, every side's, and a figure over many
  // events (the export's by event type) with its scope first, so that
  // neither is read as the other.
  // The newest day's rows each count 3 dead (the oldest day's, none).
  await page.getByLabel('Sort').selectOption({ label: 'Newest first' });
  const card = page.locator('.cards > .card').first();
  assert.match(await card.locator('.card__figures li').first().textContent(), /^at least \d+ killed, on any side, by ACLED's count$/);
  assert.match(await card.locator('.card__tolls li').first().textContent(), /^Across [\d,]+ events: at least [\d,]+ killed, people on any side in /);
  await context.close();
});

test('an export chosen once the opener has warmed up on its own imports as it does straight away', async () => {
  // The opener's worker runs the importer on a small export of its own
  // while the reader chooses a file (src/open/mod.rs, warm_up): nothing of
  // that may reach the file's story.
  const path = file('warm.csv', acledRows(3000));
  const seen = async (page) => {
    await page.getByText('ACLED events: warm.csv').waitFor({ timeout: 60000 });
    // The cards past the first six follow just after the story's paint.
    await roomsFilled(page);
    return page.evaluate(() => ({
      count: document.querySelector('.toolbar__count').textContent,
      cards: [...document.querySelectorAll('.cards .card [id^=dossier-summary-]')].map((h) => h.id),
      facets: document.querySelector('.filters').textContent,
      actors: document.querySelectorAll('.card__actors .chip').length,
    }));
  };
  const straight = await open();
  await pick(straight.page, path);
  const expected = await seen(straight.page);
  await straight.context.close();
  assert.match(expected.count, /3,000 events/);
  assert.equal(expected.cards.length, 20);

  const { context, page, problems } = await open();
  // Every title and progress line the page shows, from the press on.
  await page.evaluate(() => {
    window.shown = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.story__title, .dossier__progress')) window.shown.push(el.textContent);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const started = page.waitForEvent('worker');
  const chosen = page.waitForEvent('filechooser');
  await page.locator('label[for=dossier-open]').click();
  const [worker, chooser] = await Promise.all([started, chosen]);
  let warmed = false;
  for (let i = 0; i < 100 && !warmed; i++) {
    warmed = await worker.evaluate(() => globalThis.warmedUp === true);
    if (!warmed) await page.waitForTimeout(100);
  }
  assert.ok(warmed, 'the opener warmed up before the file was chosen');
  await chooser.setFiles(path);
  assert.deepEqual(await seen(page), expected);
  const shown = await page.evaluate(() => window.shown);
  assert.ok(!shown.some((t) => /warm-up/.test(t)), shown.join('\n'));
  assert.deepEqual(problems, []);
  await context.close();
});

const BAD = [
  ['invalid JSON', 'broken.json', '{ "format": "dossier/1", nope }', /invalid JSON at line 1, column \d+/],
  ['JSON that is not a Dossier', 'other.json', '{"hello": "world"}', /not a Dossier dataset|unknown field|missing/i],
  ['a CSV without the required columns', 'other.csv', 'name,value\nfoo,1\n', /not an ACLED export: it has no event_date/],
  ['an empty file', 'empty.json', '', /the file is empty/],
  ['binary junk', 'junk.bin', Buffer.from([0, 159, 146, 150, 255, 0, 1, 2, 3, 200, 201]), /not text/],
];

test('a page that carries no story, or a damaged one, says so and still opens a file', async () => {
  // The page brings its story, beside its view (dossier prerender): the
  // reader's module carries none of its own.
  const cases = [
    ['no story', (html) => html.replace(/<script id="?dossier-story"?[^>]*>[^<]*<\/script>/, ''), /carries no story/],
    ['a damaged story', (html) => html.replace(/(<script id="?dossier-story"?[^>]*>)[^<]{60}/, '$1~zz'), /is damaged/],
  ];
  for (const [what, edit, message] of cases) {
    const { context, page, problems } = await openPage(env.browser, { reducedMotion: 'reduce' });
    await page.route(env.server.url, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      assert.notEqual(edit(html), html, `${what}: the page's story was found`);
      await route.fulfill({ response, body: edit(html) });
    });
    await page.goto(env.server.url);
    await page.waitForSelector('[data-live] .problems');
    assert.match(await page.locator('.problems').textContent(), message, what);
    const ds = story();
    ds.story.title = 'A story opened on a page without one';
    await pick(page, file('own.json', JSON.stringify(ds)));
    await page.getByText('A story opened on a page without one').waitFor();
    assert.equal(await page.locator('.problems').count(), 0, `${what}: the notice goes with the story`);
    assert.deepEqual(problems.filter((p) => !p.startsWith('console')), [], what);
    await context.close();
  }
});

test('bad files get a readable error and the story stays as it was', async () => {
  const { context, page, problems } = await open();
  await page.getByLabel(/^Hamas\s*\d+$/).check();
  const before = await page.locator('.toolbar__count').textContent();
  for (const [what, name, contents, message] of BAD) {
    // Chosen from the foot of the story, where its button is: the page
    // goes up to the widget's top, where the error shows.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await pick(page, file(name, contents));
    const panel = page.locator('.dossier__notice');
    await panel.waitFor();
    const seen = await panel.evaluate((el) => [el.getBoundingClientRect().top, window.scrollY, window.innerHeight, document.querySelector('#dossier').getBoundingClientRect().top]);
    assert.ok(seen[0] >= 0 && seen[0] < seen[2], `${what}: the error is on screen ${seen}`);
    assert.match(await panel.textContent(), new RegExp(`${name.replace('.', '\\.')} could not be opened`), what);
    assert.match(await panel.textContent(), message, what);
    assert.match(await title(page), TITLE, `${what}: the story stays`);
    assert.equal(await page.locator('.toolbar__count').textContent(), before, `${what}: the view stays`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(problems.filter((p) => !p.startsWith('console')), []);
  await context.close();
});

test('a file the browser cannot read says so, and the story stays', async () => {
  const { context, page, problems } = await open();
  // As a browser does for a file moved or changed on disk after it was
  // chosen: the worker's read of it fails.
  await context.route('**/opener-worker.js', async (route) => {
    const response = await route.fetch();
    const fail = "Blob.prototype.arrayBuffer = () => Promise.reject(new DOMException('moved', 'NotReadableError'));\n";
    await route.fulfill({ response, body: fail + (await response.text()) });
  });
  await pick(page, file('moved.json', JSON.stringify(story())));
  const panel = page.locator('.dossier__notice');
  await panel.waitFor();
  assert.match(await panel.textContent(), /moved\.json could not be read/);
  assert.match(await title(page), TITLE);
  assert.deepEqual(problems.filter((p) => !p.startsWith('console')), []);
  await context.close();
});

test('a 130 MB file is refused before it is read', async () => {
  const { context, page } = await open();
  // Sparse on disk: its size is all the widget looks at before refusing it.
  const big = file('huge.json', '');
  truncateSync(big, 130 * 1024 * 1024);
  await pick(page, big);
  await page.locator('.dossier__notice').waitFor();
  assert.match(await page.locator('.dossier__notice').textContent(), /the file is 136314880 bytes; the limit is 134217728 bytes/);
  assert.match(await title(page), TITLE);
  await context.close();
});

test('a fetch that never answers times out with a message', { timeout: 60000 }, async () => {
  const { context, page } = await openPage(env.browser, { reducedMotion: 'reduce' });
  const { port } = env.hang.address();
  // The opener's worker fetches the link and keeps the time, where the
  // page's clock does not reach: the test waits the 20 s out.
  await page.goto(`${env.server.url}?data=${encodeURIComponent(`http://127.0.0.1:${port}/slow.json`)}`);
  await page.locator('.dossier__loading').waitFor();
  await page.locator('.problems').waitFor({ timeout: 40000 });
  assert.match(await page.locator('.problems').textContent(), /could not be fetched \(network error, timeout after 20 s/);
  assert.equal(await page.locator('#dossier .story__title').count(), 0, 'no other story in its place');
  await context.close();
});

for (const [name, said] of [
  ['huge.json', /the file is 209715200 bytes; the limit is 134217728 bytes/],
  ['cut.json', /cut\.json stopped before the end \(or took over 20 s\)/],
]) {
  test(`a link whose answer ${name === 'huge.json' ? 'says it is over the size limit' : 'stops before its end'} says why, with no other story`, async () => {
    const { context, page } = await openPage(env.browser, { reducedMotion: 'reduce' });
    const { port } = env.hang.address();
    await page.goto(`${env.server.url}?data=${encodeURIComponent(`http://127.0.0.1:${port}/${name}`)}`);
    await page.locator('.problems').waitFor({ timeout: 15000 });
    assert.match(await page.locator('.problems').textContent(), said);
    assert.equal(await page.locator('#dossier .story__title').count(), 0, 'no other story in its place');
    await context.close();
  });
}

function hostile() {
  const ds = story();
  const xss = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  ds.story.title = `Hostile ${xss} \u202Eevil\u202C title`;
  ds.story.dek = 'x'.repeat(20000);
  ds.story.paragraphs[0] += ` <a href="javascript:window.__pwned=1">click</a> ${xss}`;
  ds.actors[0].name = `<b onmouseover="window.__pwned=1">Bold</b> ${'\u202E'}reversed`;
  ds.actors[1].aliases = ['<svg onload="window.__pwned=1">'];
  ds.events[0].summary = `${xss} ${'A very long summary '.repeat(500)}`;
  ds.events[1].place = { name: '<iframe src="https://evil.example/">', country: '<style>*{display:none}</style>' };
  ds.sources[0].name = '<script>alert(1)</script>';
  ds.notes = ['javascript:alert(1)'];
  return ds;
}

test('a hostile dataset is shown as text: no dialog, no script, no request elsewhere', async () => {
  const { context, page, requests, problems } = await open();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await pick(page, file('hostile.json', JSON.stringify(hostile())));
  await page.locator('.story__title', { hasText: 'Hostile' }).waitFor();
  assert.match(await title(page), /<img src=x onerror="window.__pwned=1"><script>/, 'tags are text');
  // Look everywhere a reader can: network, charts, the source panel.
  await page.getByRole('button', { name: 'Show quote' }).first().click();
  await page.getByRole('button', { name: /^Read paragraph \d+ of the article/ }).first().click();
  await page.locator('.source-panel').waitFor();
  for (const view of ['Network', 'Charts', 'Events']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await page.waitForTimeout(200);
  }
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assert.deepEqual(dialogs, []);
  assert.equal(await page.locator('.dossier script, .dossier iframe, .dossier img[src="x"]').count(), 0);
  assert.equal(await page.locator('.dossier a[href^="javascript:"]').count(), 0);
  assert.ok(requests.every((u) => u.startsWith(env.server.origin)), requests.filter((u) => !u.startsWith(env.server.origin)).join('\n'));
  assert.deepEqual(problems, []);
  // Very long strings wrap instead of widening the page.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1200, `the page is ${width} px wide`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(ROOT, 'tests/e2e/artifacts/hostile-dataset.png') });
  await context.close();
});

for (const [name, url] of [['a javascript: link', 'javascript:alert(1)'], ['a link with a user name before its host', 'https://www.al-monitor.com@example.com/x']]) {
  test(`${name} in a dataset is refused`, async () => {
    const { context, page } = await open();
    const ds = story();
    ds.story.url = url;
    await pick(page, file('bad-link.json', JSON.stringify(ds)));
    await page.locator('.dossier__notice').waitFor();
    assert.match(await page.locator('.dossier__notice').textContent(), /story\.url.*is not an http or https link, or has a user name or password before its host/);
    assert.equal(await page.locator(`a[href="${url}"]`).count(), 0);
    await context.close();
  });
}

test('under a strict Content-Security-Policy the widget works with zero violations', async () => {
  const opened = await openPage(env.browser, { reducedMotion: 'reduce' });
  const { context, page, problems } = opened;
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(env.csp.url);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await ready(page);
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  await page.waitForSelector('.network .node');
  await page.getByRole('button', { name: 'Charts', exact: true }).click();
  await page.locator('.cas-mark').first().hover();
  await page.locator('#dossier-casualty-tip').waitFor();
  await page.locator('#dossier-open').setInputFiles(join(ROOT, 'tests/fixtures/acled/modern-bom-crlf.csv'));
  await page.getByText('ACLED events: modern-bom-crlf.csv').waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
