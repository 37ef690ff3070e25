// Head to head: Dossier's layout (Rust compiled to wasm, as shipped) against
// d3-force in node, on the same generated graph (1,000 nodes, 3,000 links),
// the same forces and the same number of ticks, in the same run.
//
// Usage: node benches/layout-vs-d3.mjs WASM_BINDGEN_OUT_DIR   (prints JSON)
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide } from 'd3-force';

const require = createRequire(import.meta.url);
const { BenchLayout } = require(join(resolve(process.argv[2]), 'layout-bench.js'));

const N = 1000, LINKS = 3000, TICKS = 100, RUNS = 7;

// The same LCG as src/rng.rs, so both sides see the same graph.
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 4294967296);
}
const rand = lcg(42);
const below = (n) => Math.min(Math.floor(rand() * n), n - 1);
const sources = new Uint32Array(LINKS), targets = new Uint32Array(LINKS);
for (let k = 0; k < LINKS; k++) {
  sources[k] = below(N);
  let t = below(N);
  if (t === sources[k]) t = (t + 1) % N;
  targets[k] = t;
}

function d3Run() {
  const nodes = Array.from({ length: N }, () => ({}));
  const links = Array.from(sources, (s, k) => ({ source: s, target: targets[k] }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links))
    .force('charge', forceManyBody())
    .force('center', forceCenter(0, 0))
    .force('collide', forceCollide(5))
    .stop();
  const t0 = performance.now();
  sim.tick(TICKS);
  const ms = (performance.now() - t0) / TICKS;
  return { ms, spread: spread(nodes.flatMap((n) => [n.x, n.y])) };
}

function oursRun() {
  const layout = new BenchLayout(N, sources, targets);
  const t0 = performance.now();
  layout.tick(TICKS);
  const ms = (performance.now() - t0) / TICKS;
  const out = { ms, spread: spread(Array.from(layout.positions())) };
  layout.free();
  return out;
}

// Root-mean-square distance from the centre: both layouts should be alike in size.
function spread(xy) {
  let s = 0;
  for (let i = 0; i < xy.length; i += 2) s += xy[i] ** 2 + xy[i + 1] ** 2;
  return Math.sqrt(s / (xy.length / 2));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = [], d3 = [];
// Interleaved, so that both see the same machine conditions.
for (let r = 0; r < RUNS; r++) {
  d3.push(d3Run());
  ours.push(oursRun());
}
const result = {
  nodes: N,
  links: LINKS,
  ticks: TICKS,
  runs: RUNS,
  oursMsPerTick: median(ours.map((r) => r.ms)),
  d3MsPerTick: median(d3.map((r) => r.ms)),
  oursSpread: median(ours.map((r) => r.spread)),
  d3Spread: median(d3.map((r) => r.spread)),
};
result.ratio = result.d3MsPerTick / result.oursMsPerTick;
console.log(JSON.stringify(result, null, 2));
