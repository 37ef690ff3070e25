//! The draft's bar, always in view above the panes: its title, Undo and
//! Redo, the problems' count, Export and Copy, the way back to every draft,
//! and the status line (kept or not, and what the last action did).

use super::{storage, use_ctx};
use crate::author::draft;
use crate::author::export::pretty;
use crate::author::state::{Action, Pane};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarProps {
    /// Whether the browser kept the draft at its last write.
    pub saved: Result<(), String>,
    /// Back to the first screen and its list of drafts.
    pub on_start: Callback<()>,
}

#[component]
pub fn DraftBar(props: &BarProps) -> Html {
    let ctx = use_ctx();
    let editor = &ctx.editor;
    // What the last export or copy did.
    let said = use_state(String::new);
    let count = ctx.problems.len();
    let export = {
        let (doc, said) = (editor.doc.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!(
                "{}.json",
                crate::format::ids::make_id("", &draft::title(&doc), 8, [])
            );
            said.set(match storage::download(&name, &pretty(&doc)) {
                Ok(()) if count > 0 => format!(
                    "Exported {name}, with {count} {} still to fix (dossier check lists {}).",
                    if count == 1 { "problem" } else { "problems" },
                    if count == 1 { "it" } else { "them" }
                ),
                Ok(()) => format!("Exported {name}."),
                Err(e) => format!("Could not export: {e}."),
            });
        })
    };
    let copy = {
        let (doc, said) = (editor.doc.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, said) = (pretty(&doc), said.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = crate::components::share::copy_text(&text).await;
                said.set(if ok {
                    "The JSON is on the clipboard.".into()
                } else {
                    "The browser did not allow copying; use Export instead.".into()
                });
            });
        })
    };
    let send = |action: fn() -> Action| {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(action()))
    };
    let to_start = {
        let on_start = props.on_start.clone();
        Callback::from(move |_: MouseEvent| on_start.emit(()))
    };
    let status = match &props.saved {
        Ok(()) => html! { <span class="editor__saved">{ "Saved in this browser" }</span> },
        Err(e) => html! {
            <span class="editor__unsaved" role="alert">
                { format!("Not saved: {e}. Export the JSON to keep your work. ") }
                <button type="button" class="link-button" onclick={export.clone()}>{ "Export now" }</button>
            </span>
        },
    };
    html! {
        <header class="editor__bar">
            <p class="editor__brand">{ "Dossier editor" }</p>
            <h1 class="editor__title">{ draft::title(&editor.doc) }</h1>
            <div class="editor__tools" role="toolbar" aria-label="Draft">
                <button type="button" class="button" onclick={send(|| Action::Undo)} disabled={!editor.can_undo()} aria-keyshortcuts="Control+Z">{ "Undo" }</button>
                <button type="button" class="button" onclick={send(|| Action::Redo)} disabled={!editor.can_redo()} aria-keyshortcuts="Control+Shift+Z">{ "Redo" }</button>
                <button type="button" class={classes!("button", (count > 0).then_some("button--warn"))} onclick={send(|| Action::Pane(Pane::Problems))}>
                    { if count == 0 { "No problems".to_owned() } else { crate::view::present::plural(count, "problem", "problems") } }
                </button>
                <button type="button" class="button button--primary" onclick={export}>
                    { if count == 0 { "Export JSON".to_owned() } else { "Export JSON (with problems)".to_owned() } }
                </button>
                <button type="button" class="button" onclick={copy}>{ "Copy JSON" }</button>
                <button type="button" class="link-button" onclick={to_start}>{ "All drafts" }</button>
            </div>
            <p class="editor__status">
                { status }
                <span role="status" aria-live="polite" class="editor__said">{ format!("{} {}", editor.said, *said).trim().to_owned() }</span>
            </p>
        </header>
    }
}
