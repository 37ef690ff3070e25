//! The editor's pure core against the format itself: its forms cover every
//! field the JSON Schema has, an export reads back as the same dataset, and
//! the first story goes through the editor's operations unharmed.

use dossier::author::export::pretty;
use dossier::author::fields::{nested, Control, Field, DATASET};
use dossier::author::preview::{preview, Preview};
use dossier::author::{draft, path};
use dossier::format::schema::schema_json;
use dossier::format::validate::load;
use serde_json::Value;

const FIRST_STORY: &str = include_str!("../src/format/data/first-story.json");

/// A schema node with `$ref` and `anyOf` (an optional field) followed.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return resolve(root, &root["$defs"][name]);
    }
    if let Some(variants) = node
        .get("anyOf")
        .or(node.get("oneOf"))
        .and_then(Value::as_array)
    {
        if let Some(v) = variants
            .iter()
            .find(|v| v.get("type") != Some(&Value::from("null")))
        {
            return resolve(root, v);
        }
    }
    node
}

fn check(
    root: &Value,
    node: &Value,
    fields: &'static [Field],
    at: &str,
    missing: &mut Vec<String>,
) {
    let node = resolve(root, node);
    let props = node
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (key, prop) in &props {
        let Some(field) = fields.iter().find(|f| f.key == key) else {
            missing.push(format!("{at}.{key}: no field in the editor's form"));
            continue;
        };
        let required = node["required"]
            .as_array()
            .is_some_and(|r| r.contains(&Value::from(key.as_str())));
        if required != field.required && key != "format" {
            missing.push(format!(
                "{at}.{key}: the form says required = {}",
                field.required
            ));
        }
        if let Some(inner) = nested(field.control) {
            let prop = resolve(root, prop);
            let item = match field.control {
                Control::Objects(..) | Control::Quotes => prop.get("items").unwrap_or(prop),
                _ => prop,
            };
            check(root, item, inner, &format!("{at}.{key}"), missing);
        }
    }
    for f in fields {
        if !props.contains_key(f.key) {
            missing.push(format!("{at}.{}: in the form, not in the format", f.key));
        }
    }
}

#[test]
fn the_forms_cover_every_field_of_the_format() {
    let schema: Value = serde_json::from_str(&schema_json()).unwrap();
    let mut missing = Vec::new();
    check(&schema, &schema, DATASET, "$", &mut missing);
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn an_exported_story_reads_back_as_the_same_dataset() {
    let doc: Value = serde_json::from_str(FIRST_STORY).unwrap();
    let text = pretty(&doc);
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back, doc);
    assert_eq!(load(&text).unwrap(), load(FIRST_STORY).unwrap());
    // Every event's fields in the guide's order: id, date, …, provenance.
    let first_event = &text[text.find("\"events\"").unwrap()..];
    let id = first_event.find("\"id\"").unwrap();
    let date = first_event.find("\"date\"").unwrap();
    let summary = first_event.find("\"summary\"").unwrap();
    assert!(id < date && date < summary, "{}", &first_event[..400]);
}

#[test]
fn the_compiled_first_story_is_the_committed_one() {
    let compiled: Value = serde_json::from_str(dossier::format::story::FIRST_STORY_JSON).unwrap();
    let committed: Value = serde_json::from_str(FIRST_STORY).unwrap();
    assert_eq!(compiled, committed);
    assert!(dossier::format::story::FIRST_STORY_JSON.len() < FIRST_STORY.len() * 9 / 10);
}

#[test]
fn the_first_story_previews_whole_and_has_no_stale_quote() {
    let doc: Value = serde_json::from_str(FIRST_STORY).unwrap();
    assert!(draft::stale_quotes(&doc).is_empty());
    let quotes = draft::quotes(&doc);
    // Every provenance of the story is found by the editor's walk.
    assert_eq!(quotes.len(), FIRST_STORY.matches("\"paragraph\"").count());
    match preview(&doc) {
        Preview::Shown { dataset, hidden } => {
            assert!(hidden.is_empty());
            assert_eq!(*dataset, load(FIRST_STORY).unwrap());
        }
        Preview::Blocked(p) => panic!("blocked: {p}"),
    }
    // A paragraph cut and joined again leaves every quote where it was.
    let mut d = doc.clone();
    // Cut at a sentence end that no quote spans (a quote cut in two is
    // stale, and flagged: tested in the module).
    let (n, at) = draft::paragraphs(&d)
        .iter()
        .enumerate()
        .find_map(|(i, p)| {
            let spans = |at: usize| {
                quotes
                    .iter()
                    .filter(|q| q.paragraph as usize == i + 1)
                    .any(|q| {
                        p.match_indices(q.quote.as_str())
                            .any(|(s, m)| s < at && at < s + m.len())
                    })
            };
            p.match_indices(". ")
                .map(|(k, _)| k + 1)
                .find(|k| !spans(*k))
                .map(|k| (i as u32 + 1, k))
        })
        .expect("a paragraph with two sentences");
    assert!(draft::split_paragraph(&mut d, n, at));
    assert!(draft::stale_quotes(&d).is_empty());
    assert!(draft::join_paragraphs(&mut d, n));
    assert!(draft::stale_quotes(&d).is_empty());
    assert_eq!(path::get(&d, "events"), path::get(&doc, "events"));
}

/// Every leaf of a JSON value, as a validator path.
fn leaves(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                leaves(x, &path::key(at, k), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, &path::index(at, i), out);
            }
        }
        _ => out.push(at.to_owned()),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(48))]

    /// Whatever an author leaves half done (a field emptied, taken out or of
    /// the wrong type, anywhere), the preview never panics, and what it
    /// shows passes the validator.
    #[test]
    fn a_draft_in_any_state_previews_a_valid_story(
        damage in proptest::collection::vec((0usize..100_000, 0u8..3), 1..8)
    ) {
        let mut doc: Value = serde_json::from_str(FIRST_STORY).unwrap();
        let mut all = Vec::new();
        leaves(&doc, "", &mut all);
        for (pick, how) in damage {
            let at = &all[pick % all.len()];
            match how {
                0 => { path::set(&mut doc, at, Value::String(String::new())); }
                1 => { path::remove(&mut doc, at); }
                _ => { path::set(&mut doc, at, serde_json::json!(12345)); }
            }
        }
        if let Preview::Shown { dataset, .. } = preview(&doc) {
            proptest::prop_assert!(dossier::format::validate::validate(&dataset).is_empty());
        }
    }
}
