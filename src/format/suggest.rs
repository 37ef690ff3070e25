//! "Did you mean …?" for misspelt terms, fields and ids.
//!
//! Pure: no browser types here.

/// The candidate closest to `found`, if any is close enough to be a likely
/// typo. Case, `-` and `_` are ignored when comparing, so "armed-grup"
/// suggests "armed_group" and "Hezbolah" suggests "hezbollah".
///
/// ```
/// use dossier::format::suggest::nearest;
/// assert_eq!(nearest("nmae", ["id", "name", "kind"]), Some("name"));
/// assert_eq!(nearest("zzzz", ["id", "name", "kind"]), None);
/// ```
pub fn nearest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let key = fold(found);
    if key.is_empty() {
        return None;
    }
    candidates
        .into_iter()
        .map(|c| (c, strsim::damerau_levenshtein(&key, &fold(c))))
        .filter(|&(c, d)| {
            // Allow about one edit in three characters, and at least one.
            let longest = key.chars().count().max(c.chars().count());
            d <= (longest / 3).max(1)
        })
        .min_by_key(|&(_, d)| d)
        .map(|(c, _)| c)
}

fn fold(s: &str) -> String {
    s.chars()
        .take(80)
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_case_and_separators() {
        assert_eq!(
            nearest("Armed-Group", ["armed_group", "state"]),
            Some("armed_group")
        );
        assert_eq!(
            nearest("hezbolah", ["hezbollah", "hamas"]),
            Some("hezbollah")
        );
    }

    #[test]
    fn refuses_distant_words() {
        assert_eq!(nearest("idf", ["hezbollah", "hamas"]), None);
        assert_eq!(nearest("", ["a"]), None);
    }
}
