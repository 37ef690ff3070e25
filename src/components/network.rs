//! The actor network: an SVG drawn from [`crate::network::Graph`], animated
//! by the layout until it cools, and linked to the cards through the shared
//! filters. Geometry and layout are pure; this file only wires pointer,
//! keyboard and animation events to them.

use super::context::{use_dossier, Dossier};
use crate::fold::{fold, Query};
use crate::labels::{label_box, place as place_labels, text_size, Mark};
use crate::layout::Simulation;
use crate::network::{EdgeKind, EdgeStyle, Graph, NodeShape};
use crate::present;
use crate::state::Action;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ticks per animation frame: the layout cools in about 300 ticks, so about
/// 2.5 s at 60 frames a second.
const TICKS_PER_FRAME: usize = 2;
/// How far the +/− buttons and one wheel notch zoom.
const ZOOM_STEP: f64 = 1.25;
/// Label size in drawing units (the CSS sets the same).
const LABEL_FONT: f64 = 11.0;
/// Graphs larger than this label only their busiest actors.
const LABEL_ALL_UP_TO: usize = 80;
/// Graphs with more ties than this hide them while the layout moves and
/// draw them again when it settles: writing thousands of line ends each
/// frame costs more than a frame.
const MOVING_EDGES_UP_TO: usize = 1500;

/// A box in layout units: (x, y, width, height).
type Fit = (f64, f64, f64, f64);

/// The live layout, shared between the animation loop and the handlers.
///
/// While the layout moves, each frame writes positions straight to the SVG
/// elements (as d3 does) instead of re-rendering thousands of them through
/// Yew; Yew renders the structure, and renders once more when it cools.
struct Live {
    sim: Simulation,
    frame: Option<gloo::render::AnimationFrame>,
    graph: Rc<Graph>,
    /// Node and edge elements with their indices, found after each render of a new graph.
    nodes: Vec<(web_sys::Element, usize)>,
    edges: Vec<(web_sys::Element, usize)>,
    /// Labels with their offsets from their node.
    labels: Vec<(web_sys::Element, usize, f64, f64)>,
    svg: Option<web_sys::Element>,
    /// The view box the reader has fixed by zooming or dragging, if any.
    frozen: Option<Fit>,
}

impl Live {
    /// Whether the ties are redrawn every frame, or hidden until the layout settles.
    fn edges_move(&self) -> bool {
        self.edges.len() <= MOVING_EDGES_UP_TO
    }

    fn paint(&self) {
        let (x, y) = (&self.sim.nodes.x, &self.sim.nodes.y);
        for (el, i) in &self.nodes {
            let _ = el.set_attribute(
                "transform",
                &format!("translate({:.1} {:.1})", x[*i], y[*i]),
            );
        }
        for (el, i, dx, dy) in &self.labels {
            let _ = el.set_attribute("x", &format!("{:.1}", x[*i] + dx));
            let _ = el.set_attribute("y", &format!("{:.1}", y[*i] + dy));
        }
        if let Some(svg) = &self.svg {
            let _ = svg
                .class_list()
                .toggle_with_force("network__svg--moving", !self.edges_move());
        }
        if !self.edges_move() {
            return;
        }
        for (el, k) in &self.edges {
            let (x1, y1, x2, y2) = self.graph.edge_ends(*k, x, y);
            let _ = el.set_attribute("x1", &format!("{x1:.1}"));
            let _ = el.set_attribute("y1", &format!("{y1:.1}"));
            let _ = el.set_attribute("x2", &format!("{x2:.1}"));
            let _ = el.set_attribute("y2", &format!("{y2:.1}"));
        }
        if let (None, Some(svg)) = (self.frozen, &self.svg) {
            let f = fit_box(self.graph.bounds_at(x, y, 24.0));
            let _ = svg.set_attribute(
                "viewBox",
                &format!("{:.1} {:.1} {:.1} {:.1}", f.0, f.1, f.2, f.3),
            );
        }
    }
}

/// A view box no smaller than 200 × 160, so a tiny graph is not blown up.
fn fit_box(b: Fit) -> Fit {
    (b.0, b.1, b.2.max(200.0), b.3.max(160.0))
}

/// The elements under `root` matching `selector`, each with the index in its `data-index`.
fn indexed(root: &web_sys::Element, selector: &str) -> Vec<(web_sys::Element, usize)> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.item(k)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| {
            let i = el.get_attribute("data-index")?.parse().ok()?;
            Some((el, i))
        })
        .collect()
}

/// Pan and zoom, applied on top of the fitted view.
#[derive(Clone, Copy, PartialEq)]
struct Zoom {
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Default for Zoom {
    fn default() -> Self {
        Zoom {
            scale: 1.0,
            tx: 0.0,
            ty: 0.0,
        }
    }
}

impl Zoom {
    /// Zoom by `factor` keeping the point (x, y) of the fitted view still.
    fn around(self, factor: f64, x: f64, y: f64) -> Zoom {
        let scale = (self.scale * factor).clamp(0.2, 8.0);
        let k = scale / self.scale;
        Zoom {
            scale,
            tx: x - (x - self.tx) * k,
            ty: y - (y - self.ty) * k,
        }
    }
}

/// Where a pointer is, and what it is dragging.
#[derive(Default)]
struct Pointers {
    /// Active pointers on the background: id → last (x, y) in view units.
    down: HashMap<i32, (f64, f64)>,
    /// The node being dragged, and by which pointer.
    dragging: Option<(usize, i32)>,
    /// Whether the last press on a node moved it: then it was a drag, and
    /// the click that ends it must not select the actor.
    dragged: bool,
    /// The screen-to-drawing transform, read when the drag started.
    transform: Option<[f64; 6]>,
}

fn prefers_reduced_motion() -> bool {
    gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Whether to animate: only in the browser, and not for readers who ask for
/// reduced motion. Server rendering and reduced motion show the rest state.
fn animate() -> bool {
    cfg!(target_arch = "wasm32") && !prefers_reduced_motion()
}

fn start_loop(live: Rc<RefCell<Option<Live>>>, redraw: UseForceUpdateHandle) {
    let next = live.clone();
    let frame = gloo::render::request_animation_frame(move |_| {
        let cool = {
            let mut slot = next.borrow_mut();
            let Some(l) = slot.as_mut() else { return };
            // Big graphs tick once a frame, so that dragging keeps up with the pointer.
            l.sim
                .ticks(if l.edges_move() { TICKS_PER_FRAME } else { 1 });
            l.frame = None;
            l.paint();
            l.sim.is_cool()
        };
        if cool {
            if let Some(svg) = next.borrow().as_ref().and_then(|l| l.svg.clone()) {
                let _ = svg.class_list().remove_1("network__svg--moving");
            }
            // Bring Yew's picture of the DOM up to date with the rest state.
            redraw.force_update();
        } else {
            start_loop(next, redraw);
        }
    });
    if let Some(l) = live.borrow_mut().as_mut() {
        l.frame = Some(frame);
    }
}

/// The screen-to-drawing transform (a, b, c, d, e, f) of the drawing's own
/// group, so zoom and pan are accounted for. Reading it forces a layout of
/// the whole SVG, so a drag reads it once, when it starts.
fn screen_to_view(group: &NodeRef) -> Option<[f64; 6]> {
    let g = group.cast::<web_sys::SvgGraphicsElement>()?;
    let m = g.get_screen_ctm()?.inverse().ok()?;
    Some([m.a(), m.b(), m.c(), m.d(), m.e(), m.f()].map(f64::from))
}

fn apply(m: [f64; 6], x: i32, y: i32) -> (f64, f64) {
    let (x, y) = (f64::from(x), f64::from(y));
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// Positions in view units from a pointer's screen position.
fn pointer_in(group: &NodeRef, x: i32, y: i32) -> Option<(f64, f64)> {
    screen_to_view(group).map(|m| apply(m, x, y))
}

/// The network of actors, with its legend, details and list alternative.
#[component]
pub fn NetworkView() -> Html {
    let d = use_dossier();
    let all_actors = d.view.filters.is_empty();
    let graph = {
        let ds = d.dataset.clone();
        let selected: Vec<String> = d.view.filters.actors.iter().cloned().collect();
        use_memo(
            (d.outcome.clone(), all_actors, selected),
            move |(outcome, all, selected)| {
                let keep: Vec<&str> = selected.iter().map(String::as_str).collect();
                let mut g = Graph::build(&ds, &outcome.events, *all, &keep);
                if animate() {
                    // Start from the spiral; the animation takes it to rest.
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
    let derived = {
        let d = d.clone();
        use_memo(ByPtr(graph.clone()), move |g| Derived::of(&d, &g.0))
    };
    let (titles, order) = (&derived.titles, &derived.order);
    let live = use_mut_ref(|| None::<Live>);
    let redraw = use_force_update();
    let hovered = use_state_eq(|| None::<usize>);
    let zoom = use_state_eq(Zoom::default);
    let frozen_fit = use_state_eq(|| None::<Fit>);
    let pointers = use_mut_ref(Pointers::default);
    let group = use_node_ref();
    let svg_ref = use_node_ref();
    {
        let (live, redraw, group, svg_ref) =
            (live.clone(), redraw.clone(), group.clone(), svg_ref.clone());
        let frozen = *frozen_fit;
        use_effect_with(graph.clone(), move |graph| {
            let mut sim = graph.simulation(1);
            let moving = animate();
            if !moving {
                sim.run_to_rest();
            }
            let root = group.cast::<web_sys::Element>();
            *live.borrow_mut() = Some(Live {
                sim,
                frame: None,
                graph: graph.clone(),
                nodes: root
                    .as_ref()
                    .map(|r| indexed(r, ".node"))
                    .unwrap_or_default(),
                edges: root
                    .as_ref()
                    .map(|r| indexed(r, ".edge"))
                    .unwrap_or_default(),
                labels: root
                    .as_ref()
                    .map(|r| {
                        indexed(r, ".network__label")
                            .into_iter()
                            .map(|(el, i)| {
                                let offset = |name: &str| {
                                    el.get_attribute(name)
                                        .and_then(|v| v.parse().ok())
                                        .unwrap_or(0.0)
                                };
                                let (dx, dy) = (offset("data-dx"), offset("data-dy"));
                                (el, i, dx, dy)
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                svg: svg_ref.cast::<web_sys::Element>(),
                frozen,
            });
            if moving {
                start_loop(live.clone(), redraw);
            } else {
                redraw.force_update();
            }
            move || {
                // Dropping the frame handle cancels the pending frame.
                live.borrow_mut().take();
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(*frozen_fit, move |frozen| {
            if let Some(l) = live.borrow_mut().as_mut() {
                l.frozen = *frozen;
            }
        });
    }

    // Current positions: the live simulation's, or the graph's own.
    let (xs, ys): (Vec<f64>, Vec<f64>) = match live.borrow().as_ref() {
        Some(l) if l.sim.nodes.len() == graph.nodes.len() => {
            (l.sim.nodes.x.clone(), l.sim.nodes.y.clone())
        }
        _ => graph.nodes.iter().map(|n| (n.x, n.y)).unzip(),
    };
    let placed = &*graph;
    let fit = frozen_fit.unwrap_or_else(|| fit_box(placed.bounds_at(&xs, &ys, 24.0)));

    let ds = &d.dataset;
    let focus_node = hovered.or_else(|| {
        d.view.filters.actors.iter().next().and_then(|id| {
            placed
                .nodes
                .iter()
                .position(|n| &ds.actors[n.actor].id == id)
        })
    });
    let neighbours = focus_node.map(|n| placed.neighbours(n)).unwrap_or_default();
    let lit = |n: usize| focus_node.is_none_or(|f| f == n || neighbours.contains(&n));
    let label_all = placed.nodes.len() <= LABEL_ALL_UP_TO;
    let busiest = {
        let mut e: Vec<usize> = placed.nodes.iter().map(|n| n.events).collect();
        e.sort_unstable_by(|a, b| b.cmp(a));
        e.get(LABEL_ALL_UP_TO.min(e.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };

    // Background: pan with one pointer, pinch with two.
    let on_bg_down = {
        let (pointers, group, frozen_fit) = (pointers.clone(), group.clone(), frozen_fit.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(p) = pointer_in(&group, e.client_x(), e.client_y()) {
                pointers.borrow_mut().down.insert(e.pointer_id(), p);
                frozen_fit.set(Some(fit));
            }
        })
    };
    let on_move = {
        let (pointers, group, zoom, live, redraw) = (
            pointers.clone(),
            group.clone(),
            zoom.clone(),
            live.clone(),
            redraw.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            let Some((x, y)) = pointer_in(&group, e.client_x(), e.client_y()) else {
                return;
            };
            let mut p = pointers.borrow_mut();
            if let Some((node, id)) = p.dragging {
                if id == e.pointer_id() {
                    p.dragged = true;
                    if let Some(l) = live.borrow_mut().as_mut() {
                        l.sim.pin(node, x, y);
                        l.sim.alpha_target = 0.3;
                        l.sim.reheat(0.3);
                    }
                    drop(p);
                    let running = live.borrow().as_ref().is_some_and(|l| l.frame.is_some());
                    if !running {
                        start_loop(live.clone(), redraw.clone());
                    }
                    return;
                }
            }
            if !p.down.contains_key(&e.pointer_id()) {
                return;
            }
            let z = *zoom;
            if p.down.len() == 2 {
                // Pinch: scale by the change in distance between the two pointers.
                let other = p
                    .down
                    .iter()
                    .find(|(&k, _)| k != e.pointer_id())
                    .map(|(_, &v)| v);
                let old = p.down[&e.pointer_id()];
                if let Some(o) = other {
                    let before = ((old.0 - o.0).powi(2) + (old.1 - o.1).powi(2)).sqrt();
                    let after = ((x - o.0).powi(2) + (y - o.1).powi(2)).sqrt();
                    if before > 1.0 {
                        let (cx, cy) = ((x + o.0) / 2.0, (y + o.1) / 2.0);
                        zoom.set(z.around(
                            after / before,
                            cx * z.scale + z.tx,
                            cy * z.scale + z.ty,
                        ));
                    }
                }
            } else {
                let old = p.down[&e.pointer_id()];
                zoom.set(Zoom {
                    tx: z.tx + (x - old.0) * z.scale,
                    ty: z.ty + (y - old.1) * z.scale,
                    ..z
                });
                // The drawing moved under the pointer: keep its old position.
                return;
            }
            p.down.insert(e.pointer_id(), (x, y));
        })
    };
    let on_up = {
        let (pointers, live, redraw) = (pointers.clone(), live.clone(), redraw.clone());
        Callback::from(move |e: PointerEvent| {
            let mut p = pointers.borrow_mut();
            p.down.remove(&e.pointer_id());
            p.transform = None;
            if p.dragging.is_some_and(|(_, id)| id == e.pointer_id()) {
                p.dragging = None;
                if let Some(l) = live.borrow_mut().as_mut() {
                    l.sim.alpha_target = 0.0;
                }
                drop(p);
                // The dropped node is now pinned: say so in its accessible name.
                redraw.force_update();
            }
        })
    };
    let zoom_by = |factor: f64| {
        let (zoom, frozen_fit) = (zoom.clone(), frozen_fit.clone());
        let (cx, cy) = (fit.0 + fit.2 / 2.0, fit.1 + fit.3 / 2.0);
        Callback::from(move |_: MouseEvent| {
            frozen_fit.set(Some(fit));
            zoom.set(zoom.around(factor, cx, cy));
        })
    };
    let reset = {
        let (zoom, frozen_fit) = (zoom.clone(), frozen_fit.clone());
        Callback::from(move |_: MouseEvent| {
            zoom.set(Zoom::default());
            frozen_fit.set(None);
        })
    };

    let edges = placed.edges.iter().enumerate().map(|(k, e)| {
        let (x1, y1, x2, y2) = placed.edge_ends(k, &xs, &ys);
        let width = match &e.kind {
            EdgeKind::Together(events) => 1.0 + (events.len() as f64).sqrt(),
            EdgeKind::Relation(_) => 1.5,
        };
        let on = lit(e.source) && lit(e.target) && (focus_node.is_none() || focus_node == Some(e.source) || focus_node == Some(e.target));
        let key = e.key(ds, placed);
        let (relation_id, pair) = match e.kind {
            EdgeKind::Relation(_) => (Some(key.clone()), None),
            EdgeKind::Together(_) => (None, Some(key.clone())),
        };
        html! {
            <line key={key} class={classes!("edge", format!("edge--{}", e.style.class()), (!on).then_some("is-dim"))}
                data-relation-id={relation_id} data-edge={pair} data-index={k.to_string()}
                x1={format!("{x1:.1}")} y1={format!("{y1:.1}")}
                x2={format!("{x2:.1}")} y2={format!("{y2:.1}")}
                stroke-width={format!("{width:.1}")}
                marker-end={e.directed.then_some("url(#dossier-arrow)")}>
                <title>{ titles[k].clone() }</title>
            </line>
        }
    });

    // Labels: the focused actor first, then the selected ones, then the
    // busiest; a label with no free place is left out (the list has it).
    let label_marks: Vec<Mark> = placed
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let (width, height) = text_size(&ds.actors[n.actor].name, LABEL_FONT);
            Mark {
                x: xs[i],
                y: ys[i],
                radius: n.radius,
                width,
                height,
            }
        })
        .collect();
    let is_selected = |i: usize| {
        d.view
            .filters
            .actors
            .contains(&ds.actors[placed.nodes[i].actor].id)
    };
    let mut priority: Vec<usize> = focus_node.into_iter().collect();
    priority.extend(
        order
            .iter()
            .copied()
            .filter(|&i| is_selected(i) && Some(i) != focus_node),
    );
    priority.extend(order.iter().copied().filter(|&i| {
        !is_selected(i) && Some(i) != focus_node && (label_all || placed.nodes[i].events >= busiest)
    }));
    let label_at = place_labels(&label_marks, &priority, 3.0);
    // Widen the fitted view to hold the labels too, unless the reader has fixed it.
    let fit = if frozen_fit.is_some() {
        fit
    } else {
        let (mut x0, mut y0, mut x1, mut y1) = (fit.0, fit.1, fit.0 + fit.2, fit.1 + fit.3);
        for (m, p) in label_marks.iter().zip(&label_at) {
            if let Some(p) = p {
                let b = label_box(m, p, 3.0);
                x0 = x0.min(b.0 - 4.0);
                y0 = y0.min(b.1 - 4.0);
                x1 = x1.max(b.2 + 4.0);
                y1 = y1.max(b.3 + 4.0);
            }
        }
        (x0, y0, x1 - x0, y1 - y0)
    };

    // Wheel zoom needs a listener that may cancel scrolling.
    {
        let (zoom, frozen_fit, svg_ref, group) = (
            zoom.clone(),
            frozen_fit.clone(),
            svg_ref.clone(),
            group.clone(),
        );
        use_effect_with((*zoom, fit), move |&(z, fit)| {
            let listener = svg_ref.cast::<web_sys::Element>().map(|svg| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&svg, "wheel", options, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else {
                        return;
                    };
                    e.prevent_default();
                    let factor = if e.delta_y() < 0.0 {
                        ZOOM_STEP
                    } else {
                        1.0 / ZOOM_STEP
                    };
                    // The point under the pointer, in the fitted (unzoomed) view.
                    let (x, y) =
                        pointer_in(&group, e.client_x(), e.client_y()).unwrap_or((0.0, 0.0));
                    let (vx, vy) = (x * z.scale + z.tx, y * z.scale + z.ty);
                    frozen_fit.set(Some(fit));
                    zoom.set(z.around(factor, vx, vy));
                })
            });
            move || drop(listener)
        });
    }

    let nodes = order.iter().map(|&i| {
        let n = &placed.nodes[i];
        let (x, y) = (xs[i], ys[i]);
        let actor = &ds.actors[n.actor];
        let shape = NodeShape::of(&actor.kind);
        let active = d.view.filters.actors.contains(&actor.id);
        let id = actor.id.clone();
        let toggle = {
            let (dispatch, pointers, id) = (d.dispatch.clone(), pointers.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                let dragged = std::mem::take(&mut pointers.borrow_mut().dragged);
                if !dragged {
                    dispatch.emit(Action::ToggleActor(id.clone()));
                }
            })
        };
        let on_key = {
            let dispatch = d.dispatch.clone();
            let id = id.clone();
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" | " " => {
                    e.prevent_default();
                    dispatch.emit(Action::ToggleActor(id.clone()));
                }
                "Escape" => dispatch.emit(Action::ClearActors),
                _ => {}
            })
        };
        // Hover follows the pointer, except mid-drag: the pointer slips on and
        // off nodes as it drags, and each change would re-render the network.
        let hover = |to: Option<usize>| {
            let (h, pointers) = (hovered.clone(), pointers.clone());
            move || {
                if pointers.borrow().dragging.is_none() {
                    h.set(to);
                }
            }
        };
        let enter = { let f = hover(Some(i)); Callback::from(move |_: PointerEvent| f()) };
        let leave = { let f = hover(None); Callback::from(move |_: PointerEvent| f()) };
        let focus = { let f = hover(Some(i)); Callback::from(move |_: FocusEvent| f()) };
        let blur = { let f = hover(None); Callback::from(move |_: FocusEvent| f()) };
        let drag = {
            let (pointers, frozen_fit, group) = (pointers.clone(), frozen_fit.clone(), group.clone());
            Callback::from(move |e: PointerEvent| {
                e.stop_propagation();
                let mut p = pointers.borrow_mut();
                p.dragging = Some((i, e.pointer_id()));
                p.dragged = false;
                p.transform = screen_to_view(&group);
                frozen_fit.set(Some(fit));
            })
        };
        let release = {
            let (live, redraw) = (live.clone(), redraw.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(l) = live.borrow_mut().as_mut() {
                    l.sim.unpin(i);
                    l.sim.reheat(0.3);
                }
                redraw.force_update();
                start_loop(live.clone(), redraw.clone());
            })
        };
        let pinned = live.borrow().as_ref().is_some_and(|l| l.sim.nodes.fixed.get(i).is_some_and(Option::is_some));
        let label = format!(
            "{}, {}, {}{}",
            actor.name,
            shape.label().to_lowercase(),
            match n.events { 1 => "1 event".to_owned(), k => format!("{k} events") },
            if pinned { ", pinned" } else { "" }
        );
        html! {
            <g key={id.clone()} class={classes!("node", format!("node--{}", shape_class(shape)), active.then_some("is-active"), (!lit(i)).then_some("is-dim"))}
                transform={format!("translate({x:.1} {y:.1})")}
                tabindex="0" role="button" aria-pressed={active.to_string()} aria-label={label}
                data-actor-id={id.clone()} data-index={i.to_string()}
                onclick={toggle} onkeydown={on_key} onpointerenter={enter} onpointerleave={leave}
                onfocus={focus} onblur={blur} onpointerdown={drag} ondblclick={release}>
                <path d={shape.path(n.radius)} />
            </g>
        }
    });

    // Labels sit in a layer above every node, so no node covers another's label.
    let labels = label_at.iter().enumerate().filter_map(|(i, at)| {
        let at = (*at)?;
        let name = &ds.actors[placed.nodes[i].actor].name;
        Some(html! {
            <text key={i} class={classes!("network__label", (!lit(i)).then_some("is-dim"))} data-index={i.to_string()}
                data-dx={format!("{:.1}", at.dx)} data-dy={format!("{:.1}", at.dy)}
                x={format!("{:.1}", xs[i] + at.dx)} y={format!("{:.1}", ys[i] + at.dy)}
                text-anchor={at.side.anchor()}>{ name }</text>
        })
    });

    let z = *zoom;
    html! {
        <section class="network" aria-labelledby="dossier-network-title">
            <h2 id="dossier-network-title" class="network__title">{ "Who is connected to whom" }</h2>
            <p id="dossier-network-desc" class="network__desc">
                { format!(
                    "{} actors and {} ties. Select an actor to show only its events; drag to pin it, double-click to release it.",
                    placed.nodes.len(), placed.edges.len()
                ) }
            </p>
            <div class="network__tools">
                <ActorFinder graph={ByPtr(graph.clone())} />
                <div class="network__zoom" role="group" aria-label="Zoom">
                    <button type="button" class="button" onclick={zoom_by(ZOOM_STEP)} aria-label="Zoom in">{ "+" }</button>
                    <button type="button" class="button" onclick={zoom_by(1.0 / ZOOM_STEP)} aria-label="Zoom out">{ "−" }</button>
                    <button type="button" class="button" onclick={reset}>{ "Reset" }</button>
                </div>
            </div>
            <svg ref={svg_ref} class="network__svg" role="group" aria-labelledby="dossier-network-title" aria-describedby="dossier-network-desc"
                viewBox={format!("{:.1} {:.1} {:.1} {:.1}", fit.0, fit.1, fit.2, fit.3)}
                onpointerdown={on_bg_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}>
                <defs>
                    <marker id="dossier-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0L10,5L0,10z" class="network__arrow" />
                    </marker>
                </defs>
                <g ref={group.clone()} transform={format!("translate({:.2} {:.2}) scale({:.4})", z.tx, z.ty, z.scale)}>
                    <rect class="network__bg" x={format!("{:.1}", fit.0 - fit.2)} y={format!("{:.1}", fit.1 - fit.3)}
                        width={format!("{:.1}", fit.2 * 3.0)} height={format!("{:.1}", fit.3 * 3.0)} />
                    <g class="network__edges">{ for edges }</g>
                    <g class="network__nodes">{ for nodes }</g>
                    <g class="network__labels" aria-hidden="true">{ for labels }</g>
                </g>
            </svg>
            <NodeDetails graph={ByPtr(graph.clone())} derived={ByPtr(derived.clone())} node={focus_node} />
            <Legend />
            <ActorList graph={ByPtr(graph.clone())} derived={ByPtr(derived.clone())} />
        </section>
    }
}

fn shape_class(s: NodeShape) -> &'static str {
    match s {
        NodeShape::Circle => "person",
        NodeShape::Square => "group",
        NodeShape::Diamond => "state",
        NodeShape::Hexagon => "alliance",
        NodeShape::Triangle => "media",
    }
}

/// An edge in words: "Hassan Nasrallah leads Hezbollah (“…”, paragraph 1)".
fn edge_label(d: &Dossier, g: &Graph, e: &crate::network::GraphEdge) -> String {
    let ds = &d.dataset;
    let name = |n: usize| ds.actors[g.nodes[n].actor].name.as_str();
    match &e.kind {
        EdgeKind::Relation(r) => {
            let rel = &ds.relations[*r];
            let mut s = format!("{} {} {}", name(e.source), rel.kind.label(), name(e.target));
            if let Some(p) = rel.provenance.first() {
                s.push_str(&format!(
                    ": “{}” ({}, paragraph {})",
                    p.quote,
                    present::attribution(ds, p),
                    p.paragraph
                ));
            }
            s
        }
        EdgeKind::Together(events) => format!(
            "{} and {}: together in {}",
            name(e.source),
            name(e.target),
            match events.len() {
                1 => "1 event".to_owned(),
                k => format!("{k} events"),
            }
        ),
    }
}

/// What the network's parts derive from one graph, computed once per graph.
struct Derived {
    /// Each edge in words, with its quote and source.
    titles: Vec<String>,
    /// Node indices, busiest actors first.
    order: Vec<usize>,
    /// For each node, the indices of its edges.
    ties: Vec<Vec<usize>>,
}

impl Derived {
    fn of(d: &Dossier, g: &Graph) -> Self {
        Derived {
            titles: g.edges.iter().map(|e| edge_label(d, g, e)).collect(),
            order: g.tab_order(&d.dataset),
            ties: g.ties_by_node(),
        }
    }
}

/// Shared data compared by identity: one graph is one value, so props and
/// memo dependencies never compare thousands of nodes field by field.
struct ByPtr<T>(Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct GraphProps {
    graph: ByPtr<Graph>,
}

#[derive(Properties, PartialEq)]
struct DerivedProps {
    graph: ByPtr<Graph>,
    derived: ByPtr<Derived>,
}

#[derive(Properties, PartialEq)]
struct NodeDetailsProps {
    graph: ByPtr<Graph>,
    derived: ByPtr<Derived>,
    node: Option<usize>,
}

/// The focused or hovered actor's ties, each with its source quote: the
/// edge labels, readable by keyboard and screen reader.
#[component]
fn NodeDetails(props: &NodeDetailsProps) -> Html {
    let d = use_dossier();
    let (g, derived) = (&props.graph.0, &props.derived.0);
    let Some(n) = props.node.filter(|&n| n < g.nodes.len()) else {
        return html! { <p class="network__details network__details--empty" aria-live="polite">{ "Point at or tab to an actor to see its ties and their sources." }</p> };
    };
    let actor = &d.dataset.actors[g.nodes[n].actor];
    let ties = &derived.ties[n];
    html! {
        <div class="network__details" aria-live="polite">
            <h3 class="network__details-title">{ format!("{}: {} ties", actor.name, ties.len()) }</h3>
            <ul>{ for ties.iter().map(|&k| html! { <li>{ derived.titles[k].clone() }</li> }) }</ul>
        </div>
    }
}

/// "Find an actor": type part of a name or alias, pick a match, and focus
/// goes to that actor's node.
#[component]
fn ActorFinder(props: &GraphProps) -> Html {
    let d = use_dossier();
    let query = use_state(String::new);
    let q = Query::new(&query);
    let matches: Vec<(String, String)> = if q.is_empty() {
        Vec::new()
    } else {
        props
            .graph
            .0
            .nodes
            .iter()
            .map(|n| &d.dataset.actors[n.actor])
            .filter(|a| {
                let mut text = a.name.clone();
                for alias in &a.aliases {
                    text.push(' ');
                    text.push_str(alias);
                }
                q.matches(&fold(&text))
            })
            .take(6)
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect()
    };
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    html! {
        <div class="network__finder">
            <label for="dossier-find-actor">{ "Find an actor" }</label>
            <input id="dossier-find-actor" type="search" autocomplete="off" value={(*query).clone()} oninput={on_input} />
            if !q.is_empty() {
                <ul class="network__matches" aria-live="polite">
                    if matches.is_empty() {
                        <li>{ "No actor in this view matches." }</li>
                    }
                    { for matches.into_iter().map(|(id, name)| {
                        let focus = Callback::from(move |_: MouseEvent| {
                            let selector = format!(".network [data-actor-id=\"{id}\"]");
                            if let Ok(Some(el)) = gloo::utils::document().query_selector(&selector) {
                                if let Some(el) = el.dyn_ref::<web_sys::SvgElement>() {
                                    let _ = el.focus();
                                }
                            }
                        });
                        html! { <li><button type="button" class="link-button" onclick={focus}>{ name }</button></li> }
                    }) }
                </ul>
            }
        </div>
    }
}

/// What the shapes, sizes and lines mean.
#[component]
fn Legend() -> Html {
    html! {
        <div class="network__legend">
            <h3 class="visually-hidden">{ "Legend" }</h3>
            <ul class="legend">
                { for NodeShape::ALL.iter().map(|s| html! {
                    <li>
                        <svg class={classes!("legend__swatch", format!("node--{}", shape_class(*s)))} viewBox="-12 -12 24 24" aria-hidden="true">
                            <path d={s.path(8.0)} />
                        </svg>
                        { s.label() }
                    </li>
                }) }
                <li class="legend__note">{ "Larger: in more events" }</li>
            </ul>
            <ul class="legend">
                { for EdgeStyle::ALL.iter().map(|s| html! {
                    <li>
                        <svg class="legend__swatch legend__swatch--line" viewBox="0 0 32 12" aria-hidden="true">
                            <line class={classes!("edge", format!("edge--{}", s.class()))} x1="2" y1="6" x2="28" y2="6"
                                marker-end={(*s == EdgeStyle::Hostility).then_some("url(#dossier-arrow)")} />
                        </svg>
                        { s.label() }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The network as a list: every actor with its ties, for screen readers and
/// for readers who prefer text.
#[component]
fn ActorList(props: &DerivedProps) -> Html {
    let d = use_dossier();
    let (g, derived) = (&props.graph.0, &props.derived.0);
    html! {
        <details class="network__list">
            <summary>{ "The actors and their ties, as a list" }</summary>
            <ul>
                { for derived.order.iter().map(|&n| {
                    let actor = &d.dataset.actors[g.nodes[n].actor];
                    let ties = &derived.ties[n];
                    html! {
                        <li>
                            <strong>{ &actor.name }</strong>
                            { format!(" ({}, {})", actor.kind.label().to_lowercase(),
                                match g.nodes[n].events { 1 => "1 event".to_owned(), k => format!("{k} events") }) }
                            if !ties.is_empty() {
                                <ul>{ for ties.iter().map(|&k| html! { <li>{ derived.titles[k].clone() }</li> }) }</ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
