//! Reading and writing a draft (a JSON value) at a path in the validator's
//! syntax, `events[3].participants[1].actor`, so that a form field, the
//! problem the validator reports for it and the value it edits share one
//! address.
//!
//! Pure: no browser types here.

use crate::format::jsonpos::{segments, Segment};
use serde_json::{Map, Value};

/// The value at `path`, if there is one.
pub fn get<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    segments(path)?.iter().try_fold(v, |v, s| match s {
        Segment::Key(k) => v.get(k.as_str()),
        Segment::Index(i) => v.get(*i),
    })
}

/// The string at `path`, or "" when there is none (or it is not a string).
pub fn text<'a>(v: &'a Value, path: &str) -> &'a str {
    get(v, path).and_then(Value::as_str).unwrap_or("")
}

/// The number of elements of the list at `path` (0 when there is none).
pub fn len(v: &Value, path: &str) -> usize {
    get(v, path).and_then(Value::as_array).map_or(0, Vec::len)
}

/// Put `value` at `path`, making the objects on the way. A list position
/// must exist already, or be the list's end (which appends). `false` when
/// the path cannot be made (a step through a string, a position past the end).
pub fn set(v: &mut Value, path: &str, value: Value) -> bool {
    let Some(steps) = segments(path) else {
        return false;
    };
    let Some((last, parents)) = steps.split_last() else {
        *v = value;
        return true;
    };
    let mut at = v;
    for (i, step) in parents.iter().enumerate() {
        // The container a missing step makes: a list if the next step is a position.
        let make = || match steps[i + 1] {
            Segment::Index(_) => Value::Array(Vec::new()),
            Segment::Key(_) => Value::Object(Map::new()),
        };
        at = match step {
            Segment::Key(k) => {
                if !at.is_object() {
                    *at = Value::Object(Map::new());
                }
                let Value::Object(m) = at else { return false };
                m.entry(k.clone()).or_insert_with(make)
            }
            Segment::Index(i) => match at.as_array_mut() {
                Some(a) if *i < a.len() => &mut a[*i],
                Some(a) if *i == a.len() => {
                    a.push(make());
                    a.last_mut().expect("just pushed")
                }
                _ => return false,
            },
        };
    }
    match (last, at) {
        (Segment::Key(k), Value::Object(m)) => {
            m.insert(k.clone(), value);
            true
        }
        (Segment::Key(k), other) if other.is_null() => {
            let mut m = Map::new();
            m.insert(k.clone(), value);
            *other = Value::Object(m);
            true
        }
        (Segment::Index(i), Value::Array(a)) if *i < a.len() => {
            a[*i] = value;
            true
        }
        (Segment::Index(i), Value::Array(a)) if *i == a.len() => {
            a.push(value);
            true
        }
        _ => false,
    }
}

/// Take out the value at `path` (a field, or a list's element, moving the
/// later ones up). The value taken, if there was one.
pub fn remove(v: &mut Value, path: &str) -> Option<Value> {
    let steps = segments(path)?;
    let (last, parents) = steps.split_last()?;
    let mut at = v;
    for step in parents {
        at = match step {
            Segment::Key(k) => at.get_mut(k.as_str())?,
            Segment::Index(i) => at.get_mut(*i)?,
        };
    }
    match (last, at) {
        (Segment::Key(k), Value::Object(m)) => m.remove(k),
        (Segment::Index(i), Value::Array(a)) if *i < a.len() => Some(a.remove(*i)),
        _ => None,
    }
}

/// `path` joined with a field.
pub fn key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path` joined with a list position.
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

pub use crate::format::jsonpos::is_within;

/// The item a path lies in: its list and position (`events[3].date` →
/// events, 3).
pub fn item_of(path: &str) -> Option<(super::fields::List, usize)> {
    let steps = segments(path)?;
    match steps.as_slice() {
        [Segment::Key(k), Segment::Index(i), ..] => Some((super::fields::List::from_key(k)?, *i)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_makes_the_way_and_remove_takes_it_out() {
        let mut v = json!({"events": [{"id": "a"}]});
        assert!(set(&mut v, "events[0].place.name", json!("Tyre")));
        assert!(set(&mut v, "events[0].participants[0].actor", json!("x")));
        assert!(set(&mut v, "events[1]", json!({"id": "b"})));
        assert!(!set(&mut v, "events[5].id", json!("c")));
        assert_eq!(text(&v, "events[0].place.name"), "Tyre");
        assert_eq!(text(&v, "events[0].participants[0].actor"), "x");
        assert_eq!(len(&v, "events"), 2);
        assert_eq!(
            remove(&mut v, "events[0]"),
            Some(json!({"id": "a", "place": {"name": "Tyre"}, "participants": [{"actor": "x"}]}))
        );
        assert_eq!(text(&v, "events[0].id"), "b");
        assert!(is_within("events[1].date", "events[1]"));
        assert!(!is_within("events[10]", "events[1]"));
        assert_eq!(
            item_of("tallies[2].count.value"),
            Some((super::super::fields::List::Tallies, 2))
        );
    }
}
