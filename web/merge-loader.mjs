// Puts the widget's JS loader (wasm-bindgen's `app-….js`) into boot.js, in
// place of boot.js's `import init from './app-….js';`, so that the page
// asks for one script, not a script that then asks for another. On a
// throttled phone that is one round trip less before the wasm is asked for
// (`make bench`, Lighthouse's mobile throttling applied: the widget live
// about 0.4 s sooner), and one gzip stream less (377 B, `make dist`). No bundler is needed for one module
// with no imports of its own: the loader's code goes into a function of its
// own, so that none of its names meets boot.js's, and the function returns
// what the loader exported as its default (its `init`). (A name the loader
// uses without declaring it, a global, would meet a top-level name of
// boot.js's spelled the same: wasm-bindgen's loader declares what it uses,
// `wasm` included, and otherwise names only the browser's own globals
// (`WebAssembly`, `TextDecoder`…), which boot.js does not declare.)
// The unpacker of the widget's module (web/lzma.js, `import unpack from
// './lzma.js';`) goes in the same way: any module of one default export
// and no imports does, under the name boot.js imports it by.
//
// Usage (web/post-build.sh): node web/merge-loader.mjs BOOT.js LOADER.js
// BOOT.js is rewritten and LOADER.js removed; or, if anything is unexpected,
// both are left as they are (boot.js still imports the loader, and works).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [bootPath, loaderPath] = process.argv.slice(2);
const leave = (why) => {
  console.error(`merge-loader: ${loaderPath}: ${why}; boot.js imports it as before`);
  process.exit(0);
};

const loader = readFileSync(loaderPath, 'utf8');
const boot = readFileSync(bootPath, 'utf8');

// The loader's one export statement, at its end, as wasm-bindgen writes it
// (`export { initSync, __wbg_init as default };`) or minified
// (`export{L as initSync,N as default};`).
const exported = /export\s*\{([^{}]*)\}\s*;?\s*$/.exec(loader);
if (!exported) leave('no export statement at its end');
const init = exported[1]
  .split(',')
  .map((s) => /^\s*([A-Za-z_$][\w$]*)\s+as\s+default\s*$/.exec(s))
  .find(Boolean)?.[1];
if (!init) leave('no default export');
const body = loader.slice(0, exported.index);
// Nothing else may be a module statement: the body runs inside a function.
const statements = /(^|[;{}])\s*(import\s*[{*'"]|import\s+[\w$]+\s*(,|from)|export\s*[{*]|export\s+(default|const|let|var|function|class|async)\b)/m;
if (statements.test(body)) leave('an import or export before its end');

// boot.js's import of it, under whatever name boot.js gives it.
const file = basename(loaderPath).replace(/[.$]/g, '\\$&');
const imports = [...boot.matchAll(new RegExp(`import ([A-Za-z_$][\\w$]*) from '\\./${file}';`, 'g'))];
if (imports.length !== 1) leave(`boot.js does not import it once, as its default`);
const [statement, name] = imports[0];
const merged = boot.replace(statement, () => `const ${name} = (() => {\n${body}\nreturn ${init};\n})();`);

writeFileSync(`${bootPath}.tmp`, merged);
renameSync(`${bootPath}.tmp`, bootPath);
rmSync(loaderPath);
