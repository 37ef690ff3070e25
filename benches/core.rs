//! Native micro-benchmarks of the pure core (`make bench`). Criterion is a
//! native tool; for wasm32 (linted by `make test`) this is an empty program.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
#[cfg(not(target_arch = "wasm32"))]
use dossier::filter::{EventIndex, Filters};
#[cfg(not(target_arch = "wasm32"))]
use dossier::generate;
#[cfg(not(target_arch = "wasm32"))]
use dossier::story::FIRST_STORY_JSON;
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
fn parse_and_validate(c: &mut Criterion) {
    c.bench_function("load first story (parse + validate)", |b| {
        b.iter(|| dossier::validate::load(black_box(FIRST_STORY_JSON)).is_ok())
    });
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
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, parse_and_validate, filtering);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);
