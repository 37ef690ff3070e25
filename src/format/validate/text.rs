//! The text checks: what must be written is, and every quote is the
//! article's own words in the paragraph it names (or, where it is not,
//! where the quote departs from the article).

use super::{At, Checker, ProblemKind};
use crate::format::model::Provenance;
use crate::format::parts::Target;

impl Checker<'_> {
    pub(super) fn text(&mut self, value: &str, at: At, field: &'static str, what: &'static str) {
        if value.trim().is_empty() {
            self.push(at.key(field), ProblemKind::Missing(what));
        }
    }

    pub(super) fn provenances(&mut self, list: &[Provenance], at: At) {
        if list.is_empty() {
            self.push(
                at.key("provenance"),
                ProblemKind::Missing("provenance (at least one source and quote)"),
            );
        }
        for (j, p) in list.iter().enumerate() {
            self.provenance(p, at.index("provenance", j));
        }
    }

    pub(super) fn provenance(&mut self, p: &Provenance, at: At) {
        self.reference(Target::Source, &p.source, at.key("source"));
        if p.quote.trim().is_empty() {
            self.push(at.key("quote"), ProblemKind::Missing("quote"));
            return;
        }
        if !self.check_quotes
            || self.is_patched(at.key("paragraph"))
            || self.is_patched(at.key("quote"))
        {
            return;
        }
        match self.ds.paragraph(p.paragraph) {
            None => self.push(
                at.key("paragraph"),
                ProblemKind::NoParagraph {
                    paragraph: p.paragraph,
                    count: self.ds.story.paragraphs.len(),
                },
            ),
            // A quote is often its whole paragraph (an imported row's notes).
            Some(text) if text != p.quote && !text.contains(p.quote.as_str()) => {
                let elsewhere = self
                    .ds
                    .story
                    .paragraphs
                    .iter()
                    .position(|para| para.contains(p.quote.as_str()))
                    .map(|k| format!("it is in paragraph {}", k + 1));
                let ellipsis = |s: &str| s.replace('…', "...");
                let dots = elsewhere.is_none() && ellipsis(text).contains(&ellipsis(&p.quote));
                let typography = elsewhere.is_none()
                    && fold_typography(text).contains(&fold_typography(&p.quote));
                let hint = elsewhere
                    .or_else(|| {
                        dots.then(|| {
                            let (quote, article) = if p.quote.contains('…') {
                                ("…", "...")
                            } else {
                                ("...", "…")
                            };
                            format!("the ellipsis differs: the quote has \"{quote}\" where the article has \"{article}\"; copy the article's own")
                        })
                    })
                    .or_else(|| {
                        typography.then(|| {
                            "it matches once quotation marks and apostrophes are made plain: copy the article's own typography".to_owned()
                        })
                    })
                    .or_else(|| {
                        let (quote, article) = quote_difference(text, &p.quote)?;
                        Some(format!("the quote has \"{quote}\" where the article has \"{article}\""))
                    });
                self.push(
                    at.key("quote"),
                    ProblemKind::QuoteNotFound {
                        paragraph: p.paragraph,
                        hint,
                    },
                );
            }
            Some(_) => {}
        }
    }
}

/// Where a quote that is nearly in `article` departs from it: the words
/// of the quote and of the article that differ, the rest being the same
/// ("50 rockets" where the article has "60 rockets" gives ("50", "60")).
/// None when most of the quote is not in the article.
fn quote_difference<'a>(article: &'a str, quote: &'a str) -> Option<(&'a str, &'a str)> {
    let common = |a: &str, b: &str| {
        a.char_indices()
            .zip(b.chars())
            .find(|((_, x), y)| x != y)
            .map_or(a.len().min(b.len()), |((i, _), _)| i)
    };
    // The place in the article where the longest beginning of the quote is.
    let (start, same) = article
        .char_indices()
        .map(|(i, _)| (i, common(quote, &article[i..])))
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    let after = &article[start + same..];
    // The longest end of the quote found soon after it.
    let room = quote.len() - same + 60;
    let (resume, tail) = quote[same..]
        .char_indices()
        .map(|(i, _)| same + i)
        .chain([quote.len()])
        .find_map(|m| {
            let window = &after[..floor_boundary(after, room)];
            window.find(&quote[m..]).map(|at| (m, at))
        })?;
    if same + (quote.len() - resume) < quote.len() / 2 {
        return None;
    }
    // Whole words on both sides of the difference.
    let word = |c: char| c.is_alphanumeric();
    let back = quote[..same]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word(c))
        .last()
        .map_or(same, |(i, _)| i);
    let forward = quote[resume..]
        .char_indices()
        .find(|&(_, c)| !word(c))
        .map_or(quote.len() - resume, |(i, _)| i);
    let q = quote[back..resume + forward].trim();
    let a = article[start + back..start + same + tail + forward].trim();
    (q != a && q.len() <= 80 && a.len() <= 80).then_some((q, a))
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn fold_typography(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '`' | '´' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect::<String>()
        .replace('…', "...")
}

#[cfg(test)]
mod tests {
    use crate::format::validate::problems_after;
    use serde_json::json;

    #[test]
    fn a_quote_in_another_paragraph_says_which() {
        let found = problems_after(|v| v["events"][0]["provenance"][0]["paragraph"] = json!(5));
        assert_eq!(
            found,
            ["events[0].provenance[0].quote: the quote is not an exact substring of paragraph 5 (it is in paragraph 4)"]
        );
    }

    #[test]
    fn a_paragraph_past_the_end_is_refused() {
        let found = problems_after(|v| v["events"][0]["provenance"][0]["paragraph"] = json!(999));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with(
            "events[0].provenance[0].paragraph: paragraph 999 does not exist; the story has"
        ));
    }

    #[test]
    fn what_must_be_written_is() {
        let found = problems_after(|v| {
            v["events"][0]["provenance"] = json!([]);
            v["actors"][0]["name"] = json!("  ");
        });
        assert!(found.contains(
            &"events[0].provenance: provenance (at least one source and quote) must not be empty"
                .to_owned()
        ));
        assert!(found.contains(&"actors[0].name: actor name must not be empty".to_owned()));
    }

    #[test]
    fn typography_folds_to_plain_marks() {
        assert_eq!(
            super::fold_typography("\u{201c}It\u{2019}s\u{201d} \u{2013} 60\u{2026}"),
            "\"It's\" - 60..."
        );
    }

    #[test]
    fn a_quote_that_departs_from_the_article_shows_where() {
        let article = "On Wednesday, a salvo of more than 60 rockets was fired from Lebanon toward Mount Hermon.";
        let differs = |q| super::quote_difference(article, q);
        assert_eq!(
            differs("a salvo of more than 50 rockets was fired"),
            Some(("50", "60"))
        );
        assert_eq!(
            differs("a salvo of more than 65 rockets"),
            Some(("65", "60"))
        );
        assert_eq!(
            differs("a salvo of 60 rockets was fired from Lebanon"),
            Some(("60", "more than 60"))
        );
        assert_eq!(
            differs("rockets were fired from Lebanon toward Mount Hermon."),
            Some(("were", "was"))
        );
        assert_eq!(differs("Hezbollah said nothing of the kind"), None);
    }
}
