//! The forms: one per part of the story, drawn from the field tables in
//! [`crate::author::fields`], each field with its help line and, beside it,
//! the validator's problems with it. A list of every problem takes you to
//! each one.

mod choice;
mod nested;
mod quotes;
mod refs;
mod text;

use super::{field_id, use_ctx, value_of, Ctx};
use crate::author::draft::{date_reading, is_stale_at, paragraphs, quote_at};
use crate::author::fields::{
    blank_of, field, labels_of, Control, Field, Form, List, Target, Vocab, STORY,
};
use crate::author::path;
use crate::author::state::{capital, Action, Pane};
use crate::format::validate::{Problem, ProblemKind};
use crate::view::present::plural;
use choice::term;
use nested::{object, objects};
use quotes::{quote_block, quote_from_selection};
use refs::{datalists, many, reference};
use serde_json::{json, Value};
use text::{id_input, number_input, text_input, text_setter, Spot};
use yew::prelude::*;

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
    let spot = Spot {
        ctx,
        path: &p,
        id: &id,
        text: &text,
        item,
        described: &described,
        invalid,
    };
    let control = match f.control {
        Control::Text | Control::Url | Control::LongText | Control::Date => text_input(&spot, f),
        Control::Number | Control::Decimal => number_input(&spot, f),
        Control::Id => id_input(&spot),
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
