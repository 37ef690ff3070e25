// Shared end-to-end harness: a static server for the release build in dist/
// (mounted at any subpath, so relative URLs are tested), Debian's Chromium
// driven by playwright-core, and a page that records every console error,
// page error and failed request.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const ROOT = resolve(import.meta.dirname, '../..');
// E2E_DIST serves another copy of a build (say, while dist/ is rebuilt).
export const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
// SCREENSHOTS=docs refreshes the committed screenshots under docs/screenshots/.
export const SHOTS = process.env.SCREENSHOTS === 'docs' ? join(ROOT, 'docs/screenshots') : ARTIFACTS;

const WASM_DELAY = Number(process.env.E2E_WASM_DELAY_MS ?? 0);

/** The widget's module (packed as LZMA in a release build) and its decoder. */
export const WASM = /\.wasm(\.lzma)?$/;
/** A route's match for them (page.route). */
export const wasmFiles = (url) => WASM.test(url.pathname);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serve `dir` under `base` (for example "/news/2024/dossier/") on 127.0.0.1.
 * Every request outside `base`, and every missing file, is a 404 and is
 * recorded in `server.missing`. `extra` maps more paths under `base`
 * (such as a generated dataset) to files outside `dir`.
 */
export async function serve({ dir = DIST, base = '/', headers = {}, extra = {}, compress = false } = {}) {
  const missing = [];
  // With `compress`, files go out gzipped (level 9, once each) to a client
  // that accepts it, as a static host serves them: the benchmarks' phone
  // then downloads what the size budget counts, not the raw files.
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      missing.push(path);
      res.writeHead(404).end();
      return;
    }
    path = path.slice(base.length);
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const file = extra[path] ?? normalize(join(dir, path));
    if (!extra[path] && !file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // E2E_WASM_DELAY_MS=1500 plays a slow machine or network: the
      // pre-rendered view then stays inert for that long, and any test that
      // acts before the widget is live shows up.
      if (WASM_DELAY && WASM.test(file)) await new Promise((ok) => setTimeout(ok, WASM_DELAY));
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (compress && /gzip/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/png')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', ...headers });
        res.end(gzipped.get(file));
        return;
      }
      res.writeHead(200, { 'content-type': type, ...headers });
      res.end(body);
    } catch {
      missing.push(url.pathname);
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    origin: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
}

/**
 * A fresh context and page at the given viewport that records problems:
 * console errors, uncaught page errors and failed requests.
 */
export async function openPage(browser, { width = 1200, height = 900, colorScheme = 'light', reducedMotion = 'no-preference', touch = false } = {}) {
  // `touch`: a phone's touch screen (and its mobile viewport).
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion, hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`);
  });
  return { context, page, problems };
}

/**
 * Wait until the widget has rendered the story and answers the reader: the
 * host carries `data-live` once the wasm has rendered it in the picture's place (a
 * pre-rendered view is on screen before that, and is only a picture).
 */
export async function ready(page) {
  await page.waitForSelector('[data-live] > .dossier .story__title');
  await roomsFilled(page);
}

/**
 * A list's first render holds the room of the cards past the picture's,
 * drawn just after its paint (src/components/cards.rs): wait for them.
 */
export function roomsFilled(page) {
  return page.waitForFunction(() => !document.querySelector('.card--room'));
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * The page's fragment, decoded, once the widget has written it: the widget
 * writes the URL just after the change is painted (a task queued from an
 * animation frame), so read it from a task queued from the next one.
 */
export function urlHash(page) {
  // Two frames: the widget writes the URL after the paint that follows an
  // action, and on a busy machine the action's render can take a frame.
  return page.evaluate(() => {
    const later = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return later().then(later).then(() => decodeURIComponent(location.hash));
  });
}

/**
 * How many ties the network draws: a path of its own each, or one of a
 * bundle's (a move, "M", each in the bundle's path).
 */
export function tiesDrawn(page) {
  return page.$$eval('.network__edges .edge', (paths) =>
    paths.reduce((n, p) => n + (p.getAttribute('d').match(/M/g) ?? []).length, 0));
}

/**
 * The URL's fragment once it matches `re` (or after `timeout` ms, as it is
 * then): the widget writes the URL just after its next paint, which a busy
 * machine can put off past one frame.
 */
export async function hashMatching(page, re, timeout = 5000) {
  await page
    .waitForFunction((source) => new RegExp(source).test(decodeURIComponent(location.hash)), re.source, { timeout })
    .catch(() => {});
  return urlHash(page);
}

/**
 * The focused element's `key` (a property path, as `dataset.actorId`) once
 * it equals `expected` (or after `timeout` ms, as it is then): the widget
 * moves the focus in an effect, and Yew runs a render's effects a task
 * later when the render took longer than a frame.
 */
export async function focusedOn(page, key, expected, timeout = 5000) {
  const read = ([key]) => key.split('.').reduce((v, k) => v?.[k], document.activeElement);
  await page
    .waitForFunction(([key, expected]) => key.split('.').reduce((v, k) => v?.[k], document.activeElement) === expected, [key, expected], { timeout })
    .catch(() => {});
  return page.evaluate(read, [key]);
}

/**
 * Wait until every chart is drawn at its frame's measured width (an effect
 * measures it; until then a chart is drawn at a stand-in width).
 */
export async function chartsMeasured(page, timeout = 5000) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('.chart__plot')].every(
      (p) => Number(p.querySelector('svg.chart__svg')?.getAttribute('width')) === Math.max(200, p.clientWidth)),
    null,
    { timeout },
  );
}

/**
 * Hold every wasm request of `page` until the returned function is called:
 * the page shows its pre-rendered view, inert, until then.
 */
export async function holdWasm(page) {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(wasmFiles, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** A screenshot of one element, such as a chart. */
export async function screenshotOf(locator, name) {
  await mkdir(SHOTS, { recursive: true });
  await locator.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/**
 * axe-core violations on the widget, as "rule: target" strings. axe runs
 * every rule as ever; told that only violations are wanted, it does not
 * gather the passes' nodes (10 to 23 % of its time on the big shapes).
 */
export async function axe(page) {
  const result = await new AxeBuilder({ page }).include('.dossier').options({ resultTypes: ['violations'] }).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

/**
 * Serve the release build and launch Chromium once for a test file; both
 * close when its tests are done. `options` (or a function that returns them,
 * run first) go to `serve`. Returns `{ server, browser }`, filled in before
 * the first test runs.
 */
export function setup(options = {}) {
  const env = {};
  before(async () => {
    env.server = await serve(typeof options === 'function' ? options() : options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A one-finger swipe from (x, y0) to (x, y1), as a touch screen sends it. */
export async function swipe(page, context, [x, y0], [x1, y1]) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + ((x1 - x) * i) / 10, y: y0 + ((y1 - y0) * i) / 10 }] });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // A swipe that scrolled flings on: wait until the page has been still for ten frames.
  await page.evaluate(
    () =>
      new Promise((done) => {
        let [last, still] = [scrollY, 0];
        const frame = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 10) done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}
