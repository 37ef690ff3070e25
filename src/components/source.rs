//! The source panel: the article's text, with the cited sentence shaded and
//! the exact quote highlighted.

use super::context::Dossier;
use crate::components::each;
use crate::view::present::sentence_around;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The article, paragraph by paragraph, opened at a quote. A hook the
/// story calls with its own context (see [`super::share::use_share_panel`]).
#[hook]
pub fn use_source_panel(d: &Dossier) -> Html {
    let cited_ref = use_node_ref();
    {
        // On opening at a quote, the reader lands on its paragraph: the
        // focus moves to it (a screen reader reads it, in the panel named
        // by its heading) and it is scrolled to the middle of the screen
        // (in an embed, the host page scrolls to just above it).
        // On closing, the focus and the view go back to the control the
        // reader opened it from (not when another quote takes its place:
        // the focus is then on that quote's control).
        let cited = cited_ref.clone();
        let options = d.page.options.clone();
        use_effect_with(d.source.clone(), move |source| {
            // Before the focus moves: the step is made with the page where
            // the reader was, at the quote's card, for Back to return to.
            if source.is_some() {
                super::url::push_article_step(options.embed);
            }
            let document = gloo::utils::document();
            // Not the page's body: where nothing had the focus, there is
            // nothing to go back to (and scrolling to it is the page's top).
            let body: Option<web_sys::Element> = document.body().map(Into::into);
            let from = source
                .as_ref()
                .and(document.active_element())
                .filter(|a| Some(a) != body.as_ref())
                .and_then(|a| a.dyn_into::<HtmlElement>().ok());
            if let Some(to) = cited.cast::<HtmlElement>() {
                let _ = to.focus();
                super::host::bring_into_view(&to, &options);
            }
            move || {
                // Closed: the focus went with the panel, to the page's body.
                let lost = document.active_element().is_none_or(|a| Some(a) == body);
                if let Some(from) = from.filter(|f| lost && f.is_connected()) {
                    super::focus_in_view(&from);
                    if options.embed {
                        super::host::bring_into_view(&from, &options);
                    }
                }
            }
        });
    }
    let Some(p) = d.source.clone() else {
        return Html::default();
    };
    let close = {
        let show = d.show_source.clone();
        Callback::from(move |_: MouseEvent| close_article(&show))
    };
    let on_key = {
        let show = d.show_source.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close_article(&show);
            }
        })
    };
    let story = &d.dataset.story;
    html! {
        <section class="source-panel" aria-labelledby="dossier-source-title" onkeydown={on_key}>
            <div class="source-panel__head">
                <h2 id="dossier-source-title" class="source-panel__title">
                    { format!("The article, paragraph {}", p.paragraph) }
                </h2>
                <button type="button" class="button" onclick={close.clone()}>{ "Close" }</button>
            </div>
            <p class="source-panel__meta">{ format!("{} · {}", story.outlet, story.title) }</p>
            <ol class="source-panel__paragraphs">
                { each(story.paragraphs.iter().enumerate().map(|(i, text)| {
                    let number = i as u32 + 1;
                    let cited = number == p.paragraph;
                    let body = match crate::base::text::find(text, &p.quote).filter(|_| cited && !p.quote.is_empty()) {
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
                    // The way back where the reader lands: on a phone the
                    // panel's Close is paragraphs above, and there is no
                    // Escape key (nor, in an embed, a Close on screen).
                    // Inside the paragraph's item, which a screen reader
                    // reads on landing: the way back is said after its words.
                    html! {
                        <li value={number.to_string()} aria-current={cited.then_some("true")} tabindex={cited.then_some("-1")}
                            ref={if cited { cited_ref.clone() } else { NodeRef::default() }}>
                            { body }
                            if cited {
                                <button type="button" class="link-button source-panel__back" onclick={close.clone()}>{ "Back to the quote" }</button>
                            }
                        </li>
                    }
                })) }
            </ol>
        </section>
    }
}

/// Closes the article, and takes its step off the browser's history
/// ([`super::url::take_article_step_off`]).
fn close_article(show: &Callback<Option<crate::format::model::Provenance>>) {
    super::url::take_article_step_off();
    show.emit(None);
}
