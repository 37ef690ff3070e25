//! The source panel: the article's text, with the cited sentence shaded and
//! the exact quote highlighted.

use super::context::use_dossier;
use crate::view::present::sentence_around;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The article, paragraph by paragraph, opened at a quote.
#[component]
pub fn SourcePanel() -> Html {
    let d = use_dossier();
    let heading = use_node_ref();
    {
        // Move focus to the panel when it opens at a new quote, so keyboard
        // and screen-reader users land on what they asked for.
        let heading = heading.clone();
        use_effect_with(d.source.clone(), move |source| {
            if source.is_some() {
                if let Some(h) = heading.cast::<HtmlElement>() {
                    super::focus_in_view(&h);
                }
            }
        });
    }
    let Some(p) = d.source.clone() else {
        return Html::default();
    };
    let close = {
        let show = d.show_source.clone();
        Callback::from(move |_: MouseEvent| show.emit(None))
    };
    let on_key = {
        let show = d.show_source.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                show.emit(None);
            }
        })
    };
    let story = &d.dataset.story;
    html! {
        <section class="source-panel" aria-labelledby="dossier-source-title" onkeydown={on_key}>
            <div class="source-panel__head">
                <h2 id="dossier-source-title" class="source-panel__title" tabindex="-1" ref={heading}>
                    { format!("The article, paragraph {}", p.paragraph) }
                </h2>
                <button type="button" class="button" onclick={close}>{ "Close" }</button>
            </div>
            <p class="source-panel__meta">{ format!("{} · {}", story.outlet, story.title) }</p>
            <ol class="source-panel__paragraphs">
                { for story.paragraphs.iter().enumerate().map(|(i, text)| {
                    let number = i as u32 + 1;
                    let cited = number == p.paragraph;
                    let body = match text.find(p.quote.as_str()).filter(|_| cited && !p.quote.is_empty()) {
                        Some(start) => {
                            let end = start + p.quote.len();
                            let (s0, s1) = sentence_around(text, start, end);
                            html! {
                                <>
                                    { &text[..s0] }
                                    <span class="source-panel__sentence">
                                        { &text[s0..start] }
                                        <mark>{ &text[start..end] }</mark>
                                        { &text[end..s1] }
                                    </span>
                                    { &text[s1..] }
                                </>
                            }
                        }
                        None => html! { { text } },
                    };
                    html! {
                        <li value={number.to_string()} class={super::when(cited, "source-panel__cited")}
                            aria-current={cited.then_some("true")}>
                            { body }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
