//! Dossier: the structured, sourced facts of a news story, explored in the browser.
//!
//! The crate is a pure core in stages, and a thin shell:
//!
//! ```text
//!  JSON ─┐
//!        ├─▶ format ──▶ Dataset ──▶ view ──▶ filtered events, words ─┬─▶ charts ─▶ marks in px ─┐
//!  CSV ──┘   (import)   (checked)   (state, filter, present)         └─▶ graph ──▶ nodes, ties ──┴─▶ components ─▶ DOM
//! ```
//!
//! - [`author`]: the story editor's core: drafts, quotes from selections, forms;
//! - [`format`]: the data format, its vocabularies and its validator;
//! - [`import`]: ACLED exports, and generated stories for tests;
//! - [`view`]: the reader's state as a pure reducer, filtering, and how facts read;
//! - [`charts`]: the timeline's and the casualty chart's geometry;
//! - [`graph`]: the actor network and its force layout;
//! - [`components`]: the Yew components, which only wire state to markup;
//! - [`cli`]: the `dossier` command line.
//!
//! Every module but `components` is free of yew, web-sys and gloo, and is
//! tested natively with `cargo test`.

/// Every wasm module's allocator: talc, in place of the standard library's
/// dlmalloc for wasm32, is a few kilobytes smaller in the download and
/// faster at the small allocations a render makes by the thousand. The
/// modules are single-threaded (no atomics), as talc's wasm allocator needs.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod author;
pub mod base;
pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod format;
pub mod graph;
pub mod import;
pub mod open;
pub mod view;

pub mod components;

pub use components::{App, AppProps};
