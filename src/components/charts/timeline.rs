//! The timeline: the events on a time axis; brushing or clicking a range
//! filters by date. Its geometry is [`crate::charts::timeline`]'s.

use super::marks::{
    button_keys, data_table, fixed, table_html, text, tooltip, use_tip_place, MarkHandlers, TipAt,
};
use crate::base::gather::Gather;
use crate::base::svg::{num, translate, whole};
use crate::charts::timeline::{self, symbol, RADIUS};
use crate::components::context::use_dossier;
use crate::components::each;
use crate::components::resize::use_width;
use crate::components::{flag, set_to};
use crate::format::date::PartialDate;
use crate::view::present::{event_date, inferred, plural};
use crate::view::state::{Action, Selection};
use web_sys::Element;
use yew::prelude::*;

/// The events on a time axis; brushing or clicking a range filters by date.
#[component]
pub fn TimelineChart() -> Html {
    let d = use_dossier();
    let node = use_node_ref();
    let tip_place = use_tip_place();
    let svg = use_node_ref();
    let width = use_width(node.clone(), 640.0);
    let active = use_state(|| None::<usize>);
    let brush = use_state(|| None::<(f64, f64)>);
    let table = use_state(|| false);
    let (from, to) = (d.view.filters.from, d.view.filters.to);
    let chart = {
        let (ds, outcome) = (d.dataset.clone(), d.outcome.clone());
        use_memo((width.to_bits(), outcome.clone(), from, to), move |_| {
            timeline::timeline(&ds, &outcome.events, from, to, width)
        })
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
    // Whether the last press dragged: the browser then sends a click to
    // the mark a mouse's drag began on, which is no choice of that mark.
    let dragged = use_mut_ref(|| false);
    let on_down = {
        let (brush, x_of, dragged) = (brush.clone(), x_of.clone(), dragged.clone());
        Callback::from(move |e: PointerEvent| {
            *dragged.borrow_mut() = false;
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
    // A bin's or a range's dates, or none again if they are the reader's
    // range already.
    let pick = move |a: PartialDate, b: PartialDate| {
        if from == Some(a) && to == Some(b) {
            Action::SetDates(None, None)
        } else {
            Action::SetDates(Some(a), Some(b))
        }
    };
    let on_up = {
        let (brush, dispatch) = (brush.clone(), d.dispatch.clone());
        let dragged = dragged.clone();
        let (t, svg, selected) = (t.clone(), svg.clone(), d.view.selected.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some((a, b)) = *brush {
                let target = e
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok());
                if (b - a).abs() > 3.0 {
                    *dragged.borrow_mut() = true;
                    let (from, to) = t.range_at(a, b);
                    dispatch.emit(Action::SetDates(Some(from), Some(to)));
                } else if let Some(bin) = target
                    .as_ref()
                    .and_then(|el| el.get_attribute("data-bin"))
                    .and_then(|k| crate::base::num::digits(&k))
                    .and_then(|k| t.bins.as_ref()?.cells.get(k))
                {
                    // A press that did not drag, on a bar: its dates.
                    dispatch.emit(pick(bin.from, bin.to));
                } else if let Some(m) = target
                    .filter(|el| el.get_attribute("class").as_deref() == Some("timeline__area"))
                    .zip(svg.cast::<Element>())
                    .and_then(|(_, s)| {
                        let y = f64::from(e.client_y()) - s.get_bounding_client_rect().top();
                        t.nearest(a, y, 12.0)
                    })
                    .map(|i| Selection::Event(t.marks[i].id.clone()))
                {
                    // A press beside a mark too small for a finger: that
                    // mark, as a press on it would.
                    dispatch.emit(if selected.as_ref() == Some(&m) {
                        Action::ClearSelection
                    } else {
                        Action::Select(m)
                    });
                }
            }
            brush.set(None);
        })
    };

    let hide = set_to(&active, None);
    let marks = t.marks.iter().enumerate().map(|(i, m)| {
        let selected = d.view.selected == Some(Selection::Event(m.id.clone()));
        let activate = d.send(if selected {
            Action::ClearSelection
        } else {
            Action::Select(Selection::Event(m.id.clone()))
        });
        let show = set_to(&active, Some(i));
        let mut on = MarkHandlers::new(activate, show, hide.clone());
        let (click, dragged) = (on.click, dragged.clone());
        on.click = Callback::from(move |e| {
            if !std::mem::take(&mut *dragged.borrow_mut()) {
                click.emit(e);
            }
        });
        let (sx, sy) = if m.w > 0.0 { (m.x + RADIUS, m.y) } else { (m.x, m.y) };
        html! {
            <g key={m.id.clone()}
                class="tl-mark" data-kind={m.group} data-out={flag(!m.shown)} data-selected={flag(selected)}
                data-event-id={m.id.clone()} tabindex="0" role="button" aria-pressed={crate::components::aria(selected)}
                aria-label={m.label.clone()}
                aria-describedby={(*active == Some(i)).then_some("dossier-timeline-tip")}
                onclick={on.click} onkeydown={on.key} onfocus={on.focus} onblur={on.blur}
                onmouseenter={on.enter} onmouseleave={on.leave}>
                if m.w > 0.0 {
                    <rect class="tl-span" data-uncertain={flag(m.uncertain)} x={num(m.x)} y={num(m.y - 3.0)}
                        width={num(m.w)} height="6" rx="3" />
                }
                <path class="tl-symbol" d={symbol(m.group, RADIUS)}
                    transform={translate(sx, sy)} />
                // No <title>: the tooltip says it, and a browser's own
                // would show over it.
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
            ]
            .into_iter()
            // "Date inferred from …", and "Date inferred", not "Date date …"
            // (bytes compared: a string pattern's search costs the download).
            .chain(inferred(e).map(|w| {
                let w = if w.as_bytes().starts_with(b"date ") {
                    &w[5..]
                } else {
                    &w
                };
                format!("Date {w}")
            }))
            .gather(),
        }
    });
    // The ranges under the axis are buttons: a click, Enter or Space shows
    // only those dates, and again shows all.
    let ranges = t.ranges.iter().map(|r| {
        let current = from == Some(r.from) && to == Some(r.to);
        let action = pick(r.from, r.to);
        html! {
            <rect class="timeline__range" x={num(r.x)} y={num(t.axis_y)}
                width={num(r.w)} height="26" tabindex="0" role="button"
                aria-pressed={crate::components::aria(current)}
                onclick={d.send::<MouseEvent>(action.clone())} onkeydown={button_keys(d.send(action), Callback::noop())}>
                <title>{ &r.label }</title>
            </rect>
        }
    });
    // The bins of the binned view: buttons that show only their dates (the
    // pointer picks them in `on_up`, so that a drag across them brushes).
    let bins = t.bins.iter().flat_map(|b| b.cells.iter().enumerate()).map(|(k, bin)| {
        let current = from == Some(bin.from) && to == Some(bin.to);
        let key = button_keys(d.send(pick(bin.from, bin.to)), Callback::noop());
        html! {
            <rect class="tl-bin" data-bin={k.to_string()} x={num(bin.x)} y={num(t.top)} width={num(bin.w)}
                height={num(t.axis_y - t.top)} tabindex="0" role="button" aria-pressed={crate::components::aria(current)}
                aria-label={bin.label.clone()} onkeydown={key}>
                <title>{ &bin.label }</title>
            </rect>
        }
    });
    let layers = t.bins.iter().flat_map(|b| &b.layers).map(|l| {
        html! {
            <path class="tl-layer" data-kind={l.group} d={l.d.clone()} />
        }
    });
    // A break in the axis: the scale changes there.
    let breaks = t.breaks.iter().map(|&x| html! {
        <g class="timeline__break" aria-hidden="true">
            <rect x={num(x - 5.0)} y={num(t.axis_y - 6.0)} width="10" height="12" />
            <path d={format!("M{},{y}l4,-10M{},{y}l4,-10", num(x - 4.0), num(x), y = num(t.axis_y + 5.0))} />
        </g>
    });
    let mut groups: Vec<&'static str> = t
        .marks
        .iter()
        .map(|m| m.group)
        .chain(
            t.bins
                .iter()
                .flat_map(|b| b.layers.iter().map(|l| l.group))
                .filter(|g| *g != "out"),
        )
        .gather();
    crate::base::order::sort(&mut groups);
    groups.dedup();
    let shade = |(x0, x1): (f64, f64), which: &'static str| {
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        html! {
            <rect class="timeline__shade" data-shade={which} x={num(a)} y={num(t.top - 2.0)}
                width={num((b - a).max(1.0))} height={num(t.axis_y - t.top + 2.0)} />
        }
    };
    html! {
        <figure class="chart chart--timeline" aria-labelledby="dossier-timeline-title">
            <h3 class="chart__title" id="dossier-timeline-title">{ &t.title }</h3>
            <p class="chart__subtitle" id="dossier-timeline-desc">
                { "Drag across the timeline, or click a date under the axis, to show only those dates. " }
                <span class="visually-hidden">{ &t.description }{ " The ranges under the axis are buttons; the date filters in the filter panel set any other range." }</span>
            </p>
            <div class="chart__plot" ref={node}>
                <svg ref={svg} class="chart__svg timeline" width={whole(t.width)} height={whole(t.height)}
                    viewBox={format!("0 0 {} {}", whole(t.width), whole(t.height))}
                    role="group" aria-labelledby="dossier-timeline-title" aria-describedby="dossier-timeline-desc">
                    <g class="timeline__plot" onpointerdown={on_down.clone()} onpointermove={on_move.clone()} onpointerup={on_up.clone()} onpointercancel={on_up.clone()}>
                        <rect class="timeline__area" x="0" y={num(t.top - 2.0)} width={whole(t.width)}
                            height={num(t.axis_y - t.top + 2.0)} />
                        { each(layers) }
                        { each(bins) }
                    </g>
                    if let Some(sel) = t.selection { { shade(sel, "selection") } }
                    if let Some(b) = *brush { { shade(b, "brush") } }
                    { each(ranges) }
                    <line class="chart__axis" x1="0" x2={whole(t.width)}
                        y1={num(t.axis_y)} y2={num(t.axis_y)} />
                    { each(breaks) }
                    { each(t.ticks.iter().map(|k| html! {
                        <g class="chart__tick">
                            <line x1={num(k.x)} x2={num(k.x)}
                                y1={num(t.axis_y)} y2={num(t.axis_y + 6.0)} />
                            { text(&k.label, "tick") }
                        </g>
                    })) }
                    if !t.parts.is_empty() {
                        <path class="tl-parts" d={t.parts.clone()} aria-hidden="true" />
                    }
                    // A drag begun on a mark picks dates too: a phone aims
                    // a finger put down near a mark at the mark.
                    <g onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}>
                        { each(marks) }
                    </g>
                </svg>
                { tooltip(&tip_place, "dossier-timeline-tip", tip) }
            </div>
            <ul class="chart__legend" aria-label="Kinds of event">
                { each(groups.iter().map(|g| html! {
                    <li data-kind={*g}>
                        <svg class="chart__swatch" viewBox="-8 -8 16 16" aria-hidden="true"><path class="tl-symbol" d={symbol(g, 5.0)} /></svg>
                        { t.kind_name(&d.dataset, g) }
                    </li>
                })) }
                if let Some(b) = &t.bins {
                    <li>{ format!("Each bar counts the events of one {} (the tallest: {}); pale: left out by the filters", b.unit, plural(b.max, "event", "events")) }</li>
                    if b.spread {
                        <li>{ format!("An event that lasts, or is known only to a longer period, counts in each {} it may fall in", b.unit) }</li>
                    }
                } else {
                    // Fixed markup ([`fixed`]).
                    if t.marks.iter().any(|m| m.w > 0.0 && !m.uncertain) {
                        { fixed(concat!(r#"<li><svg class="chart__swatch chart__swatch--wide" viewBox="0 0 24 16" aria-hidden="true"><rect class="tl-span tl-span--legend" x="1" y="5" width="22" height="6" rx="3"></rect></svg>"#, "Known only to the month or year, or lasting days</li>")) }
                    }
                    if !t.parts.is_empty() {
                        { fixed(concat!(r#"<li><svg class="chart__swatch chart__swatch--wide" viewBox="0 0 24 16" aria-hidden="true"><path class="tl-parts" d="M2 8L22 8"></path></svg>"#, "Ties an event’s parts to it</li>")) }
                    }
                    if t.marks.iter().any(|m| m.uncertain) {
                        { fixed(concat!(r#"<li><svg class="chart__swatch chart__swatch--wide" viewBox="0 0 24 16" aria-hidden="true"><rect class="tl-span tl-span--legend" data-uncertain="" x="1" y="5" width="22" height="6" rx="3"></rect></svg>"#, "One day, not known exactly: where it may fall</li>")) }
                    }
                }
            </ul>
            { data_table(&table, "dossier-timeline-table", || {
                // Oldest first: sorted only when the table is open.
                let mut order: Vec<usize> = (0..ds.events.len()).gather();
                crate::base::order::sort_by_key(&mut order, |&i| (ds.events[i].date.first_day(), i));
                let rows: Vec<Vec<String>> = order
                    .iter()
                    .map(|&i| {
                        let e = &ds.events[i];
                        vec![event_date(e), e.kind.label().into_owned(), e.summary.clone()]
                    })
                    .gather();
                table_html("The events, oldest first", &["Date", "Kind", "Event"], &rows)
            }) }
        </figure>
    }
}
