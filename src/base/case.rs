//! Letter case in every script: "ΑΘΉΝΑ" → "αθήνα", "community" → "Community".
//!
//! Natively these are std's mappings. In the browser the page already holds
//! Unicode's case mappings (`String.prototype.toLowerCase`), and Rust's own
//! cost a reader kilobytes (the two tables and their code, about 10 KB
//! gzip), so the shell lends the page's
//! to this module at start-up with [`lend`] (see
//! `components::lend_browser_case`). Until they are lent, a wasm build
//! changes the case of ASCII letters only.
//!
//! Pure: the mapping arrives as plain functions; no browser types here.

use std::sync::OnceLock;

/// A case mapping of a whole text.
pub type Mapping = fn(&str) -> String;

static LENT: OnceLock<(Mapping, Mapping)> = OnceLock::new();

/// Use `lower` and `upper` for every later call. The first lending stays.
pub fn lend(lower: Mapping, upper: Mapping) {
    let _ = LENT.set((lower, upper));
}

/// The text in lower case.
///
/// ```
/// assert_eq!(dossier::base::case::lower("Ḥezbollah"), "ḥezbollah");
/// ```
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    match LENT.get() {
        Some((lower, _)) => lower(text),
        None => own_lower(text),
    }
}

/// The text in upper case.
pub fn upper(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    match LENT.get() {
        Some((_, upper)) => upper(text),
        None => own_upper(text),
    }
}

/// The first letter in capitals: "community" → "Community", "ĳssel" → "Ĳssel".
pub fn capitalised(text: &str) -> String {
    match text.chars().next() {
        Some(first) => {
            let n = first.len_utf8();
            upper(&text[..n]) + &text[n..]
        }
        None => String::new(),
    }
}

/// Whether `haystack` contains `needle`, in any case.
pub fn contains_any_case(haystack: &str, needle: &str) -> bool {
    crate::base::text::has(&lower(haystack), &lower(needle))
}

#[cfg(not(target_arch = "wasm32"))]
fn own_lower(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(not(target_arch = "wasm32"))]
fn own_upper(text: &str) -> String {
    text.to_uppercase()
}

#[cfg(target_arch = "wasm32")]
fn own_lower(text: &str) -> String {
    text.to_ascii_lowercase()
}

#[cfg(target_arch = "wasm32")]
fn own_upper(text: &str) -> String {
    text.to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_changes_case() {
        assert_eq!(lower("ΑΘΉΝΑ Київ"), "αθήνα київ");
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(capitalised("élite"), "Élite");
        assert_eq!(capitalised(""), "");
        assert!(contains_any_case("People of KFAR Kila", "kfar kila"));
        assert!(!contains_any_case("Lebanon", "Israel"));
    }
}
