//! The JSON Schema of the format, generated from the Rust types so that the
//! two never drift. Committed as `docs/dossier.schema.json`; a test fails
//! when the committed copy is stale, and `dossier schema` regenerates it.
//!
//! Pure: no browser types here.

use crate::format::model::Dataset;

/// Where the committed schema lives, relative to the crate root.
pub const SCHEMA_PATH: &str = "docs/dossier.schema.json";

/// The schema as pretty-printed JSON, ending in a newline.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("title".into(), "Dossier dataset (format dossier/1)".into());
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
