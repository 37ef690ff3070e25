//! Fields chosen from a vocabulary, with a term of the story's own.

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn term(
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
