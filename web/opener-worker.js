// The opener's worker: checks a Dossier JSON or imports an ACLED CSV off
// the page's thread (src/bin/opener.rs), and posts back the story packed.
// The reader starts it when a file is first opened (src/components/opener.rs):
// no page loads it before then. A failure to start is posted as text.
import init, { open, warm_up } from './opener.js';

const ready = init({ module_or_path: new URL('./opener_bg.wasm', import.meta.url) });
const post = (bytes) => postMessage(bytes, [bytes.buffer]);

// A worker is started ahead of its file (the reader presses "Open file…",
// drags a file over the widget, or follows a link): until the file comes,
// the importer runs on a small export of its own, so that the file meets
// its optimised code (src/open/mod.rs, warm_up). A file already waiting
// goes first.
let file = false;
ready
  .then(() => setTimeout(() => {
    try {
      if (!file) warm_up();
    } catch {
      // Only a head start is lost.
    }
  }))
  .catch(() => {});

onmessage = async ({ data: [name, buffer] }) => {
  file = true;
  try {
    await ready;
    open(name, new Uint8Array(buffer), post);
  } catch (e) {
    postMessage(String(e));
  }
};
