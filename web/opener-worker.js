// The opener's worker: checks a Dossier JSON or imports an ACLED CSV off
// the page's thread (src/bin/opener.rs), and posts back the story packed.
// The reader starts it when a file is first opened (src/components/opener.rs):
// no page loads it before then. A failure to start is posted as text.
import init, { open } from './opener.js';

const ready = init({ module_or_path: new URL('./opener_bg.wasm', import.meta.url) });
const post = (bytes) => postMessage(bytes, [bytes.buffer]);

onmessage = async ({ data: [name, buffer] }) => {
  try {
    await ready;
    open(name, new Uint8Array(buffer), post);
  } catch (e) {
    postMessage(String(e));
  }
};
