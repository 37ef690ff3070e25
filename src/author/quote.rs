//! Quotes made from a selection in the article: the exact words, never
//! typed, and the figure a quote states.
//!
//! Pure: no browser types here.

use serde_json::{json, Value};

/// Text selected in one paragraph: its number (counting from 1) and the
/// selection's ends as the browser gives them, in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
}

/// A byte offset into `s` from a UTF-16 offset (clamped to the end): the
/// browser counts text in UTF-16 units.
pub fn byte_at(s: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in s.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    s.len()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// The quote a selection makes in `paragraph`: widened to whole words (a
/// drag that starts mid-word takes the word), trimmed of spaces and of
/// punctuation that hangs at its ends. `None` for a selection of nothing.
pub fn quote_in(paragraph: &str, start: u32, end: u32) -> Option<&str> {
    let (a, b) = (start.min(end), start.max(end));
    let (mut a, mut b) = (byte_at(paragraph, a), byte_at(paragraph, b));
    if a >= b {
        return None;
    }
    // Widen to whole words, but only when the selection cuts into one.
    let before = |i: usize| paragraph[..i].chars().next_back();
    let after = |i: usize| paragraph[i..].chars().next();
    if before(a).is_some_and(is_word) && after(a).is_some_and(is_word) {
        while let Some(c) = before(a).filter(|c| is_word(*c)) {
            a -= c.len_utf8();
        }
    }
    if before(b).is_some_and(is_word) && after(b).is_some_and(is_word) {
        while let Some(c) = after(b).filter(|c| is_word(*c)) {
            b += c.len_utf8();
        }
    }
    let quote = paragraph[a..b]
        .trim()
        .trim_start_matches([',', ';', ':', '.'])
        .trim_end_matches([',', ';', ':'])
        .trim();
    (!quote.is_empty()).then_some(quote)
}

/// A provenance entry for a quote.
pub fn provenance(source: &str, quote: &str, paragraph: u32) -> Value {
    json!({ "source": source, "quote": quote, "paragraph": paragraph })
}

/// The first number a quote states, with the qualifier its words give it:
/// "at least 40 ships" → `{"qualifier": "at_least", "value": 40}`; number
/// words up to twenty count too ("three journalists").
pub fn count_in(quote: &str) -> Option<Value> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    const QUALIFIERS: [(&str, &str); 9] = [
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("up to", "up_to"),
        ("about", "approximately"),
        ("around", "approximately"),
        ("nearly", "approximately"),
        ("some", "approximately"),
    ];
    let lower = quote.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        let value = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            digits.parse::<u64>().ok()
        } else {
            WORDS.iter().position(|n| n == w).map(|n| n as u64)
        };
        let Some(value) = value else { continue };
        // A year is not a count.
        if (1900..=2100).contains(&value) && w.len() == 4 {
            continue;
        }
        let before = words[..i].join(" ");
        let qualifier = QUALIFIERS
            .iter()
            .find(|(phrase, _)| before.ends_with(phrase))
            .map_or("exact", |(_, q)| q);
        return Some(json!({ "qualifier": qualifier, "value": value }));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "Dockworkers at Port Example walked out on Monday, the union said.";

    #[test]
    fn a_selection_makes_whole_words() {
        assert_eq!(
            quote_in(P, 0, 48),
            Some("Dockworkers at Port Example walked out on Monday")
        );
        // From inside "Dockworkers" to inside "Monday": widened.
        assert_eq!(
            quote_in(P, 3, 45),
            Some("Dockworkers at Port Example walked out on Monday")
        );
        // Backwards, with the comma and a space: trimmed.
        assert_eq!(quote_in(P, 50, 28), Some("walked out on Monday"));
        assert_eq!(quote_in(P, 5, 5), None);
        assert_eq!(quote_in(P, 48, 50), None);
        // UTF-16 offsets past a character outside the BMP.
        let p = "🚢 At least 40 ships were waiting";
        assert_eq!(quote_in(p, 3, 19), Some("At least 40 ships"));
    }

    #[test]
    fn a_quote_gives_its_figure() {
        assert_eq!(
            count_in("At least 40 ships were waiting"),
            Some(json!({"qualifier": "at_least", "value": 40}))
        );
        assert_eq!(
            count_in("killed more than 1,200 people"),
            Some(json!({"qualifier": "more_than", "value": 1200}))
        );
        assert_eq!(
            count_in("three of them journalists"),
            Some(json!({"qualifier": "exact", "value": 3}))
        );
        assert_eq!(
            count_in("since October 2023, about 79 civilians"),
            Some(json!({"qualifier": "approximately", "value": 79}))
        );
        assert_eq!(count_in("no figure here"), None);
    }
}
