//! What the live preview shows of a draft that still has problems: the
//! reader's widget only ever gets a valid dataset, so an item with a
//! problem is left out of the preview (and an item that then points at it,
//! in turn) until it is fixed, and the story's own fields are stood in for.
//! The editor says how many items are left out.
//!
//! Pure: no browser types here.

use super::fields::List;
use super::path;
use crate::format::model::{Dataset, FORMAT};
use crate::format::validate::{check_value, Problem};
use serde_json::{json, Value};
use std::collections::BTreeSet;
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

/// The part of `doc` the reader's widget can show.
pub fn preview(doc: &Value) -> Preview {
    let mut doc = doc.clone();
    let mut hidden: Vec<(List, usize)> = Vec::new();
    // Each round leaves out what has problems; what pointed at it has
    // problems in the next round. A few rounds reach every chain in a story.
    for _ in 0..12 {
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
        let mut out: BTreeSet<(usize, usize)> = BTreeSet::new();
        for p in &problems {
            if let Some((list, i)) = path::item_of(&p.path) {
                let l = List::ALL.iter().position(|x| *x == list).unwrap_or(0);
                out.insert((l, i));
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
        // From the last position down, so that earlier positions hold.
        for (l, i) in out.into_iter().rev() {
            let list = List::ALL[l];
            if path::remove(&mut doc, &path::index(list.key(), i)).is_some() {
                match hidden.iter_mut().find(|(x, _)| *x == list) {
                    Some((_, n)) => *n += 1,
                    None => hidden.push((list, 1)),
                }
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
        assert_eq!(
            dataset
                .events
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>(),
            ["e-ok"]
        );
        assert_eq!(dataset.story.title, "Untitled story");
        assert_eq!(hidden, [(List::Actors, 1), (List::Events, 2)]);
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
