//! The casualty chart: the figures grouped by side and counter, with their
//! qualifiers drawn. Its geometry is [`crate::charts::casualty`]'s.

use super::marks::{
    data_table, fixed, table_html, text, tooltip, use_tip_place, MarkHandlers, TipAt,
};
use crate::base::gather::Gather;
use crate::base::svg::{num, whole};
use crate::charts::casualty::{self, visual_end, End};
use crate::components::context::use_dossier;
use crate::components::each;
use crate::components::resize::use_width;
use crate::components::{flag, set_to};
use crate::view::state::Action;
use yew::prelude::*;

/// A lower bound's fade, for each of [`casualty::TONES`] (a test checks).
macro_rules! fade {
    ($($tone:literal),*) => {
        concat!($(
            r#"<linearGradient id="dossier-fade-"#, $tone, r#"" class="cas-gradient" data-tone=""#, $tone,
            r#"" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-opacity="0.85"></stop><stop offset="1" stop-opacity="0"></stop></linearGradient>"#,
        )*)
    };
}
const FADES: &str = fade!("combatants", "civilians", "subgroup", "unknown");

/// The casualty figures, grouped by side and counter, with their
/// qualifiers drawn; selecting one filters the events to those behind it.
#[component]
pub fn CasualtyChart() -> Html {
    let d = use_dossier();
    let node = use_node_ref();
    let tip_place = use_tip_place();
    let width = use_width(node.clone(), 640.0);
    let active = use_state(|| None::<usize>);
    let table = use_state(|| false);
    let chart = {
        let ds = d.dataset.clone();
        use_memo(width.to_bits(), move |_| casualty::chart(&ds, width))
    };
    let ds = &d.dataset;
    let Some(c) = chart.as_ref() else {
        return html! {
            <figure class="chart chart--casualties" ref={node}>
                <h3 class="chart__title">{ "Casualty figures" }</h3>
                <p class="chart__none">{ "This story’s data has no casualty figures, so there is no casualty chart." }</p>
            </figure>
        };
    };
    let hide = set_to(&active, None);
    // A figure that cites events, none of them shown, is drawn pale: the
    // chart follows the filters, though each figure stays as its counter
    // gave it (a figure is not recounted).
    let out = |t: usize| !d.outcome.reported.get(t).copied().unwrap_or(true);
    let pale_note = c
        .groups
        .iter()
        .flat_map(|g| &g.bars)
        .any(|b| out(b.tally))
        .then_some("Pale: figures that no event shown reports.");
    let bars = c.groups.iter().flat_map(|g| &g.bars).map(|b| {
        let picked = d.view.filters.tallies.contains(&b.id);
        let activate = d.send(Action::ToggleTally(b.id.clone()));
        let show = set_to(&active, Some(b.tally));
        let on = MarkHandlers::new(activate, show, hide.clone());
        let (hit_top, hit_bottom) = b.hit;
        // `data-bar`: a bar whose end is open, a range's band, or what
        // words alone can mean; none for a bar to a stated number.
        let rect = |x0: f64, x1: f64, bar: Option<&'static str>| html! {
            <rect class="cas-bar" data-bar={bar} x={num(x0)} y={num(b.y)}
                width={num((x1 - x0).max(0.0))} height={num(b.h)} />
        };
        let shape = match b.end {
            End::Exact => rect(b.x, b.w, None),
            End::Maximum => rect(b.x, b.w, Some("open")),
            End::Minimum { to } => html! { <>
                { rect(b.x, b.w, None) }
                <rect class="cas-fade" x={num(b.w)} y={num(b.y)}
                    width={num(to - b.w)} height={num(b.h)}
                    fill={format!("url(#dossier-fade-{})", b.tone)} />
            </> },
            End::Approximate { from, to } => html! { <>
                { rect(b.x, from, None) }
                <rect class="cas-fade" x={num(from)} y={num(b.y)}
                    width={num(to - from)} height={num(b.h)}
                    fill={format!("url(#dossier-fade-{})", b.tone)} />
            </> },
            End::Range { low, high } => html! { <>
                { rect(b.x, low, None) }
                { rect(low, high, Some("range")) }
                // A tick at the best estimate, where one is given.
                if b.w > low {
                    <line class="cas-value-line" x1={num(b.w)} x2={num(b.w)}
                        y1={num(b.y - 3.0)} y2={num(b.y + b.h + 3.0)} />
                }
            </> },
            // No bar: the text gives no number. A stem from zero and
            // an outlined band over what the words can mean.
            End::Words { low, high } => html! { <>
                <line class="cas-stem" x1={num(b.x)} x2={num(low)}
                    y1={num(b.y + b.h / 2.0)} y2={num(b.y + b.h / 2.0)} />
                { rect(low, high, Some("words")) }
            </> },
        };
        let pale = out(b.tally);
        html! {
            <g key={b.id.clone()}
                class="cas-mark" data-tone={b.tone} data-subset={flag(b.subset)} data-picked={flag(picked)} data-out={flag(pale)}
                data-tally-id={b.id.clone()} tabindex="0" role="button" aria-pressed={crate::components::aria(picked)}
                aria-label={b.accessible_name() + if pale { " (no event shown reports it)" } else { "" }}
                aria-describedby={(*active == Some(b.tally)).then_some("dossier-casualty-tip")}
                onclick={on.click} onkeydown={on.key} onfocus={on.focus} onblur={on.blur}
                onmouseenter={on.enter} onmouseleave={on.leave}>
                // A wide, invisible target, so that a thin bar is easy to
                // tap; a little wider than the chart (which draws outside
                // its box), so that a chosen or focused figure's outline
                // runs clear of the name at its left edge.
                <rect class="cas-hit" x="-5" y={num(hit_top)} width={num(c.width + 10.0)}
                    height={num(hit_bottom - hit_top)} />
                { shape }
                // The spaces are not drawn: they keep the shown words
                // apart, a wrapped name's lines and the value ("Fighters at
                // least 295"), as the mark's name reads them.
                { each(b.name.iter().map(|t| html! { <>{ text(t, "name") }{ " " }</> })) }
                if !b.subset {
                    { text(&b.value, if b.value_inside { "value-inside" } else { "value" }) }
                }
            </g>
        }
    });
    let tip = (*active).and_then(|i| {
        let b = c
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .find(|b| b.tally == i)?;
        let t = ds.tallies.get(i)?;
        let mut lines = vec![b.description.clone()];
        if let Some(p) = t.provenance.first() {
            lines.push(crate::view::present::in_quotes(&p.quote));
        }
        // The dataset's word on the figure: how it was read or dated.
        lines.extend(t.note.clone());
        lines.push(if d.view.filters.tallies.contains(&t.id) {
            "Selected: the events below report this figure.".to_owned()
        } else if out(i) {
            "No event shown reports it.".to_owned()
        } else {
            "Select it to see the events that report it.".to_owned()
        });
        Some(TipAt {
            x: visual_end(b) / 2.0,
            y: b.y,
            lines,
        })
    });
    html! {
        <figure class="chart chart--casualties" aria-labelledby="dossier-casualty-title">
            <h3 class="chart__title" id="dossier-casualty-title">{ &c.title }</h3>
            <p class="chart__subtitle" id="dossier-casualty-desc">
                if let Some(s) = &c.scale_note { { s }{ " " } }
                { "Select a figure to see the events that report it. " }
                <span class="visually-hidden">{ &c.description }</span>
            </p>
            <div class="chart__plot" ref={node}>
                <svg class="chart__svg casualties" width={whole(c.width)} height={whole(c.height)}
                    viewBox={format!("0 0 {} {}", whole(c.width), whole(c.height))}
                    role="group" aria-labelledby="dossier-casualty-title" aria-describedby="dossier-casualty-desc">
                    <defs>{ fixed(FADES) }</defs>
                    { each(c.groups.iter().map(|g| html! {
                        <g class="cas-group">
                            { for g.heading.iter().map(|h| text(h, "heading")) }
                            { for g.meta.iter().map(|m| text(m, "meta")) }
                        </g>
                    })) }
                    { each(bars) }
                </svg>
                { tooltip(&tip_place, "dossier-casualty-tip", tip) }
            </div>
            <figcaption class="chart__caption">
                // The pale note after the sentence on who counted.
                { each(c.caption.iter().map(String::as_str).take(1).chain(pale_note)
                    .chain(c.caption.iter().skip(1).map(String::as_str))
                    .map(|s| html! { <p>{ s }</p> })) }
            </figcaption>
            { data_table(&table, "dossier-casualty-table", || {
                let rows: Vec<Vec<String>> = c
                    .rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.side.clone(),
                            r.category.clone(),
                            r.figure.clone(),
                            r.counted_by.clone(),
                            r.period.clone(),
                            crate::view::present::in_quotes(&r.quote),
                        ]
                    })
                    .gather();
                table_html(
                    "Casualty figures, as each counter states them",
                    &["Whose", "Who", "Figure", "Counted by", "Period", "In the text"],
                    &rows,
                )
            }) }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_fade_for_every_tone() {
        let ids: Vec<&str> = super::FADES
            .match_indices("id=\"dossier-fade-")
            .map(|(i, _)| &super::FADES[i..])
            .collect();
        assert_eq!(ids.len(), super::casualty::TONES.len());
        for (id, tone) in ids.iter().zip(super::casualty::TONES) {
            assert!(
                id.starts_with(&format!("id=\"dossier-fade-{tone}\"")),
                "{id}"
            );
        }
    }
}
