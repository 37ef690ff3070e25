//! The article, numbered by paragraph, and the bar that makes a selection
//! into a quote. Each paragraph is a text area that refuses edits: a mouse drag or
//! Shift and the arrow keys select in it, and the browser gives the
//! selection's exact ends, so a quote is always the article's own words.
//! In "Edit paragraphs" mode the same areas are editable, with split, join
//! and remove; quotes that no longer match are flagged.

use super::{field_id, use_ctx, value_of};
use crate::author::draft::{paragraphs, stale_quotes};
use crate::author::fields::List;
use crate::author::path;
use crate::author::quote::Selection;
use crate::author::state::{Action, QuoteAs};
use crate::author::suggest::Fact;
use crate::view::present::plural;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The selection in a paragraph's text area, in UTF-16 units.
fn selection_of(area: &web_sys::HtmlTextAreaElement) -> Option<(u32, u32)> {
    let start = area.selection_start().ok().flatten()?;
    let end = area.selection_end().ok().flatten()?;
    Some((start, end))
}

fn area_of(e: &Event) -> Option<web_sys::HtmlTextAreaElement> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
}

#[component]
pub fn ArticlePane() -> Html {
    let ctx = use_ctx();
    let editing = use_state(|| false);
    let ed = &ctx.editor;
    let ps = paragraphs(&ed.doc);
    let stale = stale_quotes(&ed.doc);
    let quotes = crate::author::draft::quotes(&ed.doc);
    // Outside "Edit paragraphs" the text is read-only but still a text
    // field, so that the caret moves and Shift and the arrow keys select (a
    // `readonly` text area has no caret in Chromium): every edit is refused
    // here, and one that cannot be (an input method's) is put back on input.
    use_effect_with((), |_| {
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "beforeinput",
            options,
            |e| {
                let refused = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        let classes = el.class_list();
                        classes.contains("para__text") && !classes.contains("para__text--editing")
                    });
                if refused {
                    e.prevent_default();
                }
            },
        );
        move || drop(listener)
    });

    let paragraph = |i: usize, text: &String| {
        let n = i as u32 + 1;
        let on_select = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |e: Event| {
                if let Some((start, end)) = area_of(&e).and_then(|a| selection_of(&a)) {
                    dispatch.emit(Action::Select((start != end).then_some(Selection {
                        paragraph: n,
                        start,
                        end,
                    })));
                }
            })
        };
        let on_key = {
            let on_select = on_select.clone();
            Callback::from(move |e: KeyboardEvent| on_select.emit(e.into()))
        };
        let on_mouse = {
            let on_select = on_select.clone();
            Callback::from(move |e: MouseEvent| on_select.emit(e.into()))
        };
        // Enter in a paragraph goes to what the selection can be made into.
        let on_keydown = {
            let editing = *editing;
            Callback::from(move |e: KeyboardEvent| {
                if !editing && e.key() == "Enter" {
                    e.prevent_default();
                    let first = gloo::utils::document()
                        .query_selector(".quotebar__actions button")
                        .ok()
                        .flatten()
                        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(b) = first {
                        let _ = b.focus();
                    }
                }
            })
        };
        let on_input = {
            let (dispatch, editing, text) = (ctx.dispatch.clone(), *editing, text.clone());
            Callback::from(move |e: InputEvent| {
                if editing {
                    dispatch.emit(Action::EditParagraph(n, value_of(&e)));
                } else if let Some(area) = area_of(&e) {
                    // An edit the browser would not let us refuse (an input
                    // method's): the article's own words are put back.
                    area.set_value(&text);
                }
            })
        };
        let id = field_id(&format!("story.paragraphs[{i}]"));
        let split = {
            let (dispatch, id, text) = (ctx.dispatch.clone(), id.clone(), text.clone());
            Callback::from(move |_: MouseEvent| {
                let area = gloo::utils::document()
                    .get_element_by_id(&id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
                if let Some((at, _)) = area.as_ref().and_then(selection_of) {
                    let byte = crate::author::quote::byte_at(&text, at);
                    dispatch.emit(Action::SplitParagraph(n, byte));
                }
            })
        };
        let join = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::JoinParagraph(n)))
        };
        let remove = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::RemoveParagraph(n)))
        };
        let flagged = stale.iter().filter(|(q, _)| q.paragraph == n).count();
        let quoted = quotes.iter().filter(|q| q.paragraph == n).count();
        let rows = (text.chars().count() / 48 + 1).clamp(2, 30).to_string();
        html! {
            <li class={classes!("para", (flagged > 0).then_some("para--stale"))} key={i}>
                <label class="para__n" for={id.clone()}>
                    <span class="visually-hidden">{ "Paragraph " }</span>{ n }
                    if quoted > 0 {
                        <span class="para__quoted" title={format!("Quoted {quoted} times")}>
                            <span aria-hidden="true">{ format!("{quoted}q") }</span>
                            <span class="visually-hidden">{ format!(", quoted {quoted} {}", if quoted == 1 { "time" } else { "times" }) }</span>
                        </span>
                    }
                </label>
                <textarea id={id} class={classes!("para__text", editing.then_some("para__text--editing"))}
                    aria-readonly={(!*editing).then_some("true")} value={text.clone()} {rows}
                    onselect={on_select.clone()} onkeyup={on_key} onmouseup={on_mouse} onkeydown={on_keydown}
                    oninput={on_input} spellcheck={editing.to_string()} />
                if *editing {
                    <div class="para__tools">
                        <button type="button" class="link-button" onclick={split}>{ "Split at the cursor" }</button>
                        if i + 1 < ps.len() {
                            <button type="button" class="link-button" onclick={join}>{ format!("Join with {}", n + 1) }</button>
                        }
                        <button type="button" class="link-button" onclick={remove}>{ "Remove" }</button>
                    </div>
                }
            </li>
        }
    };

    let toggle = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    let add = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::AddParagraph))
    };
    let flags = stale.iter().map(|(q, found)| {
        let item = path::item_of(&q.path);
        let name = item.map(|(l, i)| format!("{} “{}”", l.noun(), ed.name_of(l, i))).unwrap_or_else(|| q.path.clone());
        let reanchor = {
            let (dispatch, p) = (ctx.dispatch.clone(), q.path.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(item) = item {
                    dispatch.emit(Action::Open(Some(item)));
                }
                dispatch.emit(Action::Reanchor(Some(p.clone())));
            })
        };
        let moved = found.map(|n| format!(" Its words are now in paragraph {n}."));
        html! {
            <li>
                { format!("The quote “{}” of {name} no longer matches paragraph {}.{}", short(&q.quote), q.paragraph, moved.unwrap_or_default()) }
                { " " }
                <button type="button" class="link-button" onclick={reanchor}>{ "Re-anchor" }</button>
            </li>
        }
    });

    html! {
        <section class="editor__pane editor__article" aria-labelledby="article-title">
            <div class="pane__head">
                <h2 id="article-title">{ "Article" }</h2>
                <button type="button" class="link-button" aria-pressed={editing.to_string()} onclick={toggle}>
                    { if *editing { "Done editing paragraphs" } else { "Edit paragraphs" } }
                </button>
            </div>
            <QuoteBar />
            if !stale.is_empty() {
                <div class="stale" role="status">
                    <p class="stale__title">{ format!("{} no longer {} {} paragraph", plural(stale.len(), "quote", "quotes"), if stale.len() == 1 { "matches" } else { "match" }, if stale.len() == 1 { "its" } else { "their" }) }</p>
                    <ul>{ for flags }</ul>
                </div>
            }
            <p class="pane__help">{ if *editing {
                "Edit, split and join paragraphs. Quotes that cite them follow; any that no longer match are flagged above."
            } else {
                "Select words (drag, or Shift and the arrow keys), then choose what to make of them above (Enter takes you there)."
            } }</p>
            if !*editing {
                <Suggestions />
            }
            <ol class="paras">{ for ps.iter().enumerate().map(|(i, p)| paragraph(i, p)) }</ol>
            if *editing {
                <button type="button" class="link-button" onclick={add}>{ "Add a paragraph" }</button>
            }
        </section>
    }
}

/// What the text states, read from its words (`author::suggest`): each
/// taken up or put aside with one press.
#[component]
fn Suggestions() -> Html {
    let ctx = use_ctx();
    // Read again only when what they are read from changes (the article,
    // its date, the names) or one is put aside, not on every keystroke.
    let offered = use_memo(ctx.editor.read_for_suggestions(), |inputs| {
        ctx.editor.suggestions_from(inputs)
    });
    if offered.is_empty() {
        return Html::default();
    }
    let n = offered.len();
    let rows = offered.iter().take(60).map(|s| {
        let what = match &s.fact {
            Fact::Figure { outcome: Some(o), .. } => format!("a tally of the {}", o.people()),
            Fact::Figure { .. } => "a figure".to_owned(),
            Fact::When { date, .. } => format!("the date: {}", date.human()),
            Fact::Attribution { kind: None, .. } => "who says it: a source".to_owned(),
            Fact::Attribution { kind: Some(kind), .. } => format!(
                "who says it: a source ({}, from its words)",
                crate::format::vocab::SourceKind::from_name(kind).map(|k| k.label().into_owned()).unwrap_or_default()
            ),
            Fact::Name { known: Some(_), .. } => "a name already in the story".to_owned(),
            Fact::Name { known: None, .. } => "an actor".to_owned(),
            Fact::Place { .. } => "a place: where the open event happened".to_owned(),
            Fact::Happening { kind } => format!("an event: {}", kind.label()),
        };
        let (accept, dismiss) = {
            let (d1, d2, s1, s2) = (ctx.dispatch.clone(), ctx.dispatch.clone(), s.clone(), s.clone());
            (
                Callback::from(move |_: MouseEvent| d1.emit(Action::Accept(s1.clone()))),
                Callback::from(move |_: MouseEvent| d2.emit(Action::Dismiss(s2.clone()))),
            )
        };
        let label = format!("¶{} “{}”: {what}", s.paragraph, short(&s.words));
        html! {
            <li class="suggestion" key={format!("{}-{}-{}-{label}", s.paragraph, s.start, s.end)}>
                <span class="suggestion__what">{ label.clone() }</span>
                <button type="button" class="button" onclick={accept} aria-label={format!("Use {label}")}>{ "Use" }</button>
                <button type="button" class="link-button" onclick={dismiss} aria-label={format!("Dismiss {label}")}>{ "Dismiss" }</button>
            </li>
        }
    });
    html! {
        <details class="suggestions">
            <summary>{ format!("Suggestions from the text ({n})") }</summary>
            <ul>{ for rows }</ul>
        </details>
    }
}

fn short(s: &str) -> String {
    crate::author::state::clip(s, 50)
}

/// "Quote as…": the selection, the source it is credited to, and what to
/// make of it.
#[component]
fn QuoteBar() -> Html {
    let ctx = use_ctx();
    let ed = &ctx.editor;
    let adding = use_state(|| false);
    let name = use_state(String::new);
    // The kind starts unset for every new source: a kind carried over from
    // the last one would be set without the author choosing it.
    let kind = use_state(String::new);
    let sources: Vec<(String, String)> = (0..path::len(&ed.doc, "sources"))
        .map(|i| {
            let at = path::index("sources", i);
            (
                path::text(&ed.doc, &path::key(&at, "id")).to_owned(),
                ed.name_of(List::Sources, i),
            )
        })
        .filter(|(id, _)| !id.is_empty())
        .collect();
    let on_source = {
        let (dispatch, adding) = (ctx.dispatch.clone(), adding.clone());
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            if v == "+" {
                adding.set(true);
            } else {
                dispatch.emit(Action::Source(v));
            }
        })
    };
    let add_source = {
        let (dispatch, adding, name, kind) = (
            ctx.dispatch.clone(),
            adding.clone(),
            name.clone(),
            kind.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if name.trim().is_empty() || kind.is_empty() || kind.as_str() == "x-" {
                return;
            }
            dispatch.emit(Action::NewSource {
                name: (*name).clone(),
                kind: (*kind).clone(),
            });
            name.set(String::new());
            kind.set(String::new());
            adding.set(false);
            // The form goes with the focus in it: the focus moves to the
            // menu that now names the new source, once it is drawn.
            gloo::timers::callback::Timeout::new(0, || {
                if let Some(menu) = gloo::utils::document()
                    .get_element_by_id("quote-source")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = menu.focus();
                }
            })
            .forget();
        })
    };
    let selected = ed.selected_quote();
    let choices = ed.quote_choices();
    let buttons = choices.into_iter().map(|(what, label)| {
        let dispatch = ctx.dispatch.clone();
        let primary = matches!(what, QuoteAs::Current | QuoteAs::Replace(_));
        // The button keeps the selection: pressing it must not move focus first.
        let keep = Callback::from(|e: MouseEvent| e.prevent_default());
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::QuoteAs(what.clone()));
            // The words are quoted: the selection in the paragraph goes, so
            // that a second press cannot quote them twice.
            let focused = gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            if let Some(area) = focused {
                if let Ok(Some(end)) = area.selection_end() {
                    let _ = area.set_selection_range(end, end);
                }
            }
        });
        html! {
            <button type="button" class={classes!("button", primary.then_some("button--primary"))}
                disabled={selected.is_none()} onmousedown={keep} {onclick}>{ label }</button>
        }
    });
    let source_picker = html! {
        <div class="quotebar__source">
            <label for="quote-source">{ "Credited to" }</label>
            <select id="quote-source" onchange={on_source} data-value={ed.source.clone()}>
                if sources.is_empty() {
                    <option value="" selected=true>{ "No source yet" }</option>
                }
                { for sources.iter().map(|(id, name)| html! {
                    <option value={id.clone()} selected={*id == ed.source}>{ name.clone() }</option>
                }) }
                <option value="+">{ "Add a source…" }</option>
            </select>
        </div>
    };
    let new_source = (*adding || sources.is_empty()).then(|| {
        let on_name = {
            let name = name.clone();
            Callback::from(move |e: InputEvent| name.set(value_of(&e)))
        };
        let on_kind = {
            let kind = kind.clone();
            Callback::from(move |e: Event| kind.set(value_of(&e)))
        };
        // A kind of the story's own: `x-` and the author's term.
        let own = kind.strip_prefix("x-").map(str::to_owned);
        let on_own = {
            let kind = kind.clone();
            Callback::from(move |e: InputEvent| kind.set(format!("x-{}", value_of(&e).trim())))
        };
        let terms = crate::author::fields::Vocab::SourceKind.terms();
        html! {
            <form class="quotebar__new" onsubmit={add_source} aria-label="Add a source">
                <div class="field">
                    <label for="new-source-name">{ "New source" }</label>
                    <input id="new-source-name" type="text" value={(*name).clone()} oninput={on_name} placeholder="as in “according to …”" />
                </div>
                <div class="field">
                    <label for="new-source-kind">{ "Kind" }</label>
                    <select id="new-source-kind" onchange={on_kind} required=true>
                        <option value="" selected={kind.is_empty()} disabled=true>{ "Choose what kind of source…" }</option>
                        { for terms.iter().map(|(v, l)| html! { <option value={*v} selected={*v == kind.as_str()}>{ l.clone() }</option> }) }
                        <option value="x-" selected={own.is_some()}>{ "Own term (x-…)" }</option>
                    </select>
                    if let Some(own) = own {
                        <input id="new-source-kind-own" type="text" class="field__own" value={own} oninput={on_own}
                            required=true pattern="[a-z0-9_\\-]+" spellcheck="false"
                            aria-label="Your own kind of source, in lower case, as in press-office" />
                    }
                </div>
                <button type="submit" class="button">{ "Add source" }</button>
            </form>
        }
    });
    html! {
        <div class="quotebar" role="region" aria-label="Quote as">
            if let Some((q, n)) = &selected {
                <p class="quotebar__quote"><span class="quotebar__mark">{ format!("¶{n}") }</span>{ format!(" “{}”", short(q)) }</p>
            } else if ed.reanchor.is_some() {
                <p class="quotebar__hint">{ "Select the words the flagged quote should now have, then choose Re-anchor." }</p>
            } else {
                <p class="quotebar__hint">{ "Select words in a paragraph to quote them." }</p>
            }
            { source_picker }
            { new_source.unwrap_or_default() }
            <div class="quotebar__actions" role="group" aria-label="Quote as">{ for buttons }</div>
        </div>
    }
}
