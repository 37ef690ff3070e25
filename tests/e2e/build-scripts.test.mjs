// The release build's own scripts, on small inputs: web/merge-loader.mjs
// puts a wasm-bindgen loader into boot.js, or leaves both files working as
// they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './harness.mjs';

const MERGE = join(ROOT, 'web/merge-loader.mjs');
const BOOT = "import init from './app-1.js';\nconst wasm = 'boot';\nexport const got = [init(), wasm];\n";

/** Run merge-loader on a loader's text; the folder, boot.js's text and whether the loader is left. */
function merge(loader) {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-merge-'));
  writeFileSync(join(dir, 'boot.js'), BOOT);
  writeFileSync(join(dir, 'app-1.js'), loader);
  execFileSync(process.execPath, [MERGE, join(dir, 'boot.js'), join(dir, 'app-1.js')], { stdio: 'pipe' });
  return { dir, boot: readFileSync(join(dir, 'boot.js'), 'utf8'), left: existsSync(join(dir, 'app-1.js')) };
}

for (const [form, loader] of [
  ['as wasm-bindgen writes it', "let wasm;\nfunction __wbg_init() { return 'started ' + typeof wasm; }\nfunction initSync() {}\n\nexport { initSync, __wbg_init as default };\n"],
  ['minified', 'let n;function N(){return"started "+typeof n}function L(){}export{L as initSync,N as default};'],
]) {
  test(`a loader ${form} goes into boot.js, its names kept apart from boot.js's`, async () => {
    const { dir, boot, left } = merge(loader);
    assert.equal(left, false, 'the loader file is removed');
    assert.doesNotMatch(boot, /import init/);
    const { got } = await import(pathToFileURL(join(dir, 'boot.js')).href);
    // The loader's own `wasm` (undefined here) is not boot.js's.
    assert.deepEqual(got, ['started undefined', 'boot']);
  });
}

for (const [what, loader] of [
  ['exports more than its init (as the opener does)', 'export function open() {}\nfunction N() {}\nexport { N as default };\n'],
  ['has no default export', 'function L() {}\nexport { L as initSync };\n'],
  ['ends in something after its export', 'function N() {}\nexport { N as default };\n//# sourceMappingURL=app-1.js.map\n'],
]) {
  test(`a loader that ${what} is left apart, and boot.js imports it as before`, () => {
    const { boot, left } = merge(loader);
    assert.equal(left, true);
    assert.equal(boot, BOOT);
  });
}
