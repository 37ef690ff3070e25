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

use crate::base::case::contains_any_case;
use crate::format::date::{PartialDate, Precision};
use crate::format::jsonpos::is_within;
use crate::format::model::*;
use crate::format::parts::{List, Target};
use crate::format::suggest::nearest;
use crate::format::vocab::StatusState;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;

pub use crate::format::model::{is_web_url, MAX_BYTES};

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
    #[error("\"{0}\" is not an http or https link")]
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

/// Whether a syntax error at `line`, `column` (1-based) looks like a
/// quotation mark that ended a string early: `"said "no" today"` fails
/// at the `n`, just after a `"`, where a `,` or a `}` was expected.
fn unescaped_quote(text: &str, line: usize, column: usize) -> bool {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else {
        return false;
    };
    // serde_json counts the column in bytes.
    let mut at = column.saturating_sub(1).min(row.len());
    while !row.is_char_boundary(at) {
        at -= 1;
    }
    let before = row[..at].chars().rev().find(|c| !c.is_whitespace());
    let here = row[at..].chars().next().or(row[..at].chars().next_back());
    before == Some('"') && here.is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '\'')
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the problem says it already.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}

/// Decode and check an already-parsed JSON value.
pub fn from_value(value: Value) -> Result<Dataset, Vec<Problem>> {
    match check_value(value) {
        (Some(dataset), problems) if problems.is_empty() => Ok(dataset),
        (_, problems) => Err(problems),
    }
}

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
    const PARTS: [&str; 9] = [
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

fn describe_value(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn json_key_path(parent: &str, key: &str) -> String {
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let key: String = key.chars().take(60).collect();
    match (parent.is_empty(), simple) {
        (true, true) => key,
        (false, true) => format!("{parent}.{key}"),
        (_, false) => format!("{parent}[{}]", Value::String(key)),
    }
}

fn decode_part<T: DeserializeOwned>(
    root: &mut Map<String, Value>,
    key: &'static str,
    required: bool,
    problems: &mut Vec<Problem>,
    patched: &mut Vec<String>,
) -> Option<T> {
    match root.remove(key) {
        Some(v) => decode(v, key, problems, patched),
        None => {
            if required {
                problems.push(Problem::new(
                    key,
                    ProblemKind::Shape(format!("missing field \"{key}\"")),
                ));
            }
            None
        }
    }
}

/// Decode each element of a list on its own. Returns the elements that
/// decoded and, for each, its index in the file, so that later problems
/// name the right element even when an earlier one failed.
fn decode_list<T: DeserializeOwned>(
    root: &mut Map<String, Value>,
    key: &'static str,
    required: bool,
    problems: &mut Vec<Problem>,
    patched: &mut Vec<String>,
) -> (Vec<T>, Vec<usize>) {
    match root.remove(key) {
        Some(Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .filter_map(|(i, v)| {
                decode(v, &format!("{key}[{i}]"), problems, patched).map(|t| (t, i))
            })
            .unzip(),
        Some(other) => {
            problems.push(Problem::new(
                key,
                ProblemKind::Shape(format!("expected a list, found {}", describe_value(&other))),
            ));
            Default::default()
        }
        None => {
            if required {
                problems.push(Problem::new(
                    key,
                    ProblemKind::Shape(format!("missing field \"{key}\"")),
                ));
            }
            Default::default()
        }
    }
}

/// Decode `v` as a `T`, recording each field that fails and carrying on:
/// the failing field is taken out (or, when the item needs it, stood in
/// for by a neutral value) and the rest of the item is decoded again, so
/// that one bad field never hides a problem elsewhere in the same item.
/// The paths stood in for go to `patched`; the checks after decoding say
/// nothing about them.
fn decode<T: DeserializeOwned>(
    v: Value,
    at: &str,
    problems: &mut Vec<Problem>,
    patched: &mut Vec<String>,
) -> Option<T> {
    let message = match T::deserialize(&v) {
        Ok(t) => return Some(t),
        Err(e) => e.to_string(),
    };
    let check = |v: &Value| T::deserialize(v).err().map(|e| e.to_string());
    let v = repair(v, message, at, &check, problems, patched)?;
    T::deserialize(&v).ok()
}

/// Why a value does not decode as the type being decoded, or `None` when
/// it does. The search for the failing field below takes it as a plain
/// function, so that it exists once in the reader's download rather than
/// once per type.
type Check<'a> = &'a dyn Fn(&Value) -> Option<String>;

/// The repairs of [`decode`]: report the field `message` is about, stand
/// in for it, and go on until the value decodes; `None` when a field can
/// be neither placed nor stood in for.
fn repair(
    mut v: Value,
    mut message: String,
    at: &str,
    check: Check,
    problems: &mut Vec<Problem>,
    patched: &mut Vec<String>,
) -> Option<Value> {
    let mut typos: Vec<String> = Vec::new();
    // Each round fixes one field; an item has a few dozen at most.
    for _ in 0..24 {
        let mut steps = blame(v.clone(), &message, check);
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|m| m.strip_suffix('`'))
            .map(str::to_owned);
        if let Some(k) = &missing {
            // The place is the object that lacks the field: the blamed path,
            // or the nearest object above it without that key.
            while !matches!(walk(&v, &steps), Some(Value::Object(m)) if !m.contains_key(k)) {
                if steps.pop().is_none() {
                    break;
                }
            }
            steps.push(Step::Field(k.clone()));
        }
        let mut path = at.to_owned();
        for step in &steps {
            match step {
                Step::Field(key) => path = json_key_path(&path, key),
                Step::Index(i) => path.push_str(&format!("[{i}]")),
            }
        }
        let kind = shape_problem(&message);
        // serde reports an unknown field at the object that holds it; name the field itself.
        let mut unknown = None;
        if let ProblemKind::UnknownField { field, .. } = &kind {
            if !path.ends_with(field.as_str()) {
                path = json_key_path(&path, field);
            }
            unknown = Some(field.clone());
        }
        // A misspelt field name ("nmae") is one mistake, not two: the field
        // it was meant to be is not also reported missing.
        let misspelt = missing.as_ref().is_some_and(|k| typos.contains(k));
        if let ProblemKind::UnknownField {
            suggestion: Some(meant),
            ..
        } = &kind
        {
            typos.push(meant.clone());
        }
        if !misspelt {
            problems.push(Problem::new(path.clone(), kind));
        }
        let fixed = match unknown {
            Some(field) => {
                // The blamed path may end at the unknown field or at its object.
                if matches!(steps.last(), Some(Step::Field(k)) if *k == field) {
                    steps.pop();
                }
                walk_mut(&mut v, &steps)
                    .and_then(Value::as_object_mut)
                    .and_then(|m| m.remove(&field))
                    .is_some()
            }
            None => !steps.is_empty() && stand_in(&mut v, &steps, check),
        };
        if !fixed {
            return None;
        }
        patched.push(path);
        match check(&v) {
            None => return Some(v),
            Some(next) => message = next,
        }
    }
    None
}

/// Values tried in place of a field that fails to decode: one of them is
/// of the right shape for every required field of the format.
fn stand_ins() -> Vec<Value> {
    // Parsed from text: smaller in the reader's download than building
    // each value in code.
    const STAND_INS: &str = r#"["", "x-unknown", "2000-01-01", "reported", "exact", 1, [],
        {"state": "reported"}, {"qualifier": "exact", "value": 0},
        {"source": "", "quote": "", "paragraph": 1}, {"actor": "", "role": "x-unknown"}]"#;
    serde_json::from_str(STAND_INS).unwrap_or_default()
}

/// Put a stand-in in place of the value at `steps` in `v` or, when none
/// fits, take the field out; `false` when neither gets decoding past it.
///
/// A stand-in is tried first: serde reports a missing field only after
/// every other, so a required field taken out would seem fine until the
/// rest of the item was fixed. A list keeps its length (later elements
/// keep their numbers), so an element is always stood in for.
fn stand_in(v: &mut Value, steps: &[Step], check: Check) -> bool {
    let (parent, last) = steps.split_at(steps.len() - 1);
    // Decoding still stops here (or now misses this very field).
    let fails_here = |trial: &Value| match check(trial) {
        None => false,
        Some(message) => {
            let again = blame(trial.clone(), &message, check);
            again.starts_with(steps)
                || matches!(&last[0], Step::Field(k) if message == format!("missing field `{k}`"))
        }
    };
    for candidate in stand_ins() {
        let mut trial = v.clone();
        match (walk_mut(&mut trial, parent), &last[0]) {
            (Some(Value::Object(m)), Step::Field(k)) => {
                m.insert(k.clone(), candidate);
            }
            (Some(Value::Array(a)), Step::Index(i)) if *i < a.len() => a[*i] = candidate,
            _ => return false,
        }
        if !fails_here(&trial) {
            *v = trial;
            return true;
        }
    }
    // An optional field that no stand-in fits ("dusk" for a time of day).
    if let Step::Field(k) = &last[0] {
        let mut trial = v.clone();
        if let Some(Value::Object(m)) = walk_mut(&mut trial, parent) {
            m.remove(k);
            if !fails_here(&trial) {
                *v = trial;
                return true;
            }
        }
    }
    false
}

/// One step down into a JSON value.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Index(usize),
}

/// Where inside `v` decoding it as `T` fails with `message`: the path of
/// the deepest field or element whose removal changes the complaint.
///
/// serde names the reason but not the place; tracking the place as it
/// decodes (the serde_path_to_error crate) doubles the decoding code in
/// the reader's download for every type, while this search runs only on
/// a value that failed, and costs a few more decodes of one item.
fn blame(v: Value, message: &str, check: Check) -> Vec<Step> {
    let mut path: Vec<Step> = Vec::new();
    while let Some(here) = walk(&v, &path) {
        let steps: Vec<Step> = match here {
            Value::Object(m) => m.keys().cloned().map(Step::Field).collect(),
            Value::Array(a) => (0..a.len()).map(Step::Index).collect(),
            _ => break,
        };
        let culprit = steps.into_iter().find(|step| {
            let mut trial = v.clone();
            if let Some(parent) = walk_mut(&mut trial, &path) {
                match (parent, step) {
                    (Value::Object(m), Step::Field(k)) => {
                        m.remove(k);
                    }
                    (Value::Array(a), Step::Index(i)) => {
                        a.remove(*i);
                    }
                    _ => return false,
                }
            }
            // serde stops at the first bad value it meets, before it looks
            // for missing fields: taking out any other field leaves the
            // same complaint, and taking out the culprit changes it.
            check(&trial).is_none_or(|now| now != message)
        });
        match culprit {
            Some(step) => path.push(step),
            None => break,
        }
    }
    path
}

fn walk<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Field(k) => v.get(k),
        Step::Index(i) => v.get(*i),
    })
}

fn walk_mut<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Field(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Turn serde's wording into ours, adding a suggestion for unknown fields.
fn shape_problem(message: &str) -> ProblemKind {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, rest) = rest.split_once('`').unwrap_or((rest, ""));
        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        return ProblemKind::UnknownField {
            field: field.to_owned(),
            suggestion: nearest(field, expected).map(str::to_owned),
        };
    }
    let cleaned = message.replace('`', "\"");
    // "invalid type: string \"x\", expected u32" → plainer words.
    let cleaned = cleaned
        .replace("expected u32", "expected a whole number")
        .replace("expected u64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a sequence", "expected a list")
        .replace("expected a borrowed string", "expected a string");
    ProblemKind::Shape(cleaned)
}

/// The ids each list declares, read from the raw JSON.
#[derive(Default)]
struct WrittenIds {
    sources: HashSet<String>,
    actors: HashSet<String>,
    events: HashSet<String>,
    tallies: HashSet<String>,
}

impl WrittenIds {
    fn collect(root: &Map<String, Value>) -> Self {
        let ids = |key: &str| -> HashSet<String> {
            root.get(key)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|v| v.get("id")?.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        WrittenIds {
            sources: ids("sources"),
            actors: ids("actors"),
            events: ids("events"),
            tallies: ids("tallies"),
        }
    }

    fn of(ds: &Dataset) -> Self {
        WrittenIds {
            sources: ds.sources.iter().map(|s| s.id.clone()).collect(),
            actors: ds.actors.iter().map(|a| a.id.clone()).collect(),
            events: ds.events.iter().map(|e| e.id.clone()).collect(),
            tallies: ds.tallies.iter().map(|t| t.id.clone()).collect(),
        }
    }
}

/// Whether an id is safe to use in URLs and markup: `hezbollah`, `e-2024-05-15-hermon`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
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
    fn push(&mut self, path: impl Into<String>, kind: ProblemKind) {
        let path = path.into();
        if !self.is_patched(&path) {
            self.problems.push(Problem::new(path, kind));
        }
    }

    /// Whether `path` was stood in for when it failed to decode.
    fn is_patched(&self, path: &str) -> bool {
        self.patched.iter().any(|p| is_within(path, p))
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
            let at = format!("sources[{}]", self.positions.sources[i]);
            self.text(&s.name, &at, "name", "source name");
            // A status names a party by id, actor or source: one id for both
            // is one party speaking, never two.
            if ds.actor(&s.id).is_some() && s.actor.as_deref() != Some(s.id.as_str()) {
                self.push(
                    format!("{at}.id"),
                    ProblemKind::Reference(format!(
                        "\"{}\" is also an actor's id, so a status that names it could mean either; a source may share an id only with the actor it speaks for (\"actor\": \"{}\"), or else needs an id of its own",
                        s.id, s.id
                    )),
                );
            }
            if let Some(a) = &s.actor {
                self.reference(Target::Actor, a, &format!("{at}.actor"));
            }
            if let Some(v) = &s.via {
                if v == &s.id {
                    self.push(
                        format!("{at}.via"),
                        ProblemKind::Reference("a source cannot come via itself".into()),
                    );
                } else {
                    self.reference(Target::Source, v, &format!("{at}.via"));
                }
            }
        }
        for (i, a) in ds.actors.iter().enumerate() {
            let at = format!("actors[{}]", self.positions.actors[i]);
            self.text(&a.name, &at, "name", "actor name");
            for (j, r) in a.roles.iter().enumerate() {
                self.text(&r.title, &format!("{at}.roles[{j}]"), "title", "role title");
                self.provenance(&r.provenance, &format!("{at}.roles[{j}].provenance"));
            }
        }
        for (i, e) in ds.events.iter().enumerate() {
            self.event(self.positions.events[i], e);
        }
        for (i, r) in ds.relations.iter().enumerate() {
            let at = format!("relations[{}]", self.positions.relations[i]);
            self.reference(Target::Actor, &r.from, &format!("{at}.from"));
            self.actor_or_victims(r.to.as_deref(), r.victims.as_deref(), &at, "to");
            if r.victims.is_some() && !r.kind.takes_victims() {
                self.push(
                    format!("{at}.victims"),
                    ProblemKind::Reference(format!(
                        "only an \"attacked\" or \"killed\" tie may end at victims who are no party; \"{}\" joins two actors",
                        r.kind.as_str()
                    )),
                );
            }
            if r.to.as_ref() == Some(&r.from) {
                self.push(
                    format!("{at}.to"),
                    ProblemKind::Reference(format!(
                        "a relation joins two different actors; both ends are \"{}\"",
                        r.from
                    )),
                );
            }
            self.date_order(r.since.as_ref(), r.until.as_ref(), &at, "since", "until");
            for (j, e) in r.events.iter().enumerate() {
                self.reference(Target::Event, e, &format!("{at}.events[{j}]"));
            }
            self.provenances(&r.provenance, &at);
        }
        for (i, t) in ds.tallies.iter().enumerate() {
            self.tally(self.positions.tallies[i], t);
        }
    }

    fn story(&mut self) {
        let s = &self.ds.story;
        self.text(&s.title, "story", "title", "story.title");
        self.text(&s.outlet, "story", "outlet", "story.outlet");
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

    fn text(&mut self, value: &str, at: &str, field: &str, what: &'static str) {
        if value.trim().is_empty() {
            self.push(json_key_path(at, field), ProblemKind::Missing(what));
        }
    }

    /// Ids are well-formed and unique within their list. `ids` pairs each
    /// id with its index in the file.
    fn unique(&mut self, what: &'static str, list: &str, ids: Vec<(usize, &str)>) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids {
            let at = format!("{list}[{i}].id");
            if !is_valid_id(id) {
                self.push(
                    at.clone(),
                    ProblemKind::BadId(id.chars().take(80).collect()),
                );
            }
            if let Some(&j) = first.get(id) {
                self.push(
                    at,
                    ProblemKind::DuplicateId {
                        what,
                        id: id.to_owned(),
                        first: format!("{list}[{j}].id"),
                    },
                );
            } else {
                first.insert(id, i);
            }
        }
    }

    /// `id` must be one of the ids `set` takes. If it is another kind's
    /// (a source's where an actor belongs), say so; otherwise suggest the
    /// nearest id of the right kind.
    fn reference(&mut self, set: Target, id: &str, at: &str) {
        let lists = [
            (List::Sources.noun(), &self.ids.sources),
            (List::Actors.noun(), &self.ids.actors),
            (List::Events.noun(), &self.ids.events),
            (List::Tallies.noun(), &self.ids.tallies),
        ];
        let what = set.what();
        let takes: Vec<&str> = set.lists().iter().map(|l| l.noun()).collect();
        let (right, wrong): (Vec<_>, Vec<_>) = lists.iter().partition(|(w, _)| takes.contains(w));
        if right.iter().any(|(_, ids)| ids.contains(id)) {
            return;
        }
        let shown: String = id.chars().take(80).collect();
        let kind = match wrong.iter().find(|(_, ids)| ids.contains(id)) {
            Some((other, _)) => {
                let fix = match (what, *other) {
                    ("actor", "source") => ": name the actor here, and link the source to it with the source's \"actor\"",
                    _ => "",
                };
                ProblemKind::Reference(format!(
                    "\"{shown}\" is {} {other}'s id, but {} {what} is needed here{fix}",
                    article(other),
                    article(what),
                ))
            }
            None => ProblemKind::UnknownReference {
                what,
                id: shown,
                suggestion: nearest(
                    id,
                    right
                        .iter()
                        .flat_map(|(_, ids)| ids.iter())
                        .map(String::as_str),
                )
                .map(str::to_owned),
            },
        };
        self.push(at, kind);
    }

    fn date_order(
        &mut self,
        from: Option<&PartialDate>,
        to: Option<&PartialDate>,
        at: &str,
        from_name: &str,
        to_name: &str,
    ) {
        let stood_in = |name: &str| self.is_patched(&format!("{at}.{name}"));
        if stood_in(from_name) || stood_in(to_name) {
            return;
        }
        if let (Some(a), Some(b)) = (from, to) {
            if b.last_day() < a.first_day() {
                self.push(
                    format!("{at}.{to_name}"),
                    ProblemKind::Date(format!("{to_name} ({b}) is before {from_name} ({a})")),
                );
            }
        }
    }

    /// A date after the story was published is a mistake, most often in
    /// the year: say so, with the date in the story's year (or the year
    /// before) that the author likely meant.
    fn not_after_publication(&mut self, date: Option<&PartialDate>, at: String) {
        let published = &self.ds.story.published;
        let Some(d) = date else { return };
        // One of some days: every day it may be must be one the story
        // could report.
        if d.one_of.is_some()
            && d.first_day() <= published.last_day()
            && d.last_day() > published.last_day()
            && !self.is_patched("story.published")
            && !self.is_patched(&at)
        {
            self.push(
                at,
                ProblemKind::Date(format!(
                    "{d} ends on {}, after the story was published ({published}): leave out the days after it",
                    PartialDate::from_days(d.last_day())
                )),
            );
            return;
        }
        if self.is_patched("story.published")
            || self.is_patched(&at)
            || d.first_day() <= published.last_day()
        {
            return;
        }
        // Another year is a likely slip only for a date far past
        // publication (over a week); days just after it are wrong days,
        // not a wrong year.
        let meant = [published.year, published.year - 1]
            .into_iter()
            .filter(|_| d.first_day() > published.last_day() + 7)
            .map(|year| d.with_year(year))
            .find(|m| {
                m.first_day() <= published.last_day()
                    && (m.one_of.is_none() || m.last_day() <= published.last_day())
            });
        let hint = meant
            .map(|m| format!("; did you mean {m}?"))
            .unwrap_or_default();
        self.push(
            at,
            ProblemKind::Date(format!(
                "{d} is after the story was published ({published}){hint}"
            )),
        );
    }

    fn event(&mut self, i: usize, e: &Event) {
        let at = format!("events[{i}]");
        self.text(&e.summary, &at, "summary", "event summary");
        if let Some(how) = &e.date_inferred {
            self.text(how, &at, "date_inferred", "how the date was inferred");
        }
        self.date_order(Some(&e.date), e.until.as_ref(), &at, "date", "until");
        self.not_after_publication(Some(&e.date), format!("{at}.date"));
        self.not_after_publication(e.until.as_ref(), format!("{at}.until"));
        if let Some(place) = &e.place {
            self.text(&place.name, &format!("{at}.place"), "name", "place name");
            if let Some(c) = &place.coordinates {
                let cat = format!("{at}.place.coordinates");
                if !(-90.0..=90.0).contains(&c.lat) {
                    self.push(
                        format!("{cat}.lat"),
                        ProblemKind::Coordinates(format!(
                            "latitude {} is outside -90 to 90",
                            c.lat
                        )),
                    );
                }
                if !(-180.0..=180.0).contains(&c.lon) {
                    self.push(
                        format!("{cat}.lon"),
                        ProblemKind::Coordinates(format!(
                            "longitude {} is outside -180 to 180",
                            c.lon
                        )),
                    );
                }
            }
        }
        for (j, p) in e.participants.iter().enumerate() {
            let pat = format!("{at}.participants[{j}]");
            self.actor_or_victims(p.actor.as_deref(), p.victims.as_deref(), &pat, "actor");
        }
        for (j, q) in e.quantities.iter().enumerate() {
            let qat = format!("{at}.quantities[{j}]");
            self.text(&q.unit, &qat, "unit", "quantity unit");
            // A figure's own quote, or the event's when it has none.
            let quotes: Vec<&str> = match &q.provenance {
                Some(p) => vec![p.quote.as_str()],
                None => e.provenance.iter().map(|p| p.quote.as_str()).collect(),
            };
            self.count(&q.count, &format!("{qat}.count"), &quotes);
        }
        match (&e.status, &e.part_of) {
            (Some(st), _) => self.status(st, &format!("{at}.status"), "event"),
            // A part rests on its whole's word.
            (None, Some(_)) => {}
            (None, None) => self.push(
                at.clone(),
                ProblemKind::Status(
                    "missing field \"status\": whose word the event rests on (only a part of another event may leave it out)".into(),
                ),
            ),
        }
        for (j, q) in e.quantities.iter().enumerate() {
            if let Some(p) = &q.provenance {
                self.provenance(p, &format!("{at}.quantities[{j}].provenance"));
            }
        }
        for (j, r) in e.refers_to.iter().enumerate() {
            let rat = format!("{at}.refers_to[{j}]");
            if r == &e.id {
                self.push(
                    rat,
                    ProblemKind::Reference("an event cannot refer to itself".into()),
                );
            } else {
                self.reference(Target::Event, r, &rat);
            }
        }
        if let Some(whole) = &e.part_of {
            self.part_of(e, whole, &at);
        }
        self.provenances(&e.provenance, &at);
    }

    /// A stage of another event: a known event, not itself, no loop, and
    /// within its whole's days.
    fn part_of(&mut self, e: &Event, whole: &str, event_at: &str) {
        let at = &format!("{event_at}.part_of");
        if whole == e.id {
            let why = "an event cannot be a part of itself".into();
            self.push(at, ProblemKind::Reference(why));
            return;
        }
        let Some(w) = self.ds.event(whole) else {
            self.reference(Target::Event, whole, at);
            return;
        };
        let mut seen = HashSet::from([e.id.as_str()]);
        let mut next = Some(whole);
        while let Some(id) = next {
            if !seen.insert(id) {
                let why =
                    "part_of links form a loop: a whole cannot be a part of its own part".into();
                self.push(at, ProblemKind::Reference(why));
                return;
            }
            next = self.ds.event(id).and_then(|e| e.part_of.as_deref());
        }
        // A date that failed to decode was stood in for: its own problem
        // says so, and the stand-in says nothing about the part.
        let whole_at = self
            .ds
            .events
            .iter()
            .position(|x| x.id == whole)
            .map(|i| format!("events[{}]", self.positions.events[i]));
        let stood_in = [Some(event_at.to_owned()), whole_at]
            .iter()
            .flatten()
            .any(|item| {
                ["date", "until"]
                    .iter()
                    .any(|k| self.is_patched(&format!("{item}.{k}")))
            });
        let ((first, last), (from, to)) = (e.days(), w.days());
        if !stood_in && (first < from || last > to) {
            let why = format!(
                "a part happens within its whole, but this event ({}) falls outside \"{whole}\" ({})",
                days_text(e),
                days_text(w)
            );
            self.push(at, ProblemKind::Date(why));
        }
    }

    /// A count: a number where its qualifier needs one and none where it
    /// stands for one, a range in order, and the text's own words (if
    /// given) in one of `quotes`.
    fn count(&mut self, c: &Count, at: &str, quotes: &[&str]) {
        let q = c.qualifier;
        match (q.takes_value(), c.value) {
            (true, None) => self.push(
                format!("{at}.value"),
                ProblemKind::Count(format!(
                    "qualifier \"{}\" needs a value",
                    q.as_str()
                )),
            ),
            (false, Some(v)) => self.push(
                format!("{at}.value"),
                ProblemKind::Count(format!(
                    "qualifier \"{}\" stands for a number the text does not give, so it takes no value (found {v})",
                    q.as_str()
                )),
            ),
            _ => {}
        }
        if let Some(words) = &c.words {
            if words.trim().is_empty() {
                self.push(
                    format!("{at}.words"),
                    ProblemKind::Missing("the count's words"),
                );
            } else if !quotes.is_empty() && !quotes.iter().any(|qt| contains_any_case(qt, words)) {
                self.push(
                    format!("{at}.words"),
                    ProblemKind::Count(format!(
                        "the words \"{words}\" are not in the figure's quote; give them as the text writes them"
                    )),
                );
            }
        }
        if let (Some(lo), Some(hi)) = (c.low, c.high) {
            if lo > hi {
                // The range itself is reversed; comparing the value with it says nothing more.
                self.push(
                    format!("{at}.low"),
                    ProblemKind::Count(format!("low ({lo}) is greater than high ({hi})")),
                );
                return;
            }
        }
        if let Some(v) = c.value {
            if c.low.is_some_and(|lo| lo > v) {
                self.push(
                    format!("{at}.low"),
                    ProblemKind::Count(format!(
                        "low ({}) is greater than the value ({v})",
                        c.low.unwrap_or_default()
                    )),
                );
            }
            if c.high.is_some_and(|hi| hi < v) {
                self.push(
                    format!("{at}.high"),
                    ProblemKind::Count(format!(
                        "high ({}) is less than the value ({v})",
                        c.high.unwrap_or_default()
                    )),
                );
            }
        }
    }

    /// Whose word an event or a figure rests on: `by` where the state needs
    /// it, known parties, and no one both giving and denying the account.
    fn status(&mut self, st: &Status, at: &str, what: &str) {
        match (st.state, st.by.is_empty()) {
            (StatusState::Reported, _) | (_, false) => {}
            (state, true) => self.push(
                format!("{at}.by"),
                ProblemKind::Status(format!(
                    "a{} {} {what} names who {} it, by actor or source id",
                    if state == StatusState::Alleged {
                        "n"
                    } else {
                        ""
                    },
                    state.as_str(),
                    match state {
                        StatusState::Claimed => "claims",
                        StatusState::Alleged => "alleges",
                        StatusState::Confirmed => "confirms",
                        _ => "disputes",
                    }
                )),
            ),
        }
        for (field, list) in [("by", &st.by), ("denied_by", &st.denied_by)] {
            for (j, a) in list.iter().enumerate() {
                self.reference(Target::Party, a, &format!("{at}.{field}[{j}]"));
            }
        }
        for (j, a) in st.not_acknowledged_by.iter().enumerate() {
            self.reference(Target::Actor, a, &format!("{at}.not_acknowledged_by[{j}]"));
        }
        for (j, a) in st.denied_by.iter().enumerate() {
            if st.by.contains(a) {
                self.push(
                    format!("{at}.denied_by[{j}]"),
                    ProblemKind::Reference(format!(
                        "\"{a}\" is in both \"by\" and \"denied_by\": one party cannot both give and deny an account"
                    )),
                );
            }
        }
    }

    /// One end of a participation or a tie: an actor in `key`, or people
    /// who are no party described in `victims`; one of the two.
    fn actor_or_victims(
        &mut self,
        actor: Option<&str>,
        victims: Option<&str>,
        at: &str,
        key: &str,
    ) {
        match (actor, victims) {
            (Some(a), Some(_)) => {
                self.reference(Target::Actor, a, &format!("{at}.{key}"));
                self.push(
                    format!("{at}.victims"),
                    ProblemKind::Reference(format!(
                        "name an actor in \"{key}\" or describe people who are no party in \"victims\", not both"
                    )),
                );
            }
            (Some(a), None) => self.reference(Target::Actor, a, &format!("{at}.{key}")),
            (None, Some(v)) => self.text(v, at, "victims", "victims"),
            (None, None) => self.push(
                format!("{at}.{key}"),
                ProblemKind::Reference(format!(
                    "missing \"{key}\": an actor id, or, for people who are no party, a description in \"victims\""
                )),
            ),
        }
    }

    fn tally(&mut self, i: usize, t: &Tally) {
        let at = format!("tallies[{i}]");
        self.reference(Target::Source, &t.counted_by, &format!("{at}.counted_by"));
        match (&t.side, &t.victims) {
            (Some(side), Some(_)) => {
                self.reference(Target::Actor, side, &format!("{at}.side"));
                self.push(
                    format!("{at}.victims"),
                    ProblemKind::Reference(
                        "a tally names whose dead once: an actor in \"side\", or victims who are no party in \"victims\", not both".into(),
                    ),
                );
            }
            (Some(side), None) => self.reference(Target::Actor, side, &format!("{at}.side")),
            (None, Some(v)) => self.text(v, &at, "victims", "victims"),
            (None, None) => self.push(
                format!("{at}.side"),
                ProblemKind::Reference(
                    "a tally says whose dead it counts: an actor in \"side\", or, for victims who are no party, a description in \"victims\"".into(),
                ),
            ),
        }
        if let Some(other) = &t.same_as {
            let sat = format!("{at}.same_as");
            if other == &t.id {
                self.push(
                    sat,
                    ProblemKind::Reference("a tally cannot be another estimate of itself".into()),
                );
            } else if let Some(rival) = self.ds.tally(other) {
                self.rival(t, rival, &sat);
            } else {
                self.reference(Target::Tally, other, &sat);
            }
        }
        let quotes: Vec<&str> = t.provenance.iter().map(|p| p.quote.as_str()).collect();
        self.count(&t.count, &format!("{at}.count"), &quotes);
        self.date_order(t.since.as_ref(), Some(&t.as_of), &at, "since", "as_of");
        self.not_after_publication(t.since.as_ref(), format!("{at}.since"));
        self.not_after_publication(Some(&t.as_of), format!("{at}.as_of"));
        for (j, e) in t.events.iter().enumerate() {
            self.reference(Target::Event, e, &format!("{at}.events[{j}]"));
        }
        if let Some(sup) = &t.subset_of {
            let sat = format!("{at}.subset_of");
            if sup == &t.id {
                self.push(
                    sat,
                    ProblemKind::Reference("a tally cannot be a subset of itself".into()),
                );
            } else if let Some(superset) = self.ds.tally(sup) {
                if superset.outcome != t.outcome {
                    self.push(
                        format!("{at}.outcome"),
                        ProblemKind::Reference(format!(
                            "a part counts what its whole counts, but this tally counts the {} and \"{sup}\" the {}",
                            t.outcome.people(),
                            superset.outcome.people()
                        )),
                    );
                }
                // A subset can only be checked against a figure that is not a
                // floor: "3 of more than 79" is fine whatever the true total.
                let sub_floor = t.count.floor();
                let sup_ceiling = superset.count.ceiling();
                if let Some(ceiling) = sup_ceiling {
                    if sub_floor > ceiling {
                        self.push(
                            format!("{at}.count.value"),
                            ProblemKind::Count(format!(
                                "this subset ({sub_floor}) is larger than the tally it is part of, \"{sup}\" ({ceiling})"
                            )),
                        );
                    }
                }
                if self.subset_cycle(t) {
                    self.push(
                        sat,
                        ProblemKind::Reference("subset_of links form a loop".into()),
                    );
                }
            } else {
                self.reference(Target::Tally, sup, &sat);
            }
        }
        if let Some(st) = &t.status {
            self.status(st, &format!("{at}.status"), "figure");
        }
        if let Some(words) = &t.withdrawn {
            self.text(words, &at, "withdrawn", "how the figure was withdrawn");
        }
        if let Some(earlier) = &t.revises {
            let rat = format!("{at}.revises");
            match self.ds.tally(earlier) {
                Some(_) if earlier == &t.id => self.push(
                    rat,
                    ProblemKind::Reference("a tally cannot revise itself".into()),
                ),
                Some(old) => self.revision(t, old, &rat),
                None => self.reference(Target::Tally, earlier, &rat),
            }
        }
        self.provenances(&t.provenance, &at);
    }

    /// `t` says it updates `old`: the same counter's later count of the
    /// same people, the only update of it, in a chain with a first figure.
    fn revision(&mut self, t: &Tally, old: &Tally, at: &str) {
        let mut found: Vec<String> = Vec::new();
        if t.counted_by != old.counted_by {
            found.push(format!(
                "a revision is its counter's later figure, but this tally is counted by \"{}\" and \"{}\" by \"{}\"; another counter's figure is a rival estimate (same_as)",
                t.counted_by, old.id, old.counted_by
            ));
        }
        if (&t.side, &t.victims, t.outcome) != (&old.side, &old.victims, old.outcome) {
            found.push(format!(
                "a revision counts the same people as the figure it updates, but this tally counts the {} of {} and \"{}\" the {} of {}",
                t.outcome.people(),
                self.ds.whose(t),
                old.id,
                old.outcome.people(),
                self.ds.whose(old)
            ));
        }
        if t.as_of.last_day() < old.as_of.first_day() {
            found.push(format!(
                "a revision comes after the figure it updates, but this tally is as of {} and \"{}\" as of {}",
                t.as_of, old.id, old.as_of
            ));
        }
        if let Some(other) = self
            .ds
            .tallies
            .iter()
            .find(|u| u.id != t.id && u.revises.as_deref() == Some(old.id.as_str()))
        {
            found.push(format!(
                "\"{}\" is revised twice, here and by \"{}\": revise the latest figure",
                old.id, other.id
            ));
        }
        // Back along the chain: a loop has no first figure.
        let mut seen = vec![t.id.as_str()];
        let mut next = Some(old);
        while let Some(u) = next {
            if seen.contains(&u.id.as_str()) {
                found.push("revises links form a loop: the first figure revises nothing".into());
                break;
            }
            seen.push(u.id.as_str());
            next = u.revises.as_deref().and_then(|id| self.ds.tally(id));
        }
        for why in found {
            self.push(at.to_owned(), ProblemKind::Reference(why));
        }
    }

    /// `t` says it is another estimate of `rival`'s figure: the same dead
    /// (whose, and which), over the same time, and not also a part of it.
    fn rival(&mut self, t: &Tally, rival: &Tally, at: &str) {
        // A count that does not say who the dead were ("unknown") can be a
        // rival of one that does.
        let unknown = |x: &Tally| x.category == crate::format::vocab::TallyCategory::Unknown;
        let same_kind = t.category == rival.category || unknown(t) || unknown(rival);
        let whose = |x: &Tally| (x.side.clone(), x.victims.clone(), x.outcome);
        let describe = |x: &Tally| {
            let who = x
                .side
                .as_deref()
                .or(x.victims.as_deref())
                .unwrap_or("no one");
            format!("{} {} ({who})", x.category.label(), x.outcome.label())
        };
        let mut found: Vec<String> = Vec::new();
        let mut problem = |why: String| found.push(why);
        if whose(t) != whose(rival) || !same_kind {
            problem(format!(
                "rival estimates count the same dead, but this tally counts {} and \"{}\" counts {}",
                describe(t),
                rival.id,
                describe(rival)
            ));
        }
        if t.subset_of.as_deref() == Some(rival.id.as_str()) {
            problem(format!(
                "\"{}\" cannot be both another estimate of this figure (same_as) and the figure it is part of (subset_of)",
                rival.id
            ));
        }
        let span = |x: &Tally| x.since.map(|s| (s.first_day(), x.as_of.last_day()));
        if let (Some((a0, a1)), Some((b0, b1))) = (span(t), span(rival)) {
            let (la, lb) = (a1 - a0 + 1, b1 - b0 + 1);
            if a1 < b0 || b1 < a0 || (la.min(lb) == 1 && la.max(lb) > 7) {
                problem(format!(
                    "rival estimates cover the same time, but this tally covers {} days and \"{}\" {} days, {}",
                    la,
                    rival.id,
                    lb,
                    if a1 < b0 || b1 < a0 { "with no day in common" } else { "one of them a single day" }
                ));
            }
        }
        // A chain of estimates that comes back round: a pair naming each
        // other says the same twice, but a longer loop has no first figure.
        let mut seen = vec![t.id.as_str()];
        let mut next = Some(rival);
        while let Some(u) = next {
            if seen.contains(&u.id.as_str()) {
                if seen.len() > 2 && u.id == t.id {
                    problem("same_as links form a loop of more than two tallies: name one figure, and point every other estimate at it".into());
                }
                break;
            }
            seen.push(&u.id);
            next = u.same_as.as_deref().and_then(|id| self.ds.tally(id));
        }
        for why in found {
            self.push(at.to_owned(), ProblemKind::Reference(why));
        }
    }

    fn subset_cycle(&self, start: &Tally) -> bool {
        let mut seen = HashSet::from([start.id.as_str()]);
        let mut next = start.subset_of.as_deref();
        while let Some(id) = next {
            if !seen.insert(id) {
                return true;
            }
            next = self.ds.tally(id).and_then(|t| t.subset_of.as_deref());
        }
        false
    }

    fn provenances(&mut self, list: &[Provenance], at: &str) {
        if list.is_empty() {
            self.push(
                format!("{at}.provenance"),
                ProblemKind::Missing("provenance (at least one source and quote)"),
            );
        }
        for (j, p) in list.iter().enumerate() {
            self.provenance(p, &format!("{at}.provenance[{j}]"));
        }
    }

    fn provenance(&mut self, p: &Provenance, at: &str) {
        self.reference(Target::Source, &p.source, &format!("{at}.source"));
        if p.quote.trim().is_empty() {
            self.push(format!("{at}.quote"), ProblemKind::Missing("quote"));
            return;
        }
        if !self.check_quotes
            || self.is_patched(&format!("{at}.paragraph"))
            || self.is_patched(&format!("{at}.quote"))
        {
            return;
        }
        match self.ds.paragraph(p.paragraph) {
            None => self.push(
                format!("{at}.paragraph"),
                ProblemKind::NoParagraph {
                    paragraph: p.paragraph,
                    count: self.ds.story.paragraphs.len(),
                },
            ),
            Some(text) if !text.contains(p.quote.as_str()) => {
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
                    format!("{at}.quote"),
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

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
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

/// An event's dates as written: "2024-06-05", "2024-06 to 2024-07".
fn days_text(e: &Event) -> String {
    match &e.until {
        Some(until) => format!("{} to {until}", e.date),
        None => e.date.to_string(),
    }
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

#[cfg(test)]
mod stand_in_tests {
    #[test]
    fn every_stand_in_parses() {
        assert_eq!(super::stand_ins().len(), 11);
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
