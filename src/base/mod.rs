//! Stage 0, the base: small tools every stage above may use, and which use
//! nothing of Dossier's. A helper that two stages need lives here, never in
//! one of them.
//!
//! - [`case`]: letter case in every script, with the page's own mappings;
//! - [`fold`]: search normalisation (case, accents, transliteration marks);
//! - [`gather`]: collecting into a vector in fewer bytes than `collect`;
//! - [`hash`]: the hash maps and sets of ids and names;
//! - [`html`]: HTML written as text: escaping, and a table of text cells;
//! - [`labels`]: label placement without collisions, and text measurement;
//! - [`lzma`]: decoding the LZMA the reader's module travels in;
//! - [`num`]: numbers in words a reader reads ("1,234,567"), and whole
//!   numbers read back from digits;
//! - [`order`]: sorting, with one sort for the whole download;
//! - [`query`]: query strings and fragments, written and read;
//! - [`set`]: a small ordered set for a filter's values;
//! - [`rng`]: the seeded generator that makes layouts and fixtures reproducible;
//! - [`svg`]: how a number is written into SVG;
//! - [`text`]: finding one text in another, in fewer bytes than std's finder.
//!
//! Pure: no browser types here.

pub mod case;
pub mod fold;
pub mod gather;
pub mod hash;
pub mod html;
pub mod labels;
pub mod lzma;
pub mod num;
pub mod order;
pub mod query;
pub mod rng;
pub mod set;
pub mod svg;
pub mod text;
