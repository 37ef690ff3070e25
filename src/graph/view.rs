//! The drawn network's arithmetic: the fitted view box, the reader's zoom
//! and pan on top of it, which actors get a label first, and each tie in
//! words. The component in `components::network` only reads pointers and
//! writes the results into the SVG.
//!
//! Units: "layout units" are the simulation's; the fitted view box maps them
//! to the frame, and [`Zoom`] scales and moves the drawing inside that box.
//! Pure: no browser types here.

use super::network::{EdgeKind, EdgeStyle, Graph, GraphEdge};
use crate::base::gather::{push_all, Gather};
use crate::base::labels::{place_within, text_size, Mark, Placement, Rect};
use crate::format::model::Dataset;
use crate::format::vocab::StatusState;
use crate::view::present::{self, plural};

pub use super::frame::Fit;
use super::frame::{Frame, LABEL_GAP_PX};

/// How far the +/− buttons and one wheel notch zoom.
pub const ZOOM_STEP: f64 = 1.25;
/// Label size on screen, in CSS pixels: never smaller. A small frame shows
/// fewer labels, not smaller ones.
pub const LABEL_PX: f64 = 11.0;
/// An arrowhead's length on screen, in CSS pixels: names keep this far
/// from its tip.
pub const ARROW_PX: f64 = 9.0;
/// The smallest a node is drawn, in screen pixels, as the radius of its
/// shape: every shape is then at least 4 px across, big enough to see.
pub const MIN_NODE_PX: f64 = 2.3;

/// The radius a node is drawn at, in layout units, at `unit` layout units
/// a pixel: its own, or the least that can be seen.
///
/// ```
/// use dossier::graph::view::drawn_radius;
/// assert_eq!(drawn_radius(10.0, 1.0), 10.0);
/// assert_eq!(drawn_radius(6.0, 4.0), 2.3 * 4.0);
/// ```
pub fn drawn_radius(radius: f64, unit: f64) -> f64 {
    radius.max(MIN_NODE_PX * unit)
}
/// Graphs larger than this hide the ties from shared events until the
/// reader asks for them: stated ties read better without them.
pub const TOGETHER_BY_DEFAULT_UP_TO: usize = 40;
/// From this many actors, every tie is dimmed but the focused actor's.
pub const BIG_NETWORK: usize = 200;

/// The stroke of a big network's bundled ties, in CSS pixels (see [`Bundle`]).
pub const HAIRLINE_PX: f64 = 1.0;
/// From this many ties drawn, those out of focus are drawn as a few
/// paths ([`Bundle`]), as they are in every big network.
pub const BUNDLE_TIES_FROM: usize = 500;
/// Graphs larger than this label only their busiest actors (more as the
/// reader zooms in).
pub const LABEL_ALL_UP_TO: usize = 80;
/// How many of the busiest actors are always labelled, on a phone as on a
/// desktop: with three on a phone, the first story's main person (fourth
/// by events) went unnamed in the crowded middle while actors of no event
/// were named in the free space around it.
pub const ALWAYS_LABELLED: usize = 5;
/// The smallest frame a network is laid out for, in CSS pixels a side.
pub const MIN_FRAME_PX: f64 = 160.0;

/// Pan and zoom, applied on top of the fitted view: a point (x, y) of the
/// drawing shows at (x · scale + tx, y · scale + ty) of the fitted box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zoom {
    pub scale: f64,
    pub tx: f64,
    pub ty: f64,
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
    /// Zoom by `factor` keeping the point (x, y) of the fitted view still;
    /// the scale stays within 0.2 to 8.
    ///
    /// ```
    /// use dossier::graph::view::Zoom;
    /// let z = Zoom::default().around(2.0, 100.0, 50.0);
    /// assert_eq!((z.scale, z.tx, z.ty), (2.0, -100.0, -50.0));
    /// assert_eq!(z.to_view(100.0, 50.0), (100.0, 50.0));
    /// ```
    pub fn around(self, factor: f64, x: f64, y: f64) -> Zoom {
        let scale = crate::base::num::clamp(self.scale * factor, 0.2, 8.0);
        let k = scale / self.scale;
        Zoom {
            scale,
            tx: x - (x - self.tx) * k,
            ty: y - (y - self.ty) * k,
        }
    }

    /// Where the drawing's point (x, y) shows in the fitted view.
    pub fn to_view(self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.tx, y * self.scale + self.ty)
    }

    /// Zoom by `factor` keeping the drawing's point (x, y) under the pointer.
    pub fn around_drawing(self, factor: f64, x: f64, y: f64) -> Zoom {
        let (vx, vy) = self.to_view(x, y);
        self.around(factor, vx, vy)
    }

    /// Move the drawing so that its point `from` shows where `to` was:
    /// the pointer keeps hold of the same point as it pans.
    pub fn pan(self, from: (f64, f64), to: (f64, f64)) -> Zoom {
        Zoom {
            tx: self.tx + (to.0 - from.0) * self.scale,
            ty: self.ty + (to.1 - from.1) * self.scale,
            ..self
        }
    }

    /// A pinch: one pointer moved from `old` to `new` while the other stays
    /// at `other` (all in drawing units). Scales by the change in distance
    /// about the midpoint; `None` when the fingers are too close to tell.
    pub fn pinch(self, old: (f64, f64), new: (f64, f64), other: (f64, f64)) -> Option<Zoom> {
        let before = crate::base::num::length(old.0 - other.0, old.1 - other.1);
        let after = crate::base::num::length(new.0 - other.0, new.1 - other.1);
        (before > 1.0).then(|| {
            let (cx, cy) = ((new.0 + other.0) / 2.0, (new.1 + other.1) / 2.0);
            self.around_drawing(after / before, cx, cy)
        })
    }

    /// A zoom at `scale` that shows the drawing's point (x, y) at the
    /// centre of the fitted box: where "Find an actor" takes the reader.
    ///
    /// ```
    /// use dossier::graph::view::Zoom;
    /// let z = Zoom::default().centre_on((0.0, 0.0, 200.0, 100.0), 30.0, 20.0, 2.0);
    /// assert_eq!(z.to_view(30.0, 20.0), (100.0, 50.0));
    /// ```
    pub fn centre_on(self, fit: Fit, x: f64, y: f64, scale: f64) -> Zoom {
        let scale = crate::base::num::clamp(scale, 0.2, 8.0);
        let (cx, cy) = (fit.0 + fit.2 / 2.0, fit.1 + fit.3 / 2.0);
        Zoom {
            scale,
            tx: cx - x * scale,
            ty: cy - y * scale,
        }
    }

    /// The drawing group's `transform`.
    pub fn transform(self) -> String {
        use crate::base::num::fixed;
        format!(
            "translate({} {}) scale({})",
            fixed(self.tx, 2),
            fixed(self.ty, 2),
            fixed(self.scale, 4)
        )
    }
}

/// Which actors may be labelled, most deserving first: the focused actor,
/// then the selected ones, then by `order` (busiest first). In graphs over
/// `limit` actors only the busiest that many are candidates; the rest are
/// in the list.
pub fn label_priority(
    g: &Graph,
    order: &[usize],
    focus: Option<usize>,
    selected: impl Fn(usize) -> bool,
    limit: usize,
) -> Vec<usize> {
    let label_all = g.nodes.len() <= limit;
    let busiest = {
        let mut e: Vec<usize> = g.nodes.iter().map(|n| n.weight).gather();
        crate::base::order::sort_by(&mut e, |a, b| b.cmp(a));
        e.get(limit.min(e.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };
    let mut priority: Vec<usize> = focus.into_iter().gather();
    push_all(
        &mut priority,
        order
            .iter()
            .copied()
            .filter(|&i| selected(i) && Some(i) != focus),
    );
    push_all(
        &mut priority,
        order.iter().copied().filter(|&i| {
            !selected(i) && Some(i) != focus && (label_all || g.nodes[i].weight >= busiest)
        }),
    );
    priority
}

/// How many drawing units one CSS pixel is, for a view box `fit` (in the
/// frame's aspect, as [`Frame::fit`] makes it) drawn `width` pixels wide,
/// with the reader's zoom.
///
/// ```
/// use dossier::graph::view::{units_per_px, Zoom};
/// // 400 units across 200 px: two units a pixel; zoomed in twice, one.
/// assert_eq!(units_per_px((0.0, 0.0, 400.0, 300.0), 200.0, Zoom::default()), 2.0);
/// let z = Zoom::default().around(2.0, 0.0, 0.0);
/// assert_eq!(units_per_px((0.0, 0.0, 400.0, 300.0), 200.0, z), 1.0);
/// ```
pub fn units_per_px(fit: Fit, width: f64, zoom: Zoom) -> f64 {
    fit.2 / width.max(1.0) / zoom.scale
}

/// How far a node may drift, in screen pixels, before a moving layout
/// draws it again: a third of a pixel is below what the eye sees, and
/// most of a big network barely moves while one of its actors is dragged.
pub const REDRAW_PX: f64 = 0.33;

/// Where each node was last drawn, so that a moving layout writes only the
/// nodes that moved (writing a thousand positions a frame costs more than
/// the frame). The layout at rest is drawn exactly.
#[derive(Default)]
pub struct Drawn {
    at: Vec<(f64, f64)>,
    /// Which nodes the last [`Drawn::update`] redrew.
    pub moved: Vec<bool>,
}

impl Drawn {
    /// Marks the nodes at `xs`, `ys` that are more than `slack` (layout
    /// units) from where they were last drawn, or were never drawn, and
    /// takes their positions as drawn. Returns how many there are.
    ///
    /// ```
    /// let mut d = dossier::graph::view::Drawn::default();
    /// assert_eq!(d.update(&[0.0, 5.0], &[0.0, 0.0], 1.0), 2);
    /// assert_eq!(d.update(&[0.5, 7.0], &[0.0, 0.0], 1.0), 1);
    /// assert_eq!(d.moved, [false, true]);
    /// ```
    pub fn update(&mut self, xs: &[f64], ys: &[f64], slack: f64) -> usize {
        let n = xs.len().min(ys.len());
        self.at.resize(n, (f64::NAN, f64::NAN));
        self.moved.clear();
        self.moved.resize(n, false);
        let mut count = 0;
        for (i, at) in self.at.iter_mut().enumerate() {
            let (x, y) = (xs[i], ys[i]);
            let (dx, dy) = (x - at.0, y - at.1);
            // Never drawn (NaN) counts as moved.
            let near = dx * dx + dy * dy <= slack * slack;
            if !near {
                *at = (x, y);
                self.moved[i] = true;
                count += 1;
            }
        }
        count
    }

    /// Forget what was drawn: the next update draws every node (after
    /// Yew has rendered the elements afresh).
    pub fn forget(&mut self) {
        self.at.clear();
    }
}

/// A tie's stroke on screen, in CSS pixels: a stated tie 2 px, a tie of
/// shared events wider with the square root of how many it shares.
pub fn edge_width(kind: &EdgeKind) -> f64 {
    match kind {
        EdgeKind::Together(events) => 0.75 + 0.5 * (events.len() as f64).sqrt(),
        EdgeKind::Relation(_) => 2.0,
    }
}

/// Ties drawn as one path. In a big network the ties no one is looking
/// at are a few paths, one per style (one per style and width in a
/// smaller network with many ties), rather than an element each: a
/// hover or a drag then rewrites a handful of elements, not thousands,
/// and hiding them while the layout moves is cheap. The
/// focused actor's ties are drawn one by one, with their arrows and their
/// titles.
///
/// A big network's bundles are faint context, drawn as hairlines of
/// [`HAIRLINE_PX`]: a browser paints a line a pixel wide or less by a fast
/// path, and a wider one (or a dashed one) over thousands of ties costs it
/// ten times the paint, at every hover. A tie's weight shows when it is lit.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub style: EdgeStyle,
    /// The stroke, in CSS pixels, to a quarter of a pixel.
    pub width: f64,
    /// Indices into the graph's edges.
    pub edges: Vec<usize>,
}

impl Bundle {
    /// Whether a graph drawing `shown` of its ties draws those out of
    /// focus as bundles: in a big network every one of them, and in a
    /// smaller one with many ties those without a direction (a directed
    /// tie keeps its arrow).
    pub fn wanted(g: &Graph, shown: usize) -> impl Fn(usize) -> bool + '_ {
        let big = g.nodes.len() >= BIG_NETWORK;
        let many = big || shown >= BUNDLE_TIES_FROM;
        move |k| many && (big || !g.edges[k].directed)
    }

    /// The ties of `g` for which `bundled` holds, grouped by style and by
    /// width, in the legend's order of styles and then from thin to wide.
    pub fn group(g: &Graph, bundled: impl Fn(usize) -> bool) -> Vec<Bundle> {
        let mut out: Vec<Bundle> = Vec::new();
        let hairline = g.nodes.len() >= BIG_NETWORK;
        for (k, e) in g.edges.iter().enumerate().filter(|&(k, _)| bundled(k)) {
            let width = if hairline {
                HAIRLINE_PX
            } else {
                (edge_width(&e.kind) * 4.0).round() / 4.0
            };
            // Kept in order as they are made: a few dozen bundles at most,
            // and a sort would add its code to the reader's download.
            let place = (e.style, width);
            let at = out.partition_point(|b| (b.style, b.width) < place);
            match out.get_mut(at) {
                Some(b) if (b.style, b.width) == place => b.edges.push(k),
                _ => out.insert(
                    at,
                    Bundle {
                        style: e.style,
                        width,
                        edges: vec![k],
                    },
                ),
            }
        }
        out
    }

    /// Every tie of the bundle, as one SVG path.
    pub fn path(&self, g: &Graph, xs: &[f64], ys: &[f64]) -> String {
        let mut d = String::with_capacity(self.edges.len() * 28);
        for &k in &self.edges {
            g.edge_geometry(k, xs, ys).write_path(&mut d);
        }
        d
    }

    /// Whether a tie of the bundle ends at a node for which `moved` holds.
    pub fn touches(&self, g: &Graph, moved: impl Fn(usize) -> bool) -> bool {
        self.edges.iter().any(|&k| {
            let e = &g.edges[k];
            moved(e.source) || moved(e.target)
        })
    }
}

/// The frame for a graph drawn `width` × `height` CSS pixels: the busiest
/// actors' names ([`ALWAYS_LABELLED`]) are the ones the layout makes room
/// for.
pub fn frame_for(ds: &Dataset, g: &Graph, width: f64, height: f64) -> Frame {
    let labels = g
        .tab_order(ds)
        .into_iter()
        .take(ALWAYS_LABELLED)
        .map(|i| {
            let (w, h) = text_size(&ds.actors[g.nodes[i].actor].name, LABEL_PX);
            (i, w, h)
        })
        .gather();
    // A frame is never drawn smaller than this: a size read while the
    // element is hidden or detached (0 × 0, or a width with no height yet)
    // would make every name larger than the frame and blow the layout up.
    Frame {
        width: width.max(MIN_FRAME_PX),
        height: height.max(MIN_FRAME_PX),
        labels,
    }
}

/// The part of the drawing the reader sees: the fitted box, through the zoom.
pub fn visible(fit: Fit, zoom: Zoom) -> Fit {
    (
        (fit.0 - zoom.tx) / zoom.scale,
        (fit.1 - zoom.ty) / zoom.scale,
        fit.2 / zoom.scale,
        fit.3 / zoom.scale,
    )
}

/// The view box for nodes at `xs`, `ys`, in the graph's frame: the same
/// whether the render or the animation asks, so the view never jumps
/// between the two. It holds the always-labelled names; other labels are
/// placed inside it and never widen it.
pub fn fit_view(g: &Graph, xs: &[f64], ys: &[f64]) -> Fit {
    let radii: Vec<f64> = g.nodes.iter().map(|n| n.radius).gather();
    g.frame.fit(xs, ys, &radii)
}

/// The labels that fit, in priority order, at the nodes' positions: one
/// mark per node, and where each label goes (or `None`: no free place in
/// view, and the list carries it).
pub struct Labels {
    pub marks: Vec<Mark>,
    pub at: Vec<Option<Placement>>,
    /// The font size in drawing units that shows as [`LABEL_PX`] on screen.
    pub font: f64,
}

impl Labels {
    /// Place the labels at `unit` drawing units per CSS pixel, inside `view`;
    /// the first `must` in `priority` may cover nodes if nothing else is free.
    pub fn place(
        ds: &Dataset,
        g: &Graph,
        (xs, ys): (&[f64], &[f64]),
        (priority, must): (&[usize], usize),
        unit: f64,
        view: Fit,
    ) -> Labels {
        // Written in tenths: rounded up, so as never to show below 11 px.
        let font = crate::base::svg::tenth_up(LABEL_PX * unit);
        let mut marks: Vec<Mark> = g
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let (width, height) = text_size(&ds.actors[n.actor].name, font);
                Mark {
                    x: xs[i],
                    y: ys[i],
                    radius: n.radius,
                    width,
                    height,
                }
            })
            .gather();
        // Arrowheads are marks too, with no label: names keep off them.
        push_all(
            &mut marks,
            g.arrow_tips(xs, ys).into_iter().map(|(x, y)| Mark {
                x,
                y,
                radius: ARROW_PX * unit,
                width: 0.0,
                height: 0.0,
            }),
        );
        let bounds = Rect {
            x0: view.0,
            y0: view.1,
            x1: view.0 + view.2,
            y1: view.1 + view.3,
        };
        let mut at = place_within(&marks, priority, LABEL_GAP_PX * unit, Some(bounds), must);
        marks.truncate(g.nodes.len());
        at.truncate(g.nodes.len());
        Labels { marks, at, font }
    }
}

/// A tie in words: "Hassan Nasrallah leads Hezbollah: “…” (Al-Monitor,
/// paragraph 1)", or "Hamas and Hezbollah: together in 3 events".
pub fn edge_label(ds: &Dataset, g: &Graph, e: &GraphEdge) -> String {
    let name = |n: usize| ds.actors[g.nodes[n].actor].name.as_str();
    match &e.kind {
        EdgeKind::Relation(r) => {
            let rel = &ds.relations[*r];
            let mut s = format!("{} {} {}", name(e.source), rel.kind.label(), name(e.target));
            if rel.events.len() > 1 {
                s.push_str(&format!(" in {} events", rel.events.len()));
            }
            // Every source that states the tie, each with its words.
            for (k, p) in rel.provenance.iter().enumerate() {
                s.push_str(&format!(
                    "{}“{}” ({}, paragraph {})",
                    if k == 0 { ": " } else { "; " },
                    p.quote,
                    present::attribution(ds, p),
                    p.paragraph
                ));
            }
            s
        }
        EdgeKind::Together(events) => {
            // Whose word the shared events rest on, when it is not plain
            // reporting: "(1 alleged, 1 denied)".
            let mut said: Vec<(&str, usize)> = Vec::new();
            for &i in events {
                let s = ds.status_of(&ds.events[i]);
                let words = [
                    (s.state != StatusState::Reported).then_some(s.state.as_str()),
                    (!s.denied_by.is_empty()).then_some("denied"),
                    (!s.not_acknowledged_by.is_empty()).then_some("not acknowledged"),
                ];
                for w in words.into_iter().flatten() {
                    match said.iter_mut().find(|(k, _)| *k == w) {
                        Some((_, n)) => *n += 1,
                        None => said.push((w, 1)),
                    }
                }
            }
            let said: Vec<String> = said.iter().map(|(w, n)| format!("{n} {w}")).gather();
            let mut s = format!(
                "{} and {}: together in {}",
                name(e.source),
                name(e.target),
                plural(events.len(), "event", "events")
            );
            if !said.is_empty() {
                s.push_str(&format!(" ({})", crate::base::text::join(&said, ", ")));
            }
            s
        }
    }
}

/// What the network's parts read from one graph, computed once per graph
/// rather than once per frame.
pub struct Described {
    /// Each edge in words, with its quote and source.
    pub titles: Vec<String>,
    /// Node indices, busiest actors first: the tab order and the list's.
    pub order: Vec<usize>,
    /// For each node, the indices of its edges.
    pub ties: Vec<Vec<usize>>,
}

impl Described {
    pub fn of(ds: &Dataset, g: &Graph) -> Self {
        Described {
            titles: g.edges.iter().map(|e| edge_label(ds, g, e)).gather(),
            order: g.tab_order(ds),
            ties: g.ties_by_node(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::story::first_story;
    use crate::graph::network::GraphNode;

    /// The bundled story's graph of every event, laid out, with its positions.
    fn first_story_laid_out() -> (Dataset, Graph, Vec<f64>, Vec<f64>) {
        let ds = first_story().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let mut g = Graph::build(&ds, &all, true, &[]);
        g.lay_out(1);
        let (xs, ys) = g.nodes.iter().map(|n| (n.x, n.y)).unzip();
        (ds, g, xs, ys)
    }

    /// A crowd's always-named actors stay in the crowd on a phone: the
    /// room their names need does not throw them to its edge. Each has at
    /// least a tenth of the nodes on each of its four sides.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_crowd_s_named_actors_stay_in_it_on_a_phone() {
        let ds = crate::import::shapes::story("network-250").expect("a JSON fixture");
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let mut g = Graph::build(&ds, &all, true, &[]);
        g.frame = frame_for(&ds, &g, 327.0, 406.0);
        g.fit_spread(1);
        g.lay_out(1);
        let named: Vec<usize> = g.frame.labels.iter().map(|&(i, _, _)| i).collect();
        assert!(named.len() >= 3, "{} named", named.len());
        let n = g.nodes.len();
        for i in named {
            let (x, y) = (g.nodes[i].x, g.nodes[i].y);
            let name = &ds.actors[g.nodes[i].actor].name;
            let sides = [
                ("above", g.nodes.iter().filter(|o| o.y < y).count()),
                ("below", g.nodes.iter().filter(|o| o.y > y).count()),
                ("left of", g.nodes.iter().filter(|o| o.x < x).count()),
                ("right of", g.nodes.iter().filter(|o| o.x > x).count()),
            ];
            for (side, count) in sides {
                assert!(count * 10 >= n, "{name}: {count} of {n} nodes {side} it");
            }
        }
    }

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn zooming_keeps_the_point_under_it_still() {
        let z = Zoom::default()
            .around(1.5, 30.0, -20.0)
            .around(0.7, 5.0, 8.0);
        for (x, y) in [(0.0, 0.0), (123.0, -45.0)] {
            let (vx, vy) = z.to_view(x, y);
            let after = z.around_drawing(ZOOM_STEP, x, y);
            assert!(close(after.to_view(x, y), (vx, vy)));
        }
    }

    #[test]
    fn zoom_is_clamped_and_a_clamped_step_does_not_move_the_drawing() {
        let z = Zoom::default().around(100.0, 10.0, 10.0);
        assert_eq!(z.scale, 8.0);
        let again = z.around(2.0, 50.0, 50.0);
        assert_eq!(again, z, "at the limit, a step changes nothing");
        assert_eq!(Zoom::default().around(0.001, 0.0, 0.0).scale, 0.2);
    }

    #[test]
    fn panning_keeps_hold_of_the_point_under_the_pointer() {
        let z = Zoom::default().around(2.0, 0.0, 0.0);
        let from = (10.0, 10.0);
        let seen = z.to_view(from.0, from.1);
        // The pointer moved by (6, -4) view units: (3, -2) drawing units at scale 2.
        let moved = z.pan(from, (13.0, 8.0));
        assert!(close(
            moved.to_view(from.0, from.1),
            (seen.0 + 6.0, seen.1 - 4.0)
        ));
    }

    #[test]
    fn a_pinch_scales_by_the_change_in_distance() {
        let z = Zoom::default();
        let wider = z.pinch((10.0, 0.0), (20.0, 0.0), (0.0, 0.0)).unwrap();
        assert!((wider.scale - 2.0).abs() < 1e-12);
        // The midpoint of the fingers stays still.
        assert!(close(wider.to_view(10.0, 0.0), z.to_view(10.0, 0.0)));
        assert_eq!(z.pinch((0.5, 0.0), (9.0, 0.0), (0.0, 0.0)), None);
    }

    #[test]
    fn the_fitted_box_holds_every_node() {
        let (_, g, xs, ys) = first_story_laid_out();
        let f = fit_view(&g, &xs, &ys);
        for (i, n) in g.nodes.iter().enumerate() {
            assert!(f.0 <= xs[i] - n.radius && xs[i] + n.radius <= f.0 + f.2);
            assert!(f.1 <= ys[i] - n.radius && ys[i] + n.radius <= f.1 + f.3);
        }
    }

    #[test]
    fn labels_are_eleven_pixels_inside_the_view_and_fewer_on_a_phone() {
        let (ds, g, xs, ys) = first_story_laid_out();
        let order = g.tab_order(&ds);
        let priority = label_priority(&g, &order, None, |_| false, LABEL_ALL_UP_TO);
        let fit = fit_view(&g, &xs, &ys);
        let place = |width: f64, z: Zoom| {
            let unit = units_per_px(fit, width, z);
            let view = visible(fit, z);
            let labels = Labels::place(&ds, &g, (&xs, &ys), (&priority, 3), unit, view);
            // 11 CSS pixels, whatever the frame and the zoom: as written (in
            // tenths), never below.
            assert!(labels.font / unit >= LABEL_PX - 1e-9);
            assert!(labels.font - LABEL_PX * unit < 0.1 + 1e-9);
            for (m, p) in labels.marks.iter().zip(&labels.at) {
                if let Some(p) = p {
                    let b = crate::base::labels::label_box(m, p, 3.0 * unit);
                    assert!(b.0 >= view.0 && b.2 <= view.0 + view.2, "inside the view");
                    assert!(b.1 >= view.1 && b.3 <= view.1 + view.3, "inside the view");
                }
            }
            labels
        };
        let count = |l: &Labels, only: &dyn Fn(usize) -> bool| {
            (0..g.nodes.len())
                .filter(|&i| only(i) && l.at[i].is_some())
                .count()
        };
        let phone = place(327.0, Zoom::default());
        let desktop = place(842.0, Zoom::default());
        let (p, d) = (count(&phone, &|_| true), count(&desktop, &|_| true));
        assert!(p < d, "{p} labels at 327 px, {d} at 842 px");
        assert!(
            p >= 3,
            "the busiest actors keep their labels on a phone: {p}"
        );
        // Zooming in makes room: more of the actors in view are labelled.
        let z = Zoom::default().around(2.0, fit.0 + fit.2 / 2.0, fit.1 + fit.3 / 2.0);
        let zoomed = place(327.0, z);
        let v = visible(fit, z);
        let in_view =
            |i: usize| xs[i] > v.0 && xs[i] < v.0 + v.2 && ys[i] > v.1 && ys[i] < v.1 + v.3;
        let (before, after) = (count(&phone, &in_view), count(&zoomed, &in_view));
        assert!(
            after > before,
            "{after} labels in view zoomed in, {before} before"
        );
    }

    fn star(n: usize) -> Graph {
        Graph {
            nodes: (0..n)
                .map(|i| GraphNode {
                    actor: i,
                    shape: crate::graph::network::NodeShape::Circle,
                    events: n - i,
                    weight: n - i,
                    radius: 5.0,
                    x: 0.0,
                    y: 0.0,
                })
                .collect(),
            edges: Vec::new(),
            frame: Frame::default(),
            spread: 1.0,
        }
    }

    #[test]
    fn labels_go_to_focus_then_selection_then_the_busiest() {
        let g = star(5);
        let order = [0, 1, 2, 3, 4];
        let p = label_priority(&g, &order, Some(3), |i| i == 4, LABEL_ALL_UP_TO);
        assert_eq!(p, vec![3, 4, 0, 1, 2]);
        assert_eq!(
            label_priority(&g, &order, None, |_| false, LABEL_ALL_UP_TO),
            order
        );
    }

    #[test]
    fn a_big_graph_labels_only_its_busiest_unless_focused_or_selected() {
        let g = star(200);
        let order: Vec<usize> = (0..200).collect();
        let p = label_priority(&g, &order, Some(190), |i| i == 150, LABEL_ALL_UP_TO);
        assert_eq!(&p[..2], &[190, 150]);
        assert_eq!(
            p.len(),
            2 + LABEL_ALL_UP_TO + 1,
            "the busiest 81, by events"
        );
        assert!(p[2..].iter().all(|&i| i <= LABEL_ALL_UP_TO));
    }

    #[test]
    fn ties_read_as_sentences_with_their_source() {
        let ds = first_story().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let g = Graph::build(&ds, &all, true, &[]);
        let d = Described::of(&ds, &g);
        assert_eq!(d.titles.len(), g.edges.len());
        let relation = g
            .edges
            .iter()
            .position(|e| matches!(e.kind, EdgeKind::Relation(_)))
            .expect("the first story states relations");
        let t = &d.titles[relation];
        assert!(t.contains(": “") && t.contains(", paragraph "), "{t}");
        // A tie two sources state cites both.
        let twice = g
            .edges
            .iter()
            .position(
                |e| matches!(e.kind, EdgeKind::Relation(r) if ds.relations[r].provenance.len() > 1),
            )
            .expect("the first story has a tie with two sources");
        let t = &d.titles[twice];
        let EdgeKind::Relation(r) = g.edges[twice].kind else {
            unreachable!()
        };
        for p in &ds.relations[r].provenance {
            assert!(t.contains(&format!("“{}”", p.quote)), "{t}");
        }
        assert_eq!(
            t.matches(", paragraph ").count(),
            ds.relations[r].provenance.len()
        );
        let together = g
            .edges
            .iter()
            .position(|e| matches!(&e.kind, EdgeKind::Together(v) if v.len() > 1))
            .expect("some pair shares several events");
        assert!(
            d.titles[together].contains(" events"),
            "{}",
            d.titles[together]
        );
        assert_eq!(d.order.len(), g.nodes.len());
        assert!(d.ties.iter().map(Vec::len).sum::<usize>() >= g.edges.len());
    }

    #[test]
    fn a_slow_drift_is_drawn_once_it_adds_up_and_rest_is_drawn_exactly() {
        let mut d = Drawn::default();
        assert_eq!(
            d.update(&[0.0, 10.0], &[0.0, 10.0], 1.0),
            2,
            "first drawing"
        );
        // 0.4 a frame: drawn at the third step (1.2 from where it was drawn),
        // and measured from there afterwards.
        let drawn: Vec<usize> = (1..=6)
            .map(|k| d.update(&[0.4 * k as f64, 10.0], &[0.0, 10.0], 1.0))
            .collect();
        assert_eq!(drawn, [0, 0, 1, 0, 0, 1]);
        // At rest the slack is nothing: any change is drawn, no change is not.
        assert_eq!(d.update(&[2.41, 10.0], &[0.0, 10.0], 0.0), 1);
        assert_eq!(d.update(&[2.41, 10.0], &[0.0, 10.0], 0.0), 0);
        d.forget();
        assert_eq!(d.update(&[2.41, 10.0], &[0.0, 10.0], 1.0), 2);
        assert_eq!(d.moved, [true, true]);
    }

    #[test]
    fn ties_out_of_focus_are_a_few_paths_that_hold_every_one_of_them() {
        let (_, g, xs, ys) = first_story_laid_out();
        // The first node's ties are in focus: drawn on their own.
        let mine = |k: usize| g.edges[k].source == 0 || g.edges[k].target == 0;
        let bundles = Bundle::group(&g, |k| !mine(k));
        let mut bundled: Vec<usize> = bundles.iter().flat_map(|b| b.edges.clone()).collect();
        bundled.sort_unstable();
        let expected: Vec<usize> = (0..g.edges.len()).filter(|&k| !mine(k)).collect();
        assert_eq!(bundled, expected, "every tie out of focus, once");
        assert!(
            bundles.len() < expected.len() / 2,
            "{} bundles",
            bundles.len()
        );
        for b in &bundles {
            assert!(b.edges.iter().all(|&k| g.edges[k].style == b.style));
            assert!(b
                .edges
                .iter()
                .all(|&k| (edge_width(&g.edges[k].kind) - b.width).abs() <= 0.125));
            let d = b.path(&g, &xs, &ys);
            assert_eq!(d.matches('M').count(), b.edges.len(), "{d}");
            // The same ties as each drawn alone.
            let alone: String = b
                .edges
                .iter()
                .map(|&k| g.edge_geometry(k, &xs, &ys).path())
                .collect();
            assert_eq!(d, alone);
            assert!(!b.touches(&g, |i| i == 0));
        }
        for pair in bundles.windows(2) {
            assert!((pair[0].style, pair[0].width) < (pair[1].style, pair[1].width));
        }
        assert!(bundles.iter().any(|b| b.touches(&g, |i| i == 1)));
        // So few ties are each drawn alone; a big network bundles them all.
        let wanted = Bundle::wanted(&g, g.edges.len());
        assert!((0..g.edges.len()).all(|k| !wanted(k)));
        let mut big = star(BIG_NETWORK);
        big.edges = g.edges.clone();
        assert!(big.edges.iter().any(|e| e.directed));
        let wanted = Bundle::wanted(&big, 1);
        assert!((0..big.edges.len()).all(&wanted));
        // Its bundles are hairlines, one a style.
        let hairlines = Bundle::group(&big, |_| true);
        assert!(hairlines.iter().all(|b| b.width == HAIRLINE_PX));
        let mut styles: Vec<EdgeStyle> = big.edges.iter().map(|e| e.style).collect();
        styles.sort_unstable();
        styles.dedup();
        assert_eq!(hairlines.len(), styles.len());
    }
}
