// Starts the widget from a file rather than an inline script, so that the
// page works under a Content-Security-Policy without 'unsafe-inline'.
// Trunk.toml sets inject_scripts = false, and its post-build hook writes the
// hashed file names in place of the two placeholders below.
import init from './__APP_JS__';

// The pre-rendered view is on screen before the wasm. What the reader does
// to it meanwhile (ticks a filter, types a search, presses a button) is
// kept, and done again on the same elements once the widget is live:
// hydration keeps the elements, and nothing the reader did is lost.
const root = document.getElementById('dossier');
const early = [];
const VALUE_TYPES = new Set(['text', 'search', 'date', 'number']);
function keep(e) {
  const el = e.target;
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    if (e.type === 'click') early.push({ el, checked: el.checked });
  } else if ((el instanceof HTMLInputElement && VALUE_TYPES.has(el.type)) || el instanceof HTMLSelectElement) {
    if (e.type === 'click') return;
    // Keystrokes in one field make one entry: its last value.
    if (early.at(-1)?.el === el) early.pop();
    early.push({ el, value: el.value });
  } else if (e.type === 'click') {
    const button = el instanceof Element ? el.closest('button') : null;
    if (button) early.push({ el: button });
  }
}
const TYPES = ['click', 'input', 'change'];
if (root) for (const type of TYPES) root.addEventListener(type, keep, true);

function replay() {
  for (const type of TYPES) root.removeEventListener(type, keep, true);
  for (const { el, checked, value } of early.splice(0)) {
    // A view rendered afresh (not hydrated) has new elements: nothing to do.
    if (!el.isConnected || !root.contains(el)) continue;
    if (checked !== undefined) {
      if (el.checked !== checked) el.click();
    } else if (value !== undefined) {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      el.click();
    }
  }
}

const wasm = await init({ module_or_path: new URL('./__APP_WASM__', import.meta.url) });
// The widget marks its host `data-live` once it has rendered or hydrated.
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
