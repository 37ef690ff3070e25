//! Ids made from names: `"The Dockworkers' Union"` → `dockworkers-union`.
//! One maker for every id the project makes: the editor's (an item gets
//! its id once, when it is first named, and keeps it when the name is
//! edited: ids appear in shared links and in other items) and the ACLED
//! importer's (actors, events, custom kinds).
//!
//! Pure: no browser types here.

use crate::base::fold::fold;
use crate::base::hash::HashSet;
use crate::format::validate::is_valid_id;

/// The longest id made here (the format allows 64): room for a prefix
/// and a number.
const MAX: usize = 48;

/// Words that begin a name but say nothing: "the harbour master" is
/// `harbour-master`.
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Words an id of a few words leaves out, so that it says more: "Air
/// strike hits a school" is `air-strike-hits-school`, not `…-hits-a`.
const SMALL_WORDS: [&str; 12] = [
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from",
];

/// The words of `name` as an id's parts, at most `words` of them: lower
/// case, accents taken off, other marks dropped, hyphens between.
pub fn slug(name: &str, words: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == '/' || c == '_') {
        // An apostrophe joins ("Workers'" is one word), other marks drop.
        // Accents go as the reader's search folds them ("Île" is "ile");
        // letters of other scripts drop (the id is then numbered).
        let part: String = fold(word)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        let small = if words == usize::MAX {
            parts.is_empty() && ARTICLES.contains(&part.as_str())
        } else {
            SMALL_WORDS.contains(&part.as_str())
        };
        if part.is_empty() || small {
            continue;
        }
        parts.push(part);
        if parts.len() == words {
            break;
        }
    }
    let mut id = parts.join("-");
    if id.len() > MAX {
        // At the end of a word, not inside one: "…-officials", not "…-sa".
        let cut = id.as_bytes()[..=MAX]
            .iter()
            .rposition(|&b| b == b'-')
            .unwrap_or(MAX);
        id.truncate(cut);
        id = id.trim_end_matches('-').to_owned();
    }
    id
}

/// Hands out ids not yet taken: a name whose id is taken, by an earlier
/// name or by a numbered one ("Militia", "militia", "Militia 2"), gets the
/// next free number.
#[derive(Default)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// A maker that will not hand out any of `taken`.
    pub fn with_taken<'a>(taken: impl IntoIterator<Item = &'a str>) -> Self {
        Ids {
            taken: taken.into_iter().map(str::to_owned).collect(),
        }
    }

    /// An id for an item named `name`: the name's first `words` words,
    /// with `prefix` before them (`e-` for events), numbered if needed.
    pub fn make(&mut self, prefix: &str, name: &str, words: usize) -> String {
        let slug = slug(name, words);
        let base = format!("{prefix}{}", if slug.is_empty() { "item" } else { &slug });
        let base = if is_valid_id(&base) {
            base
        } else {
            "item".to_owned()
        };
        let id = (1..)
            .map(|n| match n {
                1 => base.clone(),
                n => format!("{base}-{n}"),
            })
            .find(|id| !self.taken.contains(id))
            .unwrap_or_default();
        self.taken.insert(id.clone());
        id
    }
}

/// An id for an item named `name`, not in `taken`: the name's first words,
/// with `prefix` before them (`e-` for events), numbered if needed.
pub fn make_id<'a>(
    prefix: &str,
    name: &str,
    words: usize,
    taken: impl IntoIterator<Item = &'a str>,
) -> String {
    Ids::with_taken(taken).make(prefix, name, words)
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
        assert_eq!(
            make_id("e-", "Air strike hits a school in the north", 4, []),
            "e-air-strike-hits-school"
        );
        assert_eq!(make_id("e-", "", 4, ["e-item"]), "e-item-2");
        // A long name is cut between words.
        let long = make_id(
            "",
            "Strike on Halvik market kills at least 23, officials say",
            8,
            [],
        );
        assert!(
            long.len() <= MAX
                && "strike-halvik-market-kills-least-23-officials-say".starts_with(&long),
            "{long}"
        );
        assert!(
            ["officials", "23"].iter().any(|w| long.ends_with(w)),
            "{long}"
        );
        for name in ["a", "The", "—", "x".repeat(200).as_str(), "Ωmega 12"] {
            assert!(is_valid_id(&make_id("t-", name, 6, [])), "{name}");
        }
    }
}
