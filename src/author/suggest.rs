//! Suggestions from the text: the facts a wire story states, read from its
//! words so that an author confirms them instead of typing them. Each
//! suggestion is anchored to its exact words in one paragraph:
//!
//! - counts with their qualifier, unit and what befell the people ("at
//!   least 15 people were killed", "six bombs", "dozens of", "in the
//!   hundreds");
//! - dates and times ("late Sunday", "on Wednesday", "in April"), resolved
//!   against the publication date, with how they were resolved;
//! - attributions ("said", "told AFP", "according to", "state media
//!   reported");
//! - names: capitalised phrases, matched to the actors and sources already
//!   made;
//! - what happened: struck, killed, clashed, denied, claimed, met.
//!
//! Deterministic rules over the words, with no model and no network, so
//! that the same article always gives the same suggestions and a test can
//! say which. Pure: no browser types here.

use crate::format::date::{days_from_civil, PartialDate};
use crate::format::model::Count;
use crate::format::vocab::{CountQualifier, EventKind, Outcome, TimeOfDay};

/// One candidate fact, anchored to `paragraph` (counting from 1) at the
/// byte range `start..end`, whose text is `words`.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub paragraph: u32,
    pub start: usize,
    pub end: usize,
    pub words: String,
    pub fact: Fact,
}

/// What a suggestion proposes.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// A figure: a tally when it counts people something befell, else a
    /// quantity of its unit.
    Figure {
        count: Count,
        unit: String,
        outcome: Option<Outcome>,
    },
    /// When something happened, and how the date was read.
    When {
        date: PartialDate,
        time_of_day: Option<TimeOfDay>,
        inferred: Option<String>,
    },
    /// Whose words these are: a source, as the text names it, and the
    /// kind of source its words suggest, if they do (a guess, said as one).
    Attribution {
        source: String,
        kind: Option<&'static str>,
    },
    /// A name the text gives, and the id of the actor or source already
    /// made with that name, if any.
    Name { name: String, known: Option<String> },
    /// A name the text gives as where something is ("in Halvik", "near
    /// the Tarsk bridge"), not yet the name of an actor: where an event
    /// happened.
    Place { name: String },
    /// A word that says what happened, and the kind of event it suggests.
    Happening { kind: EventKind },
}

/// A word of a paragraph: its text and where it is.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    /// A sentence or a clause ends right after this word.
    stop: bool,
}

fn tokens(p: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        // A comma inside digits ("1,200") is part of the number.
        let digit_comma = c == ','
            && k > 0
            && chars[k - 1].1.is_ascii_digit()
            && chars.get(k + 1).is_some_and(|(_, d)| d.is_ascii_digit());
        if is_word(c) || digit_comma {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                text: p[s..i].trim_end_matches(['\'', '’', '-']),
                start: s,
                end: s + p[s..i].trim_end_matches(['\'', '’', '-']).len(),
                stop: false,
            });
        }
        // An em dash ends a clause ("GAZA — Israeli jets…"); an en dash
        // joins a range ("100–150").
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '“' | '”' | '—'
        ) {
            if let Some(last) = out.last_mut() {
                // "Dr. Idris Bah": a title's full stop ends no sentence.
                last.stop = !(c == '.' && TITLES.contains(&last.text));
            }
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &p[s..],
            start: s,
            end: p.len(),
            stop: true,
        });
    }
    out
}

/// Whether a word may start or go on a name: capitalised, or, in a
/// paragraph written with letter case, in a script that has none ("said
/// أحمد المصري"). A paragraph all in such a script gives no sign of its
/// names, and gets no suggestions of them.
fn name_like(text: &str, cased: bool) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (cased && c.is_alphabetic() && !c.is_lowercase()))
}

/// Whether a paragraph is written with letter case (some of it in lower case).
fn cased(p: &str) -> bool {
    p.chars().any(char::is_lowercase)
}

fn lower(t: &Token<'_>) -> String {
    t.text.to_lowercase()
}

const SMALL: [&str; 20] = [
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
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// A number written in words or digits: "15", "1,200", "six",
/// "twenty-five", with "hundred", "thousand" or "million" after it.
/// Returns the value and how many tokens it took.
fn number_at(ts: &[Token<'_>]) -> Option<(u64, usize)> {
    let first = lower(ts.first()?);
    let mut used = 1;
    let mut value = if first.chars().all(|c| c.is_ascii_digit() || c == ',')
        && first.starts_with(|c: char| c.is_ascii_digit())
    {
        first.replace(',', "").parse::<u64>().ok()?
    } else if let Some(n) = SMALL.iter().position(|w| *w == first) {
        n as u64
    } else if let Some((tens, unit)) = first.split_once('-') {
        let t = TENS.iter().position(|w| *w == tens)? as u64;
        let u = SMALL[1..10].iter().position(|w| *w == unit)? as u64 + 1;
        (t + 2) * 10 + u
    } else {
        (TENS.iter().position(|w| *w == first)? as u64 + 2) * 10
    };
    // "two hundred", "3 million": a multiplier after the number, unless
    // the first token already ended a clause.
    while let Some(next) = ts.get(used).filter(|_| !ts[used - 1].stop) {
        let factor = match lower(next).as_str() {
            "hundred" => 100,
            "thousand" => 1_000,
            "million" => 1_000_000,
            _ => break,
        };
        value *= factor;
        used += 1;
    }
    Some((value, used))
}

/// Words that stand for a number, and the qualifier that keeps them.
fn word_count(w: &str) -> Option<CountQualifier> {
    Some(match w {
        "several" => CountQualifier::Several,
        "dozens" => CountQualifier::Dozens,
        "scores" => CountQualifier::Scores,
        "hundreds" => CountQualifier::Hundreds,
        "thousands" => CountQualifier::Thousands,
        _ => return None,
    })
}

/// Qualifiers that come before a number, as whole words.
const QUALIFIERS: [(&[&str], CountQualifier); 15] = [
    (&["at", "least"], CountQualifier::AtLeast),
    (&["no", "fewer", "than"], CountQualifier::AtLeast),
    (&["no", "less", "than"], CountQualifier::AtLeast),
    (&["more", "than"], CountQualifier::MoreThan),
    (&["over"], CountQualifier::MoreThan),
    (&["up", "to"], CountQualifier::UpTo),
    (&["as", "many", "as"], CountQualifier::UpTo),
    (&["about"], CountQualifier::Approximately),
    (&["around"], CountQualifier::Approximately),
    (&["nearly"], CountQualifier::Approximately),
    (&["almost"], CountQualifier::Approximately),
    (&["roughly"], CountQualifier::Approximately),
    (&["some"], CountQualifier::Approximately),
    (&["approximately"], CountQualifier::Approximately),
    (&["an", "estimated"], CountQualifier::Approximately),
];

/// Words that end a unit: what follows a number and is not what it counts.
const NOT_UNIT: [&str; 42] = [
    "of",
    "were",
    "was",
    "are",
    "is",
    "have",
    "had",
    "has",
    "been",
    "be",
    "who",
    "which",
    "that",
    "and",
    "or",
    "in",
    "on",
    "at",
    "from",
    "to",
    "by",
    "for",
    "with",
    "said",
    "says",
    "according",
    "since",
    "after",
    "before",
    "during",
    "the",
    "a",
    "an",
    "their",
    "its",
    "his",
    "her",
    "as",
    "into",
    "near",
    "while",
    "when",
];

/// The outcome a word says befell people.
fn outcome_word(w: &str) -> Option<Outcome> {
    Some(match w {
        "killed" | "dead" | "died" | "deaths" | "dying" | "killing" => Outcome::Killed,
        "wounded" | "injured" | "hurt" => Outcome::Wounded,
        "missing" => Outcome::Missing,
        "displaced" | "fled" | "homeless" => Outcome::Displaced,
        "detained" | "arrested" | "abducted" | "kidnapped" => Outcome::Detained,
        _ => return None,
    })
}

fn figures(p: &str, ts: &[Token<'_>], paragraph: u32, out: &mut Vec<Suggestion>) {
    let words: Vec<String> = ts.iter().map(lower).collect();
    let mut i = 0;
    while i < ts.len() {
        // "in the hundreds": the words kept whole.
        let in_the = i + 2 < ts.len()
            && words[i] == "in"
            && words[i + 1] == "the"
            && word_count(&words[i + 2]).is_some();
        let mut range = None;
        let (qualifier, value, first, last) = if in_the {
            (word_count(&words[i + 2]), None, i, i + 2)
        } else if let Some(q) = word_count(&words[i]) {
            (Some(q), None, i, i)
        } else if let Some((v, n)) = number_at(&ts[i..]) {
            // A year is a date, not a count ("In 2024, 40 ships…").
            let year = n == 1 && words[i].len() == 4 && (1900..=2100).contains(&v);
            // A day of the month too ("5 January", "June 5").
            let is_month = |k: usize| {
                ts.get(k).is_some_and(|t| {
                    t.text.starts_with(char::is_uppercase) && MONTHS.contains(&words[k].as_str())
                })
            };
            if year || (n == 1 && (is_month(i + 1) || (i > 0 && is_month(i - 1)))) {
                i += 1;
                continue;
            }
            // The qualifier, as whole words just before the number.
            let before = QUALIFIERS.iter().find(|(phrase, _)| {
                phrase.len() <= i
                    && phrase
                        .iter()
                        .zip(&words[i - phrase.len()..i])
                        .all(|(a, b)| a == b)
                    && !ts[i - phrase.len()..i - 1].iter().any(|t| t.stop)
            });
            let (q, mut first) = match before {
                Some((phrase, q)) => (*q, i - phrase.len()),
                None => (CountQualifier::Exact, i),
            };
            // A range with no best estimate: "between 40 and 60", "40 to
            // 60", "from 40 to 60". Its ends, and no value made up.
            let between = before.is_none() && i > 0 && words[i - 1] == "between";
            let joint = if between { "and" } else { "to" };
            let high = (words.get(i + n).is_some_and(|w| w == joint) && !ts[i + n - 1].stop)
                .then(|| number_at(&ts[i + n + 1..]))
                .flatten()
                .filter(|&(h, _)| h > v);
            match high {
                Some((h, m)) => {
                    range = Some((v, h));
                    if between || (i > 0 && words[i - 1] == "from" && before.is_none()) {
                        first = i - 1;
                    }
                    (Some(q), None, first, i + n + m)
                }
                None => (Some(q), Some(v), first, i + n - 1),
            }
        } else {
            i += 1;
            continue;
        };
        let Some(qualifier) = qualifier else {
            i += 1;
            continue;
        };
        // The unit: the words after the number, "of" skipped after a word
        // count ("dozens of rockets"), up to a word that is not a unit.
        let mut u = last + 1;
        if value.is_none() && words.get(u).is_some_and(|w| w == "of") && !ts[last].stop {
            u += 1;
        }
        let mut unit_end = u;
        // After its first word, a unit takes no verb in the past tense
        // ("armoured vehicles entered").
        while unit_end < ts.len()
            && unit_end < u + 3
            && !NOT_UNIT.contains(&words[unit_end].as_str())
            && outcome_word(&words[unit_end]).is_none()
            && (unit_end == u
                || (!ts[unit_end - 1].stop
                    && !words[unit_end].ends_with("ed")
                    && !ts[unit_end].text.starts_with(char::is_uppercase)))
            && !matches!(
                words[unit_end].as_str(),
                "late" | "early" | "last" | "yesterday" | "today" | "overnight"
            )
            && !ts[last].stop
        {
            unit_end += 1;
        }
        let unit = ts[u.min(ts.len())..unit_end]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        // What befell them: a word in the clause after, or just before.
        let clause_end = (last..ts.len())
            .find(|&k| ts[k].stop)
            .unwrap_or(ts.len() - 1);
        // The words cover it too: a tally's quote says what befell them
        // ("15 people were killed", "killed nearly 40 fighters").
        let after = (unit_end..=clause_end.min(unit_end + 5).min(ts.len() - 1))
            .find_map(|k| Some((k, outcome_word(&words[k])?)));
        // Before it, a verb of what befell them ("killed nearly 40
        // fighters"), not one a preposition parts from it ("treated the
        // injured at two hospitals" counts hospitals).
        let before = (first.saturating_sub(3)..first)
            .rev()
            .take_while(|&k| {
                !ts[k].stop
                    && !matches!(words[k].as_str(), "at" | "in" | "on" | "to" | "from" | "by")
            })
            .find_map(|k| Some((k, outcome_word(&words[k])?)));
        let end_token = if unit_end > u { unit_end - 1 } else { last };
        let (outcome, first_word, last_word) = match (after, before) {
            (Some((k, o)), _) => (Some(o), first, k.max(end_token)),
            (None, Some((k, o))) => (Some(o), k, end_token),
            (None, None) => (None, first, end_token),
        };
        let (start, end) = (ts[first_word].start, ts[last_word].end);
        let kept = in_the.then(|| p[ts[first].start..ts[last].end].to_owned());
        out.push(Suggestion {
            paragraph,
            start,
            end,
            words: p[start..end].to_owned(),
            fact: Fact::Figure {
                count: Count {
                    qualifier,
                    value,
                    low: range.map(|r| r.0),
                    high: range.map(|r| r.1),
                    words: kept,
                },
                unit,
                outcome,
            },
        });
        i = end_token.max(last_word) + 1;
    }
}

pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The latest `weekday` ([`WEEKDAYS`]' index) on or before `published`:
/// the day a story's "Tuesday" means.
pub(crate) fn weekday_before(published: PartialDate, weekday: usize) -> PartialDate {
    let back = (published.weekday().unwrap_or(0) as i64 - weekday as i64).rem_euclid(7);
    PartialDate::from_days(published.first_day() - back)
}

fn part_of_day(w: &str) -> Option<TimeOfDay> {
    Some(match w {
        "morning" | "dawn" | "early" => TimeOfDay::Morning,
        "afternoon" => TimeOfDay::Afternoon,
        "evening" => TimeOfDay::Evening,
        "night" | "overnight" | "late" => TimeOfDay::Night,
        _ => return None,
    })
}

fn dates(
    p: &str,
    ts: &[Token<'_>],
    paragraph: u32,
    published: PartialDate,
    out: &mut Vec<Suggestion>,
) {
    let words: Vec<String> = ts.iter().map(lower).collect();
    let today = published.first_day();
    let said = format!("in a story published on {}", published.human());
    for i in 0..ts.len() {
        let w = words[i].as_str();
        let mut first = i;
        let mut last = i;
        let mut time = None;
        let found = if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) {
            let date = weekday_before(published, wd);
            if i > 0 && !ts[i - 1].stop {
                if let Some(t) = part_of_day(&words[i - 1]) {
                    time = Some(t);
                    first = i - 1;
                }
            }
            if i + 1 < ts.len() && !ts[i].stop {
                if let Some(t) = part_of_day(&words[i + 1]).filter(|_| words[i + 1] != "early") {
                    time = Some(t);
                    last = i + 1;
                }
            }
            Some((date, format!("its “{}”, {said}", ts[i].text)))
        } else if w == "yesterday" || (w == "night" && i > 0 && words[i - 1] == "last") {
            if w == "night" {
                first = i - 1;
                time = Some(TimeOfDay::Night);
            }
            let date = PartialDate::from_days(today - 1);
            Some((
                date,
                format!("its “{}”, {said}", &p[ts[first].start..ts[last].end]),
            ))
        } else if let Some(m) = MONTHS.iter().position(|n| *n == w) {
            // "May" is a month only with a capital.
            if ts[i].text.starts_with(char::is_lowercase) {
                continue;
            }
            let month = m as u8 + 1;
            let day_before = (i > 0)
                .then(|| words[i - 1].parse::<u8>().ok())
                .flatten()
                .filter(|d| (1..=31).contains(d));
            let day_after = words
                .get(i + 1)
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|d| (1..=31).contains(d) && !ts[i].stop);
            let day = day_before.or(day_after);
            if day_before.is_some() {
                first = i - 1;
            } else if day_after.is_some() {
                last = i + 1;
            }
            let year_given = words
                .get(last + 1)
                .and_then(|y| y.parse::<i32>().ok())
                .filter(|y| (1900..=2100).contains(y) && !ts[last].stop);
            if year_given.is_some() {
                last += 1;
            }
            // A month after the story's is last year's.
            let year = year_given.unwrap_or(if month > published.month.unwrap_or(12) {
                published.year - 1
            } else {
                published.year
            });
            let date = match day {
                Some(d) if days_from_civil(year, month, d) <= today || year_given.is_some() => {
                    PartialDate::day(year, month, d)
                }
                Some(d) => PartialDate::day(year - 1, month, d),
                None => PartialDate::month(year, month),
            };
            let how = match year_given {
                Some(_) => String::new(),
                None => format!("the year is not stated: {}, {said}", date.year),
            };
            Some((date, how))
        } else {
            None
        };
        let Some((date, how)) = found else { continue };
        let (start, end) = (ts[first].start, ts[last].end);
        out.push(Suggestion {
            paragraph,
            start,
            end,
            words: p[start..end].to_owned(),
            fact: Fact::When {
                date,
                time_of_day: time,
                inferred: (!how.is_empty()).then_some(how),
            },
        });
    }
}

/// Titles written short with a full stop before a name.
const TITLES: [&str; 16] = [
    "Dr", "Mr", "Mrs", "Ms", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Prof", "Rev", "Gov", "Sen",
    "St", "Cpl",
];

/// The kind of source a source's words suggest: a guess the editor says
/// aloud when it makes the source, for the author to keep or change.
pub fn guess_kind(source: &str) -> Option<&'static str> {
    // A witness the words do not name ("residents", "a witness") is a
    // witness not named; one with a name after the word is named.
    let cased = cased(source);
    let named = source
        .split_whitespace()
        .skip(1)
        .any(|w| name_like(w, cased));
    const KINDS: [(&str, &[&str]); 4] = [
        (
            "media_report",
            &[
                "media",
                "television",
                "tv",
                "radio",
                "newspaper",
                "broadcaster",
                "channel",
                "news",
            ],
        ),
        (
            "witness",
            &[
                "resident",
                "residents",
                "witness",
                "witnesses",
                "villagers",
                "survivor",
                "survivors",
            ],
        ),
        (
            "group_statement",
            &[
                "militia", "group", "movement", "rebels", "union", "party", "brigade", "front",
            ],
        ),
        (
            "official_statement",
            &[
                "governor",
                "minister",
                "ministry",
                "army",
                "military",
                "police",
                "spokesman",
                "spokeswoman",
                "spokesperson",
                "president",
                "office",
                "official",
                "officials",
                "government",
                "colonel",
                "general",
                "mayor",
                "authorities",
                "director",
                "department",
                "commander",
                "prosecutor",
            ],
        ),
    ];
    let words: Vec<String> = source
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let kind = KINDS
        .iter()
        .find(|(_, cues)| words.iter().any(|w| cues.contains(&w.as_str())))
        .map(|(kind, _)| *kind)?;
    Some(if kind == "witness" && !named {
        "anonymous_witness"
    } else {
        kind
    })
}

/// The sentence of paragraph `p` around the bytes `start..end`, as byte
/// offsets: from after the last full stop before it (not a title's, as in
/// "Dr.") to the next one after it.
pub fn sentence_around(p: &str, start: usize, end: usize) -> (usize, usize) {
    let stop = |i: usize| {
        p[i..].starts_with(['.', '!', '?'])
            && !(p[i..].starts_with('.')
                && TITLES.iter().any(|t| {
                    p[..i].ends_with(t) && !p[..i - t.len()].ends_with(char::is_alphanumeric)
                }))
    };
    let from = (0..start.min(p.len()))
        .rev()
        .find(|&i| p.is_char_boundary(i) && stop(i))
        .map_or(0, |i| i + 1);
    let to = (end.min(p.len())..p.len())
        .find(|&i| p.is_char_boundary(i) && stop(i))
        .unwrap_or(p.len());
    (from, to)
}

/// Words that begin a name's phrase but are not part of the name.
const LEADS: [&str; 4] = ["the", "a", "an", "local"];

fn attributions(p: &str, ts: &[Token<'_>], paragraph: u32, out: &mut Vec<Suggestion>) {
    let words: Vec<String> = ts.iter().map(lower).collect();
    let cased = cased(p);
    let phrase_after = |from: usize| -> Option<(usize, usize)> {
        let mut k = from;
        while k < ts.len() && k < from + 6 {
            // "a local official who asked not to be named": the source is
            // the phrase before its clause.
            if k > from && matches!(words[k].as_str(), "who" | "which") {
                return Some((from, k - 1));
            }
            if ts[k].stop || words.get(k + 1).is_some_and(|w| w == "that") {
                return Some((from, k));
            }
            k += 1;
        }
        (k > from).then(|| (from, k - 1))
    };
    let phrase_before = |to: usize| -> Option<(usize, usize)> {
        // Back to the clause's start, at most six words.
        let mut k = to;
        while k > 0 && to - k < 6 && !ts[k - 1].stop {
            k -= 1;
        }
        (k <= to).then_some((k, to))
    };
    for i in 0..ts.len() {
        let span = match words[i].as_str() {
            "according" if words.get(i + 1).is_some_and(|w| w == "to") => phrase_after(i + 2),
            // "…, said Amna Idris, a teacher" or "…, the union said."
            "said" | "says" | "reported" | "reports" | "announced" | "stated" => {
                // "…, said Amna Idris" names the speaker after; "The director,
                // Dr. Idris Bah, said 41 …" before, where no name follows.
                let name_follows = ts.get(i + 1).is_some_and(|t| {
                    name_like(t.text, cased) || matches!(lower(t).as_str(), "the" | "a" | "an")
                });
                if i > 0 && ts[i - 1].stop && name_follows {
                    phrase_after(i + 1)
                } else if i > 0 {
                    phrase_before(i - 1)
                } else {
                    None
                }
            }
            // "…, a spokesman told AFP": AFP is who was told; the speaker
            // comes before.
            "told" if i > 0 => phrase_before(i - 1),
            _ => None,
        };
        let Some((a, b)) = span else { continue };
        if a > b || b >= ts.len() {
            continue;
        }
        // "its spokesman Moussa Kane": the possessive is no part of the
        // name, and whose spokesman it is the words do not say, so neither
        // do they say the kind.
        let whose = a < b && matches!(words[a].as_str(), "its" | "their" | "his" | "her");
        let a = a + usize::from(whose);
        let source = p[ts[a].start..ts[b].end].to_owned();
        // A pronoun is no source, nor a relative one ("the Red Cross,
        // which said …": the Red Cross is offered where it is named).
        if matches!(
            source.to_lowercase().as_str(),
            "he" | "she" | "it" | "they" | "we" | "i" | "officials" | "which" | "who" | "that"
        ) {
            continue;
        }
        out.push(Suggestion {
            paragraph,
            start: ts[a].start,
            end: ts[b].end,
            words: source.clone(),
            fact: Fact::Attribution {
                kind: if whose { None } else { guess_kind(&source) },
                source,
            },
        });
    }
}

/// Lower-case words a name may hold between its capitalised ones.
const JOINS: [&str; 6] = ["of", "al", "bin", "de", "for", "and"];

/// Words before a name that make it a place: "in Halvik", "near the Tarsk
/// bridge", "outside Freedom Square".
/// (Not "at": "fired at Tarsk" names a target.)
const AT_PLACE: [&str; 8] = [
    "in", "near", "outside", "into", "toward", "towards", "across", "around",
];

fn names(
    p: &str,
    ts: &[Token<'_>],
    paragraph: u32,
    known: &[(String, String)],
    out: &mut Vec<Suggestion>,
) {
    // "al-Nourah" reads as a capitalised word inside a name.
    let cased = cased(p);
    let capital = |t: &Token<'_>| {
        name_like(t.text, cased)
            || t.text
                .rsplit('-')
                .next()
                .is_some_and(|last| t.text.contains('-') && last.starts_with(char::is_uppercase))
    };
    let not_name = |t: &Token<'_>| {
        let w = lower(t);
        WEEKDAYS.contains(&w.as_str())
            || MONTHS.contains(&w.as_str())
            || LEADS.contains(&w.as_str())
    };
    // A paragraph that opens in capitals opens with its dateline
    // ("KHAN YOUNIS, Gaza Strip —"): a place the story is filed from, no
    // actor. Capitals, that is, not a word of a script without them.
    let caps = |t: &Token<'_>| {
        t.text.len() > 1
            && !t.text.contains(char::is_lowercase)
            && t.text.contains(char::is_uppercase)
    };
    let mut i = ts.iter().take_while(|t| caps(t)).count();
    while i < ts.len() {
        if !capital(&ts[i]) || not_name(&ts[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < ts.len()
            && !ts[j].stop
            && (capital(&ts[j + 1])
                || (JOINS.contains(&lower(&ts[j + 1]).as_str())
                    && ts.get(j + 2).is_some_and(&capital)))
            && !not_name(&ts[j + 1])
        {
            j += 1;
        }
        // A lone capital at a sentence's start is most often no name.
        let sentence_start =
            i == 0 || ts[i - 1].stop && p[ts[i - 1].end..ts[i].start].contains(['.', '—']);
        if j > i || !sentence_start {
            let name = p[ts[i].start..ts[j].end].to_owned();
            let folded = name.to_lowercase();
            let known = known
                .iter()
                .find(|(_, n)| {
                    let n = n.to_lowercase();
                    n == folded || n.ends_with(&format!(" {folded}"))
                })
                .map(|(id, _)| id.clone());
            // "in Halvik", "near the Tarsk bridge": a place, unless it is
            // a name the story already has (a state is a place and an
            // actor both).
            let lead = i.checked_sub(1).map(|k| (k, lower(&ts[k])));
            let before = match lead {
                Some((k, w)) if LEADS.contains(&w.as_str()) => k.checked_sub(1),
                _ => i.checked_sub(1),
            };
            let place =
                before.is_some_and(|k| !ts[k].stop && AT_PLACE.contains(&lower(&ts[k]).as_str()));
            out.push(Suggestion {
                paragraph,
                start: ts[i].start,
                end: ts[j].end,
                words: name.clone(),
                fact: match known {
                    None if place => Fact::Place { name },
                    known => Fact::Name { name, known },
                },
            });
        }
        i = j + 1;
    }
}

/// Words that say what happened, and the kind each suggests.
fn happening(w: &str) -> Option<EventKind> {
    Some(match w {
        "struck" | "strike" | "strikes" | "hit" | "bombed" | "bombing" => EventKind::Strike,
        "shelled" | "shelling" => EventKind::ShellingArtilleryMissileAttack,
        "airstrike" | "airstrikes" | "drone" => EventKind::AirDroneStrike,
        "clashed" | "clashes" | "fought" | "battle" => EventKind::ArmedClash,
        "killed" | "attacked" | "raid" | "raids" | "raided" | "massacre" => EventKind::Attack,
        "denied" | "said" | "warned" => EventKind::Statement,
        "claimed" => EventKind::ClaimOfResponsibility,
        "met" | "hosted" | "talks" => EventKind::Meeting,
        "arrested" | "detained" => EventKind::Arrests,
        "abducted" | "kidnapped" => EventKind::Abduction,
        "protested" | "protesters" | "marched" | "protest" | "protests" | "demonstrated"
        | "demonstrators" | "demonstration" | "rally" | "rallied" => EventKind::PeacefulProtest,
        // No kind of ACLED's: the story's own (an `x-` kind, "Mourning").
        "mourning" | "mourned" | "mourners" | "funeral" | "funerals" | "vigil" => {
            EventKind::Custom("x-mourning".into())
        }
        "intercepted" => EventKind::DisruptedWeaponsUse,
        "seized" | "captured" | "overran" => EventKind::NonStateActorOvertakesTerritory,
        "announced" | "declared" => EventKind::Statement,
        _ => return None,
    })
}

fn happenings(p: &str, ts: &[Token<'_>], paragraph: u32, out: &mut Vec<Suggestion>) {
    for (k, t) in ts.iter().enumerate() {
        let Some(mut kind) = happening(&lower(t)) else {
            continue;
        };
        // "an air strike", "a drone strike", "jets struck".
        let by_air = k > 0
            && matches!(
                lower(&ts[k - 1]).as_str(),
                "air" | "drone" | "jets" | "warplanes" | "aircraft"
            );
        if kind == EventKind::Strike && by_air {
            kind = EventKind::AirDroneStrike;
        }
        // "A missile struck", "rockets hit": the weapon the sentence names
        // before its verb.
        let fired = ts[k.saturating_sub(3)..k].iter().any(|w| {
            matches!(
                lower(w).as_str(),
                "missile"
                    | "missiles"
                    | "rocket"
                    | "rockets"
                    | "shell"
                    | "shells"
                    | "artillery"
                    | "mortar"
                    | "mortars"
            )
        });
        if kind == EventKind::Strike && fired {
            kind = EventKind::ShellingArtilleryMissileAttack;
        }
        // "Dockworkers struck", "teachers went on strike", "a general
        // strike": people stopping work, which ACLED codes as a protest,
        // never as an attack.
        // The workers are the verb's subject, just before it: not "killed
        // two aid workers and struck a convoy".
        let before = |n: usize| k.checked_sub(n).map(|i| lower(&ts[i]));
        let labour = before(1).is_some_and(|w| {
            w.ends_with("workers")
                || matches!(
                    w.as_str(),
                    "union"
                        | "unions"
                        | "staff"
                        | "employees"
                        | "teachers"
                        | "doctors"
                        | "nurses"
                        | "drivers"
                        | "miners"
                        | "on"
                        | "general"
                )
        }) || (before(1).as_deref() == Some("a")
            && before(2).as_deref() == Some("on"));
        if kind == EventKind::Strike && labour && !by_air {
            kind = EventKind::PeacefulProtest;
        }
        // "said" is an attribution already; only a denial or a warning is
        // a statement worth its own event.
        if lower(t) == "said" {
            continue;
        }
        // An event quotes its whole sentence, up to its full stop.
        let start = p[..t.start].rfind(['.', '!', '?']).map_or(0, |i| i + 1);
        let start = start + (p[start..].len() - p[start..].trim_start().len());
        let end = p[t.end..]
            .find(['.', '!', '?'])
            .map_or(p.len(), |i| t.end + i);
        out.push(Suggestion {
            paragraph,
            start,
            end,
            words: p[start..end].to_owned(),
            fact: Fact::Happening { kind },
        });
    }
}

/// Every suggestion in `paragraphs`, paragraph by paragraph in the order
/// of their words. `published` resolves weekdays and years; `known` pairs
/// the ids and names of the actors and sources already made.
pub fn suggestions(
    paragraphs: &[String],
    published: PartialDate,
    known: &[(String, String)],
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for (k, p) in paragraphs.iter().enumerate() {
        let n = k as u32 + 1;
        let ts = tokens(p);
        let from = out.len();
        figures(p, &ts, n, &mut out);
        dates(p, &ts, n, published, &mut out);
        attributions(p, &ts, n, &mut out);
        names(p, &ts, n, known, &mut out);
        happenings(p, &ts, n, &mut out);
        out[from..].sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
        // One suggestion once: two words of one sentence may say the same
        // ("struck … strikes").
        let mut k = from;
        while k < out.len() {
            if out[from..k].contains(&out[k]) {
                out.remove(k);
            } else {
                k += 1;
            }
        }
    }
    out
}

/// What befell the people the figure at bytes `start..end` of paragraph
/// `p` counts: the figure's own outcome where its words say it ("3
/// killed"), else the first its sentence states ("Police detained 14 …;
/// the union put the number at 20": detained).
pub fn outcome_at(p: &str, start: usize, end: usize) -> Option<Outcome> {
    let (from, to) = sentence_around(p, start, end);
    let sentence = &p[from..to];
    let mut found = Vec::new();
    figures(sentence, &tokens(sentence), 1, &mut found);
    let outcome = |s: &Suggestion| match s.fact {
        Fact::Figure { outcome, .. } => outcome,
        _ => None,
    };
    found
        .iter()
        .find(|s| from + s.start < end && start < from + s.end)
        .and_then(outcome)
        .or_else(|| found.iter().find_map(outcome))
}

/// The first figure a quote states: its count, what it counts and what
/// befell them ("30 people were wounded": exactly 30, people, wounded).
pub fn figure_in(quote: &str) -> Option<(Count, String, Option<Outcome>)> {
    let ts = tokens(quote);
    let mut out = Vec::new();
    figures(quote, &ts, 1, &mut out);
    out.into_iter().find_map(|s| match s.fact {
        Fact::Figure {
            count,
            unit,
            outcome,
        } => Some((count, unit, outcome)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> PartialDate {
        // A Monday.
        PartialDate::day(2024, 1, 8)
    }

    fn all(p: &str) -> Vec<Suggestion> {
        suggestions(&[p.to_owned()], published(), &[])
    }

    /// The figures a sentence gives: (words, qualifier, value, unit, outcome).
    /// A figure as a table row: words, qualifier, value, unit, outcome.
    type Row<W> = (W, CountQualifier, Option<u64>, W, Option<Outcome>);

    /// A sentence and the figure it gives, as a table row.
    type Case = (
        &'static str,
        &'static str,
        CountQualifier,
        Option<u64>,
        &'static str,
        Option<Outcome>,
    );

    fn figures_of(p: &str) -> Vec<Row<String>> {
        all(p)
            .into_iter()
            .filter_map(|s| match s.fact {
                Fact::Figure {
                    count,
                    unit,
                    outcome,
                } => Some((s.words, count.qualifier, count.value, unit, outcome)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_range_keeps_its_ends_and_no_value() {
        let range = |p: &str| {
            all(p)
                .into_iter()
                .find_map(|s| match s.fact {
                    Fact::Figure {
                        count,
                        unit,
                        outcome,
                    } => Some((s.words, count, unit, outcome)),
                    _ => None,
                })
                .unwrap()
        };
        let (words, count, unit, outcome) = range("Between 40 and 60 people were killed.");
        assert_eq!(words, "Between 40 and 60 people were killed");
        assert_eq!(
            (count.qualifier, count.value, count.low, count.high),
            (CountQualifier::Exact, None, Some(40), Some(60))
        );
        assert_eq!((unit.as_str(), outcome), ("people", Some(Outcome::Killed)));
        let (words, count, ..) = range("About 200 to 300 families fled.");
        assert_eq!(words, "About 200 to 300 families fled");
        assert_eq!(
            (count.qualifier, count.low, count.high),
            (CountQualifier::Approximately, Some(200), Some(300))
        );
        let (words, count, ..) = range("Rockets hit from 3 to 5 towns.");
        assert_eq!(
            (words.as_str(), count.value, count.low),
            ("from 3 to 5 towns", None, Some(3))
        );
        // Not a range: a lower number after "to", or none.
        let (_, count, ..) = range("They moved 40 to 12 sites.");
        assert_eq!((count.value, count.low), (Some(40), None));
        let (_, count, ..) = range("Up to 50 people fled to Tyre.");
        assert_eq!((count.value, count.low), (Some(50), None));
    }

    #[test]
    fn counts_with_their_qualifier_unit_and_outcome() {
        use CountQualifier::*;
        let table: [Case; 15] = [
            (
                "At least 15 people were killed in the raid.",
                "At least 15 people were killed",
                AtLeast,
                Some(15),
                "people",
                Some(Outcome::Killed),
            ),
            (
                "The jets dropped six bombs on the market.",
                "six bombs",
                Exact,
                Some(6),
                "bombs",
                None,
            ),
            (
                "30 people were wounded, a nurse said.",
                "30 people were wounded",
                Exact,
                Some(30),
                "people",
                Some(Outcome::Wounded),
            ),
            (
                "Dozens of people were killed.",
                "Dozens of people were killed",
                Dozens,
                None,
                "people",
                Some(Outcome::Killed),
            ),
            (
                "The toll was in the hundreds, the committee said.",
                "in the hundreds",
                Hundreds,
                None,
                "",
                None,
            ),
            (
                "In 2024, 40 ships were seized.",
                "40 ships",
                Exact,
                Some(40),
                "ships",
                None,
            ),
            (
                "Moreover, 12 soldiers died.",
                "12 soldiers died",
                Exact,
                Some(12),
                "soldiers",
                Some(Outcome::Killed),
            ),
            (
                "They fired more than 1,200 rockets.",
                "more than 1,200 rockets",
                MoreThan,
                Some(1200),
                "rockets",
                None,
            ),
            (
                "Some twenty-five armoured vehicles entered.",
                "Some twenty-five armoured vehicles",
                Approximately,
                Some(25),
                "armoured vehicles",
                None,
            ),
            (
                "Up to two hundred families fled the village.",
                "Up to two hundred families fled",
                UpTo,
                Some(200),
                "families",
                Some(Outcome::Displaced),
            ),
            (
                "The army killed nearly 40 fighters.",
                "killed nearly 40 fighters",
                Approximately,
                Some(40),
                "fighters",
                Some(Outcome::Killed),
            ),
            (
                "Police arrested 9 protesters.",
                "arrested 9 protesters",
                Exact,
                Some(9),
                "protesters",
                Some(Outcome::Detained),
            ),
            (
                "Scores of homes burned.",
                "Scores of homes",
                Scores,
                None,
                "homes",
                None,
            ),
            (
                "Over 300 were missing on Tuesday.",
                "Over 300 were missing",
                MoreThan,
                Some(300),
                "",
                Some(Outcome::Missing),
            ),
            // The injured are not what the number counts.
            (
                "Its teams treated the injured at two hospitals.",
                "two hospitals",
                Exact,
                Some(2),
                "hospitals",
                None,
            ),
        ];
        for (p, words, q, v, unit, outcome) in table {
            let found = figures_of(p);
            assert_eq!(
                found
                    .first()
                    .map(|f| (f.0.as_str(), f.1, f.2, f.3.as_str(), f.4)),
                Some((words, q, v, unit, outcome)),
                "{p}: {found:?}"
            );
        }
        // Words the text keeps whole.
        let s = &all("The toll was in the hundreds.")[0];
        assert!(
            matches!(&s.fact, Fact::Figure { count, .. } if count.words.as_deref() == Some("in the hundreds"))
        );
        // A unit stops at the words of time and at names after it.
        assert_eq!(
            figures_of("Police held 9 protesters late Sunday.")[0].3,
            "protesters"
        );
        assert_eq!(figures_of("It hit 3 houses Monday.")[0].3, "houses");
        // No count where there is none.
        assert!(figures_of("Officials declined to comment.").is_empty());
    }

    #[test]
    fn dates_resolve_against_the_publication_date() {
        // Published on Monday 8 January 2024.
        let table: [(&str, &str, PartialDate, Option<TimeOfDay>); 7] = [
            (
                "The strikes began late Sunday.",
                "late Sunday",
                PartialDate::day(2024, 1, 7),
                Some(TimeOfDay::Night),
            ),
            (
                "It happened on Wednesday, officials said.",
                "Wednesday",
                PartialDate::day(2024, 1, 3),
                None,
            ),
            (
                "On Monday morning the talks resumed.",
                "Monday morning",
                PartialDate::day(2024, 1, 8),
                Some(TimeOfDay::Morning),
            ),
            (
                "Shelling resumed last night.",
                "last night",
                PartialDate::day(2024, 1, 7),
                Some(TimeOfDay::Night),
            ),
            (
                "Most recently, in April, they met.",
                "April",
                PartialDate::month(2023, 4),
                None,
            ),
            (
                "The ceasefire of 5 January collapsed.",
                "5 January",
                PartialDate::day(2024, 1, 5),
                None,
            ),
            (
                "Talks in May 2023 failed.",
                "May 2023",
                PartialDate::month(2023, 5),
                None,
            ),
        ];
        for (p, words, date, time) in table {
            let found: Vec<_> = all(p)
                .into_iter()
                .filter_map(|s| match s.fact {
                    Fact::When {
                        date, time_of_day, ..
                    } => Some((s.words, date, time_of_day)),
                    _ => None,
                })
                .collect();
            assert_eq!(
                found.first(),
                Some(&(words.to_owned(), date, time)),
                "{p}: {found:?}"
            );
        }
        // "may" in lower case is a verb.
        assert!(all("They may return.")
            .iter()
            .all(|s| !matches!(s.fact, Fact::When { .. })));
        // How a weekday was read is said.
        let s = all("The strikes began on Sunday.")
            .into_iter()
            .find(|s| matches!(s.fact, Fact::When { .. }))
            .unwrap();
        assert!(
            matches!(&s.fact, Fact::When { inferred: Some(how), .. } if how.starts_with("its “Sunday”, in a story published on Mon 8 Jan 2024")),
            "{s:?}"
        );
    }

    #[test]
    fn attributions_name_who_speaks() {
        let table: [(&str, &str); 6] = [
            (
                "Dozens were killed, according to local activists.",
                "local activists",
            ),
            (
                "The village was hit twice, the committee said.",
                "the committee",
            ),
            (
                "A third bomb fell, said Amna Idris, a teacher.",
                "Amna Idris",
            ),
            ("\"We saw it,\" a resident told AFP.", "a resident"),
            ("State media reported the attack on Sunday.", "State media"),
            ("The army said its troops fought armed men.", "The army"),
        ];
        for (p, source) in table {
            assert_eq!(sources_in(p), [source], "{p}");
        }
    }

    fn sources_in(p: &str) -> Vec<String> {
        facts_in(p, |f| match f {
            Fact::Attribution { source, .. } => Some(source),
            _ => None,
        })
    }

    #[test]
    fn a_title_a_clause_and_a_possessive_do_not_cut_or_stretch_who_speaks() {
        let table: [(&str, &str); 5] = [
            // A title's full stop ends no sentence, and the figure after
            // "said" is what was said, not who said it.
            (
                "The local hospital director, Dr. Idris Bah, said 41 wounded people had been admitted.",
                "Dr. Idris Bah",
            ),
            // The speaker is the phrase before its clause.
            (
                "The post fell, according to a local official who asked not to be named.",
                "a local official",
            ),
            // A possessive is no part of a name.
            (
                "\"We do not target civilians,\" its spokesman Moussa Kane said.",
                "spokesman Moussa Kane",
            ),
            ("Hours later, jets struck, the army said.", "the army"),
            // A relative pronoun is no one: its antecedent is named already.
            (
                "Forty were hurt, according to the Red Cross, which said its teams treated them.",
                "the Red Cross",
            ),
        ];
        for (p, source) in table {
            assert_eq!(sources_in(p), [source], "{p}");
        }
    }

    #[test]
    fn a_sentence_runs_past_a_titles_full_stop() {
        let p = "A drone struck. The director, Dr. Idris Bah, said 41 were hurt. Nothing more.";
        let at = p.find("41").unwrap();
        let (from, to) = sentence_around(p, at, at + 2);
        assert_eq!(
            &p[from..to],
            " The director, Dr. Idris Bah, said 41 were hurt"
        );
    }

    #[test]
    fn whose_spokesman_the_words_do_not_say_so_no_kind_is_guessed() {
        let kinds: Vec<Option<&str>> = all("\"No,\" its spokesman Moussa Kane said.")
            .into_iter()
            .filter_map(|s| match s.fact {
                Fact::Attribution { kind, .. } => Some(kind),
                _ => None,
            })
            .collect();
        assert_eq!(kinds, [None]);
    }

    #[test]
    fn a_sources_kind_is_guessed_from_its_words_only_where_they_say_it() {
        let table: [(&str, Option<&str>); 8] = [
            ("state media", Some("media_report")),
            ("residents", Some("anonymous_witness")),
            ("Amna Idris, a resident", Some("witness")),
            ("the regional governor", Some("official_statement")),
            (
                "army spokesman Colonel Samuel Diallo",
                Some("official_statement"),
            ),
            ("the Northern Front", Some("group_statement")),
            ("local activists", None),
            ("Amna Idris", None),
        ];
        for (source, kind) in table {
            assert_eq!(guess_kind(source), kind, "{source}");
        }
    }

    #[test]
    fn names_are_found_and_matched_to_what_is_made() {
        let known = [("rsf".to_owned(), "Rapid Support Forces".to_owned())];
        let found: Vec<(String, Option<String>)> = suggestions(
            &[
                "Fighters of the Rapid Support Forces entered Wad al-Nourah, said Amna Idris."
                    .to_owned(),
            ],
            published(),
            &known,
        )
        .into_iter()
        .filter_map(|s| match s.fact {
            Fact::Name { name, known } => Some((name, known)),
            _ => None,
        })
        .collect();
        assert_eq!(
            found,
            [
                ("Rapid Support Forces".to_owned(), Some("rsf".to_owned())),
                ("Wad al-Nourah".to_owned(), None),
                ("Amna Idris".to_owned(), None),
            ]
        );
    }

    #[test]
    fn a_dateline_and_a_dash_make_no_name() {
        let names =
            names_in("KHAN YOUNIS, Gaza Strip — Israeli jets struck the camp, Amna Idris said.");
        // The capitals are left out, "Gaza Strip" is not run on across the
        // dash into "Gaza Strip — Israeli", and "Israeli" opens its clause.
        assert_eq!(names, ["Gaza Strip", "Amna Idris"]);
    }

    /// What `pick` takes from each of a paragraph's suggestions, in order.
    fn facts_in<T>(p: &str, pick: impl Fn(Fact) -> Option<T>) -> Vec<T> {
        all(p).into_iter().filter_map(|s| pick(s.fact)).collect()
    }

    /// The names a paragraph's suggestions give.
    fn names_in(p: &str) -> Vec<String> {
        facts_in(p, |f| match f {
            Fact::Name { name, .. } => Some(name),
            _ => None,
        })
    }

    /// The places a paragraph's suggestions give.
    fn places_in(p: &str) -> Vec<String> {
        facts_in(p, |f| match f {
            Fact::Place { name } => Some(name),
            _ => None,
        })
    }

    #[test]
    fn a_name_where_something_is_is_a_place() {
        let p = "Shells fell in Halvik and near the Tarsk bridge; mourners marched into Freedom Square, Mayor Lina Vosk said. Troops fired at Tarsk Station.";
        assert_eq!(places_in(p), ["Halvik", "Tarsk", "Freedom Square"]);
        // A target is no place, and a speaker an actor.
        assert_eq!(names_in(p), ["Mayor Lina Vosk", "Tarsk Station"]);
        // A name the story has already is offered as that name.
        let known = [("halvik".to_owned(), "Halvik".to_owned())];
        let found = suggestions(&[p.to_owned()], published(), &known);
        assert!(found.iter().any(|s| matches!(
            &s.fact,
            Fact::Name { name, known: Some(id) } if name == "Halvik" && id == "halvik"
        )));
    }

    #[test]
    fn a_name_in_a_script_without_capitals_is_a_name_in_a_cased_text() {
        let p = "“We will stay,” said أحمد المصري, a farmer in Rafah.";
        assert_eq!(names_in(p), ["أحمد المصري"]);
        assert_eq!(places_in(p), ["Rafah"]);
        // The speaker is the name after "said", not the quote before it.
        let sources = sources_in(p);
        assert_eq!(sources, ["أحمد المصري"]);
        // Opening a paragraph, such a name is no dateline in capitals.
        assert_eq!(
            names_in("أحمد المصري said the shelling went on."),
            ["أحمد المصري"]
        );
        // A witness with a name in such a script is a named witness.
        assert_eq!(
            guess_kind("a witness, أحمد المصري"),
            guess_kind("a witness, Ahmed al-Masri")
        );
        // A paragraph all in such a script shows none of its names.
        assert!(names_in("قال أحمد المصري إن القصف استمر").is_empty());
    }

    /// The kinds of event the happenings in `p` suggest, in order.
    fn kinds_in(p: &str) -> Vec<EventKind> {
        facts_in(p, |f| match f {
            Fact::Happening { kind } => Some(kind),
            _ => None,
        })
    }

    #[test]
    fn words_say_what_happened() {
        assert_eq!(
            kinds_in("Jets struck the market; the army denied it and rebels claimed a raid. The rebels seized the post, and the governor announced mourning."),
            [
                // Jets strike from the air: ACLED's air strike.
                EventKind::AirDroneStrike,
                EventKind::Statement,
                EventKind::ClaimOfResponsibility,
                EventKind::Attack,
                EventKind::NonStateActorOvertakesTerritory,
                EventKind::Statement,
                // Mourning: no kind of ACLED's, the story's own.
                EventKind::Custom("x-mourning".into()),
            ]
        );
        assert_eq!(
            kinds_in("Hundreds of mourners attended the funerals. Students rallied outside the ministry."),
            [
                EventKind::Custom("x-mourning".into()),
                EventKind::PeacefulProtest
            ]
        );
    }

    #[test]
    fn a_weapon_named_before_the_verb_says_the_kind() {
        assert_eq!(
            kinds_in("A missile struck the market."),
            [EventKind::ShellingArtilleryMissileAttack]
        );
        assert_eq!(
            kinds_in("Rockets hit the base."),
            [EventKind::ShellingArtilleryMissileAttack]
        );
        assert_eq!(kinds_in("Gunmen struck the market."), [EventKind::Strike]);
    }

    #[test]
    fn people_who_stop_work_protest_and_attack_no_one() {
        for p in [
            "Dockworkers struck at the port of Calder on Monday, the union said.",
            "Teachers went on strike in the capital.",
            "The unions called a general strike.",
        ] {
            assert!(kinds_in(p).contains(&EventKind::PeacefulProtest), "{p}");
            assert!(!kinds_in(p).contains(&EventKind::Strike), "{p}");
        }
        assert_eq!(
            kinds_in("Jets struck the workers' camp."),
            [EventKind::AirDroneStrike]
        );
        assert!(
            !kinds_in("Gunmen killed two aid workers and struck a convoy.")
                .contains(&EventKind::PeacefulProtest)
        );
    }

    #[test]
    fn a_sentence_that_says_it_twice_is_suggested_once() {
        let found = all("Jets struck the market, and the strikes went on.");
        let strikes = found
            .iter()
            .filter(|s| {
                matches!(
                    s.fact,
                    Fact::Happening {
                        kind: EventKind::Strike
                    }
                )
            })
            .count();
        assert_eq!(strikes, 1, "{found:?}");
    }

    #[test]
    fn every_suggestion_is_anchored_to_its_words() {
        let p = "At least 15 people were killed late Sunday in Wad al-Nourah, according to local activists.";
        for s in all(p) {
            assert_eq!(&p[s.start..s.end], s.words, "{s:?}");
        }
    }
}
