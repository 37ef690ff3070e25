//! The live preview: the reader's own widget (cards, network, charts) on
//! the draft, at a phone's width or a desktop's. It follows the draft a
//! moment after typing stops, keeping the view the author chose; items with
//! problems are left out of it until fixed ([`crate::author::preview`]).

use super::super::page::current_fragment;
use super::super::ptr::ByPtr;
use super::super::story::StoryView;
use super::use_ctx;
use crate::author::preview::{preview, Preview};
use crate::view::embed::Options;
use crate::view::page::Page;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// How long the preview waits after the last change.
const SETTLE_MS: u32 = 300;

#[component]
pub fn PreviewPane() -> Html {
    let ctx = use_ctx();
    let wide = use_state(|| false);
    // The revision the preview shows: it follows the draft's once typing settles.
    let shown = use_state(|| ctx.editor.revision);
    {
        let shown = shown.clone();
        use_effect_with(ctx.editor.revision, move |rev| {
            let rev = *rev;
            let timer = Timeout::new(SETTLE_MS, move || shown.set(rev));
            move || drop(timer)
        });
    }
    let result = {
        let doc = ctx.editor.doc.clone();
        use_memo(*shown, move |_| Rc::new(preview(&doc)))
    };
    let page = use_memo((), |_| {
        // As an embed: the preview's filters replace the history entry
        // rather than add to the editor's.
        Page {
            options: Options {
                embed: true,
                ..Default::default()
            },
            ..Default::default()
        }
    });
    let toggle = |to: bool, label: &'static str| {
        let pressed = (*wide == to).to_string();
        let wide = wide.clone();
        let onclick = Callback::from(move |_: MouseEvent| wide.set(to));
        html! { <button type="button" class="views__button" aria-pressed={pressed} {onclick}>{ label }</button> }
    };
    let body = match &**result {
        Preview::Shown { dataset, hidden } => {
            let left_out = (!hidden.is_empty()).then(|| {
                let parts: Vec<String> = hidden
                    .iter()
                    .map(|(list, n)| format!("{n} {}", if *n == 1 { list.noun().to_owned() } else { list.title().to_lowercase() }))
                    .collect();
                html! {
                    <p class="preview__note">{ format!("Not shown until their problems are fixed: {}.", parts.join(", ")) }</p>
                }
            });
            let empty = dataset.events.is_empty();
            html! {
                <>
                    { left_out.unwrap_or_default() }
                    if empty {
                        <p class="preview__note">{ "The preview shows the story once it has an event without problems." }</p>
                    } else {
                        <div class={classes!("preview__frame", (!*wide).then_some("preview__frame--phone"))}>
                            <div class="dossier-host">
                                <div class="dossier" data-embed="">
                                    <StoryView key={*shown} dataset={ByPtr(dataset.clone())}
                                        fragment={Some(AttrValue::from(current_fragment()))} page={ByPtr(page.clone())} open={None::<Callback<web_sys::File>>} />
                                </div>
                            </div>
                        </div>
                    }
                </>
            }
        }
        Preview::Blocked(p) => html! {
            <p class="preview__note">{ format!("Nothing to preview until this is fixed: {p}.") }</p>
        },
    };
    html! {
        <section class={classes!("editor__pane", "editor__preview", wide.then_some("editor__preview--wide"))} aria-labelledby="preview-title">
            <div class="pane__head">
                <h2 id="preview-title">{ "Preview" }</h2>
                <div class="views" role="group" aria-label="Preview width">
                    { toggle(false, "Phone") }
                    { toggle(true, "Desktop") }
                </div>
            </div>
            if *wide {
                <p class="preview__note">{ "At a desktop's width the preview takes the forms' place; choose Phone to see them again." }</p>
            }
            { body }
        </section>
    }
}
