//! Ids made from names: `"The Dockworkers' Union"` → `dockworkers-union`.
//! An item gets its id once, when it is first named, and keeps it when the
//! name is edited: ids appear in shared links and in other items.
//!
//! Pure: no browser types here.

use crate::base::fold::fold;
use crate::format::validate::is_valid_id;

/// The longest id the editor makes (the format allows 64).
const MAX: usize = 48;

/// Words that begin a name but say nothing: "the harbour master" is
/// `harbour-master`.
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// The words of `name` as an id's parts, at most `words` of them.
fn slug_words(name: &str, words: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '_') {
        // An apostrophe joins ("Workers'" is one word), other marks drop.
        // Accents go as the reader's search folds them ("Île" is "ile");
        // letters of other scripts drop (the id is then numbered).
        let part: String = fold(word)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if part.is_empty() || (parts.is_empty() && ARTICLES.contains(&part.as_str())) {
            continue;
        }
        parts.push(part);
        if parts.len() == words {
            break;
        }
    }
    let mut id = parts.join("-");
    if id.len() > MAX {
        id.truncate(MAX);
        id = id.trim_end_matches('-').to_owned();
    }
    id
}

/// An id for an item named `name`, not in `taken`: the name's first words,
/// with `prefix` before them (`e-` for events), numbered if needed.
pub fn make_id<'a>(
    prefix: &str,
    name: &str,
    words: usize,
    taken: impl IntoIterator<Item = &'a str>,
) -> String {
    let taken: Vec<&str> = taken.into_iter().collect();
    let slug = slug_words(name, words);
    let base = if slug.is_empty() {
        format!("{}item", prefix)
    } else {
        format!("{prefix}{slug}")
    };
    let base = if is_valid_id(&base) {
        base
    } else {
        "item".to_owned()
    };
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_like_their_names() {
        assert_eq!(
            make_id("", "The Dockworkers' Union", 6, []),
            "dockworkers-union"
        );
        assert_eq!(make_id("", "the harbour master", 6, []), "harbour-master");
        assert_eq!(make_id("", "Saleh al-Arouri", 6, []), "saleh-al-arouri");
        assert_eq!(
            make_id("", "Île-de-France Préfecture", 6, []),
            "ile-de-france-prefecture"
        );
        assert_eq!(
            make_id("e-", "Dockworkers walk out, halting the port.", 4, []),
            "e-dockworkers-walk-out-halting"
        );
        assert_eq!(
            make_id("", "Hezbollah", 6, ["hezbollah", "hezbollah-2"]),
            "hezbollah-3"
        );
        assert_eq!(make_id("", "حزب الله", 6, []), "item");
        assert_eq!(make_id("e-", "", 4, ["e-item"]), "e-item-2");
        for name in ["a", "The", "—", "x".repeat(200).as_str(), "Ωmega 12"] {
            assert!(is_valid_id(&make_id("t-", name, 6, [])), "{name}");
        }
    }
}
