//! The charts view: the timeline and the casualty chart. Their geometry is
//! computed by [`crate::timeline`] and [`crate::casualty`] at the measured
//! width; these components only draw it and wire the reader's input.

use super::context::use_dossier;
use super::measure::use_width;
use crate::casualty::{self, visual_end, End};
use crate::labels::Text;
use crate::present::{event_date, group_label};
use crate::state::{Action, Selection};
use crate::timeline::{self, symbol, RADIUS};
use std::rc::Rc;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// Where a tooltip points, in the plot's pixels, and what it says.
#[derive(Clone, PartialEq)]
struct TipAt {
    x: f64,
    y: f64,
    lines: Vec<String>,
}

#[derive(Properties, PartialEq)]
struct TooltipProps {
    id: AttrValue,
    tip: Option<TipAt>,
}

/// A tooltip over the plot, kept inside its width. Positioned through the
/// CSS object model rather than a style attribute, which a strict
/// Content-Security-Policy would block.
#[component]
fn Tooltip(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    use_effect_with((props.tip.clone(), node.clone()), |(tip, node)| {
        if let (Some(t), Some(el)) = (tip, node.cast::<HtmlElement>()) {
            let room = el
                .parent_element()
                .map_or(0.0, |p| f64::from(p.client_width()));
            let (w, h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
            let left = (t.x - w / 2.0).clamp(0.0, (room - w).max(0.0));
            let top = if t.y - h - 12.0 >= 0.0 {
                t.y - h - 12.0
            } else {
                t.y + 14.0
            };
            let style = el.style();
            let _ = style.set_property("left", &format!("{left:.0}px"));
            let _ = style.set_property("top", &format!("{top:.0}px"));
        }
    });
    match &props.tip {
        Some(t) => html! {
            <div ref={node} class="chart__tip" role="tooltip" id={props.id.clone()}>
                { for t.lines.iter().map(|l| html! { <p>{ l }</p> }) }
            </div>
        },
        None => html! {},
    }
}

fn text(t: &Text, class: &'static str) -> Html {
    html! {
        <text class={class} x={format!("{:.1}", t.x)} y={format!("{:.1}", t.y)}
            text-anchor={t.anchor.as_str()} font-size={format!("{}", t.size)}>{ &t.text }</text>
    }
}

/// The handlers of a chart mark that acts as a button and has a tooltip:
/// a click (or tap) shows the tooltip and activates; Enter and Space
/// activate, as on a button, and Escape hides the tooltip; focus and hover
/// show it, blur and leaving hide it.
struct MarkHandlers {
    click: Callback<MouseEvent>,
    key: Callback<KeyboardEvent>,
    focus: Callback<FocusEvent>,
    blur: Callback<FocusEvent>,
    enter: Callback<MouseEvent>,
    leave: Callback<MouseEvent>,
}

impl MarkHandlers {
    fn new(activate: Callback<()>, show: Callback<()>, hide: Callback<()>) -> Self {
        let click = {
            let (activate, show) = (activate.clone(), show.clone());
            Callback::from(move |_: MouseEvent| {
                show.emit(());
                activate.emit(());
            })
        };
        let key = {
            let hide = hide.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    activate.emit(());
                }
                "Escape" => hide.emit(()),
                _ => {}
            })
        };
        MarkHandlers {
            click,
            key,
            focus: show.reform(|_| ()),
            blur: hide.reform(|_| ()),
            enter: show.reform(|_| ()),
            leave: hide.reform(|_| ()),
        }
    }
}

/// A button that shows or hides a chart's data table.
fn table_toggle(open: &UseStateHandle<bool>, controls: &'static str) -> Html {
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <button type="button" class="link-button chart__toggle" aria-expanded={open.to_string()}
            aria-controls={controls} onclick={toggle}>
            { if **open { "Hide the table" } else { "Show the data as a table" } }
        </button>
    }
}

/// The events on a time axis; brushing or clicking a range filters by date.
#[component]
pub fn TimelineChart() -> Html {
    let d = use_dossier();
    let node = use_node_ref();
    let svg = use_node_ref();
    let width = use_width(node.clone(), 640.0);
    let active = use_state(|| None::<usize>);
    let brush = use_state(|| None::<(f64, f64)>);
    let table = use_state(|| false);
    let (from, to) = (d.view.filters.from, d.view.filters.to);
    let chart = {
        let (ds, outcome) = (d.dataset.clone(), d.outcome.clone());
        use_memo(
            (width.to_bits(), Rc::as_ptr(&outcome) as usize, from, to),
            move |_| timeline::timeline(&ds, &outcome.events, from, to, width),
        )
    };
    let Some(t) = chart.as_ref() else {
        return html! {};
    };
    let ds = &d.dataset;

    // Brushing: a drag over the plot picks the days under its two ends.
    let x_of = {
        let svg = svg.clone();
        move |client_x: i32| {
            svg.cast::<Element>().map_or(0.0, |s| {
                f64::from(client_x) - s.get_bounding_client_rect().left()
            })
        }
    };
    let on_down = {
        let (brush, x_of) = (brush.clone(), x_of.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            if let Some(target) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
            {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
            let x = x_of(e.client_x());
            brush.set(Some((x, x)));
        })
    };
    let on_move = {
        let (brush, x_of) = (brush.clone(), x_of.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some((a, _)) = *brush {
                brush.set(Some((a, x_of(e.client_x()))));
            }
        })
    };
    let on_up = {
        let (brush, dispatch) = (brush.clone(), d.dispatch.clone());
        let t = t.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some((a, b)) = *brush {
                if (b - a).abs() > 3.0 {
                    let (from, to) = t.range_at(a, b);
                    dispatch.emit(Action::SetFrom(Some(from)));
                    dispatch.emit(Action::SetTo(Some(to)));
                }
            }
            brush.set(None);
        })
    };

    let hide = {
        let active = active.clone();
        Callback::from(move |_| active.set(None))
    };
    let marks = t.marks.iter().enumerate().map(|(i, m)| {
        let e = &ds.events[m.event];
        let selected = d.view.selected == Some(Selection::Event(m.id.clone()));
        let activate = {
            let (dispatch, id) = (d.dispatch.clone(), m.id.clone());
            Callback::from(move |_: ()| {
                dispatch.emit(if selected {
                    Action::ClearSelection
                } else {
                    Action::Select(Selection::Event(id.clone()))
                })
            })
        };
        let show = {
            let active = active.clone();
            Callback::from(move |_| active.set(Some(i)))
        };
        let on = MarkHandlers::new(activate, show, hide.clone());
        let (sx, sy) = if m.w > 0.0 { (m.x + RADIUS, m.y) } else { (m.x, m.y) };
        html! {
            <g key={m.id.clone()}
                class={classes!("tl-mark", format!("kind--{}", m.group), (!m.shown).then_some("tl-mark--out"), selected.then_some("tl-mark--selected"))}
                data-event-id={m.id.clone()} tabindex="0" role="button" aria-pressed={selected.to_string()}
                aria-label={m.label.clone()}
                aria-describedby={(*active == Some(i)).then_some("dossier-timeline-tip")}
                onclick={on.click} onkeydown={on.key} onfocus={on.focus} onblur={on.blur}
                onmouseenter={on.enter} onmouseleave={on.leave}>
                if m.w > 0.0 {
                    <rect class="tl-span" x={format!("{:.1}", m.x)} y={format!("{:.1}", m.y - 3.0)}
                        width={format!("{:.1}", m.w)} height="6" rx="3" />
                }
                <path class="tl-symbol" d={symbol(m.group, RADIUS)}
                    transform={format!("translate({sx:.1} {sy:.1})")} />
                <title>{ format!("{} · {}", event_date(e), e.kind.label()) }</title>
            </g>
        }
    });
    let tip = (*active).and_then(|i| t.marks.get(i)).map(|m| {
        let e = &ds.events[m.event];
        TipAt {
            x: m.x + m.w / 2.0,
            y: m.y,
            lines: vec![
                format!("{} · {}", event_date(e), e.kind.label()),
                e.summary.clone(),
            ],
        }
    });
    // The ranges under the axis are buttons: a click, Enter or Space shows
    // only those dates, and again shows all.
    let ranges = t.ranges.iter().map(|r| {
        let current = from == Some(r.from) && to == Some(r.to);
        let activate = {
            let (dispatch, (f, to)) = (d.dispatch.clone(), (r.from, r.to));
            Callback::from(move |_: ()| {
                dispatch.emit(Action::SetFrom((!current).then_some(f)));
                dispatch.emit(Action::SetTo((!current).then_some(to)));
            })
        };
        let on = MarkHandlers::new(activate, Callback::noop(), Callback::noop());
        html! {
            <rect class="timeline__range" x={format!("{:.1}", r.x)} y={format!("{:.1}", t.axis_y)}
                width={format!("{:.1}", r.w)} height="26" tabindex="0" role="button"
                aria-pressed={current.to_string()}
                onclick={on.click} onkeydown={on.key}>
                <title>{ &r.label }</title>
            </rect>
        }
    });
    let mut groups: Vec<&'static str> = t.marks.iter().map(|m| m.group).collect();
    groups.sort_unstable();
    groups.dedup();
    let shade = |(x0, x1): (f64, f64), class: &'static str| {
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        html! {
            <rect class={class} x={format!("{a:.1}")} y={format!("{:.1}", t.top - 2.0)}
                width={format!("{:.1}", (b - a).max(1.0))} height={format!("{:.1}", t.axis_y - t.top + 2.0)} />
        }
    };
    // The table's rows, oldest first: sorted only when the table is open.
    let rows: Vec<usize> = if *table {
        let mut rows: Vec<usize> = (0..ds.events.len()).collect();
        rows.sort_by_key(|&i| (ds.events[i].date.first_day(), i));
        rows
    } else {
        Vec::new()
    };
    html! {
        <figure class="chart chart--timeline" aria-labelledby="dossier-timeline-title">
            <h3 class="chart__title" id="dossier-timeline-title">{ &t.title }</h3>
            <p class="chart__subtitle" id="dossier-timeline-desc">
                { "Drag across the timeline, or click a month under the axis, to show only those dates. " }
                <span class="visually-hidden">{ &t.description }{ " The ranges under the axis are buttons; the date filters in the filter panel set any other range." }</span>
            </p>
            <div class="chart__plot" ref={node}>
                <svg ref={svg} class="chart__svg timeline" width={format!("{:.0}", t.width)} height={format!("{:.0}", t.height)}
                    viewBox={format!("0 0 {:.0} {:.0}", t.width, t.height)}
                    role="group" aria-labelledby="dossier-timeline-title" aria-describedby="dossier-timeline-desc">
                    <rect class="timeline__area" x="0" y={format!("{:.1}", t.top - 2.0)} width={format!("{:.0}", t.width)}
                        height={format!("{:.1}", t.axis_y - t.top + 2.0)}
                        onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up} />
                    if let Some(sel) = t.selection { { shade(sel, "timeline__selection") } }
                    if let Some(b) = *brush { { shade(b, "timeline__brush") } }
                    { for ranges }
                    <line class="chart__axis" x1="0" x2={format!("{:.0}", t.width)}
                        y1={format!("{:.1}", t.axis_y)} y2={format!("{:.1}", t.axis_y)} />
                    { for t.ticks.iter().map(|k| html! {
                        <g class="chart__tick">
                            <line x1={format!("{:.1}", k.x)} x2={format!("{:.1}", k.x)}
                                y1={format!("{:.1}", t.axis_y)} y2={format!("{:.1}", t.axis_y + 6.0)} />
                            { text(&k.label, "chart__tick-label") }
                        </g>
                    }) }
                    { for marks }
                </svg>
                <Tooltip id="dossier-timeline-tip" {tip} />
            </div>
            <ul class="chart__legend" aria-label="Kinds of event">
                { for groups.iter().map(|g| html! {
                    <li class={format!("kind--{g}")}>
                        <svg class="chart__swatch" viewBox="-8 -8 16 16" aria-hidden="true"><path class="tl-symbol" d={symbol(g, 5.0)} /></svg>
                        { group_label(g) }
                    </li>
                }) }
                <li><svg class="chart__swatch chart__swatch--wide" viewBox="0 0 24 16" aria-hidden="true"><rect class="tl-span tl-span--legend" x="1" y="5" width="22" height="6" rx="3" /></svg>{ "Known only to the month, or lasting days" }</li>
            </ul>
            { table_toggle(&table, "dossier-timeline-table") }
            <div id="dossier-timeline-table" class="chart__table" hidden={!*table}>
                if *table {
                    <table>
                        <caption>{ "The events, oldest first" }</caption>
                        <thead><tr><th scope="col">{ "Date" }</th><th scope="col">{ "Kind" }</th><th scope="col">{ "Event" }</th></tr></thead>
                        <tbody>
                            { for rows.iter().map(|&i| {
                                let e = &ds.events[i];
                                html! { <tr><td>{ event_date(e) }</td><td>{ e.kind.label() }</td><td>{ &e.summary }</td></tr> }
                            }) }
                        </tbody>
                    </table>
                }
            </div>
        </figure>
    }
}

/// The casualty figures, grouped by side and counter, with their
/// qualifiers drawn; selecting one filters the events to those behind it.
#[component]
pub fn CasualtyChart() -> Html {
    let d = use_dossier();
    let node = use_node_ref();
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
                <p class="chart__none">{ "This story's data has no casualty figures (no tallies), so there is no casualty chart." }</p>
            </figure>
        };
    };
    let hide = {
        let active = active.clone();
        Callback::from(move |_| active.set(None))
    };
    let bars = c.groups.iter().flat_map(|g| &g.bars).map(|b| {
        let picked = d.view.filters.tallies.contains(&b.id);
        let activate = {
            let (dispatch, id) = (d.dispatch.clone(), b.id.clone());
            Callback::from(move |_: ()| dispatch.emit(Action::ToggleTally(id.clone())))
        };
        let show = {
            let (active, i) = (active.clone(), b.tally);
            Callback::from(move |_| active.set(Some(i)))
        };
        let on = MarkHandlers::new(activate, show, hide.clone());
        // The bar and its name line, whichever comes first.
        let hit_top = (b.name.y - 14.0).min(b.y);
        let hit_bottom = (b.name.y + 4.0).max(b.y + b.h);
        let rect = |x0: f64, x1: f64, class: &'static str| html! {
            <rect class={class} x={format!("{x0:.1}")} y={format!("{:.1}", b.y)}
                width={format!("{:.1}", (x1 - x0).max(0.0))} height={format!("{:.1}", b.h)} />
        };
        let shape = match b.end {
            End::Exact => rect(b.x, b.w, "cas-bar"),
            End::Maximum => rect(b.x, b.w, "cas-bar cas-bar--open"),
            End::Minimum { to } => html! { <>
                { rect(b.x, b.w, "cas-bar") }
                <rect class="cas-fade" x={format!("{:.1}", b.w)} y={format!("{:.1}", b.y)}
                    width={format!("{:.1}", to - b.w)} height={format!("{:.1}", b.h)}
                    fill={format!("url(#dossier-fade-{})", b.tone)} />
            </> },
            End::Approximate { from, to } => html! { <>
                { rect(b.x, from, "cas-bar") }
                <rect class="cas-fade" x={format!("{from:.1}")} y={format!("{:.1}", b.y)}
                    width={format!("{:.1}", to - from)} height={format!("{:.1}", b.h)}
                    fill={format!("url(#dossier-fade-{})", b.tone)} />
            </> },
            End::Range { low, high } => html! { <>
                { rect(b.x, low, "cas-bar") }
                { rect(low, high, "cas-bar cas-bar--range") }
                <line class="cas-value-line" x1={format!("{:.1}", b.w)} x2={format!("{:.1}", b.w)}
                    y1={format!("{:.1}", b.y - 3.0)} y2={format!("{:.1}", b.y + b.h + 3.0)} />
            </> },
        };
        html! {
            <g key={b.id.clone()}
                class={classes!("cas-mark", format!("cas-mark--{}", b.tone), b.subset.then_some("cas-mark--subset"), picked.then_some("cas-mark--picked"))}
                data-tally-id={b.id.clone()} tabindex="0" role="button" aria-pressed={picked.to_string()}
                aria-label={b.description.clone()}
                aria-describedby={(*active == Some(b.tally)).then_some("dossier-casualty-tip")}
                onclick={on.click} onkeydown={on.key} onfocus={on.focus} onblur={on.blur}
                onmouseenter={on.enter} onmouseleave={on.leave}>
                // A wide, invisible target, so that a thin bar is easy to tap.
                <rect class="cas-hit" x="0" y={format!("{hit_top:.1}")} width={format!("{:.1}", c.width)}
                    height={format!("{:.1}", hit_bottom - hit_top)} />
                { shape }
                { text(&b.name, "cas-name") }
                if !b.subset {
                    { text(&b.value, if b.value_inside { "cas-value cas-value--inside" } else { "cas-value" }) }
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
            lines.push(format!("“{}”", p.quote));
        }
        lines.push(if d.view.filters.tallies.contains(&t.id) {
            "Selected: the events below report this figure.".to_owned()
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
                { "Select a figure to see the events that report it. " }
                <span class="visually-hidden">{ &c.description }</span>
            </p>
            <div class="chart__plot" ref={node}>
                <svg class="chart__svg casualties" width={format!("{:.0}", c.width)} height={format!("{:.0}", c.height)}
                    viewBox={format!("0 0 {:.0} {:.0}", c.width, c.height)}
                    role="group" aria-labelledby="dossier-casualty-title" aria-describedby="dossier-casualty-desc">
                    <defs>
                        { for casualty::TONES.iter().map(|tone| html! {
                            <linearGradient id={format!("dossier-fade-{tone}")} class={format!("cas-gradient cas-gradient--{tone}")} x1="0" x2="1" y1="0" y2="0">
                                <stop offset="0" stop-opacity="0.85" />
                                <stop offset="1" stop-opacity="0" />
                            </linearGradient>
                        }) }
                    </defs>
                    { for c.groups.iter().map(|g| html! {
                        <g class="cas-group">
                            { text(&g.heading, "cas-heading") }
                            { for g.meta.iter().map(|m| text(m, "cas-meta")) }
                            { for c.ticks.iter().map(|k| html! {
                                <line class="chart__grid" x1={format!("{:.1}", k.x)} x2={format!("{:.1}", k.x)}
                                    y1={format!("{:.1}", g.top)} y2={format!("{:.1}", g.bottom)} />
                            }) }
                        </g>
                    }) }
                    { for bars }
                    <line class="chart__axis" x1="0" x2={format!("{:.0}", c.width)}
                        y1={format!("{:.1}", c.axis_y)} y2={format!("{:.1}", c.axis_y)} />
                    { for c.ticks.iter().map(|k| text(&k.label, "chart__tick-label")) }
                </svg>
                <Tooltip id="dossier-casualty-tip" {tip} />
            </div>
            <figcaption class="chart__caption">
                { for c.caption.iter().map(|s| html! { <p>{ s }</p> }) }
            </figcaption>
            { table_toggle(&table, "dossier-casualty-table") }
            <div id="dossier-casualty-table" class="chart__table" hidden={!*table}>
                    <table>
                        <caption>{ "Casualty figures, as each counter states them" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Whose dead" }</th><th scope="col">{ "Who" }</th>
                            <th scope="col">{ "Figure" }</th><th scope="col">{ "Counted by" }</th>
                            <th scope="col">{ "Period" }</th><th scope="col">{ "In the text" }</th>
                        </tr></thead>
                        <tbody>
                            { for c.rows.iter().map(|r| html! {
                                <tr>
                                    <td>{ &r.side }</td><td>{ &r.category }</td><td>{ &r.figure }</td>
                                    <td>{ &r.counted_by }</td><td>{ &r.period }</td><td>{ format!("“{}”", r.quote) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
            </div>
        </figure>
    }
}
