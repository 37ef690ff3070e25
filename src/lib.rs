//! Dossier: the structured, sourced facts of a news story, explored in the browser.
//!
//! The crate is a pure core plus a thin shell:
//! - pure modules, free of yew, web-sys and gloo, tested natively with `cargo test`:
//!   [`model`], [`date`], [`vocab`], [`validate`], [`story`], [`filter`],
//!   [`fold`], [`state`], [`present`];
//! - the Yew components in [`components`], which only wire state to markup.

pub mod acled;
pub mod casualty;
pub mod cli;
pub mod date;
pub mod embed;
pub mod filter;
pub mod fold;
pub mod generate;
mod jsonpos;
pub mod labels;
pub mod layout;
pub mod model;
pub mod network;
pub mod noscript;
pub mod present;
pub mod rng;
pub mod scale;
pub mod schema;
pub mod state;
pub mod story;
pub mod suggest;
pub mod timeline;
pub mod validate;
pub mod vocab;

pub mod components;

pub use components::{App, AppProps};
