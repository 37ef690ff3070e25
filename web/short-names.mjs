// Short names for the calls between a wasm module and its JS loader.
//
// wasm-bindgen names each import after the Web API it calls and a hash
// (`__wbg_setAttribute_f75317b2b5cabfb4`), and some exports the same way.
// Each name is written twice, in the module's import or export section and
// in the loader, and the hashes do not compress: about 7 KB gzip of the
// reader's download was these names. This gives each a short one (`a`, `b`,
// …, `aa`, …) in both files, and the loader's import object a short key:
// six characters of the module's own hash, so that a loader and a module of
// different builds (a cached `opener.js` beside a new `opener_bg.wasm`)
// refuse to link rather than link each call to another function.
// No tool does it for a wasm-bindgen build: wasm-opt can minify a module's
// names, but not the loader that must match them.
//
// Usage (web/post-build.sh, release builds): node web/short-names.mjs LOADER.js MODULE.wasm
// Both files are rewritten in place, or neither if anything is unexpected.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const [jsPath, wasmPath] = process.argv.slice(2);
const fail = (why) => {
  console.error(`short-names: ${wasmPath}: ${why}; names left as they are`);
  process.exit(0);
};

process.on('uncaughtException', (e) => fail(e.message));
const bytes = readFileSync(wasmPath);
if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100 || bytes.readUInt32LE(4) !== 1) fail('not a wasm module');
const MODULE = createHash('sha256').update(bytes).digest('base64url').slice(0, 6);

/** An unsigned LEB128 at `at`: [value, next offset]. */
function uleb(at) {
  let value = 0, shift = 0, b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}
const lebBytes = (v) => {
  const out = [];
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
};
const nameBytes = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([lebBytes(b.length), b]);
};
function readName(at) {
  const [len, start] = uleb(at);
  return [bytes.toString('utf8', start, start + len), start + len];
}

// The sections, as [id, start of contents, end].
const sections = [];
for (let at = 8; at < bytes.length;) {
  const id = bytes[at];
  const [size, start] = uleb(at + 1);
  if (start + size > bytes.length) fail('a section runs past the end');
  sections.push([id, start, start + size]);
  at = start + size;
}

// Names wasm-bindgen makes; the module's own exports (`main`, `memory`) keep theirs.
const GLUE = /^(__wbg_|__wbindgen_|__externref_|wasm_bindgen_)/;
const JS_WORDS = new Set(['do', 'if', 'in']);
// A short name must not be a word the loader already uses (a declaration
// renamed to it would shadow or be shadowed), nor an export that keeps its name.
const original = readFileSync(jsPath, 'utf8');
const taken = new Set(original.match(/[A-Za-z_$][\w$]*/g));
/** The export section's entries: each name, and the bytes after it (kind and index). */
function exportsOf(start, end) {
  let [count, at] = uleb(start);
  const entries = [];
  for (let i = 0; i < count; i++) {
    let name;
    [name, at] = readName(at);
    const described = at;
    [, at] = uleb(at + 1);
    entries.push([name, bytes.subarray(described, at)]);
  }
  if (at !== end) fail('the export section does not end where it says');
  return entries;
}
for (const [id, start, end] of sections) {
  if (id === 7) for (const [name] of exportsOf(start, end)) if (!GLUE.test(name)) taken.add(name);
}
const renamed = new Map();
let next = 0;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
function shortName(old) {
  if (!renamed.has(old)) {
    let name;
    do {
      let n = next++;
      name = '';
      do {
        name = LETTERS[n % 52] + name;
        n = Math.floor(n / 52) - 1;
      } while (n >= 0);
    } while (JS_WORDS.has(name) || taken.has(name));
    renamed.set(old, name);
  }
  return renamed.get(old);
}

let importModule = null;
const otherModules = new Set();
const rewritten = new Map(); // section start → new contents
for (const [id, start, end] of sections) {
  if (id === 2) {
    let [count, at] = uleb(start);
    const parts = [lebBytes(count)];
    for (let i = 0; i < count; i++) {
      const entry = at;
      let module, field;
      [module, at] = readName(at);
      [field, at] = readName(at);
      const described = at;
      const kind = bytes[at++];
      if (kind === 0) [, at] = uleb(at);
      else if (kind === 1 || kind === 2) {
        // A typed reference (0x63, 0x64) is longer than the one byte read here.
        if (kind === 1 && [0x63, 0x64].includes(bytes[at++])) fail('an import of a typed reference table');
        const flags = bytes[at++];
        if (flags > 7) fail(`limits with flags ${flags}`);
        [, at] = uleb(at);
        if (flags & 1) [, at] = uleb(at);
      } else if (kind === 3) {
        if ([0x63, 0x64].includes(bytes[at])) fail('an import of a typed reference global');
        at += 2;
      } else fail(`import of kind ${kind}`);
      if (!GLUE.test(field)) {
        otherModules.add(module);
        parts.push(bytes.subarray(entry, at));
        continue;
      }
      if (importModule !== null && importModule !== module) fail('imports from more than one loader');
      importModule = module;
      parts.push(nameBytes(MODULE), nameBytes(shortName(field)), bytes.subarray(described, at));
    }
    if (at !== end) fail('the import section does not end where it says');
    rewritten.set(start, Buffer.concat(parts));
  } else if (id === 7) {
    const entries = exportsOf(start, end);
    const parts = [lebBytes(entries.length)];
    for (const [name, rest] of entries) parts.push(nameBytes(GLUE.test(name) ? shortName(name) : name), rest);
    rewritten.set(start, Buffer.concat(parts));
  }
}
if (importModule === null) fail('no imports from a loader');
if (otherModules.has(importModule)) fail(`${importModule} is imported from under a name this does not rename`);

// The loader: each old name is a whole identifier there; each must be found.
let js = original;
const moduleKey = JSON.stringify(importModule);
if (js.split(moduleKey).length !== 2) fail(`the loader names ${moduleKey} other than once`);
js = js.replace(moduleKey, JSON.stringify(MODULE));
const seen = new Set();
js = js.replace(/[A-Za-z_$][\w$]*/g, (word) => {
  const name = renamed.get(word);
  if (name === undefined) return word;
  seen.add(word);
  return name;
});
for (const old of renamed.keys()) if (!seen.has(old)) fail(`the loader never names ${old}`);

const out = [bytes.subarray(0, 8)];
for (const [id, start, end] of sections) {
  const contents = rewritten.get(start) ?? bytes.subarray(start, end);
  out.push(Buffer.from([id]), lebBytes(contents.length), contents);
}
writeFileSync(`${wasmPath}.tmp`, Buffer.concat(out));
writeFileSync(`${jsPath}.tmp`, js);
renameSync(`${wasmPath}.tmp`, wasmPath);
renameSync(`${jsPath}.tmp`, jsPath);
console.log(`short-names: ${wasmPath}: ${renamed.size} names`);
