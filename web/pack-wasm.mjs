// Packs a wasm module as LZMA for web/lzma.js to decode in the page:
// MODULE.wasm becomes MODULE.wasm.lzma, once the packed file has been
// decoded here, with that same decoder, back to the module's exact bytes.
//
// xz (xz-utils) does the encoding: `--format=lzma`, preset 9e, with four
// literal context bits and no position bits, which suit a wasm module's
// bytes best (web/pack-wasm.mjs on the reader's module: 152,436 B against
// 152,891 B with xz's defaults). xz writes "size unknown" in the header;
// the module's size is written there instead, for the decoder to allocate
// its output once.
//
// Usage (web/post-build.sh, release builds):
//   node web/pack-wasm.mjs MODULE.wasm DECODER.wasm
// where DECODER.wasm is the decoder's module (src/bin/unlzma.rs).
// Without xz, or if anything is unexpected, it leaves the module as it is
// and says why on stderr: the build then works, but the first story's
// download is over its budget (.ci/size-budget-kb assumes the packing), and
// `make test` says so.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import unpack from './lzma.js';

const [path, decoder] = process.argv.slice(2);
const leave = (why) => {
  console.error(`pack-wasm: ${path}: ${why}; the module ships as it is`);
  process.exit(0);
};

const module = readFileSync(path);
const xz = spawnSync('xz', ['--format=lzma', '--lzma1=preset=9e,lc=4,lp=0,pb=0', '--stdout', path], {
  maxBuffer: 1 << 30,
});
if (xz.error || xz.status !== 0) leave(`xz did not run (${xz.error?.message ?? xz.stderr})`);
const packed = Buffer.from(xz.stdout);
if (packed.length < 13 || packed.readBigUInt64LE(5) !== 0xffffffffffffffffn) leave('xz wrote an unexpected header');
packed.writeBigUInt64LE(BigInt(module.length), 5);

let back;
try {
  back = new Uint8Array(await (await unpack(new Response(packed), new Response(readFileSync(decoder)))).arrayBuffer());
} catch (e) {
  leave(`the packed module does not decode (${e.message})`);
}
if (Buffer.compare(back, module) !== 0) leave('the packed module does not decode to the same bytes');

writeFileSync(`${path}.lzma`, packed);
rmSync(path);
