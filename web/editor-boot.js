// Starts the story editor (editor.html). Trunk builds the editor's wasm next
// to the widget's; no widget page loads this file or the editor's wasm.
import init from './editor.js';

// A panic in the editor stops its module with a trap (a
// WebAssembly.RuntimeError: the release build aborts at once, without a
// message, web/release-build.sh). Say so, and that the draft is kept: the
// editor saves it in this browser at each change.
const Trap = globalThis.WebAssembly?.RuntimeError;
function stopped(e) {
  if (!Trap || !((e.error ?? e.reason) instanceof Trap)) return;
  const root = document.getElementById('editor');
  if (!root || root.getAttribute('role') === 'alert') return;
  root.setAttribute('role', 'alert');
  root.textContent = 'Sorry: the editor stopped because of an internal error. Your draft was saved in this browser at your last change; reload the page to go on with it.';
}
addEventListener('error', stopped);
addEventListener('unhandledrejection', stopped);

await init({ module_or_path: new URL('./editor_bg.wasm', import.meta.url) });
