// web/lzma.js on the release build's packed module and its decoder, fed
// as a download brings them: in pieces of any size, cut short, broken off,
// or dropped by the compiler that reads the output. (No browser: node has
// the same streams, responses and WebAssembly.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import unpack from '../../web/lzma.js';
import { ROOT } from './harness.mjs';

const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist');
const named = (pattern) => {
  const file = readdirSync(DIST).find((f) => pattern.test(f));
  assert.ok(file, `no ${pattern} in ${DIST}: the release build packs the widget's module`);
  return readFileSync(join(DIST, file));
};
const packed = named(/^app-[0-9a-f]+_bg\.wasm\.lzma$/);
const decoder = named(/^unlzma-[0-9a-f]+\.wasm$/);
// The module as xz itself reads the packed file back (with the header's
// size unsaid, as xz wrote it, so that xz reads up to the end marker).
const unsized = Buffer.from(packed);
unsized.fill(0xff, 5, 13);
const module = execFileSync('xz', ['--decompress', '--format=lzma', '--stdout'], { input: unsized, maxBuffer: 1 << 30 });

/**
 * A download of `bytes` in pieces of `size(i)` bytes, each a turn of the
 * event loop apart; broken off with an error after `breakAt` bytes, if
 * given. `cancelled` resolves when its reader gives it up.
 */
function download(bytes, size, breakAt = Infinity) {
  let at = 0;
  let i = 0;
  let gaveUp;
  const cancelled = new Promise((ok) => (gaveUp = ok));
  const stream = new ReadableStream({
    async pull(controller) {
      // setImmediate, not a timer: a turn without a timer's 1 ms floor
      // (pieces of 7 bytes are some 22,000 turns).
      await new Promise((ok) => setImmediate(ok));
      if (at >= breakAt) return controller.error(new Error('the connection was lost'));
      if (at >= bytes.length) return controller.close();
      const end = Math.min(bytes.length, at + size(i++), breakAt);
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
    cancel: () => gaveUp(),
  });
  return { response: new Response(stream), cancelled };
}

/** Whether `promise` settles within `ms`; the timer does not keep the test file running. */
const within = (promise, ms) => Promise.race([promise.then(() => true), new Promise((ok) => setTimeout(ok, ms, false).unref())]);

const unpacked = async (response) => new Uint8Array(await (await unpack(response, new Response(decoder))).arrayBuffer());
/** Runs `f` with console.error kept quiet: the unpacker says its errors there too. */
async function quietly(f) {
  const said = console.error;
  console.error = () => {};
  try {
    return await f();
  } finally {
    console.error = said;
  }
}

test('the packed module unpacks to the module xz reads, whatever pieces it comes in', async () => {
  assert.ok(WebAssembly.validate(module), 'xz reads back a wasm module');
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 9000) + 1;
  for (const [what, size] of [
    ['one piece', () => packed.length],
    ['pieces of 7 bytes', () => 7],
    ['the header split across pieces', (i) => (i < 4 ? 5 : 65536)],
    ['pieces of random sizes', random],
  ]) {
    const got = await unpacked(download(packed, size).response);
    assert.equal(got.length, module.length, what);
    assert.ok(Buffer.compare(got, module) === 0, `${what}: the bytes differ`);
  }
});

test('a download cut short, or broken off, is an error that says so', async () => {
  await quietly(async () => {
    for (const cut of [10, 18, 100, packed.length >> 1, packed.length - 20]) {
      await assert.rejects(unpacked(download(packed.subarray(0, cut), () => 4096).response), /cannot be unpacked: it ends early/, `cut at ${cut}`);
    }
    await assert.rejects(unpacked(download(packed, () => 4096, 50_000).response), /the connection was lost/);
  });
});

test('a packed file damaged on its way is an error, or bytes that are not the module', async () => {
  await quietly(async () => {
    const damaged = Buffer.from(packed);
    for (let i = 40; i < damaged.length; i += 5) damaged[i] ^= 0x5a;
    const got = await unpacked(download(damaged, () => 65536).response).catch((e) => e);
    if (got instanceof Error) assert.match(got.message, /cannot be unpacked/);
    else assert.equal(WebAssembly.validate(got), false);
    const header = Buffer.from(packed);
    header[0] = 250;
    await assert.rejects(unpacked(download(header, () => 65536).response), /cannot be unpacked: not LZMA/);
  });
});

test('when the compiler stops reading, the download is given up', async () => {
  const { response, cancelled } = download(packed, () => 1024);
  const reader = (await unpack(response, new Response(decoder))).body.getReader();
  await reader.read();
  await reader.cancel();
  const given = await within(cancelled, 5000);
  assert.equal(given, true, 'the download goes on');
});

test('an answer that is not the module is handed back as it is; a decoder that is not there is said', async () => {
  const missing = new Response('not here', { status: 404 });
  assert.equal(await unpack(missing, new Response(decoder)), missing);
  const { response, cancelled } = download(packed, () => 65536);
  await assert.rejects(unpack(response, new Response('', { status: 404 })), /cannot be unpacked: its decoder .* answered 404/);
  // Nor is the module downloaded for nothing.
  const given = await within(cancelled, 5000);
  assert.equal(given, true, 'the download goes on without its decoder');
});
