//! What follows the draft: its problems, and its copy in the browser's
//! storage. After a keystroke both wait until typing stops for a moment,
//! so that a key costs only the change and its drawing, also on a draft of
//! a hundred events; after any other action they follow at once. A failed
//! write leaves the draft as it is: the change is made in memory first, and
//! the status line says the copy was not kept.

use super::{begin, field_id, problems_text, storage, Open};
use crate::author::draft;
use crate::author::draft::open_json;
use crate::author::state::Action;
use crate::author::state::Editor;
use crate::format::validate::{check_value, Problem};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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

/// Open what the page's address names: a kept draft (`?draft=`, as after
/// a reload), or a story from a link (`?data=`) as a new draft; or say on
/// the first screen why that story could not be opened.
#[hook]
pub fn use_address(
    dispatch: &Callback<Action>,
    open: &UseStateHandle<Option<Open>>,
    notice: &UseStateHandle<Option<String>>,
) {
    {
        let (dispatch, open, notice) = (dispatch.clone(), open.clone(), notice.clone());
        use_effect_with((), move |_| {
            if let Some(id) = storage::query("draft") {
                if let Some(doc) = storage::load(&id).and_then(|t| serde_json::from_str(&t).ok()) {
                    dispatch.emit(Action::Load(doc));
                    open.set(Some(Open { id }));
                }
            } else if let Some(raw) = storage::query("data") {
                wasm_bindgen_futures::spawn_local(async move {
                    let url = crate::components::loader::data_url(&raw);
                    let bytes = match &url {
                        Ok(url) => crate::components::loader::fetch_bytes(url).await,
                        Err(problems) => Err(problems.clone()),
                    };
                    let name = url
                        .as_deref()
                        .map_or(raw.as_str(), crate::components::loader::file_name)
                        .to_owned();
                    let opened = bytes
                        .map_err(|p| problems_text(&p))
                        .and_then(|bytes| open_json(&name, &bytes));
                    match opened {
                        Ok(doc) => {
                            let id = begin(&dispatch, doc);
                            open.set(Some(Open { id }));
                        }
                        Err(e) => notice.set(Some(format!("Could not open {raw}: {e}"))),
                    }
                });
            }
        });
    }
}

/// Undo and redo from the keyboard, anywhere on the page.
#[hook]
pub fn use_undo_keys(dispatch: &Callback<Action>) {
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(e.ctrl_key() || e.meta_key()) {
                        return;
                    }
                    let key = e.key().to_lowercase();
                    let action = match (key.as_str(), e.shift_key()) {
                        ("z", false) => Action::Undo,
                        ("z", true) | ("y", false) => Action::Redo,
                        _ => return,
                    };
                    e.prevent_default();
                    dispatch.emit(action);
                },
            );
            move || drop(listener)
        });
    }
}

/// Move the focus where the last action asks (a new item's first field,
/// a problem's field), or to the nearest part of the form that holds it.
#[hook]
pub fn use_focus(editor: &Rc<Editor>) {
    {
        let focus = editor.focus.clone();
        use_effect_with(focus, move |focus| {
            if let Some((_, p)) = focus {
                let document = gloo::utils::document();
                let mut at = p.clone();
                loop {
                    if let Some(el) = document
                        .get_element_by_id(&field_id(&at))
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        // A row just added: its first field, where the
                        // author types next, not the row around it.
                        let first = (at == *p && el.class_list().contains("field--row"))
                            .then(|| el.query_selector("input, select, textarea").ok().flatten())
                            .flatten()
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                        let _ = first.unwrap_or(el).focus();
                        break;
                    }
                    match at.rfind(['.', '[']) {
                        Some(i) if i > 0 => at.truncate(i),
                        _ => break,
                    }
                }
            }
        });
    }
}

/// A menu shows the draft's value, also after the author picked another
/// option and the draft changed under it (undo, a source added): an
/// option's `selected` no longer moves a menu the author has touched.
#[hook]
pub fn use_menus_follow_draft() {
    use_effect(|| {
        if let Ok(menus) = gloo::utils::document().query_selector_all("select[data-value]") {
            for i in 0..menus.length() {
                if let Some(menu) = menus
                    .item(i)
                    .and_then(|m| m.dyn_into::<web_sys::HtmlSelectElement>().ok())
                {
                    let want = menu.get_attribute("data-value").unwrap_or_default();
                    if menu.value() != want {
                        menu.set_value(&want);
                    }
                }
            }
        }
    });
}
