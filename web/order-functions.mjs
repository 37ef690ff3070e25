// Orders a wasm module's functions by their type, for gzip.
//
// rustc and wasm-opt leave a module's functions in the order of the code
// they came from. gzip finds repeats only within its last 32 KB, and the
// functions that read most alike are those of one type (the same
// parameters and results: each generic's copies, the closures behind the
// views' callbacks, the drop glue): their locals are declared alike and
// their bodies start and end alike. Placed together, in their first order
// within each type, the reader's module is about 2 KB gzip smaller
// (the opener's and the editor's about 1 KB). No tool does it: wasm-opt's
// --reorder-functions orders by call counts, which made the module larger.
//
// The module is read and written by binaryen (node_modules, as wasm-opt
// is), which numbers the calls anew; nothing else changes. It is written
// only if it compresses smaller (gzip -9, as .ci/size-report.mjs counts);
// anything unexpected leaves it as it was.
//
// Usage (web/post-build.sh, release builds): node web/order-functions.mjs MODULE.wasm…
import binaryen from 'binaryen';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

for (const path of process.argv.slice(2)) {
  try {
    const bytes = readFileSync(path);
    const module = binaryen.readBinary(bytes);
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
    // Written as wasm-opt writes an optimised module: its stack form
    // optimised (without it, each function keeps locals wasm-opt had removed).
    binaryen.setOptimizeLevel(2);
    binaryen.setShrinkLevel(2);
    binaryen.setGenerateStackIR(true);
    binaryen.setOptimizeStackIR(true);
    const ordered = module.emitBinary();
    module.dispose();
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
