//! Stage 2, the reader's view: a dataset and the reader's choices in, the
//! events to show and the words to show them with out.
//!
//! - [`state`]: the view (filters, search, sort, selection, which view) as a
//!   pure reducer over named actions, and its URL fragment;
//! - [`filter`]: the filters applied to an index of the events, with the
//!   count behind every option;
//! - [`present`]: how facts read: dates, counts, statuses, attributions;
//! - [`embed`]: the options an embed URL carries, the host messages, the embed code;
//! - [`page`]: where the widget runs, and the addresses of its views;
//! - [`app`]: the widget's own state around the story (loading, opening a
//!   file, notices), as a pure reducer;
//! - [`noscript`]: the key facts as plain HTML for readers without JavaScript.
//!
//! Pure: no browser types here; the components in [`crate::components`] wire
//! these to markup.

pub mod app;
pub mod embed;
pub mod filter;
pub mod noscript;
pub mod page;
pub mod present;
pub mod state;
