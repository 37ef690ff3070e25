//! What the live preview shows of a draft that still has problems: the
//! reader's widget only ever gets a valid dataset, so an item with a
//! problem is left out of the preview (and an item that then points at it,
//! in turn) until it is fixed, and the story's own fields are stood in for.
//! The editor says how many items are left out.
//!
//! Pure: no browser types here.

use super::fields::{field, nested, Control, Field, Form, List};
use super::path;
use crate::format::jsonpos::{segments, Segment};
use crate::format::model::{Dataset, FORMAT};
use crate::format::validate::{check_value, Problem};
use serde_json::{json, Value};
use std::rc::Rc;

/// The preview of a draft.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    /// A valid dataset, and how many items of each list are left out of it.
    Shown {
        dataset: Rc<Dataset>,
        hidden: Vec<(List, usize)>,
    },
    /// Nothing can be shown until the problem at this path is fixed.
    Blocked(Problem),
}

/// Stand-ins for the story's fields that have problems.
fn stand_in(field: &str) -> Option<Value> {
    match field {
        "title" => Some(json!("Untitled story")),
        "outlet" => Some(json!("The outlet")),
        "url" => Some(json!("https://example.com/")),
        _ => None,
    }
}

/// What to leave out of the preview for a problem inside an item: the
/// deepest optional field or list element that holds it (a place without a
/// name, one participant), or the whole item when the problem is in a
/// field it cannot do without.
fn removable(at: &str) -> Option<Vec<Segment>> {
    let steps = segments(at)?;
    let (Segment::Key(list), Segment::Index(_)) = (steps.first()?, steps.get(1)?) else {
        return None;
    };
    let mut fields: Option<&'static [Field]> = List::from_key(list).map(List::fields);
    let mut best = 2;
    let mut in_list = false;
    for (n, step) in steps.iter().enumerate().skip(2) {
        match step {
            Segment::Key(k) => {
                let Some(f) = fields.and_then(|fs| field(fs, k)) else {
                    break;
                };
                if !f.required {
                    best = n + 1;
                }
                in_list = matches!(
                    f.control,
                    Control::Objects(..) | Control::Quotes | Control::Refs(_) | Control::Strings
                );
                fields = nested(f.control);
            }
            Segment::Index(_) if in_list => {
                best = n + 1;
                in_list = false;
            }
            Segment::Index(_) => break,
        }
    }
    Some(steps[..best].to_vec())
}

fn to_path(steps: &[Segment]) -> String {
    steps.iter().fold(String::new(), |p, s| match s {
        Segment::Key(k) => path::key(&p, k),
        Segment::Index(i) => path::index(&p, *i),
    })
}

/// Paths in document order, positions compared as numbers.
fn order(a: &[Segment], b: &[Segment]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        let o = match (x, y) {
            (Segment::Index(i), Segment::Index(j)) => i.cmp(j),
            (Segment::Key(k), Segment::Key(l)) => k.cmp(l),
            (Segment::Key(_), Segment::Index(_)) => std::cmp::Ordering::Less,
            (Segment::Index(_), Segment::Key(_)) => std::cmp::Ordering::Greater,
        };
        if o != std::cmp::Ordering::Equal {
            return o;
        }
    }
    a.len().cmp(&b.len())
}

/// The part of `doc` the reader's widget can show.
pub fn preview(doc: &Value) -> Preview {
    let mut doc = doc.clone();
    let mut hidden: Vec<(List, usize)> = Vec::new();
    // Each round leaves out what has problems; what pointed at it has
    // problems in the next round. A few rounds reach every chain in a story.
    for _ in 0..32 {
        let (dataset, problems) = check_value(doc.clone());
        let Some(dataset) = dataset else {
            return Preview::Blocked(problems.into_iter().next().unwrap_or_else(|| {
                Problem::new("$", crate::format::validate::ProblemKind::Empty)
            }));
        };
        if problems.is_empty() {
            hidden.sort_by_key(|(l, _)| List::ALL.iter().position(|x| x == l));
            return Preview::Shown {
                dataset: Rc::new(dataset),
                hidden,
            };
        }
        let mut out: Vec<Vec<Segment>> = Vec::new();
        for p in &problems {
            if path::item_of(&p.path).is_some() {
                if let Some(at) = removable(&p.path) {
                    out.push(at);
                }
            } else if let Some(field) = p.path.strip_prefix("story.") {
                let key = field.split(['.', '[']).next().unwrap_or(field);
                match stand_in(key) {
                    Some(v) => {
                        path::set(&mut doc, &path::key("story", key), v);
                    }
                    None if matches!(key, "dek" | "dateline") => {
                        path::remove(&mut doc, &path::key("story", key));
                    }
                    None => return Preview::Blocked(p.clone()),
                }
            } else if p.path == "format" {
                path::set(&mut doc, "format", json!(FORMAT));
            } else if List::from_key(&p.path).is_some() {
                path::set(&mut doc, &p.path, json!([]));
            } else if p.path != "$" && path::remove(&mut doc, &p.path).is_some() {
                // An unknown field: left out.
            } else {
                return Preview::Blocked(p.clone());
            }
        }
        // The deepest first, and in a list the last first, so that the
        // other places still point where they did.
        out.sort_by(|a, b| order(b, a));
        out.dedup();
        let mut removed: Vec<Vec<Segment>> = Vec::new();
        for mut at in out {
            // Inside something already taken out: nothing left to take.
            if removed.iter().any(|r| at.starts_with(r)) {
                continue;
            }
            // A field already left out that is still missed (a participant
            // with neither an actor nor victims): the element that holds it.
            if path::get(&doc, &to_path(&at)).is_none() && at.len() > 2 {
                if let Some(k) = at.iter().rposition(|s| matches!(s, Segment::Index(_))) {
                    at.truncate(k + 1);
                }
            }
            if path::remove(&mut doc, &to_path(&at)).is_some() {
                if let [Segment::Key(k), Segment::Index(_)] = at.as_slice() {
                    if let Some(list) = List::from_key(k) {
                        match hidden.iter_mut().find(|(x, _)| *x == list) {
                            Some((_, n)) => *n += 1,
                            None => hidden.push((list, 1)),
                        }
                    }
                }
                removed.push(at);
            }
        }
    }
    let (_, problems) = check_value(doc);
    Preview::Blocked(
        problems
            .into_iter()
            .next()
            .unwrap_or_else(|| Problem::new("$", crate::format::validate::ProblemKind::Empty)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::validate::validate;

    #[test]
    fn a_draft_with_problems_previews_what_is_sound() {
        let doc = json!({
            "format": "dossier/1",
            "story": {"title": "", "outlet": "O", "url": "https://e.com/a", "published": "2024-06-03",
                      "paragraphs": ["Hello there, said the union."]},
            "sources": [{"id": "s", "name": "the union", "kind": "group_statement"}],
            "actors": [{"id": "u", "name": "Union", "kind": ""}, {"id": "v", "name": "Other", "kind": "person"}],
            "events": [
                {"id": "e-ok", "date": "2024-06-03", "kind": "statement", "summary": "Hello.",
                 "status": {"state": "reported"}, "provenance": [{"source": "s", "quote": "Hello there", "paragraph": 1}]},
                {"id": "e-bad", "date": "", "kind": "statement", "summary": "Broken.",
                 "status": {"state": "reported"}, "provenance": [{"source": "s", "quote": "Hello", "paragraph": 1}]},
                {"id": "e-points-at-bad", "date": "2024-06-03", "kind": "statement", "summary": "Names the union.",
                 "participants": [{"actor": "u", "role": "initiator"}],
                 "status": {"state": "reported"}, "provenance": [{"source": "s", "quote": "union", "paragraph": 1}]}
            ]
        });
        let Preview::Shown { dataset, hidden } = preview(&doc) else {
            panic!("blocked")
        };
        assert!(validate(&dataset).is_empty());
        // The broken event is left out; the one naming the broken actor
        // stays, without that participant.
        let ids: Vec<&str> = dataset.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["e-ok", "e-points-at-bad"]);
        assert!(dataset.events[1].participants.is_empty());
        assert_eq!(dataset.story.title, "Untitled story");
        assert_eq!(hidden, [(List::Actors, 1), (List::Events, 1)]);
    }

    #[test]
    fn a_half_filled_part_leaves_its_item_in_the_preview() {
        let doc = json!({"format": "dossier/1",
            "story": {"title": "T", "outlet": "O", "url": "https://e.com", "published": "2024-06-03", "paragraphs": ["A walkout."]},
            "sources": [{"id": "s", "name": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "events": [{"id": "e", "date": "2024-06-03", "kind": "statement", "summary": "S.",
                "place": {"name": ""},
                "participants": [{"actor": "a", "role": "initiator"}, {"actor": "", "role": ""}, {"actor": "zz", "role": "initiator"}],
                "status": {"state": "reported"},
                "provenance": [{"source": "s", "quote": "A walkout", "paragraph": 1}, {"source": "s", "quote": "", "paragraph": 1}]}]});
        let Preview::Shown { dataset, hidden } = preview(&doc) else {
            panic!("blocked")
        };
        assert!(hidden.is_empty(), "{hidden:?}");
        let e = &dataset.events[0];
        assert!(e.place.is_none());
        assert_eq!(e.participants.len(), 1);
        assert_eq!(e.provenance.len(), 1);
    }

    #[test]
    fn a_story_without_a_date_is_blocked() {
        let doc = json!({"format": "dossier/1", "story": {"title": "T", "outlet": "O", "url": "https://e.com",
            "published": "", "paragraphs": ["A."]}, "sources": [], "actors": [], "events": []});
        assert!(
            matches!(preview(&doc), Preview::Blocked(p) if p.path.starts_with("story.published"))
        );
    }
}
