//! Stage 1′, import: other shapes of data in, a [`crate::format::model::Dataset`] out.
//!
//! - [`acled`]: an ACLED export (CSV), in steps, with the rows it had to skip
//!   and why;
//! - [`generate`]: deterministic synthetic stories and ACLED exports of any
//!   size, for tests, benchmarks and `dossier generate`, and the small
//!   export the opener warms up on ([`crate::open::WarmUp`]);
//! - `shapes` (native only): stories of every shape (a hub, a story-week, a
//!   one-day story, parallel ties, custom kinds, a long span, hundreds of
//!   actors, an ACLED export of thousands of rows) for `dossier fixture`.
//!
//! Both produce datasets that pass [`crate::format::validate`]. Pure: no
//! browser types here.

pub mod acled;
// The reader's module never makes a story, so the generator stays out of
// its download; the opener's module warms up on one of its exports.
pub mod generate;
#[cfg(not(target_arch = "wasm32"))]
pub mod shapes;
