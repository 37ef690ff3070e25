// Size report for a release build: raw and gzip bytes of every shipped file,
// then what each page downloads: the first story's page (index.html) and the
// embed page (embed.html) each load their HTML, boot.js (with the widget's JS
// loader in it, web/merge-loader.mjs; a build without node keeps it apart), the widget's
// wasm (packed as LZMA, app-….wasm.lzma, with its decoder unlzma-….wasm: web/lzma.js),
// its stylesheet and its icon, and nothing else, however much the
// reader uses the widget (tests/e2e/download.test.mjs records it). The
// opener (opener*) loads only when a reader opens a file; the editor
// (editor*) only on editor.html.
// The budget applies to the larger of the two pages.
// Usage: node .ci/size-report.mjs dist [--budget-kb N]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const budgetArg = process.argv.indexOf('--budget-kb');
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : null;

function* walk(d) {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const rows = [...walk(dir)].map((p) => {
  const bytes = readFileSync(p);
  return { file: relative(dir, p), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const kb = (n) => (n / 1024).toFixed(1);
const w = Math.max(...rows.map((r) => r.file.length), 5);
console.log(`${'file'.padEnd(w)}  ${'raw B'.padStart(9)}  ${'gzip B'.padStart(9)}  ${'gzip KB'.padStart(8)}`);
for (const r of rows) {
  console.log(`${r.file.padEnd(w)}  ${String(r.raw).padStart(9)}  ${String(r.gzip).padStart(9)}  ${kb(r.gzip).padStart(8)}`);
}
const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
const widget = (f) => /^(boot\.js|app-.*\.(js|wasm|wasm\.lzma)|unlzma-.*\.wasm|main-.*\.css|favicon-.*\.png)$/.test(f);
const page = (html) => rows.filter((r) => r.file === html || widget(r.file));
const opener = rows.filter((r) => /^opener/.test(r.file));
// The editor's page loads its own files and the widget's stylesheet and icon.
const editor = rows.filter((r) => /^editor[-_.]/.test(r.file) || /^(main-.*\.css|favicon-.*\.png)$/.test(r.file));
const line = (label, rs) =>
  console.log(`${label.padEnd(w)}  ${String(sum(rs, 'raw')).padStart(9)}  ${String(sum(rs, 'gzip')).padStart(9)}  ${kb(sum(rs, 'gzip')).padStart(8)}`);
line('total', rows);
line('first story (index.html)', page('index.html'));
line('embed (embed.html)', page('embed.html'));
line('opener (on opening a file)', opener);
line('editor (editor.html)', editor);
const gz = Math.max(sum(page('index.html'), 'gzip'), sum(page('embed.html'), 'gzip'));
if (budgetKb !== null && gz > budgetKb * 1024) {
  console.error(`a reader's page downloads ${kb(gz)} KB gzip, over the budget of ${budgetKb} KB`);
  process.exit(1);
}
