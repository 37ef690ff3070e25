//! How facts read on screen: dates at their real precision, counts with their
//! qualifiers, status and attribution lines. Components call these and only
//! place the strings in markup.
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::base::num::thousands;
use crate::format::date::Precision;
use crate::format::model::{Count, Dataset, Event, Provenance, Quantity, Status, Tally};
use crate::format::vocab::{CountQualifier, EventKind, StatusState, TallyCategory};
use crate::view::state::{Chip, ViewState};

/// An event's date as a card shows it, at the precision the text gives:
/// "Tue 14 May 2024, night", "April 2024 (month only)",
/// "October 2023 (month only) – Wed 15 May 2024".
pub fn event_date(e: &Event) -> String {
    let mut out = e.date.human();
    match e.date.precision() {
        Precision::Month => out.push_str(" (month only)"),
        Precision::Year => out.push_str(" (year only)"),
        Precision::Day => {}
    }
    if let Some(t) = e.time_of_day {
        out.push_str(", ");
        out.push_str(t.label());
    }
    if let Some(until) = &e.until {
        out.push_str(" – ");
        out.push_str(&until.human());
    }
    out
}

/// Whether and from what words a date was inferred, as the card says it
/// beside the date: "inferred from “last night”", or "date inferred".
///
/// ```
/// use dossier::format::story::first_story;
/// use dossier::view::present::inferred;
/// let ds = first_story().unwrap();
/// let e = |id| ds.event(id).unwrap();
/// assert_eq!(inferred(e("e-makki-killed")).as_deref(), Some("inferred from “last night”"));
/// assert_eq!(inferred(e("e-hezbollah-toll")).as_deref(), Some("date inferred"));
/// assert_eq!(inferred(e("e-cross-border-fire")), None);
/// ```
pub fn inferred(e: &Event) -> Option<String> {
    e.date_inferred.as_ref()?;
    // Words longer than a short phrase would crowd the date's line; the
    // card gives them, and how they were read, with the quote.
    Some(match &e.date_text {
        Some(words) if words.chars().count() <= 30 => format!("inferred from “{words}”"),
        _ => "date inferred".to_owned(),
    })
}

/// The people an event involves who are no party to the story, with their
/// part: "residents of Kafr Saba (victim)". A part's come from its whole
/// when it names no one itself.
pub fn no_party(ds: &Dataset, e: &Event) -> Vec<String> {
    ds.participants_of(e)
        .iter()
        .filter_map(|p| Some(format!("{} ({})", p.victims.as_deref()?, p.role.label())))
        .gather()
}

/// The ties that end at people who are no party, which the network does
/// not draw: "The army attacked residents of Kafr Saba". Only those from an
/// actor `drawn` says the network shows (the filters leave the rest out).
pub fn no_party_ties(ds: &Dataset, drawn: impl Fn(&str) -> bool) -> Vec<String> {
    ds.relations
        .iter()
        .filter(|r| drawn(&r.from))
        .filter_map(|r| {
            let victims = r.victims.as_deref()?;
            Some(format!(
                "{} {} {victims}",
                ds.actor_name(&r.from),
                r.kind.label()
            ))
        })
        .gather()
}

/// What a part of another event takes from its whole, in words: "Its
/// place, actors and standing are the whole's." `None` for an event that
/// is no part, or that says everything itself.
pub fn inherited(ds: &Dataset, e: &Event) -> Option<String> {
    e.part_of.as_ref()?;
    let taken: Vec<&str> = [
        (e.place.is_none() && ds.place_of(e).is_some()).then_some("place"),
        (e.participants.is_empty() && !ds.participants_of(e).is_empty()).then_some("actors"),
        e.status.is_none().then_some("standing"),
    ]
    .into_iter()
    .flatten()
    .gather();
    (!taken.is_empty()).then(|| format!("Its {} as the whole's.", and_list(&taken)))
}

/// A count in words, with its qualifier: "more than 60", "at least 295",
/// "dozens", "about 300 (250–340)", and "about 40–60" or "40–60" for a
/// range with no best estimate; or the text's own words for it when the
/// count keeps them ("in the hundreds").
///
/// ```
/// use dossier::format::{model::Count, vocab::CountQualifier};
/// use dossier::view::present::count;
/// let range = |qualifier, value| Count { value, low: Some(40), high: Some(1_200), ..Count::of(qualifier, 0) };
/// assert_eq!(count(&range(CountQualifier::Approximately, Some(300))), "about 300 (40–1,200)");
/// assert_eq!(count(&range(CountQualifier::Approximately, None)), "about 40–1,200");
/// assert_eq!(count(&range(CountQualifier::Exact, None)), "40–1,200");
/// ```
pub fn count(c: &Count) -> String {
    c.said()
}

/// A quantity of something: "more than 60 rockets", "dozens of Katyusha
/// rockets", "rockets: in the hundreds" (the text's words kept whole).
/// One of "people …" is "1 person …", as an ACLED tally of one death says
/// it, never "1 people".
///
/// ```
/// use dossier::format::{model::Count, vocab::CountQualifier};
/// use dossier::view::present::quantity;
/// let n = |v| Count::of(CountQualifier::Exact, v);
/// assert_eq!(quantity(&n(1), "people killed in battles"), "1 person killed in battles");
/// assert_eq!(quantity(&n(2), "civilians killed"), "2 civilians killed");
/// assert_eq!(quantity(&n(1), "peoples' councils"), "1 peoples' councils");
/// assert_eq!(quantity(&n(2), "people killed"), "2 people killed");
/// ```
pub fn quantity(c: &Count, unit: &str) -> String {
    let of = !c.qualifier.takes_value() && c.qualifier != CountQualifier::Several;
    // Written in two parts, the first swapped: no new string to make.
    let (one, unit) = match c.value {
        Some(1) if unit.as_bytes().starts_with(b"people ") => ("person", &unit[6..]),
        _ => ("", unit),
    };
    match (&c.words, of) {
        (Some(_), _) => format!("{one}{unit}: {}", count(c)),
        (None, true) => format!("{} of {one}{unit}", count(c)),
        (None, false) => format!("{} {one}{unit}", count(c)),
    }
}

/// A casualty category as a figure of `c` says it: "civilians", and
/// "civilian" for one (the vocabulary's own plurals; a dataset's own
/// category is left as it is written). People of no stated category are
/// "people", as a reader says it.
///
/// ```
/// use dossier::format::{model::Count, vocab::{CountQualifier, TallyCategory}};
/// use dossier::view::present::category_label;
/// let n = |v| Count::of(CountQualifier::Exact, v);
/// assert_eq!(category_label(&TallyCategory::Civilians, &n(1)), "civilian");
/// assert_eq!(category_label(&TallyCategory::Civilians, &n(2)), "civilians");
/// assert_eq!(category_label(&TallyCategory::Children, &n(1)), "child");
/// assert_eq!(category_label(&TallyCategory::Unknown, &n(1)), "person");
/// assert_eq!(category_label(&TallyCategory::Unknown, &n(40)), "people");
/// let own = TallyCategory::Custom("x-press".into());
/// assert_eq!(category_label(&own, &n(1)), category_label(&own, &n(2)));
/// ```
pub fn category_label(category: &TallyCategory, c: &Count) -> std::borrow::Cow<'static, str> {
    let one = c.value == Some(1);
    std::borrow::Cow::Borrowed(match category {
        TallyCategory::Unknown if one => "person",
        TallyCategory::Unknown => "people",
        TallyCategory::Children if one => "child",
        TallyCategory::Custom(_) | TallyCategory::Children => return category.label(),
        _ => {
            // The vocabulary's other plurals end in "s".
            let mut l = category.label();
            if one && l.ends_with('s') {
                l.to_mut().pop();
            }
            return l;
        }
    })
}

/// An event's figure as a card lists it, with whose figure it is when it
/// has its own source: "more than 20 armoured vehicles (local activists)".
pub fn figure(ds: &Dataset, q: &Quantity) -> String {
    let mut out = quantity(&q.count, &q.unit);
    if let Some(p) = &q.provenance {
        out.push_str(&format!(" ({})", ds.source_name(&p.source)));
    }
    out
}

/// Whether a casualty figure that counts event `e` alone states its figure
/// `q` again (the same number for the same fate, by the same counter: the
/// figure's own source, or else one of the event's): the
/// card leaves it to that line, which says whose dead and who counted
/// ([`tolls`]), and gives each number once.
///
/// ```
/// use dossier::format::story::first_story;
/// use dossier::view::present::restated;
/// let ds = first_story().unwrap();
/// let kept = |id| {
///     let e = ds.event(id).unwrap();
///     e.quantities.iter().filter(|q| !restated(&ds, e, q)).count()
/// };
/// // "More than 60 rockets" is the salvo's alone.
/// assert_eq!(kept("e-hermon-salvo"), 1);
/// // "At least 295 members killed" is the casualty line's figure.
/// assert_eq!(kept("e-hezbollah-toll"), 0);
/// ```
pub fn restated(ds: &Dataset, e: &Event, q: &Quantity) -> bool {
    let by = |t: &Tally| match &q.provenance {
        Some(p) => p.source == t.counted_by,
        None => e.provenance.iter().any(|p| p.source == t.counted_by),
    };
    ds.tallies.iter().any(|t| {
        (t.count.value, t.count.qualifier) == (q.count.value, q.count.qualifier)
            && by(t)
            && crate::base::text::has(&q.unit, t.outcome.label())
            && t.events == [e.id.as_str()]
    })
}

/// A quote as a card shows it: in quotation marks, with an ellipsis only
/// where it starts or ends inside a sentence of its paragraph.
///
/// ```
/// use dossier::view::present::quoted;
/// let p = "If confirmed, it would be the deadliest attack. Officials declined to comment.";
/// assert_eq!(quoted("If confirmed, it would be", p), "“If confirmed, it would be…”");
/// assert_eq!(quoted("the deadliest attack.", p), "“…the deadliest attack.”");
/// assert_eq!(quoted("Officials declined to comment.", p), "“Officials declined to comment.”");
/// ```
pub fn quoted(quote: &str, paragraph: &str) -> String {
    in_quotes(&quoted_ends(quote, paragraph))
}

/// Words in double quotes, any quotes inside them made single: “they
/// said ‘acts of terrorism’ ”, not “…“acts of terrorism”…”.
///
/// ```
/// use dossier::view::present::in_quotes;
/// assert_eq!(in_quotes("a “plan” now"), "“a ‘plan’ now”");
/// ```
pub fn in_quotes(words: &str) -> String {
    format!("“{}”", words.replace('“', "‘").replace('”', "’"))
}

/// A quote with "…" where it starts or stops inside a sentence.
fn quoted_ends(quote: &str, paragraph: &str) -> String {
    let (before, after) = crate::base::text::find(paragraph, quote).map_or(("x", "x"), |at| {
        (&paragraph[..at], &paragraph[at + quote.len()..])
    });
    let ends_sentence = |text: &str| {
        let text = text.trim_end().trim_end_matches(['”', '"', '’', '\'', ')']);
        text.is_empty() || text.ends_with(['.', '!', '?', '…', ':'])
    };
    let lead = if ends_sentence(before) { "" } else { "…" };
    let trail = if after.trim().is_empty() || ends_sentence(quote) {
        ""
    } else {
        "…"
    };
    format!("{lead}{quote}{trail}")
}

pub use crate::base::case::capitalised;

/// A count with its noun, singular or plural: "1 event", "1,204 events".
///
/// ```
/// use dossier::view::present::plural;
/// assert_eq!(plural(1, "event", "events"), "1 event");
/// assert_eq!(plural(1204, "event", "events"), "1,204 events");
/// assert_eq!(plural(0, "tie", "ties"), "0 ties");
/// ```
/// A small number in words, as prose writes it: "two", "ten", "12".
pub fn number_word(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// A place as a card names it: the place, then its region and country,
/// each left out where a part of what is written already is it or
/// describes it ("near Tyre, southern Lebanon"; "southern Israel", not
/// "southern Israel, Israel"). A name that only contains the country's
/// keeps it: "Baabda, Mount Lebanon, Lebanon"; "Iranshahr, Iran".
pub fn place_line(place: &crate::format::model::Place) -> String {
    let mut out = place.name.clone();
    for extra in [&place.region, &place.country].into_iter().flatten() {
        let said = |part: &str| {
            let part = part.trim();
            part == extra
                || (crate::base::text::has(part, extra)
                    && part.starts_with(|c: char| c.is_ascii_lowercase()))
        };
        if !out.split(',').any(said) {
            out.push_str(", ");
            out.push_str(extra);
        }
    }
    out
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// Items joined for reading: "Hezbollah", "Hamas and Israel", "A, B and C".
///
/// ```
/// use dossier::view::present::and_list;
/// assert_eq!(and_list(&["Hamas", "Hezbollah", "Islamic Jihad"]), "Hamas, Hezbollah and Islamic Jihad");
/// assert_eq!(
///     and_list(&["Amna Idris, a teacher", "the health ministry", "AFP"]),
///     "Amna Idris, a teacher; the health ministry; and AFP"
/// );
/// ```
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    joined(items, "and")
}

/// Alternatives joined for reading: "killed, wounded or missing".
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    joined(items, "or")
}

/// Items joined by commas, or by semicolons when an item has a comma of its
/// own ("Amna Idris, a teacher; the health ministry; and AFP"), which
/// commas would split into more items than there are.
fn joined<S: AsRef<str>>(items: &[S], last_word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let (sep, before_last) = if items.iter().any(|i| i.as_ref().contains(',')) {
                ("; ", ";")
            } else {
                (", ", "")
            };
            let init = crate::base::text::join(init, sep);
            format!("{init}{before_last} {last_word} {}", last.as_ref())
        }
    }
}

/// Actors or sources by id, joined for reading, whichever each id names;
/// unknown ids are shown as they are.
pub fn party_names(ds: &Dataset, ids: &[String]) -> String {
    let names: Vec<String> = ids.iter().map(|id| in_sentence(ds.party_name(id))).gather();
    and_list(&names)
}

/// A name as it reads inside a sentence: an article in lower case ("a
/// monitoring group", "the air force", "the IDF"), except the "The" of a
/// title, whose words of four letters or more are all capitalised ("The
/// Times of Israel", "The Gambia").
///
/// ```
/// use dossier::view::present::in_sentence;
/// assert_eq!(in_sentence("The air force"), "the air force");
/// assert_eq!(in_sentence("The Israeli military"), "the Israeli military");
/// assert_eq!(in_sentence("The IDF"), "the IDF");
/// assert_eq!(in_sentence("A monitoring group"), "a monitoring group");
/// assert_eq!(in_sentence("An AFP tally"), "an AFP tally");
/// assert_eq!(in_sentence("The Times of Israel"), "The Times of Israel");
/// assert_eq!(in_sentence("The Gambia"), "The Gambia");
/// assert_eq!(in_sentence("Theo Walcott"), "Theo Walcott");
/// assert_eq!((in_sentence("The"), in_sentence("A")), ("The".into(), "A".into()));
/// ```
pub fn in_sentence(name: &str) -> String {
    let mut out = name.to_owned();
    let lower = match name.strip_prefix("The ") {
        Some(rest) => {
            let described = rest
                .split(' ')
                .any(|w| w.len() > 3 && w.starts_with(|c: char| c.is_ascii_lowercase()));
            described || (rest.len() > 1 && rest.bytes().all(|b| b.is_ascii_uppercase()))
        }
        None => name.starts_with("A ") || name.starts_with("An "),
    };
    if lower {
        out[..1].make_ascii_lowercase();
    }
    out
}

/// The status line: "Reported", "Claimed by Hezbollah", "Alleged by local
/// activists, not independently verified", "Reported · denied by the army
/// · not acknowledged by the government".
pub fn status(ds: &Dataset, s: &Status) -> String {
    let mut out = match s.state {
        StatusState::Reported => "Reported".to_owned(),
        state if s.by.is_empty() => state.label().to_owned(),
        state => format!("{} by {}", state.label(), party_names(ds, &s.by)),
    };
    if s.state == StatusState::Alleged {
        out.push_str(", not independently verified");
    }
    if !s.denied_by.is_empty() {
        out.push_str(&format!(" · denied by {}", party_names(ds, &s.denied_by)));
    }
    if !s.not_acknowledged_by.is_empty() {
        out.push_str(&format!(
            " · not acknowledged by {}",
            party_names(ds, &s.not_acknowledged_by)
        ));
    }
    out
}

/// A figure's own standing, when it has one beyond being reported:
/// "disputed by the Israeli military", "reported · denied by the RSF".
pub fn standing(ds: &Dataset, t: &Tally) -> Option<String> {
    let st = t.status.as_ref()?;
    let plain = st.state == StatusState::Reported
        && st.denied_by.is_empty()
        && st.not_acknowledged_by.is_empty();
    if plain {
        return None;
    }
    let words = status(ds, st);
    let mut chars = words.chars();
    let first = chars.next()?.to_ascii_lowercase();
    Some(std::iter::once(first).chain(chars).collect())
}

/// The attribution line for a provenance entry: "According to al-Manar",
/// "According to the Israeli military, via Israeli news outlets",
/// "Reported by Al-Monitor" for the article's own reporting.
pub fn attribution(ds: &Dataset, p: &Provenance) -> String {
    let Some(source) = ds.source(&p.source) else {
        return format!("According to {}", p.source);
    };
    if source.kind == crate::format::vocab::SourceKind::Article {
        return format!("Reported by {}", in_sentence(&source.name));
    }
    let mut out = format!("According to {}", in_sentence(&source.name));
    if let Some(via) = source.via.as_deref().and_then(|v| ds.source(v)) {
        // "the Israeli military, via Israeli news outlets" already names the
        // channel in some datasets; do not say it twice.
        if !crate::base::text::has(&source.name, &via.name) {
            out.push_str(", via ");
            out.push_str(&via.name);
        }
    }
    out
}

/// Where a quote sits in its paragraph: the text before, the quote, the text
/// after. `None` when the quote is not in the paragraph.
pub fn split_quote<'a>(paragraph: &'a str, quote: &str) -> Option<(&'a str, &'a str, &'a str)> {
    if quote.is_empty() {
        return None;
    }
    let start = crate::base::text::find(paragraph, quote)?;
    let end = start + quote.len();
    Some((
        &paragraph[..start],
        &paragraph[start..end],
        &paragraph[end..],
    ))
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 14] = [
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Mr", "Mrs", "Dr", "St", "Gen", "Lt",
];

/// The sentence of `paragraph` that contains the quote at `start..end`, as a
/// byte range, so the source panel can shade it around the highlighted quote.
/// A full stop ends a sentence when a space and a capital follow and it does
/// not close a known abbreviation ("Oct. 7").
pub fn sentence_around(paragraph: &str, start: usize, end: usize) -> (usize, usize) {
    let ends_sentence = |i: usize| {
        let b = paragraph.as_bytes();
        if !matches!(b[i], b'.' | b'?' | b'!') {
            return false;
        }
        // A capital is a letter that lower case changes: read with the
        // page's case mappings (`base::case`), not std's table of capitals.
        let next_is_capital = paragraph[i + 1..]
            .strip_prefix(' ')
            .and_then(|r| Some(&r[..r.chars().next()?.len_utf8()]))
            .is_some_and(|c| crate::base::case::lower(c) != c);
        let before = &paragraph[..i];
        let word = &before[before.bytes().rposition(|b| b == b' ').map_or(0, |k| k + 1)..];
        next_is_capital && !ABBREVIATIONS.contains(&word)
    };
    let from = (0..start)
        .rev()
        .find(|&i| ends_sentence(i))
        .map_or(0, |i| i + 2);
    let to = (end..paragraph.len())
        .find(|&i| ends_sentence(i))
        .map_or(paragraph.len(), |i| i + 1);
    (from.min(start), to.max(end))
}

/// "6 of 18 events", "1 of 18 events", "18 events".
pub fn result_count(shown: usize, total: usize) -> String {
    if shown == total {
        plural(total, "event", "events")
    } else {
        let noun = if total == 1 { "event" } else { "events" };
        format!(
            "{} of {} {noun}",
            thousands(shown as u64),
            thousands(total as u64)
        )
    }
}

/// What a filter option or an active-filter chip says.
pub fn chip_label(ds: &Dataset, view: &ViewState, chip: &Chip) -> String {
    match chip {
        Chip::Actor(id) => ds.actor_name(id).to_owned(),
        Chip::Kind(k) => kind_label(k),
        Chip::Place(p) => p.clone(),
        Chip::Source(id) => ds.source_name(id).to_owned(),
        Chip::Status(s) => s.label().to_owned(),
        Chip::Tally(id) => ds
            .tally(id)
            .map_or_else(|| id.clone(), |t| tally_label(ds, t)),
        Chip::Dates => match (view.filters.from, view.filters.to) {
            (Some(a), Some(b)) => format!("{} – {}", a.short(), b.short()),
            (Some(a), None) => format!("From {}", a.short()),
            (None, Some(b)) => format!("Until {}", b.short()),
            (None, None) => String::new(),
        },
        Chip::Query => format!("“{}”", view.filters.query),
    }
}

/// The facet a chip belongs to, as the filter panel names it.
pub fn chip_facet(chip: &Chip) -> &'static str {
    match chip {
        Chip::Actor(_) => "Actor",
        Chip::Kind(_) => "Kind",
        Chip::Place(_) => "Place",
        Chip::Source(_) => "Source",
        Chip::Status(_) => "Status",
        Chip::Dates => "Dates",
        Chip::Query => "Search",
        Chip::Tally(_) => "Casualty figure",
    }
}

/// A casualty figure in one line, with its qualifier, whose dead, and who
/// counted: "more than 79 civilians, Lebanon (an AFP tally)".
pub fn tally_label(ds: &Dataset, t: &Tally) -> String {
    let side = t.place.clone().unwrap_or_else(|| ds.whose(t).to_owned());
    let counter = ds.source_name(&t.counted_by);
    format!("{} {}, {side} ({counter})", count(&t.count), counted(t))
}

/// Who a figure counts, after its number: "civilians", "soldiers
/// wounded"; for people of no stated category, what befell them, as a
/// card says it ("killed", before "people in and around Halvik port").
///
/// ```
/// use dossier::format::{story::first_story, vocab::TallyCategory};
/// use dossier::view::present::counted;
/// let mut t = first_story().unwrap().tallies[0].clone();
/// assert_eq!(counted(&t), "fighters");
/// t.category = TallyCategory::Unknown;
/// assert_eq!(counted(&t), "killed");
/// ```
pub fn counted(t: &Tally) -> String {
    match &t.category {
        TallyCategory::Unknown => t.outcome.label().to_owned(),
        c => {
            let outcome = t.outcome.unless_killed().map(|o| format!(" {o}"));
            format!(
                "{}{}",
                category_label(c, &t.count),
                outcome.unwrap_or_default()
            )
        }
    }
}

/// The casualty figures that count an event, as its card lists them, each
/// with whose dead and who counted: "more than 79 civilians killed, Lebanon,
/// according to an AFP tally, 3 of them journalists". A part of a figure
/// that counts the event too is said within it; a figure over several
/// events says how many, first.
///
/// ```
/// use dossier::format::story::first_story;
/// use dossier::view::present::tolls;
/// let ds = first_story().unwrap();
/// assert_eq!(
///     tolls(&ds, "e-afp-tally"),
///     ["more than 79 civilians killed, Lebanon, according to an AFP tally, 3 of them journalists"]
/// );
/// assert!(tolls(&ds, "e-beirut-meeting").is_empty());
/// ```
pub fn tolls(ds: &Dataset, event: &str) -> Vec<String> {
    let counts = |t: &Tally| t.events.iter().any(|e| e == event);
    // Said within another line: a part whose whole counts the event too.
    let within = |t: &Tally| {
        t.subset_of
            .as_deref()
            .and_then(|p| ds.tally(p))
            .is_some_and(counts)
    };
    let has_parts = |t: &Tally| {
        ds.tallies
            .iter()
            .any(|p| p.subset_of.as_deref() == Some(t.id.as_str()) && counts(p))
    };
    let mut out = Vec::new();
    for t in ds.tallies.iter().filter(|t| counts(t)) {
        // A revision (the same counter's, of the same people) is said on
        // the line of the figure it revises ("later revised to 31"), where
        // that line is listed and it has nothing of its own to add.
        let said = t
            .revises
            .as_deref()
            .and_then(|r| ds.tally(r))
            .is_some_and(|r| counts(r) && !within(r))
            && standing(ds, t).is_none()
            && !has_parts(t);
        if within(t) || said {
            continue;
        }
        let outcome = t.outcome.label();
        let c = &t.count;
        // A figure over several events says so first: the event's own
        // figure, where it has one, is on the card beside it.
        let mut line = match t.events.len() {
            1 => String::new(),
            n => format!("Across {} events: ", thousands(n as u64)),
        };
        // "at least 38 killed, residents of Halvik": what befell them
        // always, then whose dead.
        line += &match &t.category {
            TallyCategory::Unknown => format!("{}, {}", quantity(c, outcome), ds.whose(t)),
            category => format!(
                "{}, {}",
                quantity(c, &format!("{} {outcome}", category_label(category, c))),
                ds.whose(t)
            ),
        };
        line.push_str(", according to ");
        line.push_str(ds.source_name(&t.counted_by));
        if let Some(words) = standing(ds, t) {
            line.push_str(&format!(" ({words})"));
        }
        // Its parts next to it, before what became of it, set apart: "27
        // …, 4 of them children; later revised to 52", never "52, 4 of
        // them", nor the children read as revised.
        for part in ds
            .tallies
            .iter()
            .filter(|p| p.subset_of.as_deref() == Some(t.id.as_str()) && counts(p))
        {
            line.push_str(&format!(
                ", {} of them {}",
                count(&part.count),
                category_label(&part.category, &part.count)
            ));
        }
        // A figure since revised or withdrawn says so where it is read.
        if let Some(later) = ds.revision_of(t) {
            line.push_str(&format!(
                "; later revised to {} as of {}",
                count(&later.count),
                later.as_of.short()
            ));
        }
        if t.withdrawn.is_some() {
            line.push_str(", since withdrawn");
        }
        out.push(line);
    }
    out
}

/// What a group of kinds is called in a legend, by its name
/// ([`group_class`]).
pub fn group_label(class: &str) -> &'static str {
    match class {
        "battles" => "Battles",
        "remote" => "Explosions and remote violence",
        "civilians" => "Violence against civilians",
        "protest" => "Protests and riots",
        "strategic" => "Strategic developments",
        // A story's own kinds together (see `charts::timeline::OWN`).
        c if c.starts_with("other") => "Other kinds (named on each card)",
        _ => "Meetings, statements and reports",
    }
}

/// The name of an event kind's ACLED group, as its `data-kind`, which sets
/// its colour. A kind a newsroom added ("x-offensive") is of no group: it is
/// drawn as "other", never as one of the groups it may not belong to.
pub fn group_class(kind: &EventKind) -> &'static str {
    use crate::format::vocab::EventGroup::*;
    if let EventKind::Custom(_) = kind {
        return "other";
    }
    match kind.group() {
        Battles => "battles",
        RemoteViolence => "remote",
        ViolenceAgainstCivilians => "civilians",
        Protests | Riots => "protest",
        StrategicDevelopments => "strategic",
        News => "news",
    }
}

/// The reader's label of an event kind name: "claim_of_responsibility" →
/// "Claim of responsibility", a story's own "x-siege" → "Siege" (its label
/// has a capital, as ACLED's kinds do); an unknown name is shown as written.
pub fn kind_label(name: &str) -> String {
    EventKind::from_name(name).map_or_else(|| name.to_owned(), |k| k.label().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_of_the_story_s_own_is_written_as_acled_s_are() {
        assert_eq!(kind_label("x-siege"), "Siege");
        assert_eq!(kind_label("air_drone_strike"), "Air/drone strike");
    }

    #[test]
    fn a_place_names_its_region_and_country_once_each() {
        let place = |name: &str, region: Option<&str>, country: Option<&str>| {
            place_line(&crate::format::model::Place {
                name: name.into(),
                region: region.map(Into::into),
                country: country.map(Into::into),
                coordinates: None,
            })
        };
        assert_eq!(
            place(
                "Haret Hreik",
                Some("Baabda, Mount Lebanon"),
                Some("Lebanon")
            ),
            "Haret Hreik, Baabda, Mount Lebanon, Lebanon"
        );
        assert_eq!(
            place("Beirut, Lebanon", None, Some("Lebanon")),
            "Beirut, Lebanon"
        );
        assert_eq!(place("Tyre", Some("South"), None), "Tyre, South");
        assert_eq!(place("Iranshahr", None, Some("Iran")), "Iranshahr, Iran");
        assert_eq!(
            place("Mount Lebanon", None, Some("Lebanon")),
            "Mount Lebanon, Lebanon"
        );
        assert_eq!(
            place("southern Israel", None, Some("Israel")),
            "southern Israel"
        );
        assert_eq!(
            place("near Tyre", Some("southern Lebanon"), Some("Lebanon")),
            "near Tyre, southern Lebanon"
        );
        assert_eq!(
            place("Tyre", Some("Lebanon"), Some("Lebanon")),
            "Tyre, Lebanon"
        );
        assert_eq!(
            place("Gaza", Some("Gaza"), Some("Palestine")),
            "Gaza, Palestine"
        );
    }
    use crate::format::story::first_story;

    #[test]
    fn dates_read_at_their_precision() {
        let ds = first_story().unwrap();
        assert_eq!(
            event_date(ds.event("e-makki-killed").unwrap()),
            "Tue 14 May 2024, night"
        );
        assert_eq!(
            event_date(ds.event("e-haniyeh-arouri-talks").unwrap()),
            "April 2024 (month only)"
        );
        assert_eq!(
            event_date(ds.event("e-nasrallah-meetings").unwrap()),
            "October 2023 (month only) – Wed 15 May 2024"
        );
    }

    #[test]
    fn a_figure_over_several_events_says_so_before_its_number() {
        let mut ds = first_story().unwrap();
        let one = tolls(&ds, "e-afp-tally");
        assert!(
            one[0].starts_with("more than 79 civilians killed"),
            "{one:?}"
        );
        let t = ds
            .tallies
            .iter_mut()
            .find(|t| t.id == "t-lebanon-civilians")
            .unwrap();
        t.events.push("e-israel-toll".into());
        let over = tolls(&ds, "e-afp-tally");
        assert!(
            over[0].starts_with("Across 2 events: more than 79 civilians killed"),
            "{over:?}"
        );
        assert!(!over[0].contains("over 2"), "{over:?}");
    }

    #[test]
    fn a_card_gives_its_figure_once_unless_the_casualty_line_is_not_its_own() {
        let kept = |ds: &Dataset, id: &str| {
            let e = ds.event(id).unwrap();
            e.quantities
                .iter()
                .filter(|q| !restated(ds, e, q))
                .map(|q| figure(ds, q))
                .collect::<Vec<_>>()
        };
        let mut ds = first_story().unwrap();
        assert!(kept(&ds, "e-israel-toll").is_empty());
        // A figure over two events is not this event's own number.
        let civilians = ds.tallies.iter_mut().find(|t| t.id == "t-israel-civilians");
        civilians.unwrap().events.push("e-afp-tally".into());
        assert_eq!(kept(&ds, "e-israel-toll"), ["10 civilians killed (Israel)"]);
        // Nor is another counter's, nor another fate's, nor another number.
        let at = ds.tallies.iter().position(|t| t.id == "t-israel-soldiers");
        let at = at.unwrap();
        ds.tallies[at].counted_by = "afp-tally".into();
        assert_eq!(kept(&ds, "e-israel-toll").len(), 2);
        ds.tallies[at].counted_by = "israel".into();
        ds.tallies[at].outcome = crate::format::vocab::Outcome::Wounded;
        assert_eq!(kept(&ds, "e-israel-toll").len(), 2);
        ds.tallies[at].outcome = crate::format::vocab::Outcome::Killed;
        ds.tallies[at].count.value = Some(15);
        assert_eq!(kept(&ds, "e-israel-toll").len(), 2);
        // A figure with no source of its own is the event's sources': a
        // casualty line by another counter does not state it again.
        ds.tallies[at].count.value = Some(14);
        let e = ds
            .events
            .iter_mut()
            .find(|e| e.id == "e-israel-toll")
            .unwrap();
        e.quantities[0].provenance = None;
        assert_eq!(kept(&ds, "e-israel-toll").len(), 1);
        ds.tallies[at].counted_by = "afp-tally".into();
        assert_eq!(kept(&ds, "e-israel-toll").len(), 2);
    }

    #[test]
    fn a_revision_is_set_apart_from_the_figure_s_parts() {
        let ds = crate::format::story::civilians_revised(90);
        let event = ds.tally("t-later").unwrap().events[0].clone();
        let lines = tolls(&ds, &event);
        let line = lines.iter().find(|l| l.contains("79")).unwrap();
        assert!(
            line.contains(", 3 of them journalists; later revised to more than 90 as of"),
            "{line}"
        );
        // The revision is said there, not on a line of its own as well.
        assert_eq!(lines.len(), 1, "{lines:?}");
    }

    #[test]
    fn counts_keep_their_qualifiers() {
        let ds = first_story().unwrap();
        let t = |id: &str| count(&ds.tally(id).unwrap().count);
        assert_eq!(t("t-hezbollah-members"), "at least 295");
        assert_eq!(t("t-lebanon-civilians"), "more than 79");
        assert_eq!(t("t-israel-soldiers"), "14");
        let claim = ds.event("e-hermon-claim").unwrap();
        assert_eq!(
            quantity(&claim.quantities[0].count, &claim.quantities[0].unit),
            "dozens of Katyusha rockets, heavy rockets and artillery shells"
        );
        let salvo = ds.event("e-hermon-salvo").unwrap();
        assert_eq!(
            quantity(&salvo.quantities[0].count, &salvo.quantities[0].unit),
            "more than 60 rockets"
        );
    }

    #[test]
    fn status_and_attribution_lines() {
        let ds = first_story().unwrap();
        let e = |id: &str| ds.event(id).unwrap();
        assert_eq!(
            status(&ds, ds.status_of(e("e-hermon-claim"))),
            "Claimed by Hezbollah"
        );
        assert_eq!(
            status(&ds, ds.status_of(e("e-makki-killed"))),
            "Confirmed by Israeli military"
        );
        assert_eq!(
            attribution(&ds, &e("e-beirut-talks-agenda").provenance[0]),
            "According to al-Manar"
        );
        assert_eq!(
            attribution(&ds, &e("e-hermon-salvo").provenance[0]),
            "According to the Israeli military, via Israeli news outlets"
        );
        assert_eq!(
            attribution(&ds, &e("e-beirut-meeting").provenance[0]),
            "Reported by Al-Monitor"
        );
    }

    #[test]
    fn quotes_split_out_of_their_paragraph() {
        assert_eq!(split_quote("a b c", "b"), Some(("a ", "b", " c")));
        assert_eq!(split_quote("a b c", "d"), None);
        assert_eq!(result_count(6, 11), "6 of 11 events");
        assert_eq!(result_count(11, 11), "11 events");
    }

    #[test]
    fn the_sentence_around_a_quote() {
        let p = "Hamas launched it Oct. 7. Hezbollah fired rockets. Israel replied.";
        let start = p.find("fired").unwrap();
        let (a, b) = sentence_around(p, start, start + 5);
        assert_eq!(&p[a..b], "Hezbollah fired rockets.");
        let start = p.find("launched").unwrap();
        let (a, b) = sentence_around(p, start, start + 8);
        assert_eq!(&p[a..b], "Hamas launched it Oct. 7.");
        // A capital beyond ASCII starts a sentence too; a lower-case word
        // after a full stop does not.
        let p = "Il a parlé. Élisabeth a répondu. ǅemal a dit non. ainsi soit-il.";
        let start = p.find("répondu").unwrap();
        let (a, b) = sentence_around(p, start, start + 3);
        assert_eq!(&p[a..b], "Élisabeth a répondu.");
        let start = p.find("dit").unwrap();
        let (a, b) = sentence_around(p, start, start + 3);
        assert_eq!(&p[a..b], "ǅemal a dit non. ainsi soit-il.");
    }

    #[test]
    fn a_name_that_starts_with_the_reads_the_inside_a_status() {
        let mut ds = first_story().unwrap();
        let s = Status {
            state: StatusState::Claimed,
            by: vec!["hezbollah".into()],
            denied_by: vec!["israeli-military".into()],
            not_acknowledged_by: vec!["afp".into()],
        };
        ds.actors
            .iter_mut()
            .find(|a| a.id == "israeli-military")
            .unwrap()
            .name = "The air force".into();
        ds.actors.iter_mut().find(|a| a.id == "afp").unwrap().name = "The Times of Israel".into();
        assert_eq!(
            status(&ds, &s),
            "Claimed by Hezbollah · denied by the air force · not acknowledged by The Times of Israel"
        );
    }

    #[test]
    fn chips_read_in_words() {
        let ds = first_story().unwrap();
        let view = ViewState::from_fragment("from=2024-05-14&q=hayya");
        assert_eq!(
            chip_label(&ds, &view, &Chip::Actor("hezbollah".into())),
            "Hezbollah"
        );
        assert_eq!(
            chip_label(&ds, &view, &Chip::Kind("claim_of_responsibility".into())),
            "Claim of responsibility"
        );
        assert_eq!(chip_label(&ds, &view, &Chip::Dates), "From 14 May 2024");
        assert_eq!(chip_label(&ds, &view, &Chip::Query), "“hayya”");
        assert_eq!(
            chip_label(&ds, &view, &Chip::Source("afp-tally".into())),
            "an AFP tally"
        );
    }
}
