// Starts the widget from a file rather than an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline'.
// Trunk.toml sets inject_scripts = false, and its post-build hook writes the
// hashed file names in place of the placeholders below, then puts the
// loader and the unpacker themselves in place of these imports
// (web/merge-loader.mjs).
import init from './__APP_JS__';
import unpack from './lzma.js';

// The pre-rendered view is on screen before the wasm. What the reader does
// to it meanwhile (ticks a filter, types a search, presses a button) is
// kept, and done again once the widget is live. The widget renders the same
// markup afresh and takes the picture's place, so each element is found
// again by its place in the tree: the same child, at each level, of the
// same kind of element. The focus moves across the same way.
const root = document.getElementById('dossier');
// A link's theme (?theme=dark or light) paints the picture too, not only
// the widget once live: the widget's root carries it as data-theme. Read as
// the widget reads it: decoded, the last one given. The page around it
// takes the theme's colours too (no white margin around a dark widget).
const query = new URLSearchParams(location.search);
const theme = query.getAll('theme').pop();
if (theme === 'dark' || theme === 'light') {
  root?.firstElementChild?.setAttribute('data-theme', theme);
  document.documentElement.style.colorScheme = theme;
}
// A view the picture does not show is on its way: the picture's results
// say so, dimmed and busy, until the widget takes their place. Such is a
// link's own view (read as view/state.rs and view/embed.rs read it: a
// view, filters, a sort or a chosen event in the fragment, ?view=, or
// another story's ?data=), or what the reader ticks, types or presses on
// the picture meanwhile (a box, a field, a view or an actor not pressed).
const results = root?.querySelector('.dossier__results');
const opening = () => results?.setAttribute('aria-busy', 'true');
const asked = new URLSearchParams(location.hash.slice(1));
const view = asked.get('v') ?? query.get('view');
const elsewhere = view === 'network' || view === 'charts';
// The view switcher shows a link's view as the one chosen.
if (elsewhere) {
  for (const b of root?.querySelectorAll('.views__button') ?? []) b.setAttribute('aria-pressed', b.textContent.toLowerCase() == view);
}
// Another story's link (?data=) shows none of the page's own story while
// it opens: the picture keeps its place, blank under one line that says so.
if (query.get('data')) root?.firstElementChild?.setAttribute('aria-busy', 'true');
if (
  elsewhere || query.get('data') || asked.get('sort') === 'newest' ||
  ['a', 'k', 'p', 'src', 't', 'st', 'from', 'to', 'q', 'sel'].some((key) => asked.get(key))
) opening();
const early = [];
const VALUE_TYPES = new Set(['text', 'search', 'date', 'number']);
/** Where `el` sits under the host: its element index at each level. */
function placeOf(el) {
  const place = [];
  for (let at = el; at && at !== root; at = at.parentElement) {
    place.unshift([...at.parentElement.children].indexOf(at));
  }
  return { place, tag: el.tagName };
}
/** The element at `place` under the host now, if it is of the same kind. */
function find({ place, tag }) {
  let at = root;
  for (const i of place) at = at?.children[i];
  return at?.tagName === tag ? at : null;
}
function keep(e) {
  const el = e.target;
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    if (e.type === 'click') {
      early.push({ at: placeOf(el), checked: el.checked });
      opening();
    }
  } else if (el instanceof HTMLInputElement && el.type === 'file') {
    // "Open file…" works in the picture (its label opens the chooser); the
    // file chosen opens once the widget is live.
    if (e.type === 'change' && el.files?.length) keepFiles(el, el.files);
  } else if ((el instanceof HTMLInputElement && VALUE_TYPES.has(el.type)) || el instanceof HTMLSelectElement) {
    if (e.type === 'click') return;
    // Keystrokes in one field make one entry: its last value.
    const at = placeOf(el);
    if (early.at(-1)?.at.place.join() === at.place.join()) early.pop();
    early.push({ at, value: el.value });
    opening();
  } else if (e.type === 'click') {
    const button = el instanceof Element ? el.closest('button') : null;
    if (button) early.push({ at: placeOf(button) });
    if (button?.getAttribute('aria-pressed') === 'false') opening();
  }
}
// A file dropped on the picture opens too, as if chosen with "Open file…"
// (where the page has it: an embed takes no files), rather than the browser
// leaving the page to show the file.
function dropped(e) {
  const input = root.querySelector('input[type=file]');
  if (!input || !e.dataTransfer?.types.includes('Files')) return;
  e.preventDefault();
  if (e.type === 'drop' && e.dataTransfer.files.length) keepFiles(input, e.dataTransfer.files);
}
/** The last files chosen or dropped, copied: a browser may empty the list it gave. */
function keepFiles(input, files) {
  for (let i = early.length - 1; i >= 0; i--) if (early[i].files) early.splice(i, 1);
  early.push({ at: placeOf(input), files: [...files] });
}
const TYPES = ['click', 'input', 'change'];
const DRAGS = ['dragover', 'drop'];
if (root) {
  for (const type of TYPES) root.addEventListener(type, keep, true);
  for (const type of DRAGS) root.addEventListener(type, dropped);
}
// Where the focus was in the picture, taken before the widget replaces it.
let focused = null;
if (root) root.addEventListener('focusin', (e) => { if (!root.hasAttribute('data-live')) focused = placeOf(e.target); });

function replay() {
  for (const type of TYPES) root.removeEventListener(type, keep, true);
  for (const type of DRAGS) root.removeEventListener(type, dropped);
  const refocus = focused && document.activeElement === document.body ? find(focused) : null;
  for (const { at, checked, value, files } of early.splice(0)) {
    const el = find(at);
    if (!el) continue;
    if (checked !== undefined) {
      if (el.checked !== checked) el.click();
    } else if (files) {
      if (el.type !== 'file') continue;
      const list = new DataTransfer();
      for (const file of files) list.items.add(file);
      el.files = list.files;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (value !== undefined) {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      el.click();
    }
  }
  // Unless a replayed press moved the focus itself ("Skip the filters").
  if (refocus?.isConnected && document.activeElement === document.body) refocus.focus();
}

// A panic in the widget stops its module with a trap (a
// WebAssembly.RuntimeError: the release build aborts at once, without a
// message, web/release-build.sh), thrown from whatever event, timer or task
// ran it. The widget cannot go on: say so in its place rather than leave it
// frozen. Its module never runs again, so nothing it drew can be relied on.
// (A browser without WebAssembly, or with it turned off, has no trap to
// catch: it gets the note below that the module could not start.)
const Trap = globalThis.WebAssembly?.RuntimeError;
function stopped(e) {
  if (!root || !Trap || !((e.error ?? e.reason) instanceof Trap)) return;
  if (root.querySelector('.dossier__crashed[role=alert]')) return;
  const box = document.createElement('div');
  box.className = 'dossier';
  const note = document.createElement('section');
  note.className = 'dossier__crashed';
  note.setAttribute('role', 'alert');
  note.textContent = "Sorry: this interactive stopped because of an internal error. Reload the page to try again; the story's text above and below is unaffected.";
  box.append(note);
  root.replaceChildren(box);
}
addEventListener('error', stopped);
addEventListener('unhandledrejection', stopped);

// The wasm is fetched once the whole picture is on screen (or after half a
// second where frames do not run, as in a hidden tab): it never competes
// with the reader's first view of the story. On screen, not only painted: a
// frame reaches the screen a little after the page paints it, and a widget
// that replaced the picture in between would make its own paint the page's
// first "largest" one, which Lighthouse then charges with the whole
// download. So: the page's first contentful paint has reached the screen,
// then two more frames, the first of them with all the picture (this script
// runs once the page is parsed).
await new Promise((ok) => {
  const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok)));
  if (globalThis.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
    // Paint entries stop after the first contentful one: this runs once.
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length) frames();
    }).observe({ type: 'paint', buffered: true });
  } else {
    frames();
  }
  setTimeout(ok, 500);
});
// A module that cannot load (the network, or a browser without wasm's
// SIMD, older than Safari 16.4) leaves the picture, and says what it is.
let wasm;
try {
  // A release build's module is packed (web/lzma.js): it comes with its decoder.
  const url = new URL('./__APP_WASM__', import.meta.url);
  const packed = url.pathname.endsWith('.lzma');
  wasm = await init({ module_or_path: packed ? unpack(fetch(url), fetch(new URL('./__UNLZMA_WASM__', import.meta.url))) : url });
} catch (e) {
  // A trap while starting is the widget stopping (above), not the browser.
  if (root && !(Trap && e instanceof Trap)) {
    for (const type of TYPES) root.removeEventListener(type, keep, true);
    for (const type of DRAGS) root.removeEventListener(type, dropped);
    results?.removeAttribute('aria-busy');
    const note = document.createElement('p');
    note.className = 'dossier__crashed';
    note.setAttribute('role', 'status');
    root.prepend(note);
    // Written once in place, so that a screen reader announces it.
    note.textContent = 'The interactive view could not start in this browser: below is a still picture of it. Reload the page, or open it in an up-to-date browser, to explore it.';
  }
  throw e;
}
// The widget marks its host `data-live` once it has taken the picture's place.
if (root) {
  if (root.hasAttribute('data-live')) replay();
  else {
    const watch = new MutationObserver(() => {
      if (!root.hasAttribute('data-live')) return;
      watch.disconnect();
      replay();
    });
    watch.observe(root, { attributes: true, attributeFilter: ['data-live'] });
  }
}
// Trunk's own loader announces the start the same way; the benchmarks listen.
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
