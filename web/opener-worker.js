// The opener's worker: checks a Dossier JSON or imports an ACLED CSV off
// the page's thread (src/bin/opener.rs), and posts back the story packed.
// The reader starts it when a file is first opened (src/components/opener.rs):
// no page loads it before then. A failure to start is posted as text.
// In a release build its module travels packed as LZMA, as the widget's
// does, and is unpacked here while it downloads (web/lzma.js, which
// web/post-build.sh puts into this file, with the decoder's name).
import init, { open, unreadable, warm_up_step } from './opener.js';
import unpack from './lzma.js';

const module = new URL('./__OPENER_WASM__', import.meta.url);
const ready = init({
  module_or_path: module.pathname.endsWith('.lzma') ? unpack(fetch(module), fetch(new URL('./__UNLZMA_WASM__', import.meta.url))) : module,
});
const post = (bytes) => postMessage(bytes, [bytes.buffer]);

// A worker is started ahead of its file (the reader presses "Open file…",
// drags a file over the widget, or follows a link): until the file's bytes
// are in hand, the importer runs on a small export of its own, a few
// milliseconds a step, so that the file meets its optimised code
// (src/open/mod.rs, WarmUp). The steps go on while a linked story
// downloads, stop once its bytes (or a file's) are read, and start only
// after a quarter of a second: a dropped file read sooner does not share
// the machine with them. A step that fails leaves the module in no state
// to open the file: the file is then told so.
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

// A message is [name, source, timeout in ms, size limit in bytes]: the
// source is a file the reader chose or dropped, or a linked story's address.
// Its bytes are read (or its download starts) at once, while the module may
// still be loading; the module says what went wrong, in its own words
// (src/components/loader.rs, Unread).
onmessage = async ({ data: [name, source, timeout, limit] }) => {
  const bytes = read(source, timeout, limit);
  try {
    await ready;
    // The warm-up goes on while a linked story downloads.
    const got = await bytes;
    file = true;
    if (broken) {
      postMessage(`its warm-up failed: ${broken}`);
      return;
    }
    if (got instanceof Uint8Array) open(name, got, post);
    else unreadable(typeof source === 'string' ? source : name, ...got, post);
  } catch (e) {
    postMessage(String(e));
  }
};

// The bytes of `source`, or why there are none: [why, status, text]. A
// download refused is stopped, and one over the limit is refused before it
// enters the module's memory (which never shrinks), whatever its
// Content-Length said.
async function read(source, timeout, limit) {
  if (typeof source !== 'string') {
    if (source.size > limit) return ['large', source.size, ''];
    try {
      return new Uint8Array(await source.arrayBuffer());
    } catch {
      return ['file', 0, ''];
    }
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  try {
    let response;
    try {
      response = await fetch(source, { signal: controller.signal });
    } catch {
      return ['unreachable', 0, ''];
    }
    if (!response.ok) {
      controller.abort();
      return ['answered', response.status, response.statusText];
    }
    const length = Number(response.headers.get('content-length'));
    if (length > limit) {
      controller.abort();
      return ['large', length, ''];
    }
    let body;
    try {
      body = await response.arrayBuffer();
    } catch {
      return ['cut', 0, ''];
    }
    return body.byteLength > limit ? ['large', body.byteLength, ''] : new Uint8Array(body);
  } finally {
    clearTimeout(timer);
  }
}
