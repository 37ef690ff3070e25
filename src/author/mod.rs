//! Stage 0, authoring: the pure core of the story editor (`editor.html`).
//! A draft is the dataset as JSON while it is being written; these modules
//! turn what an author does (pastes an article, selects words, fills in a
//! form) into changes of it, and say what the reader's widget can show of it.
//!
//! - [`fields`]: every part of the format as a form shows it, in the guide's order;
//! - [`path`]: reading and writing the draft at a validator path;
//! - [`draft`]: new stories, items and ids, and paragraphs edited under their quotes;
//! - [`quote`]: quotes made from a selection, and the figure a quote states;
//! - [`suggest`]: the facts a pasted article states, offered for the author to confirm;
//! - [`state`]: the editor as a pure reducer, with undo and redo ([`history`]);
//! - [`preview`]: the part of a draft with problems that the widget can show;
//! - [`export`]: the draft as a pretty-printed file;
//! - [`drafts`]: the list of drafts kept in the browser.
//!
//! The reader's widget never calls into this module, so none of it is in
//! the reader's download. Pure: no browser types here.

pub mod draft;
pub mod drafts;
pub mod export;
pub mod fields;
pub mod history;
pub mod path;
pub mod preview;
pub mod quote;
pub mod state;
pub mod suggest;
