//! Fields typed into: text, addresses, dates, numbers and ids.

use super::*;

/// Typing into a field (the draft decides what the text becomes), and
/// committing it (an item's name gives it its id).
pub(super) fn text_setter(
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

/// What a field's control is drawn from: its place in the draft, its
/// element id, its text, the item it belongs to, and what describes it.
pub(super) struct Spot<'a> {
    pub ctx: &'a Ctx,
    pub path: &'a str,
    pub id: &'a str,
    pub text: &'a str,
    pub item: Option<(List, usize)>,
    pub described: &'a str,
    pub invalid: Option<&'static str>,
}

/// A line or a box of text, an address, or a date with its reading.
pub(super) fn text_input(s: &Spot, f: &'static Field) -> Html {
    let (oninput, named) = text_setter(s.ctx, s.path, s.item);
    // A date, once committed, is read as the format writes it (a day in
    // words, a weekday by the story's day), and an address as a web
    // page's (its https:// added): the draft decides.
    let onchange = if matches!(f.control, Control::Date | Control::Url) {
        let (dispatch, path) = (s.ctx.dispatch.clone(), s.path.to_owned());
        Callback::from(move |e: Event| {
            dispatch.emit(Action::SetText {
                path: path.clone(),
                text: value_of(&e),
                typing: false,
            });
            named.emit(e);
        })
    } else {
        named
    };
    let (id, text, described, invalid) = (
        s.id.to_owned(),
        s.text.to_owned(),
        s.described.to_owned(),
        s.invalid,
    );
    // An event's date the text does not give (a statement "said" with no
    // day): one press dates it the story's day or the day before, and says
    // so in "Date inferred".
    let undated = match s.item {
        Some((List::Events, i))
            if text.trim().is_empty() && s.path == format!("events[{i}].date") =>
        {
            let dispatch = s.ctx.dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Action::Undated(i)));
            html! {
                <p class="field__reading">
                    { "No date in the text? " }
                    <button type="button" class="link-button" {onclick}>{ "Date it the story's day or the day before" }</button>
                </p>
            }
        }
        _ => Html::default(),
    };
    let reading = matches!(f.control, Control::Date).then(|| match date_reading(&text) {
        Ok(r) if !r.is_empty() => {
            html! { <p class="field__reading">{ format!("Reads: {r}") }</p> }
        }
        _ => undated,
    });
    let input = if f.control == Control::LongText {
        html! { <textarea {id} value={text} {oninput} {onchange} rows="3" aria-describedby={described} aria-invalid={invalid} aria-required={f.required.then_some("true")} /> }
    } else {
        let kind = if f.control == Control::Url {
            "url"
        } else {
            "text"
        };
        let placeholder = (f.control == Control::Date).then_some("YYYY-MM-DD, YYYY-MM or YYYY");
        html! { <input {id} type={kind} value={text} {oninput} {onchange} {placeholder} aria-describedby={described} aria-invalid={invalid} aria-required={f.required.then_some("true")} /> }
    };
    html! { <>{ input }{ reading.unwrap_or_default() }</> }
}

/// A whole number or a decimal, kept as typed while it is not one.
pub(super) fn number_input(s: &Spot, f: &'static Field) -> Html {
    let oninput = text_setter(s.ctx, s.path, None).0;
    let mode = if f.control == Control::Decimal {
        "decimal"
    } else {
        "numeric"
    };
    html! { <input id={s.id.to_owned()} type="text" inputmode={mode} value={s.text.to_owned()} {oninput} aria-describedby={s.described.to_owned()} aria-invalid={s.invalid} /> }
}

/// An item's id field, drawn from its [`Spot`].
pub(super) fn id_input(s: &Spot) -> Html {
    html! {
        <IdField id={s.id.to_owned()} committed={s.text.to_owned()} item={s.item}
            dispatch={s.ctx.dispatch.clone()} described={s.described.to_owned()} invalid={s.invalid} />
    }
}

#[derive(Properties, PartialEq)]
struct IdProps {
    id: AttrValue,
    /// The id the draft has.
    committed: AttrValue,
    item: Option<(List, usize)>,
    dispatch: Callback<Action>,
    described: AttrValue,
    invalid: Option<&'static str>,
}

/// An item's id: a new one renames every reference to it once committed.
/// Until then what is typed is the field's own, so that the form drawn
/// again meanwhile (the draft checked once typing pauses in another
/// field) does not put the draft's id back in its place.
#[component]
fn IdField(p: &IdProps) -> Html {
    let typed = use_state(|| None::<String>);
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(Some(value_of(&e))))
    };
    let onchange = {
        let (typed, dispatch, item) = (typed.clone(), p.dispatch.clone(), p.item);
        Callback::from(move |e: Event| {
            // Taken or refused, the field shows the draft's id again.
            typed.set(None);
            if let Some((list, i)) = item {
                dispatch.emit(Action::RenameId(list, i, value_of(&e).trim().to_owned()));
            }
        })
    };
    let value = typed.as_deref().unwrap_or(&p.committed).to_owned();
    html! { <input id={p.id.clone()} type="text" class="field__id" {value} {oninput} {onchange} spellcheck="false" aria-describedby={p.described.clone()} aria-invalid={p.invalid} /> }
}
