//! The forms: one per part of the story, drawn from the field tables in
//! [`crate::author::fields`], each field with its help line and, beside it,
//! the validator's problems with it. A list of every problem takes you to
//! each one.

use super::{field_id, use_ctx, value_of, Ctx};
use crate::author::draft::{date_reading, is_stale_at, paragraphs, quote_at};
use crate::author::fields::{
    blank_of, field, labels_of, Control, Field, Form, List, Target, Vocab, STORY,
};
use crate::author::path;
use crate::author::state::{capital, Action, Pane};
use crate::format::validate::{Problem, ProblemKind};
use crate::view::present::plural;
use serde_json::{json, Value};
use yew::prelude::*;

/// The datalist that offers the ids a reference may take.
fn datalist_id(t: Target) -> &'static str {
    match t {
        Target::Actor => "dl-actor",
        Target::Source => "dl-source",
        Target::Event => "dl-event",
        Target::Tally => "dl-tally",
        Target::Party => "dl-party",
    }
}

/// The name of the item an id names, if there is one.
fn name_for(ctx: &Ctx, t: Target, id: &str) -> Option<String> {
    let ed = &ctx.editor;
    t.lists().iter().find_map(|list| {
        (0..path::len(&ed.doc, list.key()))
            .find(|i| path::text(&ed.doc, &format!("{}[{i}].id", list.key())) == id)
            .map(|i| ed.name_of(*list, i))
    })
}

fn problem_list(problems: &[&Problem], id: &str) -> Html {
    messages(problems.iter().map(|p| p.kind.to_string()).collect(), id)
}

fn messages(texts: Vec<String>, id: &str) -> Html {
    if texts.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="field__problems" id={id.to_owned()}>
            { for texts.into_iter().map(|t| html! { <li>{ t }</li> }) }
        </ul>
    }
}

/// What an empty required field says, in place of the validator's words
/// for an empty value ("unknown actor kind \"\"").
fn required(c: Control) -> &'static str {
    match c {
        Control::Term(_) => "Required: choose one.",
        Control::Ref(_) => "Required: type a name or an id, and choose from the list.",
        Control::Date => "Required: a date, as 2024-05-15, 2024-05 or 2024.",
        Control::Id => "Required: it is made from the name once the name is filled in.",
        _ => "Required: fill this in.",
    }
}

/// The part of the form a field's problems are shown by: its own control,
/// unless it draws its parts with their own problems.
fn shows_inside(c: Control) -> bool {
    !matches!(
        c,
        Control::Object(_) | Control::Objects(..) | Control::Quotes
    )
}

/// Typing into a field (the draft decides what the text becomes), and
/// committing it (an item's name gives it its id).
fn text_setter(
    ctx: &Ctx,
    p: &str,
    item: Option<(List, usize)>,
) -> (Callback<InputEvent>, Callback<Event>) {
    let on_input = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |e: InputEvent| {
            dispatch.emit(Action::SetText {
                path: p.clone(),
                text: value_of(&e),
                typing: true,
            })
        })
    };
    let on_change = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: Event| {
            if let Some((list, i)) = item {
                dispatch.emit(Action::Named(list, i));
            }
        })
    };
    (on_input, on_change)
}

/// One field: its label, help line, control and problems.
fn render(ctx: &Ctx, at: &str, f: &'static Field, item: Option<(List, usize)>) -> Html {
    let doc = &ctx.editor.doc;
    let p = path::key(at, f.key);
    let id = field_id(&p);
    let value = path::get(doc, &p);
    let text = value
        .map(|v| match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        })
        .unwrap_or_default();
    let problems = ctx.problems_at(&p, shows_inside(f.control));
    let problems_id = format!("{id}-problems");
    let help_id = format!("{id}-help");
    let described = if problems.is_empty() {
        help_id.clone()
    } else {
        format!("{help_id} {problems_id}")
    };
    let invalid = (!problems.is_empty()).then_some("true");
    let label = html! {
        <label for={id.clone()}>
            { f.label }
            if f.required { <span class="field__req" aria-hidden="true">{ " *" }</span> }
        </label>
    };
    let help = html! { <p class="field__help" id={help_id.clone()}>{ f.help }</p> };
    let control = match f.control {
        Control::Text | Control::Url | Control::LongText | Control::Date => {
            let (oninput, onchange) = text_setter(ctx, &p, item);
            let reading = matches!(f.control, Control::Date).then(|| match date_reading(&text) {
                Ok(r) if !r.is_empty() => {
                    html! { <p class="field__reading">{ format!("Reads: {r}") }</p> }
                }
                _ => Html::default(),
            });
            let input = if f.control == Control::LongText {
                html! { <textarea id={id.clone()} value={text.clone()} {oninput} {onchange} rows="3" aria-describedby={described.clone()} aria-invalid={invalid} aria-required={f.required.then_some("true")} /> }
            } else {
                let kind = if f.control == Control::Url {
                    "url"
                } else {
                    "text"
                };
                let placeholder =
                    (f.control == Control::Date).then_some("YYYY-MM-DD, YYYY-MM or YYYY");
                html! { <input id={id.clone()} type={kind} value={text.clone()} {oninput} {onchange} {placeholder} aria-describedby={described.clone()} aria-invalid={invalid} aria-required={f.required.then_some("true")} /> }
            };
            html! { <>{ input }{ reading.unwrap_or_default() }</> }
        }
        Control::Number | Control::Decimal => {
            let oninput = text_setter(ctx, &p, None).0;
            let mode = if f.control == Control::Decimal {
                "decimal"
            } else {
                "numeric"
            };
            html! { <input id={id.clone()} type="text" inputmode={mode} value={text.clone()} {oninput} aria-describedby={described.clone()} aria-invalid={invalid} /> }
        }
        Control::Id => {
            let onchange = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |e: Event| {
                    if let Some((list, i)) = item {
                        dispatch.emit(Action::RenameId(list, i, value_of(&e).trim().to_owned()));
                    }
                })
            };
            html! { <input id={id.clone()} type="text" class="field__id" value={text.clone()} {onchange} spellcheck="false" aria-describedby={described.clone()} aria-invalid={invalid} /> }
        }
        Control::Term(vocab) => term(
            ctx, &p, &id, vocab, &text, f.required, item, &described, invalid,
        ),
        Control::Ref(t) => reference(
            ctx, &p, &id, t, &text, f.required, item, &described, invalid,
        ),
        Control::Refs(t) => many(ctx, &p, &id, f.label, Some(t), &described),
        Control::Strings => many(ctx, &p, &id, f.label, None, &described),
        Control::Object(fields) => {
            return object(ctx, &p, &id, f, fields, item, value.is_some());
        }
        Control::Objects(fields, noun) => {
            return objects(ctx, &p, &id, f, fields, noun, item);
        }
        Control::Quote => {
            return html! {
                <div class="field field--quote">
                    <p class="field__label" id={format!("{id}-label")}>{ f.label }</p>
                    { help }
                    if value.is_some() {
                        { quote_block(ctx, &p, true) }
                    } else {
                        { quote_from_selection(ctx, &p, &id, "Quote from a selection") }
                    }
                </div>
            };
        }
        Control::Quotes => {
            let n = path::len(doc, &p);
            let own = ctx.problems_at(&p, false);
            return html! {
                <fieldset class="field field--quotes" id={id.clone()} tabindex="-1">
                    <legend>{ f.label }{ if f.required { " *" } else { "" } }</legend>
                    { help }
                    { problem_list(&own, &problems_id) }
                    <div class="quotes">{ for (0..n).map(|i| quote_block(ctx, &path::index(&p, i), false)) }</div>
                    <p class="field__help">{ "Select words in the article, then “Add to this …” in the bar above it." }</p>
                </fieldset>
            };
        }
    };
    html! {
        <div class={classes!("field", (!problems.is_empty()).then_some("field--problem"))}>
            { label }
            { control }
            { help }
            { if f.required && text.trim().is_empty() && !problems.is_empty() {
                messages(vec![required(f.control).to_owned()], &problems_id)
            } else {
                problem_list(&problems, &problems_id)
            } }
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn term(
    ctx: &Ctx,
    p: &str,
    id: &str,
    vocab: Vocab,
    current: &str,
    required: bool,
    item: Option<(List, usize)>,
    described: &str,
    invalid: Option<&'static str>,
) -> Html {
    let terms = vocab.terms();
    let custom = current.starts_with("x-");
    let onchange = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |e: Event| {
            dispatch.emit(Action::SetText {
                path: p.clone(),
                text: value_of(&e),
                typing: false,
            })
        })
    };
    let own = custom.then(|| {
        let (oninput, onchange) = text_setter(ctx, p, item);
        html! {
            <input id={format!("{id}-own")} type="text" class="field__own" value={current.to_owned()} {oninput} {onchange}
                aria-label="Your own term, starting x-" spellcheck="false" />
        }
    });
    html! {
        <>
            <select id={id.to_owned()} {onchange} data-value={current.to_owned()} aria-describedby={described.to_owned()} aria-invalid={invalid}
                aria-required={required.then_some("true")}>
                <option value="" selected={current.is_empty()}>{ if required { "Choose…" } else { "(none)" } }</option>
                { for terms.iter().map(|(v, l)| html! {
                    <option value={*v} selected={*v == current}>{ l.clone() }</option>
                }) }
                if vocab.is_open() {
                    <option value={if custom { current.to_owned() } else { "x-".to_owned() }} selected={custom}>
                        { if custom { format!("Own term: {}", &current[2..]) } else { "Own term (x-…)".to_owned() } }
                    </option>
                }
                if !current.is_empty() && !custom && !terms.iter().any(|(v, _)| *v == current) {
                    <option value={current.to_owned()} selected=true>{ format!("{current} (not a term)") }</option>
                }
            </select>
            { own.unwrap_or_default() }
        </>
    }
}

#[allow(clippy::too_many_arguments)]
fn reference(
    ctx: &Ctx,
    p: &str,
    id: &str,
    t: Target,
    current: &str,
    required: bool,
    item: Option<(List, usize)>,
    described: &str,
    invalid: Option<&'static str>,
) -> Html {
    let (oninput, onchange) = text_setter(ctx, p, item);
    let resolved = (!current.is_empty()).then(|| match name_for(ctx, t, current) {
        Some(name) => html! { <p class="field__reading">{ format!("→ {name}") }</p> },
        None => Html::default(),
    });
    html! {
        <>
            <input id={id.to_owned()} type="text" list={datalist_id(t)} value={current.to_owned()} {oninput} {onchange}
                placeholder="Type to search by name or id" spellcheck="false" autocomplete="off"
                aria-required={required.then_some("true")}
                aria-describedby={described.to_owned()} aria-invalid={invalid} />
            { resolved.unwrap_or_default() }
        </>
    }
}

/// A list of ids or of strings, each with its own line.
fn many(ctx: &Ctx, p: &str, id: &str, label: &str, t: Option<Target>, described: &str) -> Html {
    let n = path::len(&ctx.editor.doc, p);
    let add = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Append {
                path: p.clone(),
                value: json!(""),
            })
        })
    };
    let rows = (0..n).map(|i| {
        let at = path::index(p, i);
        let text = path::text(&ctx.editor.doc, &at).to_owned();
        let row_id = if i == 0 { id.to_owned() } else { field_id(&at) };
        let oninput = {
            let (dispatch, at) = (ctx.dispatch.clone(), at.clone());
            Callback::from(move |e: InputEvent| dispatch.emit(Action::SetText { path: at.clone(), text: value_of(&e), typing: true }))
        };
        let remove = {
            let (dispatch, at) = (ctx.dispatch.clone(), at.clone());
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Remove(at.clone())))
        };
        let name = t.filter(|_| !text.is_empty()).and_then(|t| name_for(ctx, t, &text));
        html! {
            <li class="many__row">
                <input id={row_id} type="text" list={t.map(datalist_id)} value={text} {oninput}
                    aria-label={format!("{label} {}", i + 1)} aria-describedby={described.to_owned()} autocomplete="off" />
                if let Some(name) = name { <span class="field__reading">{ format!("→ {name}") }</span> }
                <button type="button" class="link-button" onclick={remove} aria-label={format!("Remove {label} {}", i + 1)}>{ "Remove" }</button>
            </li>
        }
    });
    html! {
        <div class="many">
            if n > 0 { <ul class="many__list">{ for rows }</ul> }
            <button type="button" class="link-button" id={if n == 0 { Some(id.to_owned()) } else { None }} onclick={add}
                aria-label={format!("Add to {}", label.to_lowercase())}>{ "Add" }</button>
        </div>
    }
}

fn object(
    ctx: &Ctx,
    p: &str,
    id: &str,
    f: &'static Field,
    fields: &'static [Field],
    item: Option<(List, usize)>,
    present: bool,
) -> Html {
    if !present {
        let add = {
            let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(Action::Set {
                    path: p.clone(),
                    value: blank_of(fields),
                    typing: false,
                })
            })
        };
        return html! {
            <div class="field">
                <button type="button" class="link-button" id={id.to_owned()} onclick={add}>{ format!("Add {}", f.label.to_lowercase()) }</button>
                <p class="field__help">{ f.help }</p>
                { problem_list(&ctx.problems_at(p, false), &format!("{id}-problems")) }
            </div>
        };
    }
    let remove = (!f.required).then(|| {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Remove(p.clone())));
        html! { <button type="button" class="link-button" {onclick}>{ format!("Remove {}", f.label.to_lowercase()) }</button> }
    });
    html! {
        <fieldset class="field field--group" id={id.to_owned()} tabindex="-1">
            <legend>{ f.label }</legend>
            <p class="field__help">{ f.help }</p>
            { problem_list(&ctx.problems_at(p, false), &format!("{id}-problems")) }
            { for fields.iter().map(|inner| render(ctx, p, inner, item.filter(|_| false))) }
            { remove.unwrap_or_default() }
        </fieldset>
    }
}

#[allow(clippy::too_many_arguments)]
fn objects(
    ctx: &Ctx,
    p: &str,
    id: &str,
    f: &'static Field,
    fields: &'static [Field],
    noun: &'static str,
    _item: Option<(List, usize)>,
) -> Html {
    let n = path::len(&ctx.editor.doc, p);
    let add = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Append {
                path: p.clone(),
                value: blank_of(fields),
            })
        })
    };
    let rows = (0..n).map(|i| {
        let at = path::index(p, i);
        let remove = {
            let (dispatch, at) = (ctx.dispatch.clone(), at.clone());
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Remove(at.clone())))
        };
        html! {
            <fieldset class="field--row" id={field_id(&at)} tabindex="-1">
                <legend>{ format!("{} {}", capital(noun), i + 1) }</legend>
                { problem_list(&ctx.problems_at(&at, false), &format!("{}-problems", field_id(&at))) }
                { for fields.iter().map(|inner| render(ctx, &at, inner, None)) }
                <button type="button" class="link-button" onclick={remove}>{ format!("Remove {noun} {}", i + 1) }</button>
            </fieldset>
        }
    });
    html! {
        <fieldset class="field field--group" id={id.to_owned()} tabindex="-1">
            <legend>{ f.label }</legend>
            <p class="field__help">{ f.help }</p>
            { problem_list(&ctx.problems_at(p, false), &format!("{id}-problems")) }
            <div class="rows">{ for rows }</div>
            <button type="button" class="button" onclick={add}>{ format!("Add {noun}") }</button>
        </fieldset>
    }
}

fn quote_from_selection(ctx: &Ctx, p: &str, id: &str, label: &str) -> Html {
    let waiting = ctx.editor.reanchor.as_deref() == Some(p);
    let onclick = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::Reanchor(if waiting {
                None
            } else {
                Some(p.clone())
            }))
        })
    };
    html! {
        <button type="button" class="link-button" id={id.to_owned()} aria-pressed={waiting.to_string()} {onclick}>
            { if waiting { "Waiting for a selection in the article… (cancel)".to_owned() } else { label.to_owned() } }
        </button>
    }
}

/// A quote: its words, paragraph and source, flagged when it no longer
/// matches its paragraph.
fn quote_block(ctx: &Ctx, p: &str, single: bool) -> Html {
    let doc = &ctx.editor.doc;
    let id = field_id(p);
    let q = quote_at(doc, p);
    let stale = is_stale_at(doc, p);
    let problems = ctx.problems_at(p, true);
    let remove = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Remove(p.clone())))
    };
    let source_path = path::key(p, "source");
    let source = path::text(doc, &source_path).to_owned();
    let source_field =
        field(crate::author::fields::PROVENANCE, "source").expect("provenance has a source");
    let described = if problems.is_empty() {
        String::new()
    } else {
        format!("{id}-problems")
    };
    html! {
        <div class={classes!("quote", stale.then_some("quote--stale"), (!problems.is_empty()).then_some("quote--problem"))} id={id.clone()} tabindex="-1">
            if q.quote.is_empty() {
                <p class="quote__words quote__words--empty">{ "No words quoted yet." }</p>
            } else {
                <blockquote class="quote__words">{ format!("“{}”", q.quote) }</blockquote>
            }
            <p class="quote__meta">{ format!("Paragraph {}", q.paragraph) }</p>
            if stale {
                <p class="quote__stale">{ format!("No longer matches paragraph {}: re-anchor it.", q.paragraph) }</p>
            }
            <div class="field field--inline">
                <label for={field_id(&source_path)}>{ "Source" }</label>
                { reference(ctx, &source_path, &field_id(&source_path), Target::Source, &source, source_field.required, None, &described, None) }
            </div>
            { problem_list(&problems, &format!("{id}-problems")) }
            <div class="quote__tools">
                { quote_from_selection(ctx, p, &format!("{id}-reanchor"), "Re-anchor from a selection") }
                <button type="button" class="link-button" onclick={remove}>{ if single { "Remove quote" } else { "Remove" } }</button>
            </div>
        </div>
    }
}

/// The form of one item of a list.
fn item_form(ctx: &Ctx, list: List, i: usize) -> Html {
    let at = path::index(list.key(), i);
    let own: Vec<&Problem> = ctx
        .problems
        .iter()
        .filter(|p| {
            p.path == at
                || (path::is_within(&p.path, &at)
                    && matches!(p.kind, ProblemKind::UnknownField { .. }))
        })
        .collect();
    let back = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Open(None)))
    };
    let remove = {
        let (dispatch, at) = (ctx.dispatch.clone(), at.clone());
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Remove(at.clone())))
    };
    let like = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::LikeThis(i)))
    };
    html! {
        <div class="item">
            <div class="item__head">
                <button type="button" class="link-button" onclick={back}>{ format!("← All {}", list.title().to_lowercase()) }</button>
                <h3 id={field_id(&at)} tabindex="-1">{ format!("{} · {}", capital(list.noun()), ctx.editor.name_of(list, i)) }</h3>
            </div>
            { problem_list(&own, &format!("{}-problems", field_id(&at))) }
            if let Some(words) = (list == List::Events).then(|| ctx.editor.inherits(i)).flatten() {
                <p class="item__inherits">{ words }</p>
            }
            { for list.fields().iter().map(|f| render(ctx, &at, f, Some((list, i)))) }
            <div class="item__actions">
                if list == List::Events {
                    <button type="button" class="button" onclick={like}>{ "New event like this one" }</button>
                }
                <button type="button" class="button button--danger" onclick={remove}>{ format!("Remove this {}", list.noun()) }</button>
            </div>
        </div>
    }
}

/// A list of items, each opening its form.
fn list_view(ctx: &Ctx, list: List) -> Html {
    let n = path::len(&ctx.editor.doc, list.key());
    let add = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Add(list)))
    };
    let rows = (0..n).map(|i| {
        let at = path::index(list.key(), i);
        let count = ctx.problems_at(&at, true).len();
        let onclick = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Open(Some((list, i)))))
        };
        html! {
            <li class="items__row">
                <button type="button" class="items__open" {onclick}>{ ctx.editor.name_of(list, i) }</button>
                if count > 0 {
                    <span class="items__problems">{ plural(count, "problem", "problems") }</span>
                }
            </li>
        }
    });
    let hint = match list {
        List::Sources => "Everyone the article credits with information. Add one here, or from the bar above the article.",
        List::Actors => "Every person and organisation named. Select a name in the article and choose “New actor named so”.",
        List::Events => "Select the words that report an event in the article, then “New event”.",
        List::Relations => "Ties between actors that the text states. Select the words that state one, then “New relation”.",
        List::Tallies => "Casualty figures. Select the words that give one, then “New tally”: the number is read from them.",
    };
    html! {
        <div class="items">
            <p class="pane__help">{ hint }</p>
            if n > 0 { <ul class="items__list">{ for rows }</ul> }
            <button type="button" class="button" id={field_id(list.key())} onclick={add}>{ format!("Add {}", list.noun()) }</button>
        </div>
    }
}

/// Where a problem is, in words: "Event “Walkout” · date".
fn place_of(ctx: &Ctx, p: &str) -> String {
    match path::item_of(p) {
        Some((list, i)) => {
            let at = path::index(list.key(), i);
            let rest = p[at.len()..].trim_start_matches('.');
            let name = format!("{} “{}”", capital(list.noun()), ctx.editor.name_of(list, i));
            if rest.is_empty() {
                name
            } else {
                format!("{name} · {}", labels_of(list.fields(), rest))
            }
        }
        None if p.starts_with("story") => format!(
            "Story · {}",
            labels_of(STORY, p.trim_start_matches("story").trim_start_matches('.'))
        ),
        None => p.to_owned(),
    }
}

fn problems_view(ctx: &Ctx) -> Html {
    if ctx.problems.is_empty() {
        return html! { <p class="pane__help">{ "No problems: the story passes the same checks as dossier check." }</p> };
    }
    let rows = ctx.problems.iter().map(|p| {
        let onclick = {
            let (dispatch, path) = (ctx.dispatch.clone(), p.path.clone());
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Reveal(path.clone())))
        };
        html! {
            <li>
                <button type="button" class="problems-list__go" {onclick}>{ place_of(ctx, &p.path) }</button>
                <span>{ format!(": {}", p.kind) }</span>
            </li>
        }
    });
    html! {
        <>
            <p class="pane__help">{ "Export is always possible; a story with problems is marked so, and dossier check lists the same problems." }</p>
            <ul class="problems-list">{ for rows }</ul>
        </>
    }
}

/// The datalists the reference fields search in: every id, labelled by name.
fn datalists(ctx: &Ctx) -> Html {
    let options = |lists: &[List]| {
        lists
            .iter()
            .flat_map(|list| {
                (0..path::len(&ctx.editor.doc, list.key())).filter_map(move |i| {
                    let id =
                        path::text(&ctx.editor.doc, &format!("{}[{i}].id", list.key())).to_owned();
                    (!id.is_empty()).then(
                        || html! { <option value={id}>{ ctx.editor.name_of(*list, i) }</option> },
                    )
                })
            })
            .collect::<Html>()
    };
    html! {
        <div hidden=true>
            { for [Target::Actor, Target::Source, Target::Event, Target::Tally, Target::Party].into_iter().map(|t| html! {
                <datalist id={datalist_id(t)}>{ options(t.lists()) }</datalist>
            }) }
        </div>
    }
}

#[component]
pub fn FormPane() -> Html {
    let ctx = use_ctx();
    let ed = &ctx.editor;
    let tab = |pane: Pane, label: String| {
        let dispatch = ctx.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Pane(pane)));
        let current = ed.pane == pane;
        html! {
            <button type="button" class="tabs__tab" aria-current={current.then_some("true")} {onclick}>{ label }</button>
        }
    };
    let count = |list: List| path::len(&ed.doc, list.key());
    let body = match ed.pane {
        Pane::Story => html! {
            <>
                { for STORY.iter().filter(|f| f.key != "paragraphs").map(|f| render(&ctx, "story", f, None)) }
                <p class="pane__help">{ format!("{} paragraphs: edit them in the article pane.", paragraphs(&ed.doc).len()) }</p>
            </>
        },
        Pane::List(list) => match ed.open {
            Some((l, i)) if l == list && i < count(list) => item_form(&ctx, list, i),
            _ => list_view(&ctx, list),
        },
        Pane::Notes => render(
            &ctx,
            "",
            field(crate::author::fields::DATASET, "notes").expect("notes"),
            None,
        ),
        Pane::Problems => problems_view(&ctx),
    };
    html! {
        <section class="editor__pane editor__form" aria-labelledby="form-title">
            <h2 id="form-title" class="visually-hidden">{ "Story data" }</h2>
            <nav class="tabs" aria-label="Parts of the story">
                { tab(Pane::Story, "Story".into()) }
                { for List::ALL.into_iter().map(|l| tab(Pane::List(l), format!("{} {}", l.title(), count(l)))) }
                { tab(Pane::Notes, "Notes".into()) }
                { tab(Pane::Problems, format!("Problems {}", ctx.problems.len())) }
            </nav>
            <div class="form__body">{ body }</div>
            { datalists(&ctx) }
        </section>
    }
}
