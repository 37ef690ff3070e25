// Embedding: the widget in a host page on another origin, under the real
// pym.js and under our embed.js; height following the content both ways;
// themes; the share panel's code pasted into a blank page; no navigation of
// the host without a click; the parent's messages checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, ready, holdWasm, screenshot, ROOT, DIST } from './harness.mjs';

const env = {};
const BASE = '/news/2024/dossier/';

const PARAGRAPHS = [
  'BEIRUT — The meeting is the latest between the Hezbollah leader and senior Hamas officials since the Palestinian movement launched its assault on southern Israel on Oct. 7.',
  'The two groups have coordinated closely since then, and the exchanges of fire across the border have intensified in recent weeks.',
];

function article(title, embed, scripts = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${title}</title>
<style>
  body { margin: 0; font: 18px/1.6 Georgia, serif; color: #222; background: #fff; }
  header.site { padding: 12px 16px; border-bottom: 4px solid #b00; font: 700 20px/1 system-ui, sans-serif; }
  main { max-width: 720px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 32px; line-height: 1.2; }
  .embed { margin: 24px -16px; }
  p, h1, h2 { margin: 0 0 16px; }
</style></head><body>
<header class="site">The Daily Mock</header>
<main><h1>${title}</h1><p>${PARAGRAPHS[0]}</p>
<div class="embed">${embed}</div>
<p>${PARAGRAPHS[1]}</p></main>
${scripts}
</body></html>`;
}

before(async () => {
  env.widget = await serve({ base: BASE });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-host-'));
  copyFileSync(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), join(dir, 'pym.v1.min.js'));
  const src = `${env.widget.url}#v=cards`;
  // pym.js loads embed.html, the pre-rendered embed page, as the README says.
  writeFileSync(join(dir, 'pym.html'), article('Hosted with pym.js', '<div id="dossier-pym"></div>',
    `<script src="pym.v1.min.js"></script>
<script>window.pymParent = new pym.Parent('dossier-pym', ${JSON.stringify(`${env.widget.url}embed.html`)}, { title: 'Dossier' });</script>`));
  writeFileSync(join(dir, 'embedjs.html'), article('Hosted with embed.js',
    `<div data-dossier-src="${src}" data-dossier-title="Dossier: Hezbollah hosts Hamas"></div>`,
    `<script>window.received = []; addEventListener('message', (e) => window.received.push(e.data));</script>
<script async src="${env.widget.url}embed.js"></script>`));
  env.hostDir = dir;
  env.host = await serve({ dir, base: '/' });
  env.browser = await launch();
});

after(async () => {
  await env.browser?.close();
  await env.widget?.close();
  await env.host?.close();
});

const iframeHeight = (page) => page.$eval('iframe', (f) => f.getBoundingClientRect().height);
const contentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

/** Wait until the iframe is exactly as tall as its content; return that height. */
async function settled(page, frame) {
  let last = [];
  for (let i = 0; i < 60; i++) {
    const [outer, inner] = [await iframeHeight(page), await contentHeight(frame)];
    if (Math.abs(outer - inner) <= 1 && outer > 100) return outer;
    last = [outer, inner];
    await page.waitForTimeout(100);
  }
  assert.fail(`the iframe is ${last[0]} px tall, its content ${last[1]} px`);
}

async function widgetFrame(page) {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await ready(frame);
  return frame;
}

/** Shrink the content with a filter, then grow it back. */
async function growAndShrink(page, frame) {
  // In a narrow column the filters sit behind a toggle.
  const toggle = frame.locator('.filters__toggle');
  if (await toggle.isVisible()) await toggle.click();
  const full = await settled(page, frame);
  await frame.getByLabel(/^Claim of responsibility\s*\d+$/).check();
  await frame.waitForFunction(() => document.querySelectorAll('.cards .card').length === 1);
  const filtered = await settled(page, frame);
  assert.ok(filtered < full - 300, `shrank from ${full} to ${filtered}`);
  await frame.getByLabel(/^Claim of responsibility\s*\d+$/).uncheck();
  const again = await settled(page, frame);
  assert.ok(Math.abs(again - full) <= 1, `grew back to ${again}, was ${full}`);
}

test('under the real pym.js, the iframe height follows the content, growing and shrinking', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1200, reducedMotion: 'reduce' });
  const navigations = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
  await page.goto(`${env.host.url}pym.html`);
  navigations.length = 0;
  const frame = await widgetFrame(page);
  // pym gave the child its id in the query, and the child found it.
  assert.match(frame.url(), /childId=dossier-pym/);
  assert.equal(await frame.locator('.dossier[data-embed]').count(), 1);
  await growAndShrink(page, frame);
  // Switching views changes the height too.
  await frame.getByRole('button', { name: 'Charts', exact: true }).click();
  await frame.waitForSelector('.cas-mark');
  await settled(page, frame);
  // The host was never navigated, and the link to the full view opens a new tab.
  const popup = page.waitForEvent('popup');
  await frame.getByRole('link', { name: /Open the full view/ }).click();
  const opened = await popup;
  assert.match(opened.url(), /\/news\/2024\/dossier\/(index\.html)?(\?[^#]*)?#.*v=charts/);
  assert.doesNotMatch(opened.url(), /embed|childId/);
  await opened.close();
  assert.deepEqual(navigations, []);
  assert.equal(page.url(), `${env.host.url}pym.html`);
  assert.deepEqual(problems, []);
  assert.deepEqual(env.widget.missing, []);
  await context.close();
});

test('under embed.js, the height follows the content, and both message forms are sent', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 1200, reducedMotion: 'reduce' });
  await page.goto(`${env.host.url}embedjs.html`);
  const frame = await widgetFrame(page);
  const iframe = page.locator('iframe');
  assert.equal(await iframe.getAttribute('title'), 'Dossier: Hezbollah hosts Hamas');
  assert.equal(await iframe.getAttribute('loading'), 'lazy');
  assert.doesNotMatch(await iframe.getAttribute('sandbox'), /allow-top-navigation/);
  await growAndShrink(page, frame);
  const height = await iframeHeight(page);
  const received = await page.evaluate(() => window.received);
  assert.ok(received.includes(`pymxPYMxdossier-1xPYMxheightxPYMx${height}`), 'a pym height message');
  assert.ok(received.some((m) => m?.['datawrapper-height']?.['dossier-1'] === height), 'a Datawrapper height message');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in a host page, "Read paragraph" brings the paragraph on screen, and closing brings back the card, under pym.js and embed.js', async () => {
  for (const host of ['pym.html', 'embedjs.html']) {
    const { context, page, problems } = await openPage(env.browser, { width: 375, height: 740, reducedMotion: 'reduce' });
    await page.goto(`${env.host.url}${host}`);
    const frame = await widgetFrame(page);
    /** Where `locator`'s element is in the host page's window, in px from its top. */
    const onHost = async (locator) => {
      const inFrame = await locator.evaluate((el) => el.getBoundingClientRect().top);
      return (await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().top)) + inFrame;
    };
    const card = frame.locator('.card').nth(2);
    await card.getByRole('button', { name: 'Show quote' }).click();
    const read = card.getByRole('button', { name: /^Read paragraph/ });
    const steps = await page.evaluate(() => history.length);
    await read.click();
    const mark = frame.locator('.source-panel mark');
    await mark.waitFor();
    // The article is no step in the host page's history.
    assert.equal(await page.evaluate(() => history.length), steps, `${host}: a step in the host's history`);
    let top = await onHost(mark);
    for (let i = 0; i < 30 && !(top >= 0 && top < 740); i++) {
      await page.waitForTimeout(100);
      top = await onHost(mark);
    }
    assert.ok(top >= 0 && top < 740, `${host}: the quote at ${top} px in the host's window (scrollY ${await page.evaluate(() => scrollY)}, frame scrollY ${await frame.evaluate(() => scrollY)}, iframe top ${await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().top)})`);
    assert.ok(await page.evaluate(() => scrollY) > 1000, `${host}: the host page scrolled`);
    // The way back is on the host's screen beside the paragraph (the
    // panel's Close is not), and brings back the card.
    const back = frame.getByRole('button', { name: 'Back to the quote' });
    const backTop = await onHost(back);
    assert.ok(backTop >= 0 && backTop < 740, `${host}: the way back at ${backTop} px in the host's window`);
    const closeTop = await onHost(frame.getByRole('button', { name: 'Close' }));
    assert.ok(Number.isFinite(closeTop) && closeTop < 0, `${host}: the panel's Close is above the host's window (${closeTop} px)`);
    await back.click();
    top = await onHost(read);
    for (let i = 0; i < 30 && !(top >= 0 && top < 740); i++) {
      await page.waitForTimeout(100);
      top = await onHost(read);
    }
    assert.ok(top >= 0 && top < 740, `${host}: back at the card's control, at ${top} px`);
    assert.equal(page.url(), `${env.host.url}${host}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the widget ignores malformed messages from its parent and answers a valid width', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 900, reducedMotion: 'reduce' });
  await page.goto(`${env.host.url}embedjs.html`);
  const frame = await widgetFrame(page);
  await settled(page, frame);
  const post = (messages) => page.evaluate(async (messages) => {
    window.received = [];
    const target = document.querySelector('iframe').contentWindow;
    for (const m of messages) target.postMessage(m, '*');
    await new Promise((ok) => setTimeout(ok, 400));
    return window.received.filter((m) => typeof m === 'string');
  }, messages);
  const junk = [
    'pymxPYMxdossier-1xPYMxwidthxPYMx-5',
    'pymxPYMxdossier-1xPYMxwidthxPYMx1e9',
    'pymxPYMxsomeone-elsexPYMxwidthxPYMx500',
    'pymxPYMxdossier-1xPYMxnavigateToxPYMxjavascript:alert(1)',
    { width: 500 },
    'x'.repeat(100000),
    null,
  ];
  assert.deepEqual(await post(junk), [], 'no answer to malformed messages');
  const answers = await post(['pymxPYMxdossier-1xPYMxwidthxPYMx800']);
  assert.equal(answers.length, 1);
  assert.match(answers[0], /^pymxPYMxdossier-1xPYMxheightxPYMx\d+$/);
  assert.equal(page.url(), `${env.host.url}embedjs.html`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('embed.js ships in dist/, under 2 KB gzip, with no dependencies', () => {
  const source = readFileSync(join(DIST, 'embed.js'));
  const gzipped = gzipSync(source, { level: 9 }).length;
  assert.ok(gzipped < 2048, `embed.js is ${gzipped} B gzip`);
  assert.doesNotMatch(source.toString(), /\bimport\b|\brequire\(/);
});

test('embed.html paints the embed before the wasm has loaded, then the widget takes its place in its theme', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 700, reducedMotion: 'reduce' });
  const release = await holdWasm(page);
  await page.goto(`${env.widget.url}embed.html?embed&theme=dark&childId=x`, { waitUntil: 'domcontentloaded' });
  await page.locator('.dossier[data-embed] .story[data-compact]').waitFor();
  assert.equal(await page.locator('.cards .card').count(), 6, 'the short first page, pre-rendered');
  assert.equal(await page.locator('[data-live]').count(), 0, 'not live before the wasm');
  // The picture is in the link's theme already, whatever the system prefers.
  assert.equal(await page.locator('.dossier[data-theme=dark]').count(), 1, 'the picture in the dark theme');
  assert.equal(await page.locator('.dossier').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(18, 18, 18)');
  release();
  await ready(page);
  // Live: the theme is set, and the markup answers.
  assert.equal(await page.locator('.dossier[data-theme=dark]').count(), 1);
  await page.getByRole('button', { name: 'Network', exact: true }).click();
  await page.waitForSelector('.network .node');
  assert.deepEqual(problems, []);
  assert.deepEqual(env.widget.missing, []);
  await context.close();
});

test('embed.html without a flag is an embed: the widget keeps the view its picture shows', async () => {
  const { context, page, problems } = await openPage(env.browser, { width: 375, reducedMotion: 'reduce' });
  await page.goto(`${env.widget.url}embed.html`);
  await ready(page);
  assert.equal(await page.locator('[data-live] .dossier[data-embed]').count(), 1);
  assert.equal(await page.locator('.cards .card').count(), 6, 'the short first page, as pre-rendered');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the theme option renders light and dark, whatever the system prefers', async () => {
  for (const [theme, scheme, bg] of [['dark', 'light', 'rgb(18, 18, 18)'], ['light', 'dark', 'rgb(255, 255, 255)']]) {
    const { context, page } = await openPage(env.browser, { width: 700, colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${env.widget.url}?embed&theme=${theme}&view=charts`);
    await page.waitForSelector('.cas-mark');
    const color = await page.$eval('.dossier', (el) => getComputedStyle(el).backgroundColor);
    assert.equal(color, bg, `${theme} on a ${scheme} system`);
    assert.equal(await page.locator(`.dossier[data-theme=${theme}]`).count(), 1);
    // The page around the widget too: no margin in the system's colours.
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), theme);
    await screenshot(page, `embed-theme-${theme}`);
    await context.close();
  }
});

test('the parts and the opening view can be chosen in the URL', async () => {
  const { context, page } = await openPage(env.browser, { width: 1000, reducedMotion: 'reduce' });
  await page.goto(`${env.widget.url}?embed&view=network&hide=filters,source`);
  await page.waitForSelector('.network .node');
  assert.equal(await page.locator('.filters').count(), 0);
  assert.equal(await page.getByRole('button', { name: /^Read paragraph/ }).count(), 0);
  // A link that names its view wins over the option.
  await page.goto(`${env.widget.url}?embed&view=network#v=charts`);
  await page.reload();
  await page.waitForSelector('.cas-mark');
  assert.equal(await page.locator('.network').count(), 0);
  await context.close();
});

test('the share panel copies a link and embed code that work pasted into a blank page', async () => {
  const { context, page } = await openPage(env.browser, { width: 1200, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.widget.origin });
  await page.goto(`${env.widget.url}#a=hamas&v=cards`);
  await ready(page);
  const count = await page.locator('.toolbar__count').textContent();
  assert.match(count, /of 18 events/);
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await page.getByText('Embed code copied').waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(snippet, /data-dossier-src="[^"]+#a=hamas"/);
  assert.match(snippet, /<script async src="[^"]+\/news\/2024\/dossier\/embed\.js"><\/script>/);

  // The plain iframe form carries the view too, with a title and a height.
  await page.getByRole('button', { name: 'Embed options' }).click();
  await page.getByLabel(/Plain iframe/).check();
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  // The copy is asynchronous: wait for the new code in the clipboard.
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('<iframe'), null, { timeout: 5000 }).catch(() => {});
  const iframeCode = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(iframeCode, /^<iframe src="[^"]+\?embed#a=hamas" title="Dossier: [^"]+" width="100%" height="900"/);

  for (const [name, code] of [['script', snippet], ['iframe', iframeCode]]) {
    // Pasted as it is into a blank page on the host.
    writeFileSync(join(env.hostDir, `blank-${name}.html`), `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Blank</title><body>${code}</body>`);
    await page.goto(`${env.host.url}blank-${name}.html`);
    const frame = await widgetFrame(page);
    await frame.waitForSelector('.cards .card');
    assert.equal(await frame.locator('.toolbar__count').textContent(), count, `${name}: the same view`);
    if (name === 'script') await settled(page, frame);
  }
  await context.close();
});

test('screenshots: the widget embedded in a mock article, at phone and desktop widths', async () => {
  for (const width of [375, 1200]) {
    const { context, page } = await openPage(env.browser, { width, height: 900, reducedMotion: 'reduce' });
    await page.goto(`${env.host.url}pym.html`);
    const frame = await widgetFrame(page);
    await settled(page, frame);
    await screenshot(page, `embed-article-${width}`);
    await context.close();
  }
});
