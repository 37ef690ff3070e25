// Head to head: Dossier's layout (Rust compiled to wasm, as shipped) against
// d3-force in node, on the same generated graphs (from 30 nodes to 5,000,
// with twice or three times as many links), the same forces and the same
// number of ticks, in the same run.
//
// Usage: node benches/layout-vs-d3.mjs WASM_BINDGEN_OUT_DIR   (prints JSON)
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide } from 'd3-force';

const require = createRequire(import.meta.url);
const { BenchLayout } = require(join(resolve(process.argv[2]), 'layout-bench.js'));

// Each graph: nodes, links, ticks. The small ones run a whole cooling.
const CASES = [
  [30, 60, 300],
  [200, 600, 300],
  [1000, 3000, 100],
  [5000, 15000, 20],
];
const RUNS = 7;

// The same LCG as src/base/rng.rs, so both sides see the same graph.
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(1664525, s) + 1013904223) >>> 0) / 4294967296);
}

function graph(n, count) {
  const rand = lcg(42);
  const below = (k) => Math.min(Math.floor(rand() * k), k - 1);
  const sources = new Uint32Array(count), targets = new Uint32Array(count);
  for (let k = 0; k < count; k++) {
    sources[k] = below(n);
    let t = below(n);
    if (t === sources[k]) t = (t + 1) % n;
    targets[k] = t;
  }
  return { sources, targets };
}

function d3Run(n, { sources, targets }, ticks) {
  const nodes = Array.from({ length: n }, () => ({}));
  const links = Array.from(sources, (s, k) => ({ source: s, target: targets[k] }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links))
    .force('charge', forceManyBody())
    .force('center', forceCenter(0, 0))
    .force('collide', forceCollide(5))
    .stop();
  const t0 = performance.now();
  sim.tick(ticks);
  const ms = (performance.now() - t0) / ticks;
  return { ms, spread: spread(nodes.flatMap((d) => [d.x, d.y])) };
}

function oursRun(n, { sources, targets }, ticks) {
  const layout = new BenchLayout(n, sources, targets);
  const t0 = performance.now();
  layout.tick(ticks);
  const ms = (performance.now() - t0) / ticks;
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
const cases = CASES.map(([nodes, links, ticks]) => {
  const g = graph(nodes, links);
  const ours = [], d3 = [];
  // Interleaved, so that both see the same machine conditions.
  for (let r = 0; r < RUNS; r++) {
    d3.push(d3Run(nodes, g, ticks));
    ours.push(oursRun(nodes, g, ticks));
  }
  const c = {
    nodes,
    links,
    ticks,
    oursMsPerTick: median(ours.map((r) => r.ms)),
    d3MsPerTick: median(d3.map((r) => r.ms)),
    oursSpread: median(ours.map((r) => r.spread)),
    d3Spread: median(d3.map((r) => r.spread)),
  };
  c.ratio = c.d3MsPerTick / c.oursMsPerTick;
  return c;
});
console.log(JSON.stringify({ runs: RUNS, cases }, null, 2));
