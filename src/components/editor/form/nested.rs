//! Fields made of fields: an object, and a list of objects.

use super::*;

pub(super) fn object(
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
pub(super) fn objects(
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
