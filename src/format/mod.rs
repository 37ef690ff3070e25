//! Stage 1, the format: JSON text in, a checked [`model::Dataset`] out, or
//! every problem found with its place and reason.
//!
//! - [`model`]: the types of the format, the single source of truth;
//! - [`vocab`]: the controlled vocabularies (kinds, roles, qualifiers);
//! - [`parts`]: the lists of items with ids, and what references point at;
//! - [`date`]: dates at the precision the text gives them;
//! - [`ids`]: ids made from names, for the editor and the importer;
//! - [`validate`]: decoding and checking, problem by problem;
//! - [`suggest`]: "did you mean …?" for misspelt terms and ids;
//! - [`schema`]: the JSON Schema, generated from the types;
//! - [`story`]: the bundled first story, and counts per part.
//!
//! Everything after this stage takes a valid `Dataset` and may rely on its
//! ids resolving. Pure: no browser types here.

pub mod date;
pub mod ids;
pub mod jsonpos;
pub mod model;
pub mod packed;
pub mod parts;
pub mod schema;
pub mod story;
pub mod suggest;
pub mod validate;
pub mod vocab;
