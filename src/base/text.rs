//! Finding one text in another.

/// Where `needle` first starts in `hay`, in bytes: `str::find` for a text
/// pattern, in fewer bytes. std's finder (the two-way algorithm, with a
/// searcher for every kind of pattern) is made for long texts; the reader
/// looks for a quote in its paragraph or a name in a name, and compares
/// at each place in turn. A match of a whole UTF-8 text can only start at
/// a character's first byte, so the place is always a boundary.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let last = hay.len().checked_sub(needle.len())?;
    let Some(&first) = needle.first() else {
        return Some(0);
    };
    (0..=last).find(|&i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

/// Whether `needle` is in `hay` (see [`find`]).
pub fn has(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `items.join(sep)` in fewer bytes: one loop, where std's join first sums
/// every length with overflow checks, once for each kind of item.
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The place std's `find` gives, in every script and at both ends.
        #[test]
        fn finds_where_std_finds(hay in "[aé€😀 b]{0,40}", needle in "[aé€😀 b]{0,4}") {
            prop_assert_eq!(find(&hay, &needle), hay.find(needle.as_str()));
            prop_assert_eq!(has(&hay, &needle), hay.contains(needle.as_str()));
            let words: Vec<&str> = hay.split(' ').collect();
            prop_assert_eq!(join(&words, &needle), words.join(needle.as_str()));
        }
    }

    #[test]
    fn finds_a_quote_in_its_paragraph() {
        assert_eq!(find("He said “no”.", "“no”"), Some(8));
        assert_eq!(find("short", "longer than it"), None);
        assert_eq!(find("any", ""), Some(0));
    }
}
