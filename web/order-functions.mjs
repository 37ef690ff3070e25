// Orders a wasm module's functions so that those that read alike sit
// together, for gzip.
//
// rustc and wasm-opt leave a module's functions in the order of the code
// they came from. gzip finds repeats only within its last 32 KB, and many
// functions read alike: each generic's copies, the closures behind the
// views' callbacks, the drop glue. Three kinds of order are written, and
// the one that compresses smallest is kept:
// - by type (the same parameters and results, whose locals are declared
//   alike), in their first order within each type: about 2 KB gzip off
//   the reader's module;
// - a chain, each function followed by the one whose pieces (every run of
//   4 or 5 bytes) are most like those of the last one to four placed (see
//   `chain`), made with 32 settings. The best of them differ by a few
//   hundred bytes from module to module, so each is ranked by how small
//   its functions' bodies compress in its order, without writing the
//   module (cheap; the calls' numbers, which the written module changes,
//   move the written sizes by a few hundred bytes more), and the best two
//   are written. About 2.9 KB more off the reader's module than
//   by type, 1.5 KB off the opener's and 4.5 KB off the editor's (on
//   a013cab's modules); pieces of 5 bytes as well as 4 took about 330 B
//   more off the reader's (on 86732e2's);
// - the best chain mended (see `mend`), until no move helps or 2,000 are
//   tried: about 700 B more off the reader's module (on 86732e2's, where
//   no move helped after some 1,200); the editor's module, ordered again
//   from the order the tool wrote before, came out 1.1 KB smaller.
// No tool does this: wasm-opt's --reorder-functions orders by call
// counts, which made the module larger. It takes 28 s for the reader's
// module, 12 s for the opener's and 66 s for the editor's, most of it in
// `mend`'s gzip runs; web/post-build.sh orders the three side by side. The
// same module is ordered the same way
// by the same Node (whose zlib decides every comparison of sizes).
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
const TRIES = 2000;
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

// Each function's pieces of `width` bytes (every run of that many), each
// piece numbered in the order first met, and how much each says of
// likeness: the log of the functions over those that hold it (a piece most
// functions hold says little). Numbered pieces and typed arrays, not sets
// and maps of the pieces themselves: the chains below read them some
// hundred million times, five times faster so (the editor's 32 chains in
// 12 s rather than 63, the same orders).
function pieces(code, width) {
  const number = new Map();
  const ids = code.map((body) => {
    const own = new Set();
    for (let i = 0; i + width <= body.length; i++) {
      const piece = body.readUIntLE(i, width);
      let id = number.get(piece);
      if (id === undefined) number.set(piece, (id = number.size));
      own.add(id);
    }
    return Int32Array.from(own);
  });
  const count = number.size;
  // Who holds each piece, in the functions' order: piece p's holders are
  // holders[start[p] .. start[p + 1]].
  const start = new Int32Array(count + 1);
  for (const own of ids) for (const p of own) start[p + 1]++;
  for (let p = 0; p < count; p++) start[p + 1] += start[p];
  const holders = new Int32Array(start[count]);
  const fill = start.slice(0, count);
  ids.forEach((own, f) => {
    for (const p of own) holders[fill[p]++] = f;
  });
  const n = code.length;
  const weight = new Float64Array(count);
  for (let p = 0; p < count; p++) weight[p] = Math.log(n / (start[p + 1] - start[p]));
  const mass = ids.map((own) => {
    let sum = 0;
    for (const p of own) sum += weight[p];
    return sum;
  });
  return { ids, start, holders, weight, mass };
}

// The chain: from the first function, each next is the one not yet placed
// whose set of pieces is most like the set of the last `recent` placed:
// Jaccard's measure, each piece weighted (see `pieces`), counting only
// pieces found in at most `common` functions. Each piece's list of holders
// is cut down to those not yet placed as it is read, in the same order.
function chain({ ids, start, holders: all, weight, mass }, recent, common) {
  const n = ids.length;
  const holders = all.slice();
  const end = start.slice(1);
  const seen = new Int32Array(weight.length);
  const placed = new Uint8Array(n);
  const shared = new Float64Array(n);
  const order = [0];
  placed[0] = 1;
  let next = 1;
  const window = [];
  while (order.length < n) {
    const step = order.length;
    window.length = 0;
    for (const f of order.slice(-recent)) {
      for (const p of ids[f]) {
        if (seen[p] === step) continue;
        seen[p] = step;
        window.push(p);
      }
    }
    let held = 0;
    for (const p of window) held += weight[p];
    const met = [];
    for (const p of window) {
      if (start[p + 1] - start[p] > common) continue;
      const w = weight[p];
      let kept = start[p];
      for (let i = start[p]; i < end[p]; i++) {
        const f = holders[i];
        if (placed[f]) continue;
        holders[kept++] = f;
        if (shared[f] === 0) met.push(f);
        shared[f] += w;
      }
      end[p] = kept;
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

// How small the functions' bodies compress, written in `order`.
function packed(code, order) {
  return gzip(Buffer.concat(order.map((f) => code[f])));
}

// The chain mended, move by move. Each function's most alike (Jaccard's
// measure over their pieces, found through the pieces at most a fifth of
// the functions hold) is found once. Then, most out of place first (by how
// much more alike that one is than the function's neighbours in the
// order), a function is tried just after its most alike, and the move is
// kept if the bodies in the new order compress smaller; a move tried is
// not tried again, and after each one kept the rest are ranked anew. No
// draws: a module is mended the same way every time. Moves drawn at random
// (toward the most alike of a few hundred functions drawn) mended half as
// much in as many tries.
function mend(code, { ids, start, holders }, order, tries) {
  const n = order.length;
  const mark = new Int32Array(start.length);
  let marks = 0;
  const alike = (a, b) => {
    marks++;
    for (const p of ids[a]) mark[p] = marks;
    let both = 0;
    for (const p of ids[b]) if (mark[p] === marks) both++;
    return both / (ids[a].length + ids[b].length - both + 1);
  };
  const nearest = new Int32Array(n).fill(-1);
  const nearness = new Float64Array(n);
  const both = new Int32Array(n);
  for (let f = 0; f < n; f++) {
    const met = [];
    for (const p of ids[f]) {
      if (start[p + 1] - start[p] > n / 5) continue;
      for (let i = start[p]; i < start[p + 1]; i++) {
        const g = holders[i];
        if (g === f) continue;
        if (both[g] === 0) met.push(g);
        both[g]++;
      }
    }
    for (const g of met) {
      const s = both[g] / (ids[f].length + ids[g].length - both[g] + 1);
      if (s > nearness[f] || (s === nearness[f] && g < nearest[f])) [nearest[f], nearness[f]] = [g, s];
      both[g] = 0;
    }
  }
  const tried = new Set();
  let best = packed(code, order);
  let left = tries;
  while (left > 0) {
    const at = new Int32Array(n);
    order.forEach((f, i) => (at[f] = i));
    const out = [];
    for (let i = 0; i < n; i++) {
      const f = order[i];
      const g = nearest[f];
      if (g < 0 || Math.abs(at[g] - i) <= 1 || tried.has(f * n + g)) continue;
      const here = Math.max(i > 0 ? alike(f, order[i - 1]) : 0, i + 1 < n ? alike(f, order[i + 1]) : 0);
      if (nearness[f] > here) out.push([nearness[f] - here, f, g]);
    }
    out.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    let kept = false;
    for (const [, f, g] of out) {
      if (left === 0) break;
      left--;
      tried.add(f * n + g);
      const rest = order.filter((x) => x !== f);
      const after = rest.indexOf(g) + 1;
      const moved = rest.slice(0, after).concat([f], rest.slice(after));
      const size = packed(code, moved);
      if (size < best) {
        [order, best] = [moved, size];
        kept = true;
        break;
      }
    }
    if (!kept) break;
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
    // best is mended; the mended one, the best two as they are and the
    // order by type are written, and the smallest module is kept.
    const ranked = [];
    for (const width of [4, 5]) {
      const found = pieces(code, width);
      for (const recent of [1, 2, 3, 4]) {
        for (const common of [n / 40, n / 20, n / 10, n / 5]) {
          const order = chain(found, recent, common);
          ranked.push({ order, size: packed(code, order), found });
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
