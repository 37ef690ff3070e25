//! A quote: its words from the article, its paragraph and its source.

use super::*;

pub(super) fn quote_from_selection(ctx: &Ctx, p: &str, id: &str, label: &str) -> Html {
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
pub(super) fn quote_block(ctx: &Ctx, p: &str, single: bool) -> Html {
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
