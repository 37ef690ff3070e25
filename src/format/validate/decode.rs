//! The first pass: decoding each part on its own, and where one fails,
//! saying which field and why, standing in for it and going on, so that
//! one bad field never hides a problem elsewhere in the same item.

use super::{Problem, ProblemKind};
use crate::format::suggest::nearest;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Whether a syntax error at `line`, `column` (1-based) looks like a
/// quotation mark that ended a string early: `"said "no" today"` fails
/// at the `n`, just after a `"`, where a `,` or a `}` was expected.
pub(super) fn unescaped_quote(text: &str, line: usize, column: usize) -> bool {
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

pub(super) fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the problem says it already.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}

pub(super) fn describe_value(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn json_key_path(parent: &str, key: &str) -> String {
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

pub(super) fn decode_part<T: DeserializeOwned>(
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
pub(super) fn decode_list<T: DeserializeOwned>(
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
pub(super) fn decode<T: DeserializeOwned>(
    v: Value,
    at: &str,
    problems: &mut Vec<Problem>,
    patched: &mut Vec<String>,
) -> Option<T> {
    let message = match typed::<T>(&v) {
        Ok(t) => return Some(t),
        Err(message) => message,
    };
    let check = |v: &Value| typed::<T>(v).err();
    let v = repair(v, message, at, &check, problems, patched)?;
    typed::<T>(&v).ok()
}

/// Decode a JSON value as a `T`, or why it does not decode. Through the
/// value's text, as a file that decodes whole is read straight from its
/// own (see [`super::load`]): decoding from the tree instead would put a
/// second decoder of every type of the format in the opener's download,
/// for files with problems only. The message says no place, which a
/// value's text would not share with its file.
pub(super) fn typed<T: DeserializeOwned>(v: &Value) -> Result<T, String> {
    serde_json::from_str(&v.to_string()).map_err(|e| syntax_message(&e))
}

/// Why a value does not decode as the type being decoded, or `None` when
/// it does. The search for the failing field below takes it as a plain
/// function, so that it exists once in the reader's download rather than
/// once per type.
pub(super) type Check<'a> = &'a dyn Fn(&Value) -> Option<String>;

/// The repairs of [`decode`]: report the field `message` is about, stand
/// in for it, and go on until the value decodes; `None` when a field can
/// be neither placed nor stood in for.
pub(super) fn repair(
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
pub(super) fn stand_ins() -> Vec<Value> {
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
pub(super) fn stand_in(v: &mut Value, steps: &[Step], check: Check) -> bool {
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
pub(super) enum Step {
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
pub(super) fn blame(v: Value, message: &str, check: Check) -> Vec<Step> {
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

pub(super) fn walk<'v>(v: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Field(k) => v.get(k),
        Step::Index(i) => v.get(*i),
    })
}

pub(super) fn walk_mut<'v>(v: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Field(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Turn serde's wording into ours, adding a suggestion for unknown fields.
pub(super) fn shape_problem(message: &str) -> ProblemKind {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::model::Actor;
    use crate::format::validate::problems_after;
    use serde_json::json;

    #[test]
    fn every_stand_in_parses() {
        assert_eq!(stand_ins().len(), 11);
    }

    #[test]
    fn a_field_that_fails_is_blamed_where_it_is() {
        let story: Value =
            serde_json::from_str(crate::format::story::FIRST_STORY_JSON).expect("the story");
        let mut actor = story["actors"][0].clone();
        actor["roles"] = json!([{"title": 7}]);
        let check = |v: &Value| typed::<Actor>(v).err();
        let message = check(&actor).expect("a number is no title");
        assert_eq!(
            blame(actor, &message, &check),
            [
                Step::Field("roles".into()),
                Step::Index(0),
                Step::Field("title".into())
            ]
        );
    }

    #[test]
    fn one_bad_field_does_not_hide_another_in_the_same_item() {
        let found = problems_after(|v| {
            v["actors"][1]["name"] = json!(7);
            v["actors"][1]["nmae"] = json!("x");
        });
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("actors[1].name: invalid type: integer \"7\"")),
            "{found:?}"
        );
        assert!(found.contains(
            &"actors[1].nmae: unknown field \"nmae\" (did you mean \"name\"?)".to_owned()
        ));
    }

    #[test]
    fn a_list_of_the_wrong_kind_is_said_plainly() {
        let found = problems_after(|v| v["sources"] = json!("article"));
        assert!(found.contains(&"sources: expected a list, found a string".to_owned()));
    }

    #[test]
    fn paths_quote_keys_that_are_not_plain_names() {
        assert_eq!(json_key_path("", "events"), "events");
        assert_eq!(json_key_path("story", "title"), "story.title");
        assert_eq!(json_key_path("story", "a b"), "story[\"a b\"]");
    }

    #[test]
    fn a_quote_that_ends_a_string_early_is_recognised() {
        let text = "{\"title\": \"said \"no\" today\"}";
        let e = serde_json::from_str::<Value>(text).unwrap_err();
        assert!(unescaped_quote(text, e.line(), e.column()));
        let text = "{\"title\": \"fine\" \"next\": 1}";
        let e = serde_json::from_str::<Value>(text).unwrap_err();
        assert!(!syntax_message(&e).contains(" at line "));
    }
}
