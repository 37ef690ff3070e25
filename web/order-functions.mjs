// Orders a wasm module's functions by their type, for gzip.
//
// rustc and wasm-opt leave a module's functions in the order of the code
// they came from. gzip finds repeats only within its last 32 KB, and the
// functions that read most alike are those of one type (the same
// parameters and results: each generic's copies, the closures behind the
// views' callbacks, the drop glue): their locals are declared alike and
// their bodies start and end alike. Placed together, in their first order
// within each type, the reader's module is about 2 KB gzip smaller (the
// opener's 0.7 KB, the editor's 7 KB). No tool does it: wasm-opt's
// --reorder-functions orders by call counts, which made the module larger.
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

for (const path of process.argv.slice(2)) {
  try {
    const bytes = readFileSync(path);
    const module = binaryen.readBinary(bytes);
    module.setFeatures(FEATURES);
    const defined = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
      if (!info.module) defined.push(info);
    }
    const type = (info) =>
      `${binaryen.expandType(info.params).join(',')}>${binaryen.expandType(info.results).join(',')}`;
    const keys = defined.map(type);
    const order = defined
      .map((_, i) => i)
      .sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
    // A function removed and added again goes to the end: added in the
    // new order, they are written in it. Its body is the module's, kept.
    for (const i of order) {
      const { name, params, results, vars, body } = defined[i];
      module.removeFunction(name);
      module.addFunction(name, params, results, vars, body);
    }
    const ordered = module.emitBinary();
    const valid = module.validate() && WebAssembly.validate(ordered);
    module.dispose();
    if (!valid) throw new Error('the ordered module is not valid');
    const [before, after] = [gzip(bytes), gzip(ordered)];
    if (after < before) {
      writeFileSync(`${path}.tmp`, ordered);
      renameSync(`${path}.tmp`, path);
    }
    console.error(`order-functions: ${path}: ${before} -> ${Math.min(before, after)} B gzip`);
  } catch (e) {
    console.error(`order-functions: ${path}: ${e.message}; left as it was`);
  }
}
