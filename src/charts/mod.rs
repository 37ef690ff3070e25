//! Stage 3a, chart geometry: a dataset, the filtered events and a width in
//! pixels in; every mark, label and rule of a chart, in pixels, out.
//!
//! The pipeline, as in Observable Plot: data, then scale, then marks, so
//! that a component only draws values that are already placed.
//! - [`scale`]: linear, band and time scales with "nice" ticks;
//! - [`timeline`]: the events on a time axis;
//! - [`casualty`]: the casualty figures, grouped by side and counter.
//!
//! Label placement and how a number is written into SVG are in
//! [`crate::base`], shared with the network.
//!
//! Pure and deterministic: the same input gives the same geometry, which the
//! snapshot tests in `tests/geometry.rs` hold.

pub mod casualty;
pub mod scale;
pub mod timeline;
