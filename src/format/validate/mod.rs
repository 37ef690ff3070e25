//! Loading and checking a dataset: either a valid [`Dataset`], or every
//! problem found, each with a JSON path and a plain-language reason.
//!
//! Loading runs in three passes, so that one mistake never hides another:
//! 1. the text is parsed as JSON (a syntax error stops here, with its line and column);
//! 2. each top-level part, and each element of each list, is decoded on its own,
//!    so a bad actor does not hide a bad event;
//! 3. the decoded parts are checked against each other: ids, references,
//!    dates, counts and quotes.
//!
//! Pure: no browser types here.

mod dates;
mod decode;
mod figures;
mod refs;
mod text;

use crate::format::date::{PartialDate, Precision};
use crate::format::jsonpos::is_within;
use crate::format::model::*;
use crate::format::parts::{List, Target};
use crate::format::suggest::nearest;
use decode::{
    decode_list, decode_part, describe_value, json_key_path, syntax_message, unescaped_quote,
};
use refs::WrittenIds;
use serde_json::Value;
use std::fmt;

pub use crate::format::model::{is_web_url, MAX_BYTES};
pub use refs::is_valid_id;

/// One thing wrong with a dataset, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// A JSON path such as `events[3].participants[1].actor`; `$` is the whole file.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong, in words a journalist can act on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    #[error("the file is empty")]
    Empty,
    #[error("could not load the story: {0}")]
    Fetch(String),
    #[error("{}", too_large(*.0))]
    TooLarge(usize),
    #[error("the file is not text (it is not valid UTF-8 at byte {0})")]
    NotText(usize),
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this is JSON, but not a Dossier dataset: {0}")]
    NotDossier(String),
    #[error("{0}")]
    Shape(String),
    #[error("unknown field \"{field}\"{}", suggestion_text(.suggestion))]
    UnknownField {
        field: String,
        suggestion: Option<String>,
    },
    #[error("format is \"{0}\"; this version of Dossier reads \"{FORMAT}\"")]
    Format(String),
    #[error("id \"{0}\" must be 1–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")]
    BadId(String),
    #[error("duplicate {what} id \"{id}\" (first used at {first})")]
    DuplicateId {
        what: &'static str,
        id: String,
        first: String,
    },
    #[error("unknown {what} \"{id}\"{}", suggestion_text(.suggestion))]
    UnknownReference {
        what: &'static str,
        id: String,
        suggestion: Option<String>,
    },
    #[error("{0} must not be empty")]
    Missing(&'static str),
    #[error("\"{0}\" is not an http or https link, or has a user name or password before its host (which would let it pass for another site)")]
    BadUrl(String),
    #[error("{0}")]
    Date(String),
    #[error("{0}")]
    Count(String),
    #[error("{0}")]
    Status(String),
    #[error("{0}")]
    Coordinates(String),
    #[error("{0}")]
    Reference(String),
    #[error("paragraph {paragraph} does not exist; the story has {count} paragraphs")]
    NoParagraph { paragraph: u32, count: usize },
    #[error("the quote is not an exact substring of paragraph {paragraph}{}", .hint.as_ref().map(|h| format!(" ({h})")).unwrap_or_default())]
    QuoteNotFound {
        paragraph: u32,
        hint: Option<String>,
    },
}

fn suggestion_text(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl From<&Problem> for crate::format::packed::ProblemText {
    /// The problem in the words the reader shows.
    fn from(p: &Problem) -> Self {
        crate::format::packed::ProblemText {
            path: p.path.clone(),
            text: p.kind.to_string(),
        }
    }
}

impl Problem {
    /// A problem at `path` (a JSON path, or a row of an import).
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }
}

/// Load a dataset from bytes, as read from a file or a fetch.
pub fn load_bytes(bytes: &[u8]) -> Result<Dataset, Vec<Problem>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![Problem::new("$", ProblemKind::TooLarge(bytes.len()))]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => load(text),
        Err(e) => Err(vec![Problem::new(
            "$",
            ProblemKind::NotText(e.valid_up_to()),
        )]),
    }
}

/// Load a dataset from JSON text: the dataset, or every problem in it.
pub fn load(text: &str) -> Result<Dataset, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::new("$", ProblemKind::TooLarge(text.len()))]);
    }
    if text.trim().is_empty() {
        return Err(vec![Problem::new("$", ProblemKind::Empty)]);
    }
    // Most files decode whole: straight from the text into the model is
    // several times quicker than through a JSON tree, part by part. Then
    // every id is written where it was read and nothing was stood in for,
    // so the checks say what the slow path's would. A file that does not
    // decode so takes the slow path, which places each of its problems.
    // Not for a file written as a list, which serde would read field by
    // field, nor one whose `$schema` the model read as absent (null).
    let fast = text
        .trim_start()
        .starts_with('{')
        .then(|| serde_json::from_str::<Dataset>(text).ok())
        .flatten()
        .filter(|d| d.schema.is_some() || !text.contains("\"$schema\""));
    if let Some(dataset) = fast {
        let problems = validate(&dataset);
        return if problems.is_empty() {
            Ok(dataset)
        } else {
            Err(problems)
        };
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let mut message = syntax_message(&e);
        if unescaped_quote(text, e.line(), e.column()) {
            message.push_str(
                "; a string seems to end early: a \" inside a string must be written \\\"",
            );
        }
        vec![Problem::new(
            "$",
            ProblemKind::Syntax {
                line: e.line(),
                column: e.column(),
                message,
            },
        )]
    })?;
    from_value(value)
}

/// Decode and check an already-parsed JSON value.
pub fn from_value(value: Value) -> Result<Dataset, Vec<Problem>> {
    match check_value(value) {
        (Some(dataset), problems) if problems.is_empty() => Ok(dataset),
        (_, problems) => Err(problems),
    }
}

/// A dataset's parts, in the format's order.
pub const PARTS: [&str; 9] = [
    "$schema",
    "format",
    "story",
    "sources",
    "actors",
    "events",
    "relations",
    "tallies",
    "notes",
];

/// Decode and check a JSON value, keeping what decoded even when there are
/// problems: the dataset with each broken item stood in for or left out
/// (as the problems say), or `None` when the value is no dataset at all.
/// The editor previews a draft this way while it still has problems.
pub fn check_value(value: Value) -> (Option<Dataset>, Vec<Problem>) {
    let Value::Object(mut root) = value else {
        return (None, vec![Problem::new(
            "$",
            ProblemKind::NotDossier(format!(
                "a dataset is a JSON object with format, story, sources, actors and events; this file is {}",
                describe_value(&value)
            )),
        )]);
    };
    if !["format", "story", "actors", "events"]
        .iter()
        .any(|k| root.contains_key(*k))
    {
        return (
            None,
            vec![Problem::new(
                "$",
                ProblemKind::NotDossier(
                    "it has none of the fields format, story, actors and events".into(),
                ),
            )],
        );
    }

    let mut problems = Vec::new();
    for key in root.keys() {
        if !PARTS.contains(&key.as_str()) {
            problems.push(Problem::new(
                json_key_path("", key),
                ProblemKind::UnknownField {
                    field: key.chars().take(60).collect(),
                    suggestion: nearest(key, PARTS).map(str::to_owned),
                },
            ));
        }
    }

    // Ids as written, even in elements that fail to decode, so that a broken
    // actor does not also turn every reference to it into a problem.
    let ids = WrittenIds::collect(&root);

    let schema = match root.remove("$schema") {
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            problems.push(Problem::new(
                "$schema",
                ProblemKind::Shape(format!(
                    "expected a string, found {}",
                    describe_value(&other)
                )),
            ));
            None
        }
        None => None,
    };
    let mut patched = Vec::new();
    let p = (&mut problems, &mut patched);
    let format = decode_part::<String>(&mut root, "format", true, p.0, p.1);
    let story = decode_part::<Story>(&mut root, "story", true, p.0, p.1);
    let notes = decode_part::<Vec<String>>(&mut root, "notes", false, p.0, p.1);
    let (sources, sources_at) = decode_list::<Source>(&mut root, "sources", true, p.0, p.1);
    let (actors, actors_at) = decode_list::<Actor>(&mut root, "actors", true, p.0, p.1);
    let (events, events_at) = decode_list::<Event>(&mut root, "events", true, p.0, p.1);
    let (relations, relations_at) =
        decode_list::<Relation>(&mut root, "relations", false, p.0, p.1);
    let (tallies, tallies_at) = decode_list::<Tally>(&mut root, "tallies", false, p.0, p.1);
    let positions = Positions {
        sources: sources_at,
        actors: actors_at,
        events: events_at,
        relations: relations_at,
        tallies: tallies_at,
    };

    let story = story.unwrap_or_else(|| Story {
        title: String::new(),
        dek: None,
        outlet: String::new(),
        url: String::new(),
        published: PartialDate::day(1970, 1, 1),
        dateline: None,
        paragraphs: Vec::new(),
    });
    let story_ok = problems.iter().all(|p| !p.path.starts_with("story"));
    let dataset = Dataset {
        schema,
        format: format.clone().unwrap_or_else(|| FORMAT.to_owned()),
        story,
        sources,
        actors,
        events,
        relations,
        tallies,
        notes: notes.unwrap_or_default(),
    };
    let mut checker = Checker {
        ds: &dataset,
        ids,
        positions,
        problems: Vec::new(),
        check_quotes: story_ok,
        patched,
    };
    checker.run(format.is_some());
    problems.extend(checker.problems);
    (Some(dataset), problems)
}

/// Check a dataset that is already typed (one built in code, or imported).
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    let mut checker = Checker {
        ds,
        ids: WrittenIds::of(ds),
        positions: Positions::identity(ds),
        problems: Vec::new(),
        check_quotes: true,
        patched: Vec::new(),
    };
    checker.run(true);
    checker.problems
}

/// For each decoded element, its index in the file's list.
struct Positions {
    sources: Vec<usize>,
    actors: Vec<usize>,
    events: Vec<usize>,
    relations: Vec<usize>,
    tallies: Vec<usize>,
}

impl Positions {
    fn identity(ds: &Dataset) -> Self {
        let upto = |n: usize| (0..n).collect();
        Positions {
            sources: upto(ds.sources.len()),
            actors: upto(ds.actors.len()),
            events: upto(ds.events.len()),
            relations: upto(ds.relations.len()),
            tallies: upto(ds.tallies.len()),
        }
    }
}

fn indexed<'b>(ids: impl Iterator<Item = &'b str>, at: &[usize]) -> Vec<(usize, &'b str)> {
    at.iter().copied().zip(ids).collect()
}

/// Where in the file a check looks: a JSON path such as
/// `events[3].participants[1].actor`, written out only when a problem is
/// found there. Nearly every place has none, and writing out each one
/// checked was a fifth of the check of a 20,000-row import.
#[derive(Clone, Copy)]
enum At<'a> {
    /// A path written out already: `story`.
    Path(&'a str),
    /// An item of a top-level list: `events[3]`.
    Item(&'static str, usize),
    /// A key of a place: `events[3].date`.
    Key(&'a At<'a>, &'static str),
    /// An item of a list kept at a key of a place: `events[3].participants[1]`.
    Index(&'a At<'a>, &'static str, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'static str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, key: &'static str, i: usize) -> At<'a> {
        At::Index(self, key, i)
    }
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            At::Path(p) => f.write_str(p),
            At::Item(list, i) => write!(f, "{list}[{i}]"),
            At::Key(at, key) => write!(f, "{at}.{key}"),
            At::Index(at, key, i) => write!(f, "{at}.{key}[{i}]"),
        }
    }
}

struct Checker<'a> {
    ds: &'a Dataset,
    ids: WrittenIds,
    positions: Positions,
    problems: Vec<Problem>,
    check_quotes: bool,
    /// Paths that failed to decode and were stood in for: already reported,
    /// and not checked again.
    patched: Vec<String>,
}

impl Checker<'_> {
    fn push(&mut self, path: impl fmt::Display, kind: ProblemKind) {
        let path = path.to_string();
        if !self.is_patched(&path) {
            self.problems.push(Problem::new(path, kind));
        }
    }

    /// Whether `path` was stood in for when it failed to decode.
    fn is_patched(&self, path: impl fmt::Display) -> bool {
        if self.patched.is_empty() {
            return false;
        }
        let path = path.to_string();
        self.patched.iter().any(|p| is_within(&path, p))
    }

    fn run(&mut self, format_written: bool) {
        let ds = self.ds;
        if format_written && ds.format != FORMAT {
            self.push("format", ProblemKind::Format(ds.format.clone()));
        }
        self.story();
        let pos = &self.positions;
        let lists = [
            (
                List::Sources,
                indexed(ds.sources.iter().map(|s| s.id.as_str()), &pos.sources),
            ),
            (
                List::Actors,
                indexed(ds.actors.iter().map(|a| a.id.as_str()), &pos.actors),
            ),
            (
                List::Events,
                indexed(ds.events.iter().map(|e| e.id.as_str()), &pos.events),
            ),
            (
                List::Relations,
                indexed(ds.relations.iter().map(|r| r.id.as_str()), &pos.relations),
            ),
            (
                List::Tallies,
                indexed(ds.tallies.iter().map(|t| t.id.as_str()), &pos.tallies),
            ),
        ];
        for (list, ids) in lists {
            self.unique(list.noun(), list.key(), ids);
        }

        for (i, s) in ds.sources.iter().enumerate() {
            let at = At::Item("sources", self.positions.sources[i]);
            self.text(&s.name, at, "name", "source name");
            // A status names a party by id, actor or source: one id for both
            // is one party speaking, never two.
            if ds.actor(&s.id).is_some() && s.actor.as_deref() != Some(s.id.as_str()) {
                self.push(
                    at.key("id"),
                    ProblemKind::Reference(format!(
                        "\"{}\" is also an actor's id, so a status that names it could mean either; a source may share an id only with the actor it speaks for (\"actor\": \"{}\"), or else needs an id of its own",
                        s.id, s.id
                    )),
                );
            }
            if let Some(a) = &s.actor {
                self.reference(Target::Actor, a, at.key("actor"));
            }
            if let Some(v) = &s.via {
                if v == &s.id {
                    self.push(
                        at.key("via"),
                        ProblemKind::Reference("a source cannot come via itself".into()),
                    );
                } else {
                    self.reference(Target::Source, v, at.key("via"));
                }
            }
        }
        for (i, a) in ds.actors.iter().enumerate() {
            let at = At::Item("actors", self.positions.actors[i]);
            self.text(&a.name, at, "name", "actor name");
            for (j, r) in a.roles.iter().enumerate() {
                let role = at.index("roles", j);
                self.text(&r.title, role, "title", "role title");
                self.provenance(&r.provenance, role.key("provenance"));
            }
        }
        for (i, e) in ds.events.iter().enumerate() {
            self.event(self.positions.events[i], e);
        }
        for (i, r) in ds.relations.iter().enumerate() {
            let at = At::Item("relations", self.positions.relations[i]);
            self.reference(Target::Actor, &r.from, at.key("from"));
            self.actor_or_victims(r.to.as_deref(), r.victims.as_deref(), at, "to");
            if r.victims.is_some() && !r.kind.takes_victims() {
                self.push(
                    at.key("victims"),
                    ProblemKind::Reference(format!(
                        "only an \"attacked\" or \"killed\" tie may end at victims who are no party; \"{}\" joins two actors",
                        r.kind.as_str()
                    )),
                );
            }
            if r.to.as_ref() == Some(&r.from) {
                self.push(
                    at.key("to"),
                    ProblemKind::Reference(format!(
                        "a relation joins two different actors; both ends are \"{}\"",
                        r.from
                    )),
                );
            }
            self.date_order(r.since.as_ref(), r.until.as_ref(), at, "since", "until");
            for (j, e) in r.events.iter().enumerate() {
                self.reference(Target::Event, e, at.index("events", j));
            }
            self.provenances(&r.provenance, at);
        }
        for (i, t) in ds.tallies.iter().enumerate() {
            self.tally(self.positions.tallies[i], t);
        }
    }

    fn story(&mut self) {
        let s = &self.ds.story;
        self.text(&s.title, At::Path("story"), "title", "story.title");
        self.text(&s.outlet, At::Path("story"), "outlet", "story.outlet");
        if !is_web_url(&s.url) {
            self.push(
                "story.url",
                ProblemKind::BadUrl(s.url.chars().take(80).collect()),
            );
        }
        if s.published.precision() != Precision::Day {
            self.push(
                "story.published",
                ProblemKind::Date(format!(
                    "the publication date needs a day (YYYY-MM-DD); found \"{}\"",
                    s.published
                )),
            );
        }
        if s.paragraphs.is_empty() {
            self.push("story.paragraphs", ProblemKind::Missing("story.paragraphs"));
        }
    }

    fn event(&mut self, i: usize, e: &Event) {
        let at = At::Item("events", i);
        self.text(&e.summary, at, "summary", "event summary");
        if let Some(how) = &e.date_inferred {
            self.text(how, at, "date_inferred", "how the date was inferred");
        }
        self.date_order(Some(&e.date), e.until.as_ref(), at, "date", "until");
        self.not_after_publication(Some(&e.date), at.key("date"));
        self.not_after_publication(e.until.as_ref(), at.key("until"));
        if let Some(place) = &e.place {
            let pat = at.key("place");
            self.text(&place.name, pat, "name", "place name");
            if let Some(c) = &place.coordinates {
                let cat = pat.key("coordinates");
                if !(-90.0..=90.0).contains(&c.lat) {
                    self.push(
                        cat.key("lat"),
                        ProblemKind::Coordinates(format!(
                            "latitude {} is outside -90 to 90",
                            c.lat
                        )),
                    );
                }
                if !(-180.0..=180.0).contains(&c.lon) {
                    self.push(
                        cat.key("lon"),
                        ProblemKind::Coordinates(format!(
                            "longitude {} is outside -180 to 180",
                            c.lon
                        )),
                    );
                }
            }
        }
        for (j, p) in e.participants.iter().enumerate() {
            let pat = at.index("participants", j);
            self.actor_or_victims(p.actor.as_deref(), p.victims.as_deref(), pat, "actor");
        }
        for (j, q) in e.quantities.iter().enumerate() {
            let qat = at.index("quantities", j);
            self.text(&q.unit, qat, "unit", "quantity unit");
            // A figure's own quote, or the event's when it has none.
            let quotes: Vec<&str> = match &q.provenance {
                Some(p) => vec![p.quote.as_str()],
                None => e.provenance.iter().map(|p| p.quote.as_str()).collect(),
            };
            self.count(&q.count, qat.key("count"), &quotes);
        }
        match (&e.status, &e.part_of) {
            (Some(st), _) => self.status(st, at.key("status"), "event"),
            // A part rests on its whole's word.
            (None, Some(_)) => {}
            (None, None) => self.push(
                at,
                ProblemKind::Status(
                    "missing field \"status\": whose word the event rests on (only a part of another event may leave it out)".into(),
                ),
            ),
        }
        for (j, q) in e.quantities.iter().enumerate() {
            if let Some(p) = &q.provenance {
                self.provenance(p, at.index("quantities", j).key("provenance"));
            }
        }
        for (j, r) in e.refers_to.iter().enumerate() {
            let rat = at.index("refers_to", j);
            if r == &e.id {
                self.push(
                    rat,
                    ProblemKind::Reference("an event cannot refer to itself".into()),
                );
            } else {
                self.reference(Target::Event, r, rat);
            }
        }
        if let Some(whole) = &e.part_of {
            self.part_of(e, whole, at);
        }
        self.provenances(&e.provenance, at);
    }
}

/// Where a JSON path points in the text, as a 1-based (line, column), for
/// compiler-style messages. `None` when the path is not found.
/// A field that is missing (a claim with no `by`) is located at the
/// nearest part of the path that is written: the object that lacks it.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let mut at = path;
    let offset = loop {
        if let Some(o) = crate::format::jsonpos::offset_of(text, at) {
            break o;
        }
        let cut = at.rfind(['.', '['])?;
        at = &at[..cut];
    };
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

/// For the passes' own tests: the problems of the bundled story after
/// `edit`, each as "path: message".
#[cfg(test)]
fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v: Value =
        serde_json::from_str(crate::format::story::FIRST_STORY_JSON).expect("the bundled story");
    edit(&mut v);
    match from_value(v) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_bundled_story_has_no_problem() {
        assert_eq!(problems_after(|_| {}), Vec::<String>::new());
    }

    #[test]
    fn an_unknown_part_is_named_with_the_part_meant() {
        let found = problems_after(|v| {
            let root = v.as_object_mut().expect("an object");
            let events = root.remove("events").expect("events");
            root.insert("evnets".into(), events);
        });
        assert!(found
            .contains(&"evnets: unknown field \"evnets\" (did you mean \"events\"?)".to_owned()));
        assert!(
            found.contains(&"events: missing field \"events\"".to_owned()),
            "{found:?}"
        );
    }

    #[test]
    fn a_typed_dataset_is_checked_like_a_file() {
        let mut ds = crate::format::story::first_story().expect("the bundled story");
        assert!(validate(&ds).is_empty());
        ds.events[2].summary = " ".into();
        let found: Vec<String> = validate(&ds).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            ["events[2].summary: event summary must not be empty"]
        );
    }

    #[test]
    fn a_file_that_decodes_whole_gets_the_problems_of_the_part_by_part_path() {
        let edits: [&dyn Fn(&mut Value); 7] = [
            &|_| {},
            // An item written as the list of its fields decodes, and its id
            // (its first field) is known.
            &|v| {
                let a = &v["actors"][0];
                let fields = json!([a["id"], a["name"], [], a["kind"]]);
                v["actors"][0] = fields;
            },
            // Decodes whole, but a reference is unknown, or a date is past
            // the story's publication.
            &|v| v["events"][0]["provenance"][0]["source"] = "xarticle".into(),
            &|v| v["events"][1]["date"] = "2031-05-15".into(),
            // Does not decode whole: an unknown field, an unknown kind.
            &|v| {
                let e = v["events"][0].as_object_mut().expect("an event");
                let summary = e.remove("summary").expect("a summary");
                e.insert("sumary".into(), summary);
            },
            &|v| v["events"][2]["kind"] = "zz".into(),
            &|v| v["$schema"] = Value::Null,
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut v: Value =
                serde_json::from_str(crate::format::story::FIRST_STORY_JSON).expect("JSON");
            edit(&mut v);
            let slow = from_value(v.clone());
            assert_eq!(slow.is_ok(), i < 2, "edit {i}: {slow:?}");
            assert_eq!(load(&v.to_string()), slow, "edit {i}");
        }
        // A whole file written as a list is no dataset, whichever way.
        let v: Value = serde_json::from_str(crate::format::story::FIRST_STORY_JSON).expect("JSON");
        let list = json!([
            v["$schema"],
            v["format"],
            v["story"],
            v["sources"],
            v["actors"],
            v["events"]
        ]);
        assert!(
            matches!(&load(&list.to_string()), Err(p) if p[0].to_string().contains("this file is an array"))
        );
    }

    #[test]
    fn a_place_is_written_out_as_its_json_path() {
        let event = At::Item("events", 3);
        let actor = event.index("participants", 1);
        assert_eq!(
            actor.key("actor").to_string(),
            "events[3].participants[1].actor"
        );
        assert_eq!(At::Path("story").key("title").to_string(), "story.title");
    }

    #[test]
    fn a_path_is_located_at_its_nearest_written_part() {
        let text = "{\n  \"events\": [\n    {\"id\": \"a\"}\n  ]\n}";
        assert_eq!(locate(text, "events[0].id"), Some((3, 12)));
        // The status is missing: the event that lacks it is the place.
        assert_eq!(locate(text, "events[0].status.by"), Some((3, 5)));
        assert_eq!(locate(text, "tallies[0]"), None);
    }
}
