// What unpacking the reader's module costs and saves: the first story's
// page as built (its module packed as LZMA, unpacked in the page by
// web/lzma.js) against the same page with the module as it was before
// packing (gzip only), timed to `data-live` with the CPU 4× slower, on
// Lighthouse's throttled mobile network and with no network to wait for.
// On the slow network the download counts most; with none, the difference
// is the decoding. Median of RUNS per variant and network, in turns.
//
// Usage: node benches/unpack.mjs [DIST]   (prints JSON on stdout)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch } from '../tests/e2e/harness.mjs';
import { timeLive, timedMedians, MOBILE } from './live.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const RUNS = Number(process.env.RUNS ?? 5);
const packed = readdirSync(dist).find((f) => f.endsWith('.wasm.lzma'));
if (!packed) {
  console.log(JSON.stringify({ packed: null }));
  process.exit(0);
}
// The plain page: the module unpacked by xz, and boot.js pointed at it
// (boot.js unpacks only a module whose name ends in .lzma).
const plainDir = mkdtempSync(join(tmpdir(), 'dossier-plain-'));
cpSync(dist, plainDir, { recursive: true });
const module = packed.replace(/\.lzma$/, '');
writeFileSync(join(plainDir, module), execFileSync('xz', ['--format=lzma', '-dc', join(dist, packed)], { maxBuffer: 64 << 20 }));
rmSync(join(plainDir, packed));
const boot = readFileSync(join(plainDir, 'boot.js'), 'utf8');
if (!boot.includes(packed)) throw new Error(`boot.js does not name ${packed}`);
writeFileSync(join(plainDir, 'boot.js'), boot.replaceAll(packed, module));

const variants = { packed: await serve({ dir: dist, compress: true }), plain: await serve({ dir: plainDir, compress: true }) };
const networks = { mobile: MOBILE, none: null };
const runs = {};
const browser = await launch();
try {
  for (let i = 0; i < RUNS; i++) {
    for (const [net, conditions] of Object.entries(networks)) {
      for (const [variant, server] of Object.entries(variants)) {
        ((runs[net] ??= {})[variant] ??= []).push(await timeLive(browser, server.url, conditions));
      }
    }
  }
} finally {
  await browser.close();
  for (const s of Object.values(variants)) await s.close();
  rmSync(plainDir, { recursive: true, force: true });
}
const out = { packed, runs: RUNS };
for (const [net, byVariant] of Object.entries(runs)) {
  out[net] = {};
  for (const [variant, list] of Object.entries(byVariant)) {
    out[net][variant] = timedMedians(list);
  }
}
console.log(JSON.stringify(out, null, 2));
