//! The layout in motion: the simulation ticks once or twice a frame until it
//! cools, and each frame writes positions straight into the SVG elements
//! (as d3 does) instead of re-rendering thousands of them through Yew. Yew
//! renders the structure, and renders once more when the layout comes to
//! rest; a small network's layout spreading by itself is also rendered every
//! [`RELABEL_FRAMES`], for its names' places.

use crate::base::gather::Gather;
use crate::base::svg::{num, translate, view_box};
use crate::graph::layout::Simulation;
use crate::graph::network::Graph;
use crate::graph::view::{fit_view, Bundle, Drawn, Fit, BIG_NETWORK, REDRAW_PX};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ticks per animation frame: the layout cools in about 300 ticks, so about
/// 2.5 s at 60 frames a second.
const TICKS_PER_FRAME: usize = 2;
/// Graphs with more ties than this hide them while the layout moves and
/// draw them again when it settles: writing thousands of line ends each
/// frame costs more than a frame.
const MOVING_EDGES_UP_TO: usize = 1500;
/// The longest slice of a quiet layout's ticks, in milliseconds: the page
/// still paints and answers the reader between slices.
const SLICE_MS: f64 = 14.0;
/// Frames of motion (about a third of a second) between two placings of a
/// moving network's names.
const RELABEL_FRAMES: u32 = 20;

/// Whether `g` is laid out in slices, out of sight, before it is shown:
/// a big network for a reader who asks for reduced motion. Laid out at
/// once, its few hundred ticks would hold the page for half a second.
pub fn in_slices(g: &Graph) -> bool {
    cfg!(target_arch = "wasm32") && !animate() && g.nodes.len() >= BIG_NETWORK
}

/// The live layout, shared between the animation loop and the handlers.
pub struct Live {
    pub sim: Simulation,
    pub frame: Option<gloo::render::AnimationFrame>,
    graph: Rc<Graph>,
    /// Node and edge elements with their indices, found after each render of a new graph.
    nodes: Vec<(web_sys::Element, usize)>,
    edges: Vec<(web_sys::Element, usize)>,
    /// The paths of a big network's ties out of focus, each with its ties
    /// (found after each render).
    bundles: Vec<web_sys::Element>,
    bundled: Rc<Vec<Bundle>>,
    /// Labels with their offsets from their node, as last rendered.
    labels: Vec<(web_sys::Element, usize, f64, f64)>,
    /// The labels' font size, as last rendered.
    label_font: f64,
    /// The view's width as last rendered, and the labels' scale since: a
    /// view that grows as the layout spreads would shrink the labels, set
    /// in drawing units, below 11 px on screen; they grow with it.
    view_w: f64,
    label_scale: f64,
    svg: Option<web_sys::Element>,
    /// The SVG of the bundled ties, under the nodes' (when there are any).
    under: Option<web_sys::Element>,
    /// The view box the reader has fixed by zooming or dragging, if any.
    pub frozen: Option<Fit>,
    /// Where each node was last drawn, and layout units a screen pixel:
    /// a moving layout writes only the nodes that moved.
    drawn: Drawn,
    unit: f64,
    /// A node of a big network is held by the reader: it moves alone.
    held: bool,
    /// The ties were hidden while nodes moved: draw them all when shown.
    edges_stale: bool,
    /// Laid out in slices, out of sight, until at rest (see [`in_slices`]).
    quiet: bool,
    /// Whether the ties from shared events were drawn, as last rendered.
    together: Option<bool>,
    /// Frames painted since the last render placed the labels.
    painted: u32,
}

/// The shared slot of the live layout; empty before the first effect and
/// in server-side rendering.
pub type LiveRef = Rc<RefCell<Option<Live>>>;

impl Live {
    /// Whether the drawing of `g` is still being laid out out of sight. A
    /// graph equal to this layout's is this layout's: a filter that leaves
    /// the same network makes an equal graph, and lays nothing out again.
    pub fn settling(&self, g: &Rc<Graph>) -> bool {
        if Rc::ptr_eq(&self.graph, g) || *self.graph == **g {
            self.quiet
        } else {
            in_slices(g)
        }
    }

    /// Whether the ties are redrawn every frame, or hidden until the layout settles.
    fn edges_move(&self) -> bool {
        let bundled: usize = self.bundled.iter().map(|b| b.edges.len()).sum();
        self.edges.len() + bundled <= MOVING_EDGES_UP_TO
    }

    /// The network's SVG and the one of its bundled ties under it: the
    /// two share a view box and a class.
    fn svgs(&self) -> impl Iterator<Item = &web_sys::Element> {
        self.svg.iter().chain(self.under.iter())
    }

    /// Whether a dragged actor moves alone. In a big network the whole
    /// layout would shift a little under every drag, and drawing a
    /// thousand nodes a frame cannot keep up with the pointer; the actor
    /// moves with its ties and labels, and the rest holds still.
    pub fn drags_alone(&self) -> bool {
        self.graph.nodes.len() >= BIG_NETWORK
    }

    /// Move node `i` to (`x`, `y`) and pin it there. A big network draws
    /// it at once, alone; a small one warms its layout, which moves
    /// around it.
    pub fn drag(&mut self, i: usize, x: f64, y: f64) -> bool {
        self.sim.pin(i, x, y);
        if self.drags_alone() {
            self.held = true;
            self.paint(false);
            return false;
        }
        self.sim.alpha_target = 0.3;
        self.sim.reheat(0.3);
        true
    }

    /// The end of a drag in a big network.
    pub fn drop_held(&mut self) {
        if std::mem::take(&mut self.held) {
            self.paint(false);
        }
    }

    /// Take "pinned" out of the names of the nodes pinned in this layout,
    /// as it gives way to another.
    fn forget_pins(&self) {
        for (i, pin) in self.sim.nodes.fixed.iter().enumerate() {
            if pin.is_some() {
                self.say_pinned(i, false);
            }
        }
    }

    /// Say in node `i`'s accessible name whether it is pinned, without a
    /// render of the whole network (Yew's next render agrees).
    pub fn say_pinned(&self, i: usize, pinned: bool) {
        const PINNED: &str = ", pinned";
        for (el, _) in self.nodes.iter().filter(|(_, k)| *k == i) {
            let Some(label) = el.get_attribute("aria-label") else {
                continue;
            };
            let base = label.strip_suffix(PINNED).unwrap_or(&label);
            let _ = el.set_attribute(
                "aria-label",
                &format!("{base}{}", if pinned { PINNED } else { "" }),
            );
        }
    }

    /// Write the layout's positions into the drawing: while it moves, only
    /// the nodes (and their labels and ties) that moved a third of a pixel
    /// since they were drawn; at rest, or with `all`, every one that moved.
    fn paint(&mut self, all: bool) {
        let (x, y) = (&self.sim.nodes.x, &self.sim.nodes.y);
        let slack = if self.sim.is_cool() {
            0.0
        } else {
            REDRAW_PX * self.unit
        };
        self.drawn.update(x, y, slack);
        // The view follows the layout however many ties it has, so that
        // nothing jumps when it settles; the labels keep their size on
        // screen as it does.
        let mut rescaled = false;
        // A layout of no nodes (the drawing's first render, before its
        // frame is measured) has no view to follow.
        if self.frozen.is_none() && !x.is_empty() {
            let f = fit_view(&self.graph, x, y);
            let b = view_box(f.0, f.1, f.2, f.3);
            for svg in self.svgs() {
                let _ = svg.set_attribute("viewBox", &b);
            }
            let scale = f.2 / self.view_w;
            if (scale / self.label_scale - 1.0).abs() > 0.01 {
                self.label_scale = scale;
                rescaled = true;
                // On the labels' group (see the network's markup).
                if let Some(group) = self.labels.first().and_then(|l| l.0.parent_element()) {
                    let font = crate::base::svg::tenth_up(self.label_font * scale);
                    let _ = group.set_attribute("font-size", &num(font));
                }
            }
        }
        let moved = |i: usize| all || self.drawn.moved.get(i) == Some(&true);
        for (el, i) in &self.nodes {
            if moved(*i) {
                let _ = el.set_attribute("transform", &translate(x[*i], y[*i]));
            }
        }
        let s = self.label_scale;
        for (el, i, dx, dy) in &self.labels {
            if rescaled || moved(*i) {
                let _ = el.set_attribute("x", &num(x[*i] + dx * s));
                let _ = el.set_attribute("y", &num(y[*i] + dy * s));
            }
        }
        // Many ties are hidden while the layout moves, and only then: a
        // layout at rest (reduced motion, or a redraw after the shared-events
        // toggle) shows them where they are. A node of a big network held
        // by the reader moves alone over a layout at rest: its ties (lit,
        // each its own path) move with it, and the bundled ties under it
        // are not painted again.
        let hide = !self.edges_move() && !self.sim.is_cool();
        for svg in self.svgs() {
            let _ = svg
                .class_list()
                .toggle_with_force("network__svg--moving", hide);
        }
        if hide && !self.held {
            self.edges_stale = true;
            return;
        }
        let every = all || (!hide && std::mem::take(&mut self.edges_stale));
        for (el, k) in &self.edges {
            let e = &self.graph.edges[*k];
            if every || moved(e.source) || moved(e.target) {
                let _ = el.set_attribute("d", &self.graph.edge_geometry(*k, x, y).path());
            }
        }
        if hide {
            // Held while the layout moves: the bundles are drawn when shown.
            self.edges_stale = true;
            return;
        }
        for (el, bundle) in self.bundles.iter().zip(self.bundled.iter()) {
            if every || bundle.touches(&self.graph, moved) {
                let _ = el.set_attribute("d", &bundle.path(&self.graph, x, y));
            }
        }
    }

    /// Find the ties drawn by the last render: the focused actor's, each
    /// its own path, and the paths of the rest, with the ties of each; and
    /// the nodes, if the layout has not found them all (a layout laid out
    /// out of sight drew none at first). Whether it found them now, the
    /// first render that drew them.
    fn read_ties(
        &mut self,
        root: &web_sys::Element,
        under: Option<web_sys::Element>,
        bundled: Rc<Vec<Bundle>>,
    ) -> bool {
        self.edges = indexed(root, ".edge");
        let missing = self.nodes.len() != self.graph.nodes.len();
        if missing {
            self.nodes = indexed(root, ".node");
        }
        let shown = missing && !self.nodes.is_empty();
        let paths = under
            .as_ref()
            .and_then(|u| u.query_selector_all(".edge--bundle").ok());
        self.under = under;
        self.bundles = (0..paths.as_ref().map_or(0, |p| p.length()))
            .filter_map(|k| paths.as_ref()?.item(k)?.dyn_into::<web_sys::Element>().ok())
            .gather();
        self.bundled = bundled;
        shown
    }

    /// Run the loop if it is not running.
    pub fn wake(live: &LiveRef, redraw: &UseForceUpdateHandle) {
        let running = live.borrow().as_ref().is_some_and(|l| l.frame.is_some());
        if !running {
            start_loop(live.clone(), redraw.clone());
        }
    }
}

/// The labels under `root`: each element with its node and its offset
/// from the node.
fn read_labels(root: &web_sys::Element) -> Vec<(web_sys::Element, usize, f64, f64)> {
    indexed(root, ".network__label")
        .into_iter()
        .map(|(el, i)| {
            let offset = |name: &str| {
                el.get_attribute(name)
                    .map(|v| js_sys::parse_float(&v))
                    .filter(|v| v.is_finite())
                    .unwrap_or(0.0)
            };
            let (dx, dy) = (offset("data-dx"), offset("data-dy"));
            (el, i, dx, dy)
        })
        .gather()
}

/// Give the keyboard's focus back to actor `id`'s node among `nodes`, if
/// the page lost it (to the body): while the node was not drawn, or when a
/// render moved it (a moved element loses the focus).
fn refocus(nodes: &[(web_sys::Element, usize)], id: &str) {
    let lost = gloo::utils::document()
        .active_element()
        .is_none_or(|a| a.tag_name() == "BODY");
    let node = nodes
        .iter()
        .find(|(el, _)| lost && el.get_attribute("data-actor-id").as_deref() == Some(id));
    if let Some((node, _)) = node {
        super::super::focus(node);
    }
}

/// The actor whose node has the keyboard's focus, and whether the next
/// render is to give it back (a choice by keyboard redraws the network).
#[derive(Default)]
pub struct Focus {
    pub id: Option<String>,
    pub give_back: bool,
}

/// The elements under `root` matching `selector`, each with the index in its `data-index`.
fn indexed(root: &web_sys::Element, selector: &str) -> Vec<(web_sys::Element, usize)> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|k| list.item(k)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| {
            let i = crate::base::num::digits(&el.get_attribute("data-index")?)?;
            Some((el, i))
        })
        .gather()
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
pub fn animate() -> bool {
    cfg!(target_arch = "wasm32") && !prefers_reduced_motion()
}

pub fn start_loop(live: LiveRef, redraw: UseForceUpdateHandle) {
    let next = live.clone();
    let frame = gloo::render::request_animation_frame(move |_| {
        let (cool, relabel) = {
            let mut slot = next.borrow_mut();
            let Some(l) = slot.as_mut() else { return };
            l.frame = None;
            // Out of sight, or with its ties hidden while it moves (a big
            // network: drawn a tick a frame, its few hundred ticks were
            // seconds of dots without ties), as many ticks as fit in a
            // slice; else a few a frame, drawn.
            let slice = l.quiet || !l.edges_move();
            let start = js_sys::Date::now();
            while !l.sim.is_cool() {
                l.sim.ticks(if slice { 1 } else { TICKS_PER_FRAME });
                if !slice || js_sys::Date::now() - start >= SLICE_MS {
                    break;
                }
            }
            if l.quiet {
                l.quiet = !l.sim.is_cool();
                if !l.quiet {
                    // The render at rest draws these: a drag then writes
                    // only what it moves.
                    l.drawn.update(&l.sim.nodes.x, &l.sim.nodes.y, 0.0);
                }
            } else {
                l.paint(false);
                l.painted += 1;
            }
            (
                l.sim.is_cool(),
                // Not while the reader holds a node (a drag keeps the
                // layout warm): the names would change sides under the
                // finger, and the render costs the drag's frames.
                l.painted >= RELABEL_FRAMES
                    && l.sim.alpha_target == 0.0
                    && l.graph.nodes.len() < BIG_NETWORK
                    && l.edges_move(),
            )
        };
        if cool {
            if let Some(l) = next.borrow().as_ref() {
                for svg in l.svgs() {
                    let _ = svg.class_list().remove_1("network__svg--moving");
                }
            }
            // Bring Yew's picture of the DOM up to date with the rest state.
            redraw.force_update();
        } else {
            // A small network's names are placed again as it spreads (a
            // render places them): the sides they took where the layout
            // began run off the frame, for the seconds it takes to settle.
            if relabel {
                redraw.force_update();
            }
            start_loop(next, redraw);
        }
    });
    if let Some(l) = live.borrow_mut().as_mut() {
        l.frame = Some(frame);
    }
}

/// The layout of `graph`, animated from the spiral to rest (or set at rest
/// at once where there is no motion), drawn into the elements under
/// `group` and `svg`. Returns the live layout and the handle that
/// re-renders the view once it settles.
#[hook]
pub fn use_layout(
    graph: &Rc<Graph>,
    group: &NodeRef,
    svg: &NodeRef,
    frozen: Option<Fit>,
) -> (LiveRef, UseForceUpdateHandle) {
    let live = use_mut_ref(|| None::<Live>);
    let redraw = use_force_update();
    {
        let (live, redraw, group, svg) = (live.clone(), redraw.clone(), group.clone(), svg.clone());
        use_effect_with(graph.clone(), move |graph| {
            let mut sim = graph.simulation(1);
            let moving = animate();
            let quiet = in_slices(graph);
            if !moving && !quiet {
                // The graph was laid out to rest already: start there, cool.
                for (i, n) in graph.nodes.iter().enumerate() {
                    sim.nodes.x[i] = n.x;
                    sim.nodes.y[i] = n.y;
                }
                sim.alpha = 0.0;
            }
            let root = group.cast::<web_sys::Element>();
            let found = |selector: &str| {
                root.as_ref()
                    .map(|r| indexed(r, selector))
                    .unwrap_or_default()
            };
            let labels = root.as_ref().map(read_labels).unwrap_or_default();
            // A view frozen by a press (which rendered nothing) stays frozen
            // for the next graph, as one frozen by a zoom does (the pins do
            // not carry over: the last layout's names stop saying so).
            let frozen = frozen.or_else(|| live.borrow().as_ref().and_then(|l| l.frozen));
            // A layout at rest is drawn where it is: a drag then writes
            // only what it moves.
            let mut drawn = Drawn::default();
            if !moving && !quiet {
                drawn.update(&sim.nodes.x, &sim.nodes.y, 0.0);
            }
            *live.borrow_mut() = Some(Live {
                sim,
                frame: None,
                graph: graph.clone(),
                nodes: found(".node"),
                edges: found(".edge"),
                bundles: Vec::new(),
                bundled: Rc::default(),
                labels,
                label_font: 0.0,
                view_w: f64::NAN,
                label_scale: 1.0,
                svg: svg.cast::<web_sys::Element>(),
                under: None,
                frozen,
                drawn,
                unit: 1.0,
                held: false,
                edges_stale: false,
                quiet,
                together: None,
                painted: 0,
            });
            if moving || quiet {
                start_loop(live.clone(), redraw);
            } else {
                redraw.force_update();
            }
            move || {
                // Dropping the frame handle cancels the pending frame. The
                // layout stays for the next graph to read its frozen view.
                if let Some(l) = live.borrow_mut().as_mut() {
                    l.frame = None;
                    l.forget_pins();
                }
            }
        });
    }
    (live, redraw)
}

/// Tell the live layout the view the reader has fixed, when it changes;
/// the layout units a screen pixel as last rendered (close enough for
/// the slack of a moving drawing), with the view's width and the labels'
/// font in drawing units; the labels and the ties drawn (under
/// the group and the SVG of bundled ties in `drawing`), with the ties in
/// each of the bundles in `ties`, all drawn where they are when the ties
/// from shared events are turned on or off (`ties.1`). When a network
/// laid out out of sight shows, or after a choice by keyboard, the
/// keyboard's focus goes back to the actor in `focused`.
#[hook]
pub fn use_view_of(
    live: &LiveRef,
    drawing: [&NodeRef; 2],
    frozen: Option<Fit>,
    scale: (f64, f64, f64),
    ties: (Rc<Vec<Bundle>>, bool),
    focused: Rc<RefCell<Focus>>,
) {
    let (unit, view_w, font) = scale;
    let (bundles, together) = ties;
    let [group, under] = drawing;
    {
        let live = live.clone();
        use_effect_with(frozen, move |frozen| {
            if let Some(l) = live.borrow_mut().as_mut() {
                l.frozen = *frozen;
            }
        });
    }
    let (live, group, under) = (live.clone(), group.clone(), under.clone());
    use_effect(move || {
        let shown = match (live.borrow_mut().as_mut(), group.cast::<web_sys::Element>()) {
            (Some(l), Some(root)) => {
                l.unit = unit;
                // A render may show other labels (the hovered actor's, say):
                // the animation moves and keeps in view the ones on screen.
                l.labels = read_labels(&root);
                l.painted = 0;
                (l.view_w, l.label_font, l.label_scale) = (view_w, font, 1.0);
                let shown = l.read_ties(&root, under.cast::<web_sys::Element>(), bundles.clone());
                // The ties drawn change with the shared-events toggle: move those.
                if l.together
                    .replace(together)
                    .is_some_and(|was| was != together)
                {
                    l.paint(true);
                }
                shown
            }
            _ => false,
        };
        // Read first: focusing the node runs the focus handler, which writes it.
        let (id, again) = {
            let mut f = focused.borrow_mut();
            (f.id.clone(), std::mem::take(&mut f.give_back))
        };
        if let (true, Some(id), Some(root)) = (shown || again, id, group.cast::<web_sys::Element>())
        {
            refocus(&indexed(&root, ".node"), &id);
        }
    });
}
