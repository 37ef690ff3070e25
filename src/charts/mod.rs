//! Stage 3a, chart geometry: a dataset, the filtered events and a width in
//! pixels in; every mark, label and rule of a chart, in pixels, out.
//!
//! The pipeline, as in Observable Plot: data, then scale, then marks, so
//! that a component only draws values that are already placed.
//! - [`scale`]: linear, band and time scales with "nice" ticks;
//! - [`labels`]: label placement without collisions, and text measurement;
//! - [`timeline`]: the events on a time axis;
//! - [`casualty`]: the casualty figures, grouped by side and counter;
//! - [`svg`]: how a number is written into SVG.
//!
//! Pure and deterministic: the same input gives the same geometry, which the
//! snapshot tests in `tests/geometry.rs` hold.

pub mod casualty;
pub mod labels;
pub mod scale;
pub mod svg;
pub mod timeline;
