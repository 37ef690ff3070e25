// The opener's worker: checks a Dossier JSON or imports an ACLED CSV off
// the page's thread (src/bin/opener.rs), and posts back the story packed.
// The reader starts it when a file is first opened (src/components/opener.rs):
// no page loads it before then. A failure to start is posted as text.
import init, { open, warm_up_step } from './opener.js';

const ready = init({ module_or_path: new URL('./opener_bg.wasm', import.meta.url) });
const post = (bytes) => postMessage(bytes, [bytes.buffer]);

// A worker is started ahead of its file (the reader presses "Open file…",
// drags a file over the widget, or follows a link): until the file comes,
// the importer runs on a small export of its own, a few milliseconds a
// step, so that the file meets its optimised code (src/open/mod.rs,
// WarmUp). The steps stop when a file comes, and start only after a
// quarter of a second: a linked story or a dropped file that comes sooner
// does not share the machine with them. A step that fails leaves the
// module in no state to open the file: the file is then told so.
let file = false;
let broken = null;
const warm = () => {
  if (file) return;
  try {
    if (!warm_up_step()) setTimeout(warm);
    // Said where the end-to-end tests can read it.
    else globalThis.warmedUp = true;
  } catch (e) {
    broken = e;
  }
};
ready.then(() => setTimeout(warm, 250)).catch(() => {});

onmessage = async ({ data: [name, buffer] }) => {
  file = true;
  if (broken) {
    postMessage(`its warm-up failed: ${broken}`);
    return;
  }
  try {
    await ready;
    open(name, new Uint8Array(buffer), post);
  } catch (e) {
    postMessage(String(e));
  }
};
