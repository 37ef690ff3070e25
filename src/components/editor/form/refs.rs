//! Fields that name another item by its id, searched by name, and the
//! lists of ids and of words.

use super::*;

/// The datalist that offers the ids a reference may take.
pub(super) fn datalist_id(t: Target) -> &'static str {
    match t {
        Target::Actor => "dl-actor",
        Target::Source => "dl-source",
        Target::Event => "dl-event",
        Target::Tally => "dl-tally",
        Target::Party => "dl-party",
    }
}

/// The name of the item an id names, if there is one.
pub(super) fn name_for(ctx: &Ctx, t: Target, id: &str) -> Option<String> {
    let ed = &ctx.editor;
    t.lists().iter().find_map(|list| {
        (0..path::len(&ed.doc, list.key()))
            .find(|i| path::text(&ed.doc, &format!("{}[{i}].id", list.key())) == id)
            .map(|i| ed.name_of(*list, i))
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) fn reference(
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
    let (oninput, named) = text_setter(ctx, p, item);
    // A name typed and committed becomes its item's id.
    let onchange = {
        let (dispatch, p) = (ctx.dispatch.clone(), p.to_owned());
        Callback::from(move |e: Event| {
            dispatch.emit(Action::Resolve(p.clone(), t));
            named.emit(e);
        })
    };
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
pub(super) fn many(
    ctx: &Ctx,
    p: &str,
    id: &str,
    label: &str,
    t: Option<Target>,
    described: &str,
) -> Html {
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
        let onchange = {
            let (dispatch, at) = (ctx.dispatch.clone(), at.clone());
            Callback::from(move |_: Event| {
                if let Some(t) = t {
                    dispatch.emit(Action::Resolve(at.clone(), t));
                }
            })
        };
        let remove = {
            let (dispatch, at) = (ctx.dispatch.clone(), at.clone());
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::Remove(at.clone())))
        };
        let name = t.filter(|_| !text.is_empty()).and_then(|t| name_for(ctx, t, &text));
        html! {
            <li class="many__row">
                <input id={row_id} type="text" list={t.map(datalist_id)} value={text} {oninput} {onchange}
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

/// The datalists the reference fields search in: every id, labelled by name.
pub(super) fn datalists(ctx: &Ctx) -> Html {
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
