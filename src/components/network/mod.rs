//! The actor network: an SVG drawn from [`crate::graph::network::Graph`],
//! animated by the layout until it cools, and linked to the cards through
//! the shared filters. The component holds the hooks and the markup; the
//! motion is in [`animation`], the reader's hands in [`gestures`], the
//! panels beside the drawing in [`panels`], and the arithmetic in
//! [`crate::graph::view`].

mod animation;
mod gestures;
mod panels;

use super::context::use_dossier;
use super::flag;
use super::ptr::ByPtr;
use super::resize::use_size;
use crate::base::gather::Gather;
use crate::base::num::thousands;
use crate::base::svg::{num, translate, view_box};
use crate::components::each;
use crate::graph::network::{EdgeKind, Graph};
use crate::graph::view::{
    drawn_radius, edge_width, fit_view, frame_for, label_priority, units_per_px, visible, Bundle,
    Described, Fit, Labels, Zoom, ARROW_PX, BIG_NETWORK, LABEL_ALL_UP_TO,
    TOGETHER_BY_DEFAULT_UP_TO, ZOOM_STEP,
};
use crate::view::present::plural;
use crate::view::state::Action;
use animation::{animate, in_slices, use_layout, use_view_of, Focus};
use gestures::{node_at, use_gestures, use_wheel_and_touch};
use panels::{legend, node_details, ActorFinder, ActorList};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The network of actors, with its legend, details and list alternative.
#[component]
pub fn NetworkView() -> Html {
    let d = use_dossier();
    let all_actors = d.view.filters.is_empty();
    let svg_ref = use_node_ref();
    // The drawing's frame on screen: the stylesheet makes it portrait on a
    // phone and landscape on a desktop; the layout takes its shape.
    let measured = use_size(svg_ref.clone());
    // The server has no frame to measure, and draws for 640 × 480; the
    // browser lays out once, for the frame it has measured.
    let (frame, frame_h) = measured.unwrap_or((640.0, 480.0));
    let wait = measured.is_none() && cfg!(target_arch = "wasm32");
    let graph = {
        let ds = d.dataset.clone();
        let selected: Vec<String> = d.view.filters.actors.iter().cloned().gather();
        // Laid out again only when the frame changes by a step (or its
        // narrow or wide shape), not at every pixel of a resize.
        let size = (
            (frame / 40.0).round() as i64,
            (frame_h / 40.0).round() as i64,
        );
        use_memo(
            (d.outcome.clone(), all_actors, selected, size, wait),
            move |(outcome, all, selected, _, wait)| {
                if *wait {
                    return Graph::default();
                }
                let keep: Vec<&str> = selected.iter().map(String::as_str).gather();
                let mut g = Graph::build(&ds, &outcome.events, *all, &keep);
                g.frame = frame_for(&ds, &g, frame, frame_h.max(1.0));
                g.fit_spread(1);
                if animate() || in_slices(&g) {
                    // Start from the spiral; the animation (or the slices
                    // out of sight) take it to rest.
                    g.take_positions(&g.simulation(1));
                } else {
                    g.lay_out(1);
                }
                g
            },
        )
    };
    // Per graph, not per frame: the edges' titles (with their quotes), the
    // tab order and each actor's ties, shared with the details and the list.
    let described = {
        let ds = d.dataset.clone();
        use_memo(ByPtr(graph.clone()), move |g| Described::of(&ds, g))
    };
    let hovered = use_state_eq(|| None::<usize>);
    let zoom = use_state_eq(Zoom::default);
    let frozen_fit = use_state_eq(|| None::<Fit>);
    let group = use_node_ref();
    // A big network's bundled ties are drawn in an SVG of their own under
    // the nodes, a layer the browser paints apart: a node dragged or lit
    // over them never paints thousands of lines again.
    let under = use_node_ref();
    // Ties from shared events are many in a big network: off by default
    // there, behind a toggle; stated ties are always drawn.
    let together_count = graph
        .edges
        .iter()
        .filter(|e| matches!(e.kind, EdgeKind::Together(_)))
        .count();
    let show_together = use_state_eq(|| None::<bool>);
    let together_on = show_together.unwrap_or(graph.nodes.len() <= TOGETHER_BY_DEFAULT_UP_TO);
    let (live, redraw) = use_layout(&graph, &group, &svg_ref, *frozen_fit);
    let settling = match live.borrow().as_ref() {
        Some(l) => l.settling(&graph),
        None => in_slices(&graph),
    };

    // Current positions: the live simulation's, or the graph's own.
    let (xs, ys): (Vec<f64>, Vec<f64>) = match live.borrow().as_ref() {
        Some(l) if l.sim.nodes.len() == graph.nodes.len() => {
            (l.sim.nodes.x.clone(), l.sim.nodes.y.clone())
        }
        _ => graph.nodes.iter().map(|n| (n.x, n.y)).unzip(),
    };
    let ds = &d.dataset;
    let is_selected = |i: usize| {
        d.view
            .filters
            .actors
            .contains(&ds.actors[graph.nodes[i].actor].id)
    };
    let focus_node = hovered.or_else(|| {
        d.view.filters.actors.iter().next().and_then(|id| {
            graph
                .nodes
                .iter()
                .position(|n| &ds.actors[n.actor].id == id)
        })
    });
    let neighbours = focus_node.map(|n| graph.neighbours(n)).unwrap_or_default();
    // Lit: the actor in focus and its neighbours (nothing without a focus).
    let lit = |n: usize| focus_node.is_some_and(|f| f == n || neighbours.contains(&n));

    // The view is fitted to the nodes; the labels go inside it at a true
    // 11 px, the focused actor first, then the selected ones, then the
    // busiest. A label with no free place is left out (the list has it):
    // a small frame shows fewer labels, never smaller ones, and zooming in
    // makes room for more.
    // Frozen by the reader's zoom or pan, or by a press on a node (which
    // renders nothing, so only the live layout knows).
    let frozen_now = frozen_fit.or_else(|| live.borrow().as_ref().and_then(|l| l.frozen));
    let fit = frozen_now.unwrap_or_else(|| fit_view(&graph, &xs, &ys));
    let z = *zoom;
    let unit = units_per_px(fit, frame, z);
    let limit = (LABEL_ALL_UP_TO as f64 * z.scale * z.scale).ceil() as usize;
    let priority = label_priority(&graph, &described.order, focus_node, is_selected, limit);
    // The focused and selected actors, and the busiest few (those the
    // layout made room for), always.
    let always = graph.frame.labels.len();
    // Counted from the priority itself, so a focused actor that is also
    // selected, or a selected one not in this graph, is not counted twice.
    let named = priority
        .iter()
        .take_while(|&&i| Some(i) == focus_node || is_selected(i))
        .count();
    let must = named + always;
    // Out of sight while it settles: nothing is drawn, nothing placed.
    let (priority, must) = if settling {
        (Vec::new(), 0)
    } else {
        (priority, must)
    };
    let labels = Labels::place(
        ds,
        &graph,
        (&xs, &ys),
        (&priority, must),
        unit,
        visible(fit, z),
    );
    // What a hover does not change is written once: each node's name,
    // shape and key per graph and scale, and every position and tie per
    // layout. A render then shares these strings rather than writing every
    // node's and tie's numbers again.
    let drawn = {
        let ds = d.dataset.clone();
        use_memo(
            (ByPtr(graph.clone()), xs.clone(), ys.clone(), unit, settling),
            move |(g, xs, ys, unit, settling)| {
                if *settling {
                    Drawing::default()
                } else {
                    Drawing::of(&ds, g, (xs, ys), *unit)
                }
            },
        )
    };
    let gestures = use_gestures(&group, &svg_ref, &zoom, &frozen_fit, &live, &redraw);
    use_wheel_and_touch(&svg_ref, &gestures, fit);

    // In a big network only the focused actor's ties keep their arrows:
    // hundreds of solid arrowheads would hide the faint ties they end. The
    // rest are drawn a few paths in all, with no arrows (see `Bundle`).
    let big = graph.nodes.len() >= BIG_NETWORK;
    let shown = |k: usize| graph.edges[k].drawn(together_on);
    let mine = |k: usize| {
        let e = &graph.edges[k];
        focus_node.is_some_and(|f| f == e.source || f == e.target)
    };
    let shown_count = if together_on {
        graph.edges.len()
    } else {
        graph.edges.len() - together_count
    };
    let wanted = Bundle::wanted(&graph, shown_count);
    let bundled = |k: usize| shown(k) && !mine(k) && wanted(k);
    let bundles = Rc::new(Bundle::group(&graph, bundled));
    // A big network's bundles are faint hairlines, drawn solid, their
    // stroke in layout units (see `Bundle` and the stylesheet).
    let bundle_stroke = if big { unit } else { 1.0 };
    let bundle_marks = bundles.iter().map(|b| {
        html! {
            <path class="edge edge--bundle" data-tie={b.style.class()}
                d={drawn.bundle(b)} stroke-width={crate::base::num::fixed(b.width * bundle_stroke, 2)} />
        }
    });
    let edges = graph
        .edges
        .iter()
        .enumerate()
        .filter(|&(k, _)| shown(k) && !bundled(k))
        .map(|(k, e)| {
            // With an actor in focus, its ties are lit and the rest dimmed (by
            // the drawing's class: a hover rewrites the few lit elements, not
            // every element of the network).
            let mine = mine(k);
            let key = e.key(ds, &graph);
            let relation_id = matches!(e.kind, EdgeKind::Relation(_)).then(|| key.clone());
            html! {
                <path key={key} class="edge" data-tie={e.style.class()} data-lit={flag(mine)}
                    data-relation-id={relation_id} data-index={k.to_string()}
                    d={drawn.ties[k].clone()}
                    stroke-width={num(edge_width(&e.kind))}
                    marker-end={e.directed.then_some("url(#dossier-arrow)")}>
                    <title>{ described.titles[k].clone() }</title>
                </path>
            }
        });
    // One Tab stop for the drawing, its busiest actor; the arrow keys go
    // from actor to actor in the same order (see `on_key`), so that a
    // network of hundreds is not hundreds of Tab presses to get past.
    let nodes = described.order.iter().enumerate().map(|(k, &i)| {
        let m = &drawn.nodes[i];
        let active = d.view.filters.actors.contains(m.id.as_str());
        let pinned = live.borrow().as_ref().is_some_and(|l| l.sim.nodes.fixed.get(i).is_some_and(Option::is_some))
            && !gestures.pressed(i);
        let label = if pinned {
            AttrValue::from(format!("{}, pinned", m.label))
        } else {
            m.label.clone()
        };
        html! {
            <g key={m.key.clone()} class="node" data-shape={m.shape} data-active={flag(active)} data-lit={flag(lit(i))}
                transform={drawn.at[i].clone()}
                tabindex={if k == 0 { "0" } else { "-1" }} role="button" aria-pressed={crate::components::aria(active)} aria-label={label}
                data-actor-id={m.id.clone()} data-index={m.index.clone()}>
                <path d={m.path.clone()} />
            </g>
        }
    });
    // The nodes' events, once for all of them on their group: a node is
    // found by its `data-index`.
    let actor_of = {
        let (ds, graph) = (d.dataset.clone(), graph.clone());
        move |i: usize| graph.nodes.get(i).map(|n| ds.actors[n.actor].id.clone())
    };
    let toggle = {
        let (dispatch, gestures, actor_of) =
            (d.dispatch.clone(), gestures.clone(), actor_of.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(id) = node_at(e.target()).and_then(&actor_of) {
                if gestures.take_click() {
                    dispatch.emit(Action::ToggleActor(id));
                }
            }
        })
    };
    // The actor that has the keyboard's focus, kept while the network is
    // laid out out of sight (its nodes are not drawn) to be focused again.
    let focused = use_mut_ref(Focus::default);
    let on_key = {
        let (dispatch, focused) = (d.dispatch.clone(), focused.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" | " " => {
                if let Some(id) = node_at(e.target()).and_then(&actor_of) {
                    e.prevent_default();
                    // The network drawn for the choice may put this node
                    // elsewhere in the tab order, which takes the focus
                    // from it: it is given back.
                    focused.borrow_mut().give_back = true;
                    dispatch.emit(Action::ToggleActor(id));
                }
            }
            "Escape" => {
                // As for Enter: the network drawn for every actor takes
                // the focus from this node; it is given back.
                focused.borrow_mut().give_back = true;
                dispatch.emit(Action::ClearActors)
            }
            // The nodes are in the tab order in the document.
            "ArrowDown" | "ArrowRight" => step(&e, web_sys::Element::next_element_sibling),
            "ArrowUp" | "ArrowLeft" => step(&e, web_sys::Element::previous_element_sibling),
            _ => {}
        })
    };
    // Hover follows the pointer and the focus, except mid-drag; moving
    // from one node to the next is one change, not two.
    let hover = |left: bool| {
        let (h, gestures) = (hovered.clone(), gestures.clone());
        move |target: Option<web_sys::EventTarget>, related: Option<web_sys::EventTarget>| {
            if gestures.dragging() {
                return;
            }
            match (left, node_at(related)) {
                (true, None) => h.set(None),
                (true, Some(_)) => {}
                (false, _) => h.set(node_at(target)),
            }
        }
    };
    let over = {
        let f = hover(false);
        Callback::from(move |e: PointerEvent| f(e.target(), None))
    };
    let out = {
        let f = hover(true);
        Callback::from(move |e: PointerEvent| f(e.target(), e.related_target()))
    };
    let focus_in = {
        let (f, focused) = (hover(false), focused.clone());
        Callback::from(move |e: FocusEvent| {
            focused.borrow_mut().id = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.get_attribute("data-actor-id"));
            f(e.target(), None)
        })
    };
    let focus_out = {
        let (f, focused) = (hover(true), focused.clone());
        Callback::from(move |e: FocusEvent| {
            // Gone to something else on the page: not to be given back.
            if e.related_target().is_some() && node_at(e.related_target()).is_none() {
                focused.borrow_mut().id = None;
            }
            f(e.target(), e.related_target())
        })
    };

    // Labels sit in a layer above every node, so no node covers another's label.
    let label_marks = labels.at.iter().enumerate().filter_map(|(i, at)| {
        let at = at.as_ref()?;
        let name = &ds.actors[graph.nodes[i].actor].name;
        Some(html! {
            <text key={i} class="network__label" data-lit={flag(lit(i))} data-index={i.to_string()}
                data-dx={num(at.dx)} data-dy={num(at.dy)}
                x={num(xs[i] + at.dx)} y={num(ys[i] + at.dy)}
                text-anchor={at.side.anchor()}>{ name }</text>
        })
    });

    use_view_of(
        &live,
        [&group, &under],
        *frozen_fit,
        (unit, fit.2, labels.font),
        (bundles.clone(), together_on),
        focused.clone(),
    );
    let on_up = gestures.up();
    let toggle_together = {
        let show = show_together.clone();
        Callback::from(move |_: Event| show.set(Some(!together_on)))
    };
    // Finding an actor in a big network zooms to it, where it is when found
    // (read then, not copied at every render). Found while the layout is
    // out of sight, the layout is finished first: the view goes where the
    // actor comes to rest, not where it was half laid out.
    let on_find = {
        let (zoom, live, graph) = (zoom.clone(), live.clone(), graph.clone());
        Callback::from(move |i: usize| {
            if graph.nodes.len() <= LABEL_ALL_UP_TO {
                return;
            }
            let at = match live.borrow_mut().as_mut() {
                Some(l) if i < l.sim.nodes.len() => {
                    let mut fit = fit;
                    if l.settling(&graph) {
                        while !l.sim.is_cool() {
                            l.sim.ticks(1);
                        }
                        // The frame the network at rest will be shown in,
                        // as the render finds it.
                        fit = frozen_now
                            .unwrap_or_else(|| fit_view(&graph, &l.sim.nodes.x, &l.sim.nodes.y));
                    }
                    Some((l.sim.nodes.x[i], l.sim.nodes.y[i], fit))
                }
                _ => graph.nodes.get(i).map(|n| (n.x, n.y, fit)),
            };
            if let Some((x, y, fit)) = at {
                zoom.set(zoom.centre_on(fit, x, y, zoom.scale.max(2.5)));
            }
        })
    };
    html! {
        <section class="network" data-big={flag(big)} data-settling={flag(settling)} aria-labelledby="dossier-network-title">
            <h2 id="dossier-network-title" class="network__title">{ "Who is connected to whom" }</h2>
            <p id="dossier-network-desc" class="network__desc">
                { format!(
                    "{} and {}. Select an actor to show only its events; drag to pin it, double-click to release it (Reset releases them all). The arrow keys go from actor to actor.",
                    plural(graph.nodes.len(), "actor", "actors"), plural(shown_count, "tie", "ties")
                ) }
            </p>
            <div class="network__tools">
                <ActorFinder graph={ByPtr(graph.clone())} {on_find} />
                if together_count > 0 {
                    <label class="network__toggle">
                        <input type="checkbox" checked={together_on} onchange={toggle_together} />
                        { format!("Ties from shared events ({})", thousands(together_count as u64)) }
                    </label>
                }
                <div class="network__zoom" role="group" aria-label="Zoom">
                    <button type="button" class="button" onclick={gestures.zoom_by(ZOOM_STEP, fit)} aria-label="Zoom in">{ "+" }</button>
                    <button type="button" class="button" onclick={gestures.zoom_by(1.0 / ZOOM_STEP, fit)} aria-label="Zoom out">{ "−" }</button>
                    <button type="button" class="button" onclick={gestures.reset()}>{ "Reset" }</button>
                </div>
            </div>
            <div class="network__frame">
            // Always there, so that a screen reader hears its text change.
            <p class="network__status" role="status">
                if settling {
                    { format!("Laying out {} actors…", thousands(graph.nodes.len() as u64)) }
                }
            </p>
            if !bundles.is_empty() {
                <svg ref={under} class="network__under" aria-hidden="true" focusable="false"
                    viewBox={view_box(fit.0, fit.1, fit.2, fit.3)}>
                    <g transform={zoom.transform()} data-focus={flag(focus_node.is_some())}>
                        <g class="network__edges">if !settling { { each(bundle_marks) } }</g>
                    </g>
                </svg>
            }
            <svg ref={svg_ref} class="network__svg" role="group" aria-labelledby="dossier-network-title" aria-describedby="dossier-network-desc"
                viewBox={view_box(fit.0, fit.1, fit.2, fit.3)}
                onpointerdown={gestures.background_down(fit)} onpointermove={gestures.moved()} onpointerup={on_up.clone()} onpointercancel={on_up}>
                <defs>
                    // Sized in pixels on screen, like the ties' strokes.
                    <marker id="dossier-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse"
                        markerWidth={num(ARROW_PX * unit)} markerHeight={num(ARROW_PX * unit)} orient="auto-start-reverse">
                        <path d="M0,0L10,5L0,10z" class="network__arrow" />
                    </marker>
                </defs>
                <g ref={group.clone()} transform={zoom.transform()} data-focus={flag(focus_node.is_some())}>
                    <rect class="network__bg" x={num(fit.0 - fit.2)} y={num(fit.1 - fit.3)}
                        width={num(fit.2 * 3.0)} height={num(fit.3 * 3.0)} />
                    <g class="network__edges">if !settling { { each(edges) } }</g>
                    <g class="network__nodes" onclick={toggle} onkeydown={on_key} onpointerover={over} onpointerout={out}
                        onfocusin={focus_in} onfocusout={focus_out} onpointerdown={gestures.node_down(fit)} ondblclick={gestures.release()}>
                        if !settling { { each(nodes) } }
                    </g>
                    // The font on the group, in drawing units: a moving layout
                    // that widens the view scales it, so that the labels stay
                    // 11 px on screen (see `animation::Live::paint`).
                    <g class="network__labels" aria-hidden="true" font-size={num(labels.font)}>if !settling { { each(label_marks) } }</g>
                </g>
            </svg>
            </div>
            { node_details(&d, &graph, &described, focus_node, together_on) }
            { legend(&d, &graph, big, together_on) }
            <ActorList graph={ByPtr(graph.clone())} described={ByPtr(described.clone())} />
        </section>
    }
}

/// Move the keyboard's focus from the node a key was pressed on to the one
/// `to` gives (the next or the one before, in the document), if any; the
/// drawing's one Tab stop goes with it, so that Tab away and back returns
/// to it. (Set on the document: the markup's stays on the busiest actor,
/// which a render writes again only when the nodes change.)
fn step(e: &KeyboardEvent, to: fn(&web_sys::Element) -> Option<web_sys::Element>) {
    let node = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let (Some(node), Some(next)) = (&node, node.as_ref().and_then(to)) {
        e.prevent_default();
        let _ = node.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        super::focus(&next);
    }
}

/// What a node's markup says that a hover does not change.
struct NodeMark {
    key: yew::virtual_dom::Key,
    id: AttrValue,
    /// Its accessible name: name, kind and events.
    label: AttrValue,
    shape: &'static str,
    path: AttrValue,
    index: AttrValue,
}

/// What a render draws that a hover does not change, written once per
/// graph, layout and scale: each node's marks and `transform`, and each
/// tie's path.
#[derive(Default)]
struct Drawing {
    nodes: Vec<NodeMark>,
    at: Vec<AttrValue>,
    ties: Vec<AttrValue>,
}

impl Drawing {
    fn of(
        ds: &crate::format::model::Dataset,
        g: &Graph,
        (xs, ys): (&[f64], &[f64]),
        unit: f64,
    ) -> Self {
        Drawing {
            nodes: g
                .nodes
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let actor = &ds.actors[n.actor];
                    let shape = n.shape;
                    NodeMark {
                        key: yew::virtual_dom::Key::from(actor.id.as_str()),
                        id: AttrValue::from(actor.id.clone()),
                        label: AttrValue::from(format!(
                            "{}, {}, {}",
                            actor.name,
                            crate::base::case::lower(&actor.kind.label()),
                            plural(n.events, "event", "events"),
                        )),
                        shape: shape.class(),
                        path: AttrValue::from(shape.path(drawn_radius(n.radius, unit))),
                        index: AttrValue::from(i.to_string()),
                    }
                })
                .gather(),
            at: xs
                .iter()
                .zip(ys)
                .map(|(&x, &y)| AttrValue::from(translate(x, y)))
                .gather(),
            ties: (0..g.edges.len())
                .map(|k| AttrValue::from(g.edge_geometry(k, xs, ys).path()))
                .gather(),
        }
    }

    /// A bundle's path, from its ties' (as [`Bundle::path`] writes it).
    fn bundle(&self, b: &Bundle) -> String {
        let mut d = String::with_capacity(b.edges.len() * 28);
        for &k in &b.edges {
            d.push_str(&self.ties[k]);
        }
        d
    }
}
