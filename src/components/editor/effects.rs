//! What follows the draft: its problems, and its copy in the browser's
//! storage. After a keystroke both wait until typing stops for a moment,
//! so that a key costs only the change and its drawing, also on a draft of
//! a hundred events; after any other action they follow at once. A failed
//! write leaves the draft as it is: the change is made in memory first, and
//! the status line says the copy was not kept.

use super::storage;
use crate::author::draft;
use crate::author::state::Editor;
use crate::format::validate::{check_value, Problem};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the draft is checked and kept.
const AFTER_TYPING_MS: u32 = 400;

/// The validator's problems with the draft. While the author types, the
/// last ones stay shown until typing pauses.
#[hook]
pub fn use_problems(editor: &Rc<Editor>) -> Rc<Vec<Problem>> {
    let problems = use_state(|| Rc::new(Vec::new()));
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let (problems, pending) = (problems.clone(), pending.clone());
        let editor = editor.clone();
        use_effect_with(editor.revision, move |_| {
            let typed = editor.typed;
            let check = move || {
                let found = if editor.doc.is_null() {
                    Vec::new()
                } else {
                    check_value((*editor.doc).clone()).1
                };
                problems.set(Rc::new(found));
            };
            if typed {
                *pending.borrow_mut() = Some(Timeout::new(AFTER_TYPING_MS, check));
            } else {
                pending.borrow_mut().take();
                check();
            }
        });
    }
    (*problems).clone()
}

/// A draft waiting to be kept: its key and the editor holding it.
type Unkept = Rc<RefCell<Option<(String, Rc<Editor>)>>>;

/// Keep the draft now, if it waits; whether the browser kept it.
fn keep_now(unkept: &Unkept) -> Option<Result<(), String>> {
    let (id, editor) = unkept.borrow_mut().take()?;
    let text = serde_json::to_string(&*editor.doc).unwrap_or_default();
    Some(storage::save(&id, &draft::title(&editor.doc), &text))
}

/// Keep the draft `open` (its key) in the browser: a moment after typing
/// stops, at once after any other change, and whenever the page is hidden
/// or left. Whether the last write was kept.
#[hook]
pub fn use_kept(editor: &Rc<Editor>, open: Option<String>) -> Result<(), String> {
    let saved = use_state_eq(|| Ok::<(), String>(()));
    let unkept: Unkept = use_mut_ref(|| None);
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let (saved, unkept, pending) = (saved.clone(), unkept.clone(), pending.clone());
        let editor = editor.clone();
        use_effect_with((editor.revision, open.clone()), move |(_, open)| {
            let Some(id) = open.clone().filter(|_| !editor.doc.is_null()) else {
                return;
            };
            let typed = editor.typed;
            *unkept.borrow_mut() = Some((id, editor));
            let keep = move || {
                if let Some(result) = keep_now(&unkept) {
                    saved.set(result);
                }
            };
            if typed {
                *pending.borrow_mut() = Some(Timeout::new(AFTER_TYPING_MS, keep));
            } else {
                pending.borrow_mut().take();
                keep();
            }
        });
    }
    // Leaving or hiding the page keeps what is still waiting.
    {
        let unkept = unkept.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let on_hidden = {
                let unkept = unkept.clone();
                EventListener::new(&document, "visibilitychange", move |_| {
                    if gloo::utils::document().hidden() {
                        keep_now(&unkept);
                    }
                })
            };
            let on_leave = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                keep_now(&unkept);
            });
            move || drop((on_hidden, on_leave))
        });
    }
    (*saved).clone()
}
