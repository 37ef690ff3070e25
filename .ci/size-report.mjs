// Size report for a release build: raw and gzip bytes of every shipped file,
// and the gzip totals of the reader's widget and of the story editor.
// The budget applies to the reader's files: editor.html and the files named
// editor* are the editor's, which no page of the widget loads.
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
const isEditor = (f) => /^editor[-_.]/.test(f);
const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
const reader = rows.filter((r) => !isEditor(r.file));
// The editor's page loads its own files and the widget's stylesheet and icon.
const editor = rows.filter((r) => isEditor(r.file) || /^(main-.*\.css|favicon-.*\.svg)$/.test(r.file));
const line = (label, rs) =>
  console.log(`${label.padEnd(w)}  ${String(sum(rs, 'raw')).padStart(9)}  ${String(sum(rs, 'gzip')).padStart(9)}  ${kb(sum(rs, 'gzip')).padStart(8)}`);
line('total', rows);
line('reader (widget pages)', reader);
line('editor (editor.html)', editor);
const gz = sum(reader, 'gzip');
if (budgetKb !== null && gz > budgetKb * 1024) {
  console.error(`the reader's gzip total ${kb(gz)} KB exceeds the budget of ${budgetKb} KB`);
  process.exit(1);
}
