// Orders a wasm module's functions so that those that read alike sit
// together, for gzip.
//
// rustc and wasm-opt leave a module's functions in the order of the code
// they came from. gzip finds repeats only within its last 32 KB, and many
// functions read alike: each generic's copies, the closures behind the
// views' callbacks, the drop glue. Two kinds of order are tried, and the
// one that compresses smallest is kept:
// - by type (the same parameters and results, whose locals are declared
//   alike), in their first order within each type: about 2 KB gzip off
//   the reader's module;
// - a chain, each function followed by the one whose 4-byte pieces are
//   most like those of the last one to four placed (see `chain`), tried
//   with twenty settings (the best of them differ by a few hundred bytes
//   from module to module; seven left the reader's module up to 150 B
//   larger): about 2.9 KB more off the reader's module, 1.5 KB off the
//   opener's and 4.5 KB off the editor's (on a013cab's modules; ours: no
//   tool does it, and wasm-opt's --reorder-functions orders by call
//   counts, which made the module larger). About 40 s of a release build.
//
// The module is read and written again by binaryen (node_modules, as
// wasm-opt is): the same functions, imports, exports and tables, the calls
// numbered anew, each function's locals as binaryen declares them (a few
// more than wasm-opt left). It is written only if it is valid, for binaryen
// and for V8, and compresses smaller (gzip -9, as .ci/size-report.mjs
// counts); anything unexpected, binaryen missing included, leaves it as it
// was.
//
// Usage (web/post-build.sh, release builds): node web/order-functions.mjs MODULE.wasm…
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const binaryen = await import('binaryen').then(
  (m) => m.default,
  () => {
    console.error('order-functions: no binaryen in node_modules; modules left as they are');
    process.exit(0);
  },
);
// What rustc's wasm32 target and .cargo/config.toml (SIMD) let the modules
// use: binaryen reads and checks them with these on (the modules carry no
// target-features section by now), and no others (GC would change how a
// reference is written).
const F = binaryen.Features;
const FEATURES =
  F.MutableGlobals | F.NontrappingFPToInt | F.SIMD128 | F.BulkMemory | F.BulkMemoryOpt |
  F.SignExt | F.ReferenceTypes | F.Multivalue;
// Written as wasm-opt writes an optimised module: its stack form optimised
// (without it, each function keeps locals wasm-opt had removed).
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setGenerateStackIR(true);
binaryen.setOptimizeStackIR(true);

// The bodies of a module's functions, in its order (its code section).
function bodies(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value |= (byte & 127) << shift;
      shift += 7;
    } while (byte & 128);
    return value >>> 0;
  };
  const found = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = leb() + at;
    if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const size = leb();
        found.push(bytes.subarray(at, at + size));
        at += size;
      }
    }
    at = end;
  }
  return found;
}

// The chain: from the first function, each next is the one not yet placed
// whose set of 4-byte pieces is most like the set of the last `recent`
// placed: Jaccard's measure, each piece weighted by how rare it is (the
// log of the functions over those that hold it: a piece most functions
// hold says little of likeness), counting only pieces found in at most
// `common` functions.
function chain(code, recent, common) {
  const pieces = code.map((body) => {
    const set = new Set();
    for (let i = 0; i + 4 <= body.length; i++) set.add(body.readUInt32LE(i));
    return set;
  });
  const holders = new Map();
  pieces.forEach((set, f) => {
    for (const piece of set) {
      const list = holders.get(piece);
      if (list) list.push(f);
      else holders.set(piece, [f]);
    }
  });
  const n = code.length;
  const weight = new Map();
  for (const [piece, list] of holders) weight.set(piece, Math.log(n / list.length));
  const mass = pieces.map((set) => {
    let sum = 0;
    for (const piece of set) sum += weight.get(piece);
    return sum;
  });
  const placed = new Uint8Array(n);
  const shared = new Float64Array(n);
  const order = [0];
  placed[0] = 1;
  let next = 1;
  while (order.length < n) {
    const window = new Set();
    for (const f of order.slice(-recent)) for (const piece of pieces[f]) window.add(piece);
    let held = 0;
    for (const piece of window) held += weight.get(piece);
    const met = [];
    for (const piece of window) {
      const list = holders.get(piece);
      if (list.length > common) continue;
      const w = weight.get(piece);
      for (const f of list) {
        if (placed[f]) continue;
        if (shared[f] === 0) met.push(f);
        shared[f] += w;
      }
    }
    let best = -1;
    let score = -1;
    for (const f of met) {
      const s = shared[f] / (held + mass[f] - shared[f] + 1e-9);
      if (s > score || (s === score && f < best)) [best, score] = [f, s];
      shared[f] = 0;
    }
    // Nothing alike is left: the first not yet placed.
    if (best < 0) {
      while (placed[next]) next++;
      best = next;
    }
    placed[best] = 1;
    order.push(best);
  }
  return order;
}

for (const path of process.argv.slice(2)) {
  try {
    const bytes = readFileSync(path);
    const code = bodies(bytes).map((body) => Buffer.from(body));
    const n = code.length;
    const byType = (module, defined) => {
      const keys = defined.map(
        (info) =>
          `${binaryen.expandType(info.params).join(',')}>${binaryen.expandType(info.results).join(',')}`,
      );
      return defined
        .map((_, i) => i)
        .sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    };
    const orders = [byType];
    for (const recent of [1, 2, 3, 4]) {
      for (const common of [n / 80, n / 40, n / 20, n / 10, n / 5]) orders.push(() => chain(code, recent, common));
    }
    let best = bytes;
    for (const orderOf of orders) {
      const module = binaryen.readBinary(bytes);
      module.setFeatures(FEATURES);
      const defined = [];
      for (let i = 0; i < module.getNumFunctions(); i++) {
        const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
        if (!info.module) defined.push(info);
      }
      if (defined.length !== n) throw new Error('its functions are not those of its code section');
      // A function removed and added again goes to the end: added in the
      // new order, they are written in it. Its body is the module's, kept.
      for (const i of orderOf(module, defined)) {
        const { name, params, results, vars, body } = defined[i];
        module.removeFunction(name);
        module.addFunction(name, params, results, vars, body);
      }
      const ordered = module.emitBinary();
      const valid = module.validate() && WebAssembly.validate(ordered);
      module.dispose();
      if (!valid) throw new Error('the ordered module is not valid');
      if (gzip(ordered) < gzip(best)) best = ordered;
    }
    if (best !== bytes) {
      writeFileSync(`${path}.tmp`, best);
      renameSync(`${path}.tmp`, path);
    }
    console.error(`order-functions: ${path}: ${gzip(bytes)} -> ${gzip(best)} B gzip`);
  } catch (e) {
    console.error(`order-functions: ${path}: ${e.message}; left as it was`);
  }
}
