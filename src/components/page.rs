//! The page as the browser has it, read in one place.

use crate::view::page::Page;
use crate::view::state::fragment_of;

/// The page's location, its query and the embed options it carries.
pub fn current_page() -> Page {
    let location = gloo::utils::window().location();
    Page::from_location(
        &location.origin().unwrap_or_default(),
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    )
}

/// The current fragment, without its `#`.
pub fn current_fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    fragment_of(&hash).to_owned()
}

/// This page's URL with the given fragment. The query (where an embedding
/// host such as pym.js puts `initialWidth` and `childId`) is kept as it is.
pub fn url_with_fragment(fragment: &str) -> String {
    let location = gloo::utils::window().location();
    let mut url = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    url
}
