//! Quotes made from a selection in the article: the exact words, never
//! typed. (The figure a quote states is read by [`super::suggest`].)
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

/// Words that begin a sentence with a capital only because they begin it:
/// "State media reported…" names "state media".
const COMMON: [&str; 18] = [
    "the",
    "a",
    "an",
    "state",
    "local",
    "police",
    "security",
    "government",
    "witnesses",
    "residents",
    "activists",
    "officials",
    "doctors",
    "medics",
    "rescuers",
    "rebels",
    "troops",
    "soldiers",
];

/// A name made from a quote, in the case a sentence needs it: the first
/// word loses the capital it has only because it begins a sentence (a
/// common word, or one the article writes in lower case elsewhere), so
/// that "according to state media" reads right. A proper name keeps it.
pub fn name_case(quote: &str, paragraph: &str, article: &[String]) -> String {
    let Some(at) = paragraph.find(quote) else {
        return quote.to_owned();
    };
    let before = paragraph[..at].trim_end();
    let starts_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '“', '"', ':']);
    let first: String = quote.chars().take_while(|c| c.is_alphanumeric()).collect();
    let lower = first.to_lowercase();
    if !starts_sentence || first == lower || first.chars().skip(1).any(char::is_uppercase) {
        return quote.to_owned();
    }
    let written_lower = article
        .iter()
        .any(|p| p.split(|c: char| !c.is_alphanumeric()).any(|w| w == lower));
    // "Governor Amina Toure": a title before a name keeps its capital.
    let article = matches!(lower.as_str(), "the" | "a" | "an");
    let name_follows = quote[first.len()..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    if name_follows && !article {
        return quote.to_owned();
    }
    if COMMON.contains(&lower.as_str()) || written_lower {
        format!("{lower}{}", &quote[first.len()..])
    } else {
        quote.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "Dockworkers at Port Example walked out on Monday, the union said.";

    #[test]
    fn a_title_before_a_name_keeps_its_capital_and_an_article_loses_it() {
        let article = vec![
            "Governor Amina Toure said the regional governor would speak.".to_owned(),
            "The United Nations humanitarian office said families fled.".to_owned(),
        ];
        assert_eq!(
            name_case("Governor Amina Toure", &article[0], &article),
            "Governor Amina Toure"
        );
        assert_eq!(
            name_case(
                "The United Nations humanitarian office",
                &article[1],
                &article
            ),
            "the United Nations humanitarian office"
        );
    }

    #[test]
    fn a_name_takes_the_case_a_sentence_needs() {
        let article = vec![
            "State media reported the strike. Hamas said it would respond.".to_owned(),
            "Dockworkers walked out; the dockworkers said so.".to_owned(),
        ];
        let case = |q: &str, p: usize| name_case(q, &article[p], &article);
        assert_eq!(case("State media", 0), "state media");
        assert_eq!(case("Hamas", 0), "Hamas");
        assert_eq!(case("Dockworkers", 1), "dockworkers");
        assert_eq!(case("the dockworkers", 1), "the dockworkers");
    }

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
}
