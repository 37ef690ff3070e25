// The reader's wasm module travels as LZMA (web/pack-wasm.mjs, release
// builds): about 152 KB, where gzip -9 makes 187 KB of it and brotli, at
// the levels hosts compress with on the fly, 175 KB. This unpacks it in the
// page while it downloads, with a decoder of 5.4 KB, 2.2 KB gzip
// (src/base/lzma.rs, built as its own wasm module, src/bin/unlzma.rs), and
// hands the bytes on as they come, as a Response that WebAssembly compiles
// while it streams: the download, the decoding and the compiling overlap.
// The opener's module travels the same way (106 KB, where gzip -9 makes
// 133 KB of it), unpacked in its worker (web/opener-worker.js).
//
// The decoder's memory, from the address its `base` gives: the output (the
// unpacked size, which the header gives), then the input so far. It grows
// as the input comes. Work is handed back to the page every SLICE bytes of
// output (a match may run a few hundred bytes past it), so that no task
// holds the page for long on a slow phone; the yield is a message, not a
// timer, which a hidden tab would slow to one a second.

const SLICE = 1 << 16;
// The header, with the range coder's first five bytes.
const HEAD = 18;

/**
 * The module `packed` will answer (a fetch's response, not yet read),
 * unpacked by the decoder module `decoder` will answer, as a Response of
 * type application/wasm. A packed response that is not ok is handed back
 * as it is, for the loader to report.
 */
async function unpack(packed, decoder) {
  const [response, code] = await Promise.all([packed, decoder]);
  if (!response.ok || !response.body) return response;
  const bad = (why) => new Error(`the module ${response.url} cannot be unpacked: ${why}`);
  let exports;
  try {
    if (!code.ok) throw bad(`its decoder (${code.url}) answered ${code.status}`);
    const module = await WebAssembly.compile(await code.arrayBuffer());
    // The decoder uses none of its imports: wasm-bindgen's functions, left
    // in by the build. (Any other kind of import would fail to link, and
    // say so.)
    const imports = {};
    for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind === 'function') (imports[from] ??= {})[name] = () => {};
    }
    ({ exports } = await WebAssembly.instantiate(module, imports));
  } catch (e) {
    // No decoder, no use for the download.
    response.body.cancel().catch(() => {});
    throw e;
  }
  const { memory, base, start, decode } = exports;

  const reader = response.body.getReader();
  // The input until the header is in: then the output's place is known.
  let early = [];
  let have = 0;
  let ended = false;
  const out = base();
  let size = -1;
  let input = 0;
  const more = async () => {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    if (size < 0) early.push(value);
    else put(value, have);
    have += value.length;
  };
  const put = (bytes, at) => {
    const end = input + at + bytes.length;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
    new Uint8Array(memory.buffer).set(bytes, input + at);
  };

  const turn = new MessageChannel();
  // Set once the compiler stops reading (a module that does not compile).
  let dropped = false;
  const body = new ReadableStream({
    async start(controller) {
      try {
        while (have < HEAD && !ended) await more();
        if (have < HEAD) throw bad('it ends early');
        const head = new Uint8Array(have);
        let at = 0;
        for (const chunk of early) {
          head.set(chunk, at);
          at += chunk.length;
        }
        early = null;
        // The size, read here to lay out the memory; the decoder checks it.
        const view = new DataView(head.buffer);
        size = view.getUint32(9, true) ? -1 : view.getUint32(5, true);
        if (size < 0 || size >= 2 ** 31) throw bad('no size, or too large');
        input = Math.ceil((out + size) / 8) * 8;
        put(head, 0);
        const told = start(input, have);
        if (told !== size) throw bad(told === -2 ? 'not LZMA' : 'no size, or too large');
        let pos = 0;
        let sent = 0;
        while (pos < size && !dropped) {
          pos = decode(input, have, ended, out, size, Math.min(size, sent + SLICE));
          if (pos < 0) throw bad(ended ? 'it ends early, or is damaged' : 'it is damaged');
          if (pos - sent >= SLICE || pos === size) {
            controller.enqueue(new Uint8Array(memory.buffer, out + sent, pos - sent).slice());
            sent = pos;
            await new Promise((ok) => {
              turn.port1.onmessage = ok;
              turn.port2.postMessage(0);
            });
          } else if (ended) {
            throw bad('it ends early');
          } else {
            await more();
          }
        }
        if (!dropped) controller.close();
      } catch (e) {
        // Said here too: the compiler that reads this stream may report
        // only that it failed.
        console.error(e);
        controller.error(e);
      } finally {
        reader.cancel().catch(() => {});
        turn.port1.close();
      }
    },
    cancel() {
      dropped = true;
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/wasm' } });
}

// One export, at the end, as web/merge-loader.mjs puts modules into boot.js.
export { unpack as default };
