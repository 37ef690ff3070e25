//! The reader's hands on the network: pan with one pointer on the
//! background, pinch with two, drag a node to pin it, double-click to
//! release it, zoom with the wheel or the buttons; a finger swiped up or
//! down scrolls the page. The arithmetic is
//! [`crate::graph::view::Zoom`]'s; this file reads pointers and keeps the
//! live layout in step.

use super::animation::{Live, LiveRef};
use crate::graph::view::{Fit, Zoom, ZOOM_STEP};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How far a press on a node may move, in CSS pixels, and still be a click.
const DRAG_PX: i32 = 4;
/// How far a pointer on the background moves, in CSS pixels, before it
/// pans: past a browser's own threshold for scrolling (about 15).
const PAN_PX: i32 = 24;

/// Where a pointer is, and what it is dragging.
#[derive(Default)]
struct Pointers {
    /// Active pointers on the background: id and last (x, y) in drawing
    /// units. Usually one or two: a list, not a map.
    down: Vec<(i32, (f64, f64))>,
    /// The node pressed or being dragged, by which pointer, and whether it
    /// was pinned before the press.
    dragging: Option<(usize, i32, bool)>,
    /// Whether the last press on a node moved it: then it was a drag, and
    /// the click that ends it must not select the actor.
    dragged: bool,
    /// Where on the screen the last press was, in CSS pixels.
    pressed_at: (i32, i32),
    /// The screen-to-drawing transform, read when the drag started: the
    /// view does not change during a drag, and reading it forces a layout.
    transform: Option<[f64; 6]>,
    /// Whether the pointer on the background has moved far enough to pan.
    panning: bool,
}

impl Pointers {
    /// Where pointer `id` is, if it is down on the background.
    fn at(&self, id: i32) -> Option<(f64, f64)> {
        self.down.iter().find(|&&(k, _)| k == id).map(|&(_, v)| v)
    }

    /// Whether pointer event `e` is `px` CSS pixels or more from the press.
    fn past(&self, e: &PointerEvent, px: i32) -> bool {
        let (dx, dy) = (
            e.client_x() - self.pressed_at.0,
            e.client_y() - self.pressed_at.1,
        );
        dx * dx + dy * dy >= px * px
    }

    /// Pointer `id` is down at `p`, or has moved there.
    fn press(&mut self, id: i32, p: (f64, f64)) {
        match self.down.iter_mut().find(|(k, _)| *k == id) {
            Some(slot) => slot.1 = p,
            None => self.down.push((id, p)),
        }
    }
}

/// The screen-to-drawing transform (a, b, c, d, e, f) of the drawing's own
/// group, so zoom and pan are accounted for. Reading it forces a layout of
/// the whole SVG.
fn screen_to_view(group: &NodeRef) -> Option<[f64; 6]> {
    let g = group.cast::<web_sys::SvgGraphicsElement>()?;
    let m = g.get_screen_ctm()?.inverse().ok()?;
    Some([m.a(), m.b(), m.c(), m.d(), m.e(), m.f()].map(f64::from))
}

fn apply(m: [f64; 6], x: i32, y: i32) -> (f64, f64) {
    let (x, y) = (f64::from(x), f64::from(y));
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// Positions in drawing units from a pointer's screen position.
fn pointer_in(group: &NodeRef, x: i32, y: i32) -> Option<(f64, f64)> {
    screen_to_view(group).map(|m| apply(m, x, y))
}

/// A `viewBox` attribute's four numbers. The browser's own number parser
/// (Rust's brings a 20 KB table into the download).
fn parse_box(text: &str) -> Option<Fit> {
    let mut n = text
        .split_ascii_whitespace()
        .map(|v| Some(js_sys::parse_float(v)).filter(|v| v.is_finite()));
    Some((n.next()??, n.next()??, n.next()??, n.next()??))
}

/// The node of the network `target` is in: its index in the graph, from
/// the `data-index` of the closest `.node`. The nodes' events are handled
/// once, on their group, rather than by a handful of closures a node.
pub fn node_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".node")
        .ok()??
        .get_attribute("data-index")
        .as_deref()
        .and_then(crate::base::num::digits)
}

/// Keep the pointer's events coming to what it pressed, even once it
/// leaves it or the drawing: a release outside still ends the gesture, and
/// a click lands on the node that was pressed, however the layout moved it.
fn capture(e: &PointerEvent) {
    if let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = el.set_pointer_capture(e.pointer_id());
    }
}

/// The gesture state of one network view, and the handlers made from it.
#[derive(Clone)]
pub struct Gestures {
    pointers: Rc<RefCell<Pointers>>,
    group: NodeRef,
    svg: NodeRef,
    zoom: UseStateHandle<Zoom>,
    /// The fitted view, frozen once the reader zooms, pans or drags.
    frozen: UseStateHandle<Option<Fit>>,
    live: LiveRef,
    redraw: UseForceUpdateHandle,
}

#[hook]
pub fn use_gestures(
    group: &NodeRef,
    svg: &NodeRef,
    zoom: &UseStateHandle<Zoom>,
    frozen: &UseStateHandle<Option<Fit>>,
    live: &LiveRef,
    redraw: &UseForceUpdateHandle,
) -> Gestures {
    let pointers = use_mut_ref(Pointers::default);
    Gestures {
        pointers,
        group: group.clone(),
        svg: svg.clone(),
        zoom: zoom.clone(),
        frozen: frozen.clone(),
        live: live.clone(),
        redraw: redraw.clone(),
    }
}

impl Gestures {
    /// Whether a node is being dragged: hover stays put meanwhile, as the
    /// pointer slips on and off nodes and each change would re-render.
    pub fn dragging(&self) -> bool {
        self.pointers.borrow().dragging.is_some()
    }

    /// Whether node `i` is held by a press that has not (yet) dragged it:
    /// its pin is the press's, not the reader's.
    pub fn pressed(&self, i: usize) -> bool {
        let p = self.pointers.borrow();
        !p.dragged
            && p.dragging
                .is_some_and(|(n, _, was_pinned)| n == i && !was_pinned)
    }

    /// Whether the click that ends a press is a click, not the end of a
    /// drag. A click lets go of the view its press froze (the reader's own
    /// zoom or pan stays): the network drawn for the choice is fitted
    /// afresh, not shown in the old one's frame, half out of it.
    pub fn take_click(&self) -> bool {
        let click = !std::mem::take(&mut self.pointers.borrow_mut().dragged);
        if let (true, Some(l)) = (click, self.live.borrow_mut().as_mut()) {
            l.frozen = *self.frozen;
        }
        click
    }

    /// Fix the view where the reader sees it: the box last painted while
    /// the layout moves, or `fit`, the rendered one. From then on the
    /// layout no longer refits it, so nothing jumps under the pointer.
    fn freeze(&self, fit: Fit) -> Fit {
        let shown = self.freeze_quietly(fit);
        self.frozen.set(Some(shown));
        shown
    }

    /// [`Gestures::freeze`] for the live layout only, without a render: a
    /// press on a node renders nothing, and the view rendered next reads
    /// the frozen box from the live layout.
    fn freeze_quietly(&self, fit: Fit) -> Fit {
        // The animation writes the view box straight into the DOM, so the
        // DOM, not the last render, says what the reader sees.
        let shown = self
            .svg
            .cast::<web_sys::Element>()
            .and_then(|svg| svg.get_attribute("viewBox"))
            .and_then(|b| parse_box(&b))
            .unwrap_or(fit);
        if let Some(l) = self.live.borrow_mut().as_mut() {
            l.frozen = l.frozen.or(Some(shown));
            return l.frozen.unwrap_or(shown);
        }
        shown
    }

    /// A press on the background starts a pan (or, with a second pointer, a pinch).
    pub fn background_down(&self, fit: Fit) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            g.freeze(fit);
            capture(&e);
            if let Some(at) = pointer_in(&g.group, e.client_x(), e.client_y()) {
                let mut p = g.pointers.borrow_mut();
                p.panning = false;
                p.pressed_at = (e.client_x(), e.client_y());
                p.press(e.pointer_id(), at);
            }
        })
    }

    /// A press on a node pins it where it is, so that the click lands on
    /// it even while the layout still moves, and may start a drag.
    pub fn node_down(&self, fit: Fit) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(i) = node_at(e.target()) else {
                return;
            };
            e.stop_propagation();
            g.freeze_quietly(fit);
            capture(&e);
            let was_pinned = g.live.borrow_mut().as_mut().is_some_and(|l| {
                let pinned = l.sim.nodes.fixed.get(i).is_some_and(Option::is_some);
                let (x, y) = (l.sim.nodes.x[i], l.sim.nodes.y[i]);
                l.sim.pin(i, x, y);
                pinned
            });
            let mut p = g.pointers.borrow_mut();
            p.dragging = Some((i, e.pointer_id(), was_pinned));
            p.dragged = false;
            p.pressed_at = (e.client_x(), e.client_y());
            p.transform = screen_to_view(&g.group);
        })
    }

    /// Moving: drag the pressed node, pan, or pinch.
    pub fn moved(&self) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = g.pointers.borrow_mut();
            if let Some((node, id, _)) = p.dragging {
                if id == e.pointer_id() {
                    // A hand never holds still: a press becomes a drag only
                    // past a few pixels (and the browser sends moves of its
                    // own when the drawing moves under a still pointer).
                    if !p.dragged && !p.past(&e, DRAG_PX) {
                        return;
                    }
                    let Some((x, y)) = p.transform.map(|m| apply(m, e.client_x(), e.client_y()))
                    else {
                        return;
                    };
                    p.dragged = true;
                    drop(p);
                    let warmed = g
                        .live
                        .borrow_mut()
                        .as_mut()
                        .is_some_and(|l| l.drag(node, x, y));
                    if warmed {
                        Live::wake(&g.live, &g.redraw);
                    }
                    return;
                }
            }
            let Some(old) = p.at(e.pointer_id()) else {
                return;
            };
            // Panning moves the drawing under the pointer, so the transform
            // is read afresh each move.
            let Some((x, y)) = pointer_in(&g.group, e.client_x(), e.client_y()) else {
                return;
            };
            let z = *g.zoom;
            if p.down.len() == 2 {
                let other = p
                    .down
                    .iter()
                    .find(|&&(k, _)| k != e.pointer_id())
                    .map(|&(_, v)| v);
                if let Some(pinched) = other.and_then(|o| z.pinch(old, (x, y), o)) {
                    g.zoom.set(pinched);
                }
                p.press(e.pointer_id(), (x, y));
                // The finger left down after a pinch pans at once.
                p.panning = true;
            } else if p.panning {
                // The drawing moves with the pointer, so the point it holds
                // stays `old`.
                g.zoom.set(z.pan(old, (x, y)));
            } else {
                // A pan starts a few pixels out, where it holds on: a
                // finger swiped up or down the drawing scrolls the page
                // (the stylesheet's `touch-action`), and the browser takes
                // it, cancelling this pointer, before it has gone so far.
                p.panning = p.past(&e, PAN_PX);
                if p.panning {
                    p.press(e.pointer_id(), (x, y));
                }
            }
        })
    }

    /// A pointer lifted or cancelled: the end of a pan, a pinch, a press
    /// or a drag. A press that did not drag releases the pin it set.
    pub fn up(&self) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            let mut p = g.pointers.borrow_mut();
            crate::base::gather::keep(&mut p.down, |&(k, _)| k != e.pointer_id());
            let Some((node, _, was_pinned)) = p.dragging.filter(|&(_, id, _)| id == e.pointer_id())
            else {
                return;
            };
            p.dragging = None;
            p.transform = None;
            let dragged = p.dragged;
            drop(p);
            if let Some(l) = g.live.borrow_mut().as_mut() {
                l.sim.alpha_target = 0.0;
                l.drop_held();
                if !dragged && !was_pinned {
                    l.sim.unpin(node);
                }
                // The dropped node is now pinned: say so in its accessible name.
                if dragged {
                    l.say_pinned(node, true);
                }
            }
        })
    }

    /// A double click releases a pinned node into the layout.
    pub fn release(&self) -> Callback<MouseEvent> {
        let g = self.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(i) = node_at(e.target()) {
                g.unpin(Some(i));
            }
        })
    }

    /// Release the pinned node `only`, or every pinned node, into the
    /// layout, which moves again if any was.
    fn unpin(&self, only: Option<usize>) {
        let mut released = false;
        if let Some(l) = self.live.borrow_mut().as_mut() {
            for i in 0..l.sim.nodes.len() {
                if only.is_none_or(|o| o == i) && l.sim.nodes.fixed[i].is_some() {
                    l.sim.unpin(i);
                    l.sim.reheat(0.3);
                    l.say_pinned(i, false);
                    released = true;
                }
            }
        }
        // With none pinned, the layout stays at rest.
        if released {
            self.redraw.force_update();
            Live::wake(&self.live, &self.redraw);
        }
    }

    /// The +/− buttons: zoom about the middle of the view.
    pub fn zoom_by(&self, factor: f64, fit: Fit) -> Callback<MouseEvent> {
        let g = self.clone();
        Callback::from(move |_: MouseEvent| {
            let fit = g.freeze(fit);
            let (cx, cy) = (fit.0 + fit.2 / 2.0, fit.1 + fit.3 / 2.0);
            g.zoom.set(g.zoom.around(factor, cx, cy));
        })
    }

    /// "Reset": the fitted view, unzoomed, every pinned node released (the
    /// one way to release them by touch, where a double tap's first tap
    /// chooses the actor and may move the node away).
    pub fn reset(&self) -> Callback<MouseEvent> {
        let g = self.clone();
        Callback::from(move |_: MouseEvent| {
            g.zoom.set(Zoom::default());
            g.frozen.set(None);
            if let Some(l) = g.live.borrow_mut().as_mut() {
                l.frozen = None;
            }
            g.unpin(None);
        })
    }
}

/// The wheel zooms about the pointer, and a finger moving on a node holds
/// the page still. They need listeners that may cancel scrolling, which Yew's
/// `onwheel` and `ontouchmove` are not.
#[hook]
pub fn use_wheel_and_touch(svg: &NodeRef, g: &Gestures, fit: Fit) {
    let (svg, g) = (svg.clone(), g.clone());
    use_effect_with((*g.zoom, fit), move |&(z, fit)| {
        let on = move |e: &web_sys::Event| match e.dyn_ref::<web_sys::WheelEvent>() {
            Some(e) => {
                e.prevent_default();
                let factor = if e.delta_y() < 0.0 {
                    ZOOM_STEP
                } else {
                    1.0 / ZOOM_STEP
                };
                let (x, y) = pointer_in(&g.group, e.client_x(), e.client_y()).unwrap_or((0.0, 0.0));
                g.freeze(fit);
                g.zoom.set(z.around_drawing(factor, x, y));
            }
            // A finger that moves on a node drags the node, whichever way,
            // and never scrolls the page: browsers take `touch-action`
            // from the drawing's root, not from a node inside it. (Its
            // first move, not its start, is cancelled: a tap stays a tap,
            // and clicks the node.)
            None => {
                if node_at(e.target()).is_some() {
                    e.prevent_default();
                }
            }
        };
        let listeners = svg.cast::<web_sys::Element>().map(|el| {
            ["wheel", "touchmove"].map(|kind| {
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                gloo::events::EventListener::new_with_options(&el, kind, options, on.clone())
            })
        });
        move || drop(listeners)
    });
}
