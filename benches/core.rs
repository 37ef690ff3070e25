//! Native micro-benchmarks of the pure core (`make bench`). Criterion is a
//! native tool; for wasm32 (linted by `make test`) this is an empty program.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
#[cfg(not(target_arch = "wasm32"))]
use dossier::format::story::FIRST_STORY_JSON;
#[cfg(not(target_arch = "wasm32"))]
use dossier::import::generate;
#[cfg(not(target_arch = "wasm32"))]
use dossier::view::filter::{EventIndex, Filters};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
fn parse_and_validate(c: &mut Criterion) {
    c.bench_function("load first story (parse + validate)", |b| {
        b.iter(|| dossier::format::validate::load(black_box(FIRST_STORY_JSON)).is_ok())
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn acled_import(c: &mut Criterion) {
    let csv = generate::acled_csv(20_000, 5);
    let mut group = c.benchmark_group("acled import");
    group.sample_size(10);
    group.bench_function("20000 rows (parse, map, tallies, validate)", |b| {
        b.iter(|| dossier::import::acled::import(black_box(csv.as_bytes()), "bench.csv").is_ok())
    });
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
fn filtering(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    for n in [10_000usize, 100_000] {
        let ds = generate::dataset(n, 1);
        let index = EventIndex::new(&ds);
        // A typical reader's view: two actors, a kind, a search word.
        let filters = Filters {
            actors: [ds.actors[0].id.clone(), ds.actors[3].id.clone()].into(),
            kinds: ["meeting".to_owned(), "air_drone_strike".to_owned()].into(),
            query: "near".to_owned(),
            ..Filters::default()
        };
        group.bench_with_input(BenchmarkId::new("facets+search", n), &n, |b, _| {
            b.iter(|| index.apply(black_box(&filters)).events.len())
        });
        group.bench_with_input(BenchmarkId::new("no filters", n), &n, |b, _| {
            b.iter(|| index.apply(black_box(&Filters::default())).events.len())
        });
        group.bench_with_input(BenchmarkId::new("build index", n), &n, |b, _| {
            b.iter(|| EventIndex::new(black_box(&ds)).len())
        });
    }
    // An export names thousands of places: every option list is in its
    // order for each tick.
    let csv = generate::acled_csv(20_000, 5);
    let ds = dossier::import::acled::import(csv.as_bytes(), "bench.csv")
        .expect("the export imports")
        .dataset;
    let index = EventIndex::new(&ds);
    let filters = Filters {
        kinds: [ds.events[0].kind.as_str().to_owned()].into(),
        ..Filters::default()
    };
    group.bench_function("acled 20000 rows: a kind ticked", |b| {
        b.iter(|| index.apply(black_box(&filters)).events.len())
    });
    group.finish();
}

/// One tick of the full layout (link, many-body, centre, collide) at 100,
/// 1,000 and 5,000 nodes with three times as many links, after 20 ticks of
/// settling so that the quadtree is typical rather than the start spiral.
#[cfg(not(target_arch = "wasm32"))]
fn layout_tick(c: &mut Criterion) {
    use dossier::graph::layout::{
        center::Center, collide::Collide, link::*, many_body::ManyBody, Simulation,
    };
    let mut group = c.benchmark_group("layout tick");
    for n in [100usize, 1_000, 5_000] {
        let mut rng = dossier::base::rng::Lcg::new(42);
        let links = (0..3 * n)
            .map(|_| Link::new(rng.below(n), rng.below(n)))
            .collect();
        let mut sim = Simulation::new(n, 1)
            .with_force(LinkForce::new(n, links))
            .with_force(ManyBody::new(n, -30.0))
            .with_force(Center::new(0.0, 0.0))
            .with_force(Collide::new(vec![5.0; n]));
        sim.ticks(20);
        // Keep it warm so every measured tick does full work.
        sim.alpha_target = 0.3;
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| sim.tick())
        });
    }
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(
    benches,
    parse_and_validate,
    filtering,
    layout_tick,
    acled_import
);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);
