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
// - a chain, each function followed by the one whose pieces (every run of
//   4 or 5 bytes) are most like those of the last one to four placed (see
//   `chain`), tried with 32 settings. The best of them differ by a few
//   hundred bytes from module to module, so each is ranked by how small
//   its functions' bodies compress in its order, without writing the
//   module (cheap, and the same ranking within a few dozen bytes), and
//   only the best two are written. About 2.9 KB more off the reader's
//   module than by type, 1.5 KB off the opener's and 4.5 KB off the
//   editor's (on a013cab's modules); pieces of 5 bytes as well as 4 took
//   about 330 B more off the reader's (on this file's own change).
// - the best chain mended (see `mend`): 600 moves tried, about 400 B more
//   off the reader's module, 200 off the opener's and 350 off the editor's.
// No tool does this: wasm-opt's --reorder-functions orders by call
// counts, which made the module larger. About 1 min 45 s of a release
// build, for the three modules.
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
// How many moves `mend` tries on a module: each compresses its code once.
const TRIES = 600;
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

// Each function's pieces of `width` bytes (every run of that many, as a
// number), and how much each piece says of likeness: the log of the
// functions over those that hold it (a piece most functions hold says
// little).
function pieces(code, width) {
  const sets = code.map((body) => {
    const set = new Set();
    for (let i = 0; i + width <= body.length; i++) set.add(body.readUIntLE(i, width));
    return set;
  });
  const holders = new Map();
  sets.forEach((set, f) => {
    for (const piece of set) {
      const list = holders.get(piece);
      if (list) list.push(f);
      else holders.set(piece, [f]);
    }
  });
  const n = code.length;
  const weight = new Map();
  for (const [piece, list] of holders) weight.set(piece, Math.log(n / list.length));
  const mass = sets.map((set) => {
    let sum = 0;
    for (const piece of set) sum += weight.get(piece);
    return sum;
  });
  return { sets, holders, weight, mass };
}

// The chain: from the first function, each next is the one not yet placed
// whose set of pieces is most like the set of the last `recent` placed:
// Jaccard's measure, each piece weighted (see `pieces`), counting only
// pieces found in at most `common` functions.
function chain({ sets, holders, weight, mass }, recent, common) {
  const n = sets.length;
  const placed = new Uint8Array(n);
  const shared = new Float64Array(n);
  const order = [0];
  placed[0] = 1;
  let next = 1;
  while (order.length < n) {
    const window = new Set();
    for (const f of order.slice(-recent)) for (const piece of sets[f]) window.add(piece);
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

// The chain mended, by trial: a function (with the one or two after it)
// is moved to just after the most alike of some functions drawn at
// random, and the move is kept if the bodies in the new order compress
// smaller. The draws are seeded, so a build is the same every time.
function mend(code, { sets }, order, tries) {
  const size = (o) => gzip(Buffer.concat(o.map((f) => code[f])));
  const alike = (a, b) => {
    const [x, y] = sets[a].size < sets[b].size ? [sets[a], sets[b]] : [sets[b], sets[a]];
    let both = 0;
    for (const piece of x) if (y.has(piece)) both++;
    return both / (sets[a].size + sets[b].size - both + 1);
  };
  let seed = 1;
  const draw = (below) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * below);
  };
  const n = order.length;
  let best = size(order);
  for (let t = 0; t < tries; t++) {
    const at = draw(n);
    const run = order.slice(at, at + 1 + draw(3));
    let to = -1;
    let score = -1;
    for (let k = 0; k < 300; k++) {
      const g = draw(n);
      const s = g === order[at] ? -1 : alike(order[at], g);
      if (s > score) [to, score] = [g, s];
    }
    if (to < 0 || run.includes(to)) continue;
    const rest = order.slice(0, at).concat(order.slice(at + run.length));
    const after = rest.indexOf(to) + 1;
    const moved = rest.slice(0, after).concat(run, rest.slice(after));
    const s = size(moved);
    if (s < best) [order, best] = [moved, s];
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
    // Every chain, ranked by how small its bodies compress in its order
    // (the calls' numbers aside, which the written module changes): the
    // best is mended, and it and the best two as they are are written, as
    // is the order by type, and the smallest module is kept.
    const ranked = [];
    const packed = (order) => gzip(Buffer.concat(order.map((f) => code[f])));
    for (const width of [4, 5]) {
      const found = pieces(code, width);
      for (const recent of [1, 2, 3, 4]) {
        for (const common of [n / 40, n / 20, n / 10, n / 5]) {
          const order = chain(found, recent, common);
          ranked.push({ order, size: packed(order), found });
        }
      }
    }
    ranked.sort((a, b) => a.size - b.size);
    const orders = [
      byType,
      () => mend(code, ranked[0].found, ranked[0].order, TRIES),
      ...ranked.slice(0, 2).map(({ order }) => () => order),
    ];
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
