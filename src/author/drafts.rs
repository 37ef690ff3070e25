//! The list of drafts kept in the browser's storage: one entry per draft
//! (its key, title and when it was saved), newest first. The shell reads and
//! writes the storage; what is stored, and under which keys, is decided here.
//!
//! Pure: no browser types here.

use serde::{Deserialize, Serialize};

/// The storage key of the list of drafts.
pub const INDEX_KEY: &str = "dossier-editor/drafts";

/// The storage key of one draft's JSON.
pub fn draft_key(id: &str) -> String {
    format!("dossier-editor/draft/{id}")
}

/// One draft in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftInfo {
    pub id: String,
    pub title: String,
    /// When it was last saved, in milliseconds since 1970.
    pub saved: f64,
}

/// The list as stored; an unreadable list reads as empty (the drafts
/// themselves are still in storage under their keys).
pub fn parse(text: Option<&str>) -> Vec<DraftInfo> {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

pub fn to_text(list: &[DraftInfo]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

/// Put `info` first in the list, in place of its old entry.
pub fn upsert(list: &mut Vec<DraftInfo>, info: DraftInfo) {
    list.retain(|d| d.id != info.id);
    list.insert(0, info);
}

/// Take a draft out of the list.
pub fn remove(list: &mut Vec<DraftInfo>, id: &str) {
    list.retain(|d| d.id != id);
}

/// A new draft's id, from the time: `d` and the milliseconds in base 36,
/// numbered if two drafts start in the same millisecond.
pub fn new_id(now_ms: f64, list: &[DraftInfo]) -> String {
    let mut n = now_ms.max(0.0) as u64;
    let mut digits = Vec::new();
    loop {
        digits.push(std::char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    let base: String = std::iter::once('d')
        .chain(digits.into_iter().rev())
        .collect();
    let mut id = base.clone();
    let mut k = 2;
    while list.iter().any(|d| d.id == id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_keeps_the_newest_first() {
        let mut list = parse(Some("not json"));
        assert!(list.is_empty());
        let a = new_id(1_700_000_000_000.0, &list);
        upsert(
            &mut list,
            DraftInfo {
                id: a.clone(),
                title: "A".into(),
                saved: 1.0,
            },
        );
        let b = new_id(1_700_000_000_000.0, &list);
        assert_ne!(a, b);
        upsert(
            &mut list,
            DraftInfo {
                id: b.clone(),
                title: "B".into(),
                saved: 2.0,
            },
        );
        upsert(
            &mut list,
            DraftInfo {
                id: a.clone(),
                title: "A2".into(),
                saved: 3.0,
            },
        );
        assert_eq!(
            list.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(),
            ["A2", "B"]
        );
        let back = parse(Some(&to_text(&list)));
        assert_eq!(back, list);
        remove(&mut list, &a);
        assert_eq!(list.len(), 1);
    }
}
