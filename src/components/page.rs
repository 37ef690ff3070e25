//! The page as the browser has it, read in one place.

use crate::view::page::{split_fragment, Page};

/// The address the browser shows: the only part of its location read, so
/// that the download carries one binding for it (not one for each part).
fn href() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// The page's location, its query and the embed options it carries.
pub fn current_page() -> Page {
    Page::from_href(&href())
}

/// The current fragment, without its `#`.
pub fn current_fragment() -> String {
    split_fragment(&href()).1.to_owned()
}

/// This page's URL with the given fragment. The query (where an embedding
/// host such as pym.js puts `initialWidth` and `childId`) is kept as it is.
pub fn url_with_fragment(fragment: &str) -> String {
    let href = href();
    let (address, _) = split_fragment(&href);
    if fragment.is_empty() {
        address.to_owned()
    } else {
        format!("{address}#{fragment}")
    }
}
