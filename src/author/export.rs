//! The draft as a file: pretty-printed JSON with the fields of each object
//! in the guide's order (the field tables), so that an exported story reads
//! like the guide's examples and diffs cleanly between versions. Small
//! objects and lists of plain values stay on one line, as in the guide.
//!
//! serde_json keeps an object's fields sorted by name, so the order is
//! written here rather than by `to_string_pretty`.
//!
//! Pure: no browser types here.

use super::fields::{nested, Field, DATASET};
use serde_json::Value;

/// The widest line an object or a list is kept on.
const LINE: usize = 120;

/// The draft as the text of a `.json` file, ending in a newline.
pub fn pretty(doc: &Value) -> String {
    let mut out = String::new();
    write(doc, Some(DATASET), 0, &mut out);
    out.push('\n');
    out
}

/// `v` on one line, fields in order, if it is small: an object of plain
/// values and lists of them (a provenance entry, a count), or a list of
/// such (`[{ "actor": "x", "role": "initiator" }]`). The caller checks
/// that the line fits.
fn inline(v: &Value, fields: Option<&'static [Field]>) -> Option<String> {
    let flat = |v: &Value| !matches!(v, Value::Object(_) | Value::Array(_));
    match v {
        Value::Object(m) if m.values().all(|x| flat(x) || inline_list(x)) => {
            let parts: Vec<String> = ordered(m, fields)
                .into_iter()
                .map(|(k, x)| format!("{}: {}", string(k), inline(x, None).unwrap_or_default()))
                .collect();
            Some(if parts.is_empty() {
                "{}".into()
            } else {
                format!("{{ {} }}", parts.join(", "))
            })
        }
        Value::Array(a) => {
            let parts: Option<Vec<String>> = a
                .iter()
                .map(|x| match x {
                    Value::Array(_) => None,
                    _ => inline(x, fields),
                })
                .collect();
            Some(format!("[{}]", parts?.join(", ")))
        }
        Value::Object(_) => None,
        other => Some(serde_json::to_string(other).unwrap_or_default()),
    }
}

fn inline_list(v: &Value) -> bool {
    matches!(v, Value::Array(a) if a.iter().all(|x| !matches!(x, Value::Object(_) | Value::Array(_))))
}

fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// An object's fields: those of the table first, in its order, then any
/// others by name.
fn ordered<'a>(
    m: &'a serde_json::Map<String, Value>,
    fields: Option<&'static [Field]>,
) -> Vec<(&'a str, &'a Value)> {
    let fields = fields.unwrap_or(&[]);
    let mut out: Vec<(&str, &Value)> = fields
        .iter()
        .filter_map(|f| m.get_key_value(f.key).map(|(k, v)| (k.as_str(), v)))
        .collect();
    out.extend(
        m.iter()
            .filter(|(k, _)| !fields.iter().any(|f| f.key == k.as_str()))
            .map(|(k, v)| (k.as_str(), v)),
    );
    out
}

fn write(v: &Value, fields: Option<&'static [Field]>, depth: usize, out: &mut String) {
    // The top level is always laid out, however small.
    if depth > 0 {
        if let Some(line) = inline(v, fields).filter(|l| l.len() + depth * 2 <= LINE) {
            out.push_str(&line);
            return;
        }
    }
    let pad = "  ".repeat(depth + 1);
    match v {
        Value::Object(m) => {
            out.push_str("{\n");
            let items = ordered(m, fields);
            for (i, (k, x)) in items.iter().enumerate() {
                let inner = fields
                    .and_then(|fs| fs.iter().find(|f| f.key == *k))
                    .and_then(|f| nested(f.control));
                out.push_str(&pad);
                out.push_str(&string(k));
                out.push_str(": ");
                write(x, inner, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(depth));
            out.push('}');
        }
        Value::Array(a) => {
            out.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad);
                write(x, fields, depth + 1, out);
                out.push_str(if i + 1 < a.len() { ",\n" } else { "\n" });
            }
            out.push_str(&"  ".repeat(depth));
            out.push(']');
        }
        other => out.push_str(&serde_json::to_string(other).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_come_in_the_guides_order_and_small_ones_stay_on_a_line() {
        let doc = json!({
            "events": [{"summary": "S", "id": "e-a", "date": "2024-06-03",
                        "provenance": [{"paragraph": 1, "quote": "Q \"x\"", "source": "s"}]}],
            "story": {"title": "T", "paragraphs": ["One."]},
            "format": "dossier/1",
            "zzz": 1
        });
        let text = pretty(&doc);
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, doc);
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
        assert!(
            at("\"format\"") < at("\"story\"")
                && at("\"story\"") < at("\"events\"")
                && at("\"events\"") < at("\"zzz\"")
        );
        assert!(at("\"id\": \"e-a\"") < at("\"date\"") && at("\"date\"") < at("\"summary\""));
        assert!(
            text.contains(r#"{ "source": "s", "quote": "Q \"x\"", "paragraph": 1 }"#),
            "{text}"
        );
        assert!(text.contains(r#""paragraphs": ["One."]"#), "{text}");
        assert!(text.ends_with("}\n"));
    }
}
