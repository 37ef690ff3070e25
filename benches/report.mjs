// Collects `make bench`'s figures into one table and docs/PERFORMANCE.md:
// criterion's medians, the in-browser timings and the size of dist/.
//
// Usage: node benches/report.mjs BROWSER.json SIZE.txt LAYOUT.json LIGHTHOUSE.json [SCALE.json] [EDITOR.json]
//   [TWIGGY.json TWIGGY-BASELINE.json] [UNPACK.json]
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [browserJson, sizeTxt, layoutJson, lighthouseJson, scaleJson, editorJson, twiggyJson, twiggyBaseJson, unpackJson] =
  process.argv.slice(2);
const editor = editorJson && existsSync(editorJson) ? JSON.parse(readFileSync(editorJson, 'utf8')) : null;
const editorLines = () => {
  if (!editor) return ['Not run.'];
  const row = (label, k) =>
    `| ${label} | ${editor.current[k].toFixed(1)} ms | ${editor.baseline ? editor.baseline[k].toFixed(1) + ' ms' : '–'} |`;
  return [
    `A key typed into an event's summary, one a frame, ${editor.keys} keys, on a draft of ${editor.events} events (\`node benches/editor.mjs\`),`,
    editor.baseline
      ? 'this build and the baseline build one after the other in one run. The bar: a keystroke\'s work within 16 ms.'
      : 'this build alone (the baseline build has no editor). The bar: a keystroke\'s work within 16 ms.',
    '',
    '| measure | this build | baseline |',
    '|---|---|---|',
    row('a keystroke\'s work (its task and the render), median', 'workMedianMs'),
    row('a keystroke\'s work, 95th percentile', 'workP95Ms'),
    row('a keystroke → next paint, median', 'paintMedianMs'),
    row('a keystroke → next paint, 95th percentile', 'paintP95Ms'),
  ];
};
const scale = scaleJson && existsSync(scaleJson) ? JSON.parse(readFileSync(scaleJson, 'utf8')) : null;
const SCALE_ROWS = [
  ['open-cards', 'ACLED export: "Open file…" → first paint of the cards (a new story opens on them)'],
  ['open-cards-in-page', 'ACLED export: the same, timed in the page from the file input\'s change to the paint (no driver round trips)'],
  ['open-stage-opener', '… of which: change → the opener\'s first reply (the file read and handed over, the opener started, the first 1,000 rows read)'],
  ['open-stage-import', '… of which: first reply → last (the rest of the rows read, the story checked and packed, in the worker)'],
  ['open-stage-page', '… of which: last reply → cards painted (the page decodes the story, indexes it and draws it)'],
  ['open-cards-pressed', 'ACLED export: "Open file…" pressed, the file chosen a second later → first paint of the cards, from the choice'],
  ['open-cards-pressed-in-page', 'ACLED export: the same, timed in the page from the file input\'s change to the paint (the opener warmed up while the file was chosen)'],
  ['open-pressed-stage-import', '… of which: the opener\'s first reply → last (the rest of the rows read, the story checked and packed, in the worker)'],
  ['open-network', 'ACLED export: "Open file…", then Network → its first paint'],
  ['open-charts', 'ACLED export: "Open file…", then Charts → their first paint'],
  ['filter-cards', 'ACLED story: tick a filter → next paint, cards'],
  ['filter-charts', 'ACLED story: tick a filter → next paint, charts (the timeline re-rendered)'],
  ['timeline-elements', 'ACLED story: SVG elements in the timeline'],
  ['network-1000-at-rest', '1,000 actors: link opened → layout at rest on screen'],
  ['hover-1000', '1,000 actors: pointer onto a node → next paint (its ties lit), median of 10'],
  ['drag-1000-median', '1,000 actors: frame interval while dragging a node, median'],
  ['drag-1000-p95', '1,000 actors: frame interval while dragging a node, 95th percentile'],
  ['drag-1000-max', '1,000 actors: frame interval while dragging a node, longest'],
];
const scaleLines = () => {
  if (!scale) return ['Not run.'];
  const base = scale.baseline;
  // Not measured (undefined), or not measurable in that build (null: say, no node to hover).
  const cell = (k, v) => (v == null ? '–' : k === 'timeline-elements' ? String(v) : `${v.toFixed(1)} ms`);
  return [
    `Medians of ${scale.runs} runs per build, interleaved in one run (\`node benches/scale.mjs\`): this build against`,
    `the baseline build \`${process.env.BENCH_BASELINE ?? 'none'}\`, on a ${scale.rows.toLocaleString('en')}-row ACLED-like export and a generated network of 1,000 actors, at 1200 × 900.`,
    'The driver\'s figures run from its own command to its seeing the page change, so they include its round trips and its polling; "timed in the page" runs from the file input\'s change to the paint, as a reader waits. Each "of which" stage is its own median, so they need not add up.',
    '',
    `| measure | this build | baseline | ratio |`,
    '|---|---|---|---|',
    ...SCALE_ROWS.map(([k, label]) => {
      const now = scale.current[k];
      const then = base?.[k];
      const ratio = then ? `${(now / then).toFixed(2)}×` : '–';
      return `| ${label} | ${cell(k, now)} | ${cell(k, then)} | ${ratio} |`;
    }),
  ];
};
const baselineName = `\`${process.env.BENCH_BASELINE ?? 'baseline'}\``;
// twiggy's largest items in the reader's module, as rustc leaves it, this
// build beside the baseline. The custom sections (wasm-bindgen's
// descriptions, the names) never reach the browser, so they are left out.
const twiggyLines = () => {
  const read = (f) => (f && existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
  const shipped = (rows) => rows.filter((r) => !/^custom section|subsection$/.test(r.name));
  const now = read(twiggyJson);
  if (!now) return ['Not run.'];
  const then = read(twiggyBaseJson);
  // Without the hash at the end, nor the crate hashes a build of the
  // standard library from source writes into every path (`yew[94ff…]::`).
  const short = (name) => name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  // A generic's copies share a name: the k-th of a name here stands beside
  // the k-th of it in the baseline (both lists run largest first).
  const before = new Map();
  for (const r of then ? shipped(then) : []) before.set(short(r.name), [...(before.get(short(r.name)) ?? []), r.shallow_size]);
  const seen = new Map();
  const cellOf = (name) => {
    const k = seen.get(name) ?? 0;
    seen.set(name, k + 1);
    const size = before.get(name)?.[k];
    return size !== undefined ? size.toLocaleString('en') : then ? 'not in its top' : '–';
  };
  return [
    `The largest items of \`app.wasm\` before wasm-bindgen and wasm-opt (\`twiggy top\`), in bytes; the baseline's figure for the same item beside it.`,
    '',
    `| item | this build | ${baselineName} |`,
    '|---|---|---|',
    ...shipped(now)
      .slice(0, 25)
      .map((r) => `| \`${short(r.name).replaceAll('|', '\\|')}\` | ${r.shallow_size.toLocaleString('en')} | ${cellOf(short(r.name))} |`),
  ];
};
const unpack = unpackJson && existsSync(unpackJson) ? JSON.parse(readFileSync(unpackJson, 'utf8')) : null;
const unpackLines = () => {
  if (!unpack) return ['Not run.'];
  if (!unpack.packed) return ['This build ships its module unpacked.'];
  const row = (label, net) =>
    `| ${label} | ${['packed', 'plain'].map((v) => `${unpack[net][v].liveMs.toLocaleString('en', { maximumFractionDigits: 0 })} ms`).join(' | ')} | ${(unpack[net].packed.liveMs / unpack[net].plain.liveMs).toFixed(2)}× | ${['packed', 'plain'].map((v) => `${unpack[net][v].blockingMs.toFixed(0)} / ${unpack[net][v].longestMs.toFixed(0)} ms`).join(' | ')} |`;
  return [
    `The first story's page as built (\`${unpack.packed}\`, unpacked in the page as it downloads) against the same page with the module as it was before packing (gzip only), in turns in one run (\`node benches/unpack.mjs\`): from the navigation's start to the widget's \`data-live\`, CPU 4× slower, median of ${unpack.runs} runs. "Blocking / longest" are the page's own long tasks, as in the Lighthouse table above. On the slow network the smaller download counts most; with no network to wait for, the difference is the decoding.`,
    '',
    '| network | live, packed | live, plain | ratio | blocking / longest, packed | blocking / longest, plain |',
    '|---|---|---|---|---|---|',
    row("Lighthouse's mobile (562.5 ms latency, 1,474.56 kbit/s)", 'mobile'),
    row('none (a local server)', 'none'),
  ];
};
const lighthouse = lighthouseJson && existsSync(lighthouseJson) ? JSON.parse(readFileSync(lighthouseJson, 'utf8')) : null;
const budgetKb = Number(readFileSync('.ci/size-budget-kb', 'utf8').trim());
const pageKb = (label) => Number(new RegExp(`^${label}.*?\\s+\\d+\\s+\\d+\\s+([\\d.]+)$`, 'm').exec(readFileSync(sizeTxt, 'utf8'))?.[1]);
const totalKb = Math.max(pageKb('first story'), pageKb('embed'));
const layout = JSON.parse(readFileSync(layoutJson, 'utf8'));
const browser = JSON.parse(readFileSync(browserJson, 'utf8'));
const size = readFileSync(sizeTxt, 'utf8').trim();
const acledNative = existsSync(join(sizeTxt, '..', 'acled-native.txt'))
  ? readFileSync(join(sizeTxt, '..', 'acled-native.txt'), 'utf8').trim()
  : 'not measured';

// target/criterion/<group>/<bench>/<input>/new/estimates.json
function* estimates(dir, name = []) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'report') continue;
    const here = join(dir, entry.name);
    if (entry.name === 'new' && existsSync(join(here, 'estimates.json'))) {
      yield [name.join(' / '), JSON.parse(readFileSync(join(here, 'estimates.json'), 'utf8'))];
    } else if (entry.name !== 'base' && entry.name !== 'change') {
      yield* estimates(here, [...name, entry.name]);
    }
  }
}
const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const native = [...estimates('target/criterion')].map(
  ([name, e]) => `| ${name} | ${fmt(e.median.point_estimate)} | ${fmt(e.median.confidence_interval.lower_bound)} – ${fmt(e.median.confidence_interval.upper_bound)} |`,
);
const ms = (x) => `${x.toFixed(1)} ms`;
const b = browser;
const lines = [
  '# Performance',
  '',
  'Written by `make bench` on the machine that ran it; the figures are that run\'s, side by side.',
  'Medians, because the machine is noisy. Re-run `make bench` to refresh this file.',
  'Browser timings are medians of 21 actions; "work done" ends when the action\'s task and Yew\'s render have finished,',
  '"next paint" when the following frame has been painted, for an action at a random moment in the frame (as a reader\'s click is);',
  '"just after a paint" is the worst moment for an action, a whole frame (up to 16.7 ms at 60 Hz) before the next paint whatever the work.',
  '',
  '## Native (criterion, `cargo bench --bench core`)',
  '',
  '| benchmark | median | 95% interval of the median |',
  '|---|---|---|',
  ...native,
  '',
  `Native command line, \`dossier import acled\` of the same ${b.acled20k.events}-row export (release build, \`/usr/bin/time\`): ${acledNative}.`,
  '',
  '## In the browser (release build, Chromium through playwright-core, `node benches/browser.mjs`)',
  '',
  '| measure | value |',
  '|---|---|',
  `| first story: first contentful paint (median of ${b.firstStory.runs}) | ${ms(b.firstStory.fcpMs)} |`,
  `| first story: first card in the DOM (median of ${b.firstStory.runs}) | ${ms(b.firstStory.firstCardMs)} |`,
  `| ${b.events} generated events: load, parse, validate, first card | ${b.load10k.ms} ms |`,
  `| ${b.events} events: tick a kind filter → work done (filter, counts, render, DOM) | ${ms(b.filterClick10k.work)} |`,
  `| ${b.events} events: tick a kind filter → next paint (min–max) | ${ms(b.filterClick10k.paint)} (${ms(b.filterClick10k.paintMin)}–${ms(b.filterClick10k.paintMax)}) |`,
  `| ${b.events} events: tick a kind filter just after a paint → next paint | ${ms(b.filterClick10k.aligned)} |`,
  `| ${b.events} events: type in the search → work done | ${ms(b.search10k.work)} |`,
  `| ${b.events} events: type in the search → next paint (min–max) | ${ms(b.search10k.paint)} (${ms(b.search10k.paintMin)}–${ms(b.search10k.paintMax)}) |`,
  `| ${b.events} events: type in the search just after a paint → next paint | ${ms(b.search10k.aligned)} |`,
  `| ${b.events} events: tick a kind filter / type in the search → next paint, 95th percentile | ${ms(b.filterClick10k.paintP95)} / ${ms(b.search10k.paintP95)} |`,
  ...(b.load100k
    ? [
        `| ${b.events100k} generated events: load, parse, validate, first card | ${b.load100k.ms} ms (wasm memory ${b.wasmMemory100kMB.toFixed(0)} MB) |`,
        `| ${b.events100k} events: tick a kind filter → work done; next paint median / 95th percentile | ${ms(b.filterClick100k.work)}; ${ms(b.filterClick100k.paint)} / ${ms(b.filterClick100k.paintP95)} |`,
        `| ${b.events100k} events: type in the search → work done; next paint median / 95th percentile | ${ms(b.search100k.work)}; ${ms(b.search100k.paint)} / ${ms(b.search100k.paintP95)} |`,
      ]
    : []),
  `| ${b.events} events: cards in the DOM (windowed) | ${b.cardsRendered} |`,
  `| ${b.events} events: JS heap after GC | ${b.heap10k.usedMB.toFixed(1)} MB used of ${b.heap10k.totalMB.toFixed(1)} MB |`,
  `| ${b.events} events: wasm linear memory | ${b.wasmMemoryMB.toFixed(1)} MB |`,
  `| ACLED export of ${b.acled20k.events} rows: "Open file…" → imported story on screen | ${b.acled20k.ms} ms |`,
  `| ACLED export of ${b.acled20k.events} rows: wasm memory before → after (peak) | ${b.acled20k.wasmBeforeMB.toFixed(1)} → ${b.acled20k.wasmPeakMB.toFixed(1)} MB |`,
  `| ACLED export of ${b.acled20k.events} rows: JS heap after GC | ${b.acled20k.jsHeapMB.toFixed(1)} MB |`,
  `| network of ${b.networkNodes} actors and ${b.networkEdges} ties${b.networkPaths ? ` (${b.networkPaths} paths)` : ''}: frame interval while dragging, median / 95th percentile / max (${b.dragFrames.frames} frames) | ${ms(b.dragFrames.medianMs)} / ${ms(b.dragFrames.p95Ms)} / ${ms(b.dragFrames.maxMs)} |`,
  '',
  '## Stories at scale, against the baseline build',
  '',
  ...scaleLines(),
  '',
  '## Typing in the editor, against the baseline build',
  '',
  ...editorLines(),
  '',
  '## Layout head to head (`node benches/layout-vs-d3.mjs`)',
  '',
  `Our layout compiled to wasm (the shipped release profile) against d3-force 3 in node ${process.version},`,
  'on the same generated graphs (the same LCG), with the same forces (link, many-body −30 with theta 0.9,',
  `centre, collide r = 5) and the same ticks, median of ${layout.runs} interleaved runs. The bar: 3× at 1,000 nodes, and faster at every size.`,
  '',
  '| nodes / links / ticks | Dossier ms per tick | d3-force ms per tick | ratio (d3 ÷ Dossier) | RMS radius after, Dossier / d3 |',
  '|---|---|---|---|---|',
  ...layout.cases.map(
    (c) =>
      `| ${c.nodes} / ${c.links} / ${c.ticks} | ${c.oursMsPerTick.toFixed(3)} | ${c.d3MsPerTick.toFixed(3)} | ${c.ratio.toFixed(2)}× | ${c.oursSpread.toFixed(1)} / ${c.d3Spread.toFixed(1)} |`,
  ),
  '',
  '## Lighthouse (`node benches/lighthouse.mjs`, lighthouse 13, mobile preset, Debian\'s Chromium)',
  '',
  ...(lighthouse
    ? [
        `Median of ${lighthouse.widget.runs} runs per page, by performance score${lighthouse.baseline ? `, this build and ${baselineName} in turns in one run` : ''}; the release build served locally, gzipped (level 9) as a static host serves it, so that the simulated phone downloads what the size budget counts. TBT and TTI (Lighthouse's time to interactive: the widget live on its simulated phone, 4× slower CPU, 1.6 Mbit/s, 150 ms round trips) are the medians of the runs' own; "late LCP" counts the runs whose largest paint came after 2.5 s, and "lowest" is the lowest performance score.`,
        '',
        '"Live, timed" times it instead of estimating it: the page loaded under the throttling Lighthouse applies when it throttles for real (its devtools method for the mobile preset: 562.5 ms request latency, 1,474.56 kbit/s, 4× slower CPU), from the navigation\'s start to the widget\'s `data-live`, median of as many runs. In the same runs, "blocking, timed" is the total blocking time the page itself reports (each task over 50 ms on its main thread, counted past 50 ms, from the navigation\'s start to two seconds after `data-live`), and "longest task" the longest of them: measured under the 4× slower CPU, where Lighthouse\'s TBT is its model\'s estimate from an unthrottled trace and moves by tens of milliseconds between runs of the same build.',
        '',
        '| page | build | performance (lowest) | accessibility | best practices | SEO | FCP | LCP | late LCP | TBT | TTI | CLS | live, timed | blocking, timed | longest task |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...['widget', 'embed'].flatMap((k) =>
          [['this', lighthouse[k]], ...(lighthouse.baseline ? [[baselineName, lighthouse.baseline[k]]] : [])].map(([build, l]) =>
            `| ${k} (\`${l.path}\`) | ${build} | ${l.performance} (${l.performanceMin ?? l.performance}) | ${l.accessibility} | ${l.bestPractices} | ${l.seo} | ${ms(l.fcpMs)} | ${ms(l.lcpMs)} | ${l.lateLcp ?? ''} of ${l.runs} | ${ms(l.tbtMedianMs ?? l.tbtMs)} | ${l.ttiMedianMs === undefined ? '' : ms(l.ttiMedianMs)} | ${l.cls.toFixed(3)} | ${l.liveMs === undefined ? '' : ms(l.liveMs)} | ${l.blockingTimedMs === undefined ? '' : ms(l.blockingTimedMs)} | ${l.longestTaskMs === undefined ? '' : ms(l.longestTaskMs)} |`,
          ),
        ),
        '',
        ...['widget', 'embed'].filter((k) => lighthouse[k].failed.length).map((k) => `Audits below full marks on the ${k} page: ${lighthouse[k].failed.join(', ')}.`),
      ]
    : ['Not run.']),
  '',
  '## Unpacking the reader\'s module',
  '',
  ...unpackLines(),
  '',
  '## Bytes shipped (`make dist`)',
  '',
  `Budget in \`.ci/size-budget-kb\`: ${budgetKb} KB gzip for what a reader\'s page downloads (the larger of index.html and embed.html with what they load), which \`make test\` and \`make bench\` enforce. It comes down with each gain and is never raised; the goal is 120 KB. This build: ${totalKb} KB. The opener loads only when a reader opens a file.`,
  '',
  '```text',
  size,
  '```',
  '',
  '### Where the reader\'s bytes go',
  '',
  ...twiggyLines(),
  '',
];
writeFileSync('docs/PERFORMANCE.md', lines.join('\n'));
console.log(lines.join('\n'));
if (scale?.current.problems?.length) {
  console.error('scale problems:', scale.current.problems);
  process.exit(1);
}
if (b.problems?.length) {
  console.error('browser problems:', b.problems);
  process.exit(1);
}
