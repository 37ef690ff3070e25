//! A draft is the dataset as JSON, as it stands while it is written: it may
//! lack fields and break rules (the validator says which), and the editor
//! never loses what was typed because it does not fit a type yet. These are
//! the operations on it that are more than setting one field: starting a
//! story from an article, adding items, giving them ids, renaming ids
//! everywhere they are used, and editing paragraphs without losing track
//! of the quotes that cite them.
//!
//! Pure: no browser types here.

use super::fields::{nested, Control, Field, Form, List, Target, DATASET};
use super::path;
use crate::format::date::{civil_from_days, days_from_civil, OneOf, PartialDate};
use crate::format::ids::make_id;
use crate::format::model::FORMAT;
use serde_json::{json, Map, Value};

/// An article as pasted: the story's fields, and its body as one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub title: String,
    pub dek: String,
    pub outlet: String,
    pub url: String,
    pub published: String,
    pub dateline: String,
    pub body: String,
}

/// The body's paragraphs: split at blank lines, or at each line break when
/// there are no blank lines. Lines within a paragraph are joined with a
/// space; nothing else in the text is changed.
pub fn split_paragraphs(body: &str) -> Vec<String> {
    let body = body.replace("\r\n", "\n").replace('\r', "\n");
    let blank_lines = body.trim().lines().any(|l| l.trim().is_empty());
    let blocks: Vec<String> = if blank_lines {
        let mut blocks = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in body.split('\n') {
            if line.trim().is_empty() {
                if !current.is_empty() {
                    blocks.push(current.join(" "));
                    current.clear();
                }
            } else {
                current.push(line.trim());
            }
        }
        if !current.is_empty() {
            blocks.push(current.join(" "));
        }
        blocks
    } else {
        body.split('\n').map(|l| l.trim().to_owned()).collect()
    };
    blocks.into_iter().filter(|b| !b.is_empty()).collect()
}

/// A new draft from an article: the story filled in, and empty lists.
pub fn new_story(a: &Article) -> Value {
    let mut story = Map::new();
    let mut put = |k: &str, v: &str, required: bool| {
        if required || !v.trim().is_empty() {
            story.insert(k.into(), Value::String(v.trim().to_owned()));
        }
    };
    put("title", &a.title, true);
    put("dek", &a.dek, false);
    put("outlet", &a.outlet, true);
    put("url", &web_address(&a.url), true);
    // A day written in words is written as the format writes it.
    let published = PartialDate::plain(a.published.trim())
        .is_none()
        .then(|| day_in_words(&a.published))
        .flatten()
        .map_or_else(|| a.published.clone(), |d| d.to_string());
    put("published", &published, true);
    put("dateline", &a.dateline, false);
    story.insert("paragraphs".into(), json!(split_paragraphs(&a.body)));
    json!({
        "format": FORMAT,
        "story": story,
        "sources": [],
        "actors": [],
        "events": [],
    })
}

/// An address as an author pastes it: one without its scheme, as
/// browsers show them ("example.com/story"), is a web page's.
///
/// ```
/// use dossier::author::draft::web_address;
/// assert_eq!(web_address(" example.com/a "), "https://example.com/a");
/// assert_eq!(web_address("http://example.com"), "http://example.com");
/// assert_eq!(web_address("not an address"), "not an address");
/// ```
pub fn web_address(url: &str) -> String {
    let url = url.trim().trim_start_matches('/');
    let bare = !url.is_empty() && !url.contains("://") && url.contains('.') && !url.contains(' ');
    if bare {
        format!("https://{url}")
    } else {
        url.to_owned()
    }
}

/// The date of something the text reports with no date of its own (a
/// statement "said" with no day): the story's day or the day before, as
/// EDTF's "one of" (`[2024-05-14,2024-05-15]`), and how it was worked out,
/// for `date_inferred`. `None` without a story's day to reckon from.
///
/// ```
/// use dossier::author::draft::undated;
/// use dossier::format::date::PartialDate;
/// let (date, how) = undated(PartialDate::day(2024, 3, 1)).unwrap();
/// assert_eq!(date, "[2024-02-29,2024-03-01]");
/// assert!(how.contains("Fri 1 Mar 2024"), "{how}");
/// assert_eq!(undated(PartialDate::month(2024, 3)), None);
/// ```
pub fn undated(published: PartialDate) -> Option<(String, String)> {
    let (Some(m), Some(d)) = (published.month, published.day) else {
        return None;
    };
    let (y0, m0, d0) = civil_from_days(days_from_civil(published.year, m, d) - 1);
    let date = PartialDate {
        one_of: Some(OneOf {
            last: (published.year, m, d),
            range: false,
        }),
        ..PartialDate::day(y0, m0, d0)
    };
    Some((
        date.to_string(),
        format!(
            "The text gives no date: reported in the story of {}, so that day or the day before.",
            PartialDate::day(published.year, m, d).human()
        ),
    ))
}

/// A day as people write it, in English: a month's name (or its first
/// three letters), a day of it and a year, in any order, with a weekday or
/// commas around them ("3 June 2024", "June 3, 2024", "Mon 3 Jun 2024").
/// What an author pastes where the format wants 2024-06-03; `None` for
/// anything else.
///
/// ```
/// use dossier::author::draft::day_in_words;
/// use dossier::format::date::PartialDate;
/// let day = Some(PartialDate::day(2024, 6, 3));
/// assert_eq!(day_in_words("3 June 2024"), day);
/// assert_eq!(day_in_words("Monday, June 3, 2024"), day);
/// assert_eq!(day_in_words("Mon 3 Jun 2024"), day);
/// assert_eq!(day_in_words("31 June 2024"), None);
/// assert_eq!(day_in_words("June 2024"), None);
/// ```
pub fn day_in_words(s: &str) -> Option<PartialDate> {
    use super::suggest::{MONTHS, WEEKDAYS};
    let (mut year, mut month, mut day) = (None, None, None);
    let words = s.split(|c: char| c.is_whitespace() || c == ',' || c == '.');
    for word in words.filter(|w| !w.is_empty()) {
        let lower = word.to_ascii_lowercase();
        // u16, not u32: this keeps the reader's wasm unchanged (a u32 parse
        // here changes how LLVM inlines the one the reader's host uses).
        if let Ok(n) = word.parse::<u16>() {
            match (word.len(), n) {
                (4, _) if year.is_none() => year = Some(n as i32),
                (1 | 2, 1..=31) if day.is_none() => day = Some(n as u8),
                _ => return None,
            }
        } else if let Some(m) = MONTHS
            .iter()
            .position(|m| lower.len() >= 3 && m.starts_with(&lower))
        {
            if month.replace(m as u8 + 1).is_some() {
                return None;
            }
        } else if !WEEKDAYS
            .iter()
            .any(|d| lower.len() >= 3 && d.starts_with(&lower))
        {
            return None;
        }
    }
    let (year, month, day) = (year?, month?, day?);
    (day <= crate::format::date::days_in_month(year, month))
        .then(|| PartialDate::day(year, month, day))
}

/// A date field's text read as a day: as [`day_in_words`] reads it, or a
/// weekday alone ("Monday", "on Tuesday") as the latest such day on or
/// before `published`, as the story's text means it, and "yesterday" as
/// the day before.
///
/// ```
/// use dossier::author::draft::day_near;
/// use dossier::format::date::PartialDate;
/// // Published on Wednesday 15 May 2024.
/// let published = PartialDate::day(2024, 5, 15);
/// assert_eq!(day_near("Monday", published), Some(PartialDate::day(2024, 5, 13)));
/// assert_eq!(day_near("on Wednesday", published), Some(published));
/// assert_eq!(day_near("yesterday", published), Some(PartialDate::day(2024, 5, 14)));
/// assert_eq!(day_near("3 June 2024", published), Some(PartialDate::day(2024, 6, 3)));
/// assert_eq!(day_near("soon", published), None);
/// ```
pub fn day_near(s: &str, published: PartialDate) -> Option<PartialDate> {
    use super::suggest::{weekday_before, WEEKDAYS};
    if let Some(day) = day_in_words(s) {
        return Some(day);
    }
    let lower = s.trim().to_ascii_lowercase();
    let word = lower.strip_prefix("on ").unwrap_or(&lower);
    // Only against a story dated to the day.
    published.weekday()?;
    if word == "yesterday" {
        return Some(PartialDate::from_days(published.first_day() - 1));
    }
    let wd = WEEKDAYS
        .iter()
        .position(|d| word.len() >= 3 && d.starts_with(word))?;
    Some(weekday_before(published, wd))
}

/// The ids in use in a list.
pub fn ids(doc: &Value, list: List) -> Vec<String> {
    doc.get(list.key())
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|i| i.get("id").and_then(Value::as_str))
                .filter(|id| !id.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A new, empty item of a list ([`super::fields::blank_of`]): its required
/// fields present and empty, so that the validator names each one still to
/// be filled in; an event starts as reported.
pub fn blank(list: List) -> Value {
    let mut item = super::fields::blank_of(list.fields());
    if list == List::Events {
        // Most events are reported: the one state that names no one.
        item["status"] = json!({"state": "reported"});
    }
    item
}

/// Add `item` to the end of a list (made if missing); its position.
pub fn push(doc: &mut Value, list: List, item: Value) -> usize {
    let at = path::len(doc, list.key());
    if !doc.get(list.key()).is_some_and(Value::is_array) {
        path::set(doc, list.key(), json!([]));
    }
    path::set(doc, &path::index(list.key(), at), item);
    at
}

/// Give the item at `list[i]` an id made from its name, if it has none
/// and has a name. An id, once given, stays: editing the name later leaves
/// it (and every link to the item) as it is.
pub fn ensure_id(doc: &mut Value, list: List, i: usize) -> bool {
    let at = path::index(list.key(), i);
    if !path::text(doc, &path::key(&at, "id")).is_empty() {
        return false;
    }
    let (prefix, name, words) = match list {
        List::Sources | List::Actors => {
            ("", path::text(doc, &path::key(&at, "name")).to_owned(), 6)
        }
        List::Events => (
            "e-",
            path::text(doc, &path::key(&at, "summary")).to_owned(),
            4,
        ),
        List::Relations => {
            let part = |k: &str| path::text(doc, &path::key(&at, k)).to_owned();
            let (from, kind, to) = (part("from"), part("kind"), part("to"));
            if from.is_empty() || kind.is_empty() || to.is_empty() {
                return false;
            }
            ("r-", format!("{from} {kind} {to}"), 12)
        }
        List::Tallies => {
            let part = |k: &str| path::text(doc, &path::key(&at, k)).to_owned();
            let (by, category) = (part("counted_by"), part("category"));
            if by.is_empty() || category.is_empty() {
                return false;
            }
            ("t-", format!("{by} {category}"), 8)
        }
    };
    if name.trim().is_empty() {
        return false;
    }
    let taken = ids(doc, list);
    let id = make_id(prefix, &name, words, taken.iter().map(String::as_str));
    // A source and an actor of one name are one speaker ("the army" says,
    // and acts): the source speaks for the actor, as the format asks of a
    // source whose id is an actor's, rather than a clash to mend.
    let source = match list {
        List::Sources => ids(doc, List::Actors).contains(&id).then(|| at.clone()),
        List::Actors => (0..path::len(doc, "sources"))
            .find(|&k| path::text(doc, &format!("sources[{k}].id")) == id)
            .map(|k| path::index("sources", k)),
        _ => None,
    };
    if let Some(actor) = source.map(|s| path::key(&s, "actor")) {
        if path::text(doc, &actor).is_empty() {
            path::set(doc, &actor, Value::String(id.clone()));
        }
    }
    path::set(doc, &path::key(&at, "id"), Value::String(id))
}

/// Every reference in the draft: its path, and what it may point at.
pub fn references(doc: &Value) -> Vec<(String, Target)> {
    let mut out = Vec::new();
    walk(doc, "", DATASET, &mut |p, field, v| match field.control {
        Control::Ref(t) if v.is_string() => out.push((p.to_owned(), t)),
        Control::Refs(t) => {
            for i in 0..v.as_array().map_or(0, Vec::len) {
                out.push((path::index(p, i), t));
            }
        }
        _ => {}
    });
    out
}

/// Calls `f` with the path, field and value of every field present in the
/// draft, following the field tables.
fn walk(v: &Value, at: &str, fields: &'static [Field], f: &mut dyn FnMut(&str, &Field, &Value)) {
    for field in fields {
        let p = path::key(at, field.key);
        let Some(value) = v.get(field.key) else {
            continue;
        };
        f(&p, field, value);
        match (field.control, nested(field.control)) {
            (Control::Objects(..) | Control::Quotes, Some(inner)) => {
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    walk(item, &path::index(&p, i), inner, f);
                }
            }
            (_, Some(inner)) => walk(value, &p, inner, f),
            _ => {}
        }
    }
}

/// Change an item's id from `old` to `new`, and every reference to it.
/// A reference that may point at either of two lists (a claim's `by`: an
/// actor or a source) names the item the reader resolves it to, the first
/// list's (an actor's); it follows only a rename of that item.
pub fn rename_id(doc: &mut Value, list: List, i: usize, new: &str) {
    let at = path::key(&path::index(list.key(), i), "id");
    let old = path::text(doc, &at).to_owned();
    if old.is_empty() || old == new {
        path::set(doc, &at, Value::String(new.to_owned()));
        return;
    }
    let owner = |t: Target, doc: &Value| {
        t.lists()
            .iter()
            .copied()
            .find(|l| ids(doc, *l).contains(&old))
    };
    let follow: Vec<String> = references(doc)
        .into_iter()
        .filter(|(p, t)| path::text(doc, p) == old && owner(*t, doc) == Some(list))
        .map(|(p, _)| p)
        .collect();
    path::set(doc, &at, Value::String(new.to_owned()));
    for p in follow {
        path::set(doc, &p, Value::String(new.to_owned()));
    }
}

/// A quote in the draft: where it is, the paragraph it cites, its words.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteAt {
    pub path: String,
    pub paragraph: u32,
    pub quote: String,
}

/// Every quote in the draft, in the order of the file.
pub fn quotes(doc: &Value) -> Vec<QuoteAt> {
    let mut out = Vec::new();
    walk(doc, "", DATASET, &mut |p, field, v| {
        let mut one = |p: String, v: &Value| out.push(quote_of(p, v));
        match field.control {
            Control::Quote if v.is_object() => one(p.to_owned(), v),
            Control::Quotes => {
                for (i, q) in v.as_array().into_iter().flatten().enumerate() {
                    one(path::index(p, i), q);
                }
            }
            _ => {}
        }
    });
    out
}

fn quote_of(path: String, v: &Value) -> QuoteAt {
    QuoteAt {
        path,
        paragraph: v.get("paragraph").and_then(Value::as_u64).unwrap_or(0) as u32,
        quote: v
            .get("quote")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
    }
}

/// The quote at `at` (a provenance entry's path).
pub fn quote_at(doc: &Value, at: &str) -> QuoteAt {
    quote_of(at.to_owned(), path::get(doc, at).unwrap_or(&Value::Null))
}

/// Whether the quote at `at` no longer matches the paragraph it cites,
/// reading only that paragraph.
pub fn is_stale_at(doc: &Value, at: &str) -> bool {
    let q = quote_at(doc, at);
    let paragraph = (q.paragraph as usize)
        .checked_sub(1)
        .and_then(|i| path::get(doc, &format!("story.paragraphs[{i}]")))
        .map(|p| p.as_str().unwrap_or("").to_owned());
    is_stale(paragraph.as_slice(), &QuoteAt { paragraph: 1, ..q })
}

/// A file opened to go on with: its JSON, which may have problems (the
/// editor shows them), or why it cannot be opened.
pub fn open_json(name: &str, bytes: &[u8]) -> Result<Value, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Value>(bytes) {
        Ok(doc) if doc.is_object() => Ok(doc),
        Ok(_) => Err(format!(
            "{name} is JSON, but not a Dossier story (it is not an object)."
        )),
        Err(e) => Err(format!(
            "{name} is not JSON: line {}, column {}: {e}.",
            e.line(),
            e.column()
        )),
    }
}

/// The story's paragraphs.
pub fn paragraphs(doc: &Value) -> Vec<String> {
    path::get(doc, "story.paragraphs")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| p.as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether a quote no longer matches the paragraph it cites.
pub fn is_stale(paragraphs: &[String], q: &QuoteAt) -> bool {
    !q.quote.is_empty()
        && (q.paragraph == 0
            || paragraphs
                .get(q.paragraph as usize - 1)
                .is_none_or(|p| !p.contains(&q.quote)))
}

/// Quotes that no longer match their paragraph, each with the paragraph
/// that now holds its words, if one does.
pub fn stale_quotes(doc: &Value) -> Vec<(QuoteAt, Option<u32>)> {
    let ps = paragraphs(doc);
    quotes(doc)
        .into_iter()
        .filter(|q| is_stale(&ps, q))
        .map(|q| {
            let found = ps
                .iter()
                .position(|p| p.contains(&q.quote))
                .map(|i| i as u32 + 1);
            (q, found)
        })
        .collect()
}

/// Move every quote's paragraph number by `f` (given the number and the quote).
fn renumber(doc: &mut Value, f: impl Fn(u32, &str) -> u32) {
    for q in quotes(doc) {
        let n = f(q.paragraph, &q.quote);
        if n != q.paragraph {
            path::set(doc, &path::key(&q.path, "paragraph"), json!(n));
        }
    }
}

fn set_paragraphs(doc: &mut Value, ps: Vec<String>) {
    path::set(doc, "story.paragraphs", json!(ps));
}

/// Cut paragraph `n` (counting from 1) in two at `at` (a byte offset). The
/// quotes after it move down one; its own quotes go with the half that holds
/// their words.
pub fn split_paragraph(doc: &mut Value, n: u32, at: usize) -> bool {
    let mut ps = paragraphs(doc);
    let Some(p) = (n as usize).checked_sub(1).and_then(|i| ps.get(i)).cloned() else {
        return false;
    };
    if at == 0 || at >= p.len() || !p.is_char_boundary(at) {
        return false;
    }
    let (left, right) = (
        p[..at].trim_end().to_owned(),
        p[at..].trim_start().to_owned(),
    );
    if left.is_empty() || right.is_empty() {
        return false;
    }
    ps[n as usize - 1] = left.clone();
    ps.insert(n as usize, right.clone());
    set_paragraphs(doc, ps);
    renumber(doc, |k, quote| match k.cmp(&n) {
        std::cmp::Ordering::Greater => k + 1,
        std::cmp::Ordering::Equal if !left.contains(quote) && right.contains(quote) => n + 1,
        _ => k,
    });
    true
}

/// Join paragraph `n` and the next one, with a space between them. The
/// quotes of the next move up into `n`, and the later ones up one.
pub fn join_paragraphs(doc: &mut Value, n: u32) -> bool {
    let mut ps = paragraphs(doc);
    if n == 0 || n as usize >= ps.len() {
        return false;
    }
    let next = ps.remove(n as usize);
    let joined = format!("{} {}", ps[n as usize - 1].trim_end(), next.trim_start());
    ps[n as usize - 1] = joined;
    set_paragraphs(doc, ps);
    renumber(doc, |k, _| if k > n { k - 1 } else { k });
    true
}

/// Take paragraph `n` out. Its quotes are left citing it (and are then
/// stale, to be anchored again); the later ones move up one.
pub fn remove_paragraph(doc: &mut Value, n: u32) -> bool {
    let mut ps = paragraphs(doc);
    if n == 0 || n as usize > ps.len() {
        return false;
    }
    ps.remove(n as usize - 1);
    set_paragraphs(doc, ps);
    renumber(doc, |k, _| if k > n { k - 1 } else { k });
    true
}

/// Replace a paragraph's text. Quotes that no longer match are flagged by
/// [`stale_quotes`]; nothing moves.
pub fn edit_paragraph(doc: &mut Value, n: u32, text: &str) -> bool {
    let mut ps = paragraphs(doc);
    let Some(p) = (n as usize).checked_sub(1).and_then(|i| ps.get_mut(i)) else {
        return false;
    };
    *p = text.to_owned();
    set_paragraphs(doc, ps);
    true
}

/// How a date typed in a form will read: "April 2024 (month only)", or
/// what is wrong with it. Empty text reads as nothing.
pub fn date_reading(text: &str) -> Result<String, String> {
    use crate::format::date::{PartialDate, Precision};
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    let d: PartialDate = text
        .parse()
        .map_err(|e: crate::format::date::DateError| e.to_string())?;
    let mut out = d.human();
    if d.one_of.is_none() {
        match d.precision() {
            Precision::Month => out.push_str(" (month only)"),
            Precision::Year => out.push_str(" (year only)"),
            Precision::Day => {}
        }
    }
    Ok(out)
}

/// The title of a draft, for the list of drafts.
pub fn title(doc: &Value) -> String {
    let t = path::text(doc, "story.title").trim();
    if t.is_empty() {
        "Untitled story".to_owned()
    } else {
        t.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_and_an_actor_of_one_name_are_one_speaker() {
        // The actor first, then the source.
        let mut d = json!({"sources": [{"id": "", "name": "the army"}], "actors": [{"id": "army", "name": "the army"}]});
        ensure_id(&mut d, List::Sources, 0);
        assert_eq!(path::text(&d, "sources[0].id"), "army");
        assert_eq!(path::text(&d, "sources[0].actor"), "army");
        // The source first, then the actor.
        let mut d = json!({"sources": [{"id": "army", "name": "the army"}], "actors": [{"id": "", "name": "the army"}]});
        ensure_id(&mut d, List::Actors, 0);
        assert_eq!(path::text(&d, "sources[0].actor"), "army");
        // A source that speaks for another keeps it.
        let mut d = json!({"sources": [{"id": "army", "name": "x", "actor": "ministry"}], "actors": [{"id": "", "name": "the army"}]});
        ensure_id(&mut d, List::Actors, 0);
        assert_eq!(path::text(&d, "sources[0].actor"), "ministry");
    }

    #[test]
    fn a_new_story_writes_a_day_in_words_and_a_bare_address_as_the_format_does() {
        let story = |published: &str, url: &str| {
            let d = new_story(&Article {
                published: published.into(),
                url: url.into(),
                body: "Text.".into(),
                ..Article::default()
            });
            (
                d["story"]["published"].as_str().unwrap().to_owned(),
                d["story"]["url"].as_str().unwrap().to_owned(),
            )
        };
        assert_eq!(
            story("3 June 2024", "example.com/shelling"),
            ("2024-06-03".into(), "https://example.com/shelling".into())
        );
        assert_eq!(
            story("Monday, June 3, 2024", "http://e.com/a"),
            ("2024-06-03".into(), "http://e.com/a".into())
        );
        assert_eq!(story("2024-06-03", ""), ("2024-06-03".into(), "".into()));
        assert_eq!(story("", "//e.com/a").1, "https://e.com/a");
        // What cannot be read is kept as written, for the checker to name.
        assert_eq!(story("early June", "not a link").0, "early June");
        assert_eq!(story("early June", "not a link").1, "not a link");
    }

    fn doc() -> Value {
        let mut d = new_story(&Article {
            title: "Port strike".into(),
            outlet: "The Example Times".into(),
            url: "https://example.com/a".into(),
            published: "2024-06-03".into(),
            body: "First one here.\n\nSecond, with a\nline break.\n\n\nThird.".into(),
            ..Default::default()
        });
        let e = push(&mut d, List::Events, blank(List::Events));
        path::set(
            &mut d,
            "events[0].provenance[0]",
            json!({"source": "s", "quote": "Third", "paragraph": 3}),
        );
        path::set(
            &mut d,
            "events[0].provenance[1]",
            json!({"source": "s", "quote": "with a line", "paragraph": 2}),
        );
        assert_eq!(e, 0);
        d
    }

    #[test]
    fn dates_read_back_as_the_reader_will_see_them() {
        assert_eq!(
            date_reading("2024-04").as_deref(),
            Ok("April 2024 (month only)")
        );
        assert_eq!(date_reading("2024-05-14").as_deref(), Ok("Tue 14 May 2024"));
        assert_eq!(date_reading("").as_deref(), Ok(""));
        assert!(date_reading("14 May").is_err());
    }

    #[test]
    fn a_quote_is_stale_when_its_paragraph_no_longer_holds_it() {
        let mut d = doc();
        assert!(!is_stale_at(&d, "events[0].provenance[0]"));
        path::set(&mut d, "events[0].provenance[0].paragraph", json!(0));
        assert!(is_stale_at(&d, "events[0].provenance[0]"));
        path::set(&mut d, "events[0].provenance[0].paragraph", json!(9));
        assert!(is_stale_at(&d, "events[0].provenance[0]"));
        assert!(open_json("a.json", b"\xEF\xBB\xBF{\"format\": 1}").is_ok());
        assert!(open_json("a.json", b"[1]")
            .unwrap_err()
            .contains("not an object"));
        assert!(open_json("a.json", b"{")
            .unwrap_err()
            .contains("a.json is not JSON: line 1"));
    }

    #[test]
    fn paragraphs_split_at_blank_lines_or_else_at_lines() {
        assert_eq!(
            paragraphs(&doc()),
            ["First one here.", "Second, with a line break.", "Third."]
        );
        assert_eq!(
            split_paragraphs("One.\nTwo.\r\nThree."),
            ["One.", "Two.", "Three."]
        );
        assert!(split_paragraphs("  \n ").is_empty());
    }

    #[test]
    fn quotes_follow_their_words_through_paragraph_edits() {
        let mut d = doc();
        assert!(stale_quotes(&d).is_empty());
        assert!(split_paragraph(&mut d, 2, "Second,".len()));
        assert_eq!(
            paragraphs(&d)[1..],
            ["Second,", "with a line break.", "Third."]
        );
        assert_eq!(
            path::get(&d, "events[0].provenance[0].paragraph"),
            Some(&json!(4))
        );
        assert_eq!(
            path::get(&d, "events[0].provenance[1].paragraph"),
            Some(&json!(3))
        );
        assert!(stale_quotes(&d).is_empty());
        assert!(join_paragraphs(&mut d, 2));
        assert_eq!(
            path::get(&d, "events[0].provenance[1].paragraph"),
            Some(&json!(2))
        );
        assert!(stale_quotes(&d).is_empty());
        assert!(edit_paragraph(&mut d, 2, "Second, with a new break."));
        let stale = stale_quotes(&d);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].0.path, "events[0].provenance[1]");
        assert!(remove_paragraph(&mut d, 1));
        assert_eq!(
            path::get(&d, "events[0].provenance[0].paragraph"),
            Some(&json!(2))
        );
    }

    #[test]
    fn ids_are_given_once_and_renamed_everywhere() {
        let mut d = doc();
        let a = push(
            &mut d,
            List::Actors,
            json!({"id": "", "name": "The Dockworkers' Union", "kind": "x-trade-union"}),
        );
        assert!(ensure_id(&mut d, List::Actors, a));
        assert_eq!(path::text(&d, "actors[0].id"), "dockworkers-union");
        path::set(&mut d, "actors[0].name", json!("Dock Union"));
        assert!(!ensure_id(&mut d, List::Actors, a));
        path::set(
            &mut d,
            "events[0].participants[0]",
            json!({"actor": "dockworkers-union", "role": "initiator"}),
        );
        path::set(
            &mut d,
            "events[0].status",
            json!({"state": "claimed", "by": ["dockworkers-union"]}),
        );
        push(
            &mut d,
            List::Sources,
            json!({"id": "dockworkers-union", "name": "x", "kind": "article", "actor": "dockworkers-union"}),
        );
        rename_id(&mut d, List::Actors, a, "union");
        assert_eq!(path::text(&d, "events[0].participants[0].actor"), "union");
        assert_eq!(path::text(&d, "events[0].status.by[0]"), "union");
        assert_eq!(path::text(&d, "sources[0].actor"), "union");
        // The source of the same id is another item: its id stays, and a
        // claim's `by` (which names the actor first) is not the source's.
        assert_eq!(path::text(&d, "sources[0].id"), "dockworkers-union");
        path::set(&mut d, "events[0].status.by[1]", json!("dockworkers-union"));
        rename_id(&mut d, List::Sources, 0, "union-source");
        assert_eq!(path::text(&d, "events[0].status.by[0]"), "union");
        assert_eq!(path::text(&d, "events[0].status.by[1]"), "union-source");
    }
}
