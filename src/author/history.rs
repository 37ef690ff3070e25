//! Undo and redo over whole drafts. A story's draft is tens of kilobytes,
//! so keeping whole copies is simpler than recording inverse operations and
//! costs little. Typing into one field is one step, not one per keystroke.
//!
//! Pure: no browser types here.

/// How many steps back undo reaches.
const LIMIT: usize = 200;

/// The drafts before and after the current one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// The field the last change typed into: more typing there joins its step.
    group: Option<String>,
}

impl<T> History<T> {
    /// Record `before`, the draft as it was before a change. A change in
    /// the same `group` as the last one (typing on in one field) joins the
    /// last step instead of making one.
    pub fn record(&mut self, before: T, group: Option<&str>) {
        let joins = group.is_some() && self.group.as_deref() == group;
        self.group = group.map(str::to_owned);
        self.future.clear();
        if joins {
            return;
        }
        self.past.push(before);
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
    }

    /// The draft before `current`, if any; `current` becomes redoable.
    pub fn undo(&mut self, current: T) -> Result<T, T> {
        self.group = None;
        match self.past.pop() {
            Some(before) => {
                self.future.push(current);
                Ok(before)
            }
            None => Err(current),
        }
    }

    /// The draft undone last, if any; `current` becomes undoable.
    pub fn redo(&mut self, current: T) -> Result<T, T> {
        self.group = None;
        match self.future.pop() {
            Some(after) => {
                self.past.push(current);
                Ok(after)
            }
            None => Err(current),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Ends the current typing group: the next change is a step of its own.
    pub fn seal(&mut self) {
        self.group = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::default();
        let mut doc = String::new();
        for (text, group) in [
            ("a", Some("title")),
            ("ab", Some("title")),
            ("abc", Some("title")),
            ("abc!", None),
            ("abc!x", Some("dek")),
        ] {
            h.record(doc.clone(), group);
            doc = text.to_owned();
        }
        let doc = h.undo(doc).unwrap();
        assert_eq!(doc, "abc!");
        let doc = h.undo(doc).unwrap();
        assert_eq!(doc, "abc");
        let doc = h.undo(doc).unwrap();
        assert_eq!(doc, "");
        assert!(h.undo(doc.clone()).is_err());
        let doc = h.redo(doc).unwrap();
        assert_eq!(doc, "abc");
        assert!(h.can_redo());
        h.record(doc, None);
        assert!(!h.can_redo());
    }
}
