//! The story editor (editor.html): a thin shell over [`crate::author`].
//! The article on the left, quoted by selecting its words; the forms in the
//! middle; the reader's own widget on the right, previewing the draft as it
//! is typed. Every change is kept in the browser (while typing, when typing pauses).
//!
//! - `start`: a new story from a pasted article, a file, or a kept draft;
//! - `article`: the numbered paragraphs, the selection and "Quote as…";
//! - `form`: the forms, drawn from [`crate::author::fields`], and the problems;
//! - `preview`: the reader's widget on the draft;
//! - `storage`: drafts in `localStorage`, downloads, the page's address.

mod article;
mod bar;
mod effects;
mod form;
mod preview;
mod start;
mod storage;

use super::ptr::ByPtr;
use crate::author::state::{Action, Editor};
use crate::author::{draft, path};
use crate::format::validate::Problem;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Mount the editor in `#editor`.
pub fn start() {
    super::lend_browser_case();
    let root = gloo::utils::document()
        .get_element_by_id("editor")
        .unwrap_or_else(|| gloo::utils::body().into());
    root.set_inner_html("");
    yew::Renderer::<EditorApp>::with_root(root).render();
}

/// The element id of the control that edits the field at `path`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
    }
    id
}

/// [`Editor`] as a Yew reducer.
#[derive(PartialEq)]
struct Store(Rc<Editor>);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let editor = (*self.0).clone();
        Rc::new(Store(Rc::new(editor.apply(action))))
    }
}

/// What the editor's parts share.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub editor: ByPtr<Editor>,
    pub dispatch: Callback<Action>,
    /// The validator's problems with the draft, as of its revision.
    pub problems: ByPtr<Vec<Problem>>,
}

impl Ctx {
    /// The problems at `path` itself, or inside it when `inside`.
    pub fn problems_at(&self, at: &str, inside: bool) -> Vec<&Problem> {
        self.problems
            .iter()
            .filter(|p| p.path == at || (inside && path::is_within(&p.path, at)))
            .collect()
    }
}

/// A draft being edited, and its key in storage.
#[derive(Clone, PartialEq)]
pub(super) struct Open {
    pub id: String,
}

#[component]
pub fn EditorApp() -> Html {
    let store = use_reducer(|| Store(Rc::new(Editor::new(Value::Null))));
    let open = use_state(|| None::<Open>);
    // Why the page's ?data= link could not be opened, for the first screen.
    let notice = use_state(|| None::<String>);
    let dispatch = {
        let d = store.dispatcher();
        use_memo((), move |_| Callback::from(move |a| d.dispatch(a)))
    };

    effects::use_address(&dispatch, &open, &notice);

    // The draft is checked and kept after each change, or, while the
    // author types, when typing pauses.
    let editor = store.0.clone();
    let saved = effects::use_kept(&editor, (*open).as_ref().map(|o| o.id.clone()));
    let problems = effects::use_problems(&editor);

    effects::use_undo_keys(&dispatch);
    effects::use_focus(&editor);
    effects::use_menus_follow_draft();

    if open.is_none() {
        let on_begin = {
            let (dispatch, open) = ((*dispatch).clone(), open.clone());
            Callback::from(move |doc: Value| {
                let id = begin(&dispatch, doc);
                open.set(Some(Open { id }));
            })
        };
        let on_resume = {
            let (dispatch, open) = ((*dispatch).clone(), open.clone());
            Callback::from(move |id: String| {
                if let Some(doc) = storage::load(&id).and_then(|t| serde_json::from_str(&t).ok()) {
                    dispatch.emit(Action::Load(doc));
                    storage::remember_in_url(Some(&id));
                    open.set(Some(Open { id }));
                }
            })
        };
        let notice = (*notice).clone();
        return html! { <start::StartScreen {on_begin} {on_resume} {notice} /> };
    }

    let ctx = Ctx {
        editor: ByPtr(editor.clone()),
        dispatch: (*dispatch).clone(),
        problems: ByPtr(problems.clone()),
    };
    let on_start = {
        let open = open.clone();
        Callback::from(move |()| {
            storage::remember_in_url(None);
            open.set(None);
        })
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class="dossier editor">
                <bar::DraftBar {saved} {on_start} />
                <div class="editor__panes">
                    <article::ArticlePane />
                    <form::FormPane />
                    <preview::PreviewPane />
                </div>
            </div>
        </ContextProvider<Ctx>>
    }
}

/// Start editing `doc` as a new draft; its id.
pub(super) fn begin(dispatch: &Callback<Action>, doc: Value) -> String {
    let id = crate::author::drafts::new_id(js_sys::Date::now(), &storage::list());
    let text = serde_json::to_string(&doc).unwrap_or_default();
    let _ = storage::save(&id, &draft::title(&doc), &text);
    storage::remember_in_url(Some(&id));
    dispatch.emit(Action::Load(doc));
    id
}

/// Why a file or a link could not be read, in one line.
pub fn problems_text(problems: &[crate::format::packed::ProblemText]) -> String {
    problems
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The value of the input or textarea an event came from.
pub fn value_of(e: &Event) -> String {
    let target = e.target();
    if let Some(i) = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>())
    {
        return i.value();
    }
    if let Some(t) = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>())
    {
        return t.value();
    }
    if let Some(s) = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>())
    {
        return s.value();
    }
    String::new()
}

/// The shared state, for the editor's parts.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("inside the editor")
}
