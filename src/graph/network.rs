//! The actor network: which actors to draw, which ties between them, and
//! where, for the events the reader's filters let through.
//!
//! Nodes are the actors of the visible events, plus, when no filter is on,
//! every actor the story names. Edges are the dataset's relations between
//! drawn actors, and co-participation: two actors in the same visible event,
//! weighted by how many they share. Positions come from [`crate::graph::layout`],
//! run to rest, so the same story and filters always give the same picture.
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::base::hash::NameMap;
use crate::base::num::fixed;
use crate::base::order::sort_by_key;
use crate::format::model::Dataset;
use crate::format::vocab::{ActorKind, RelationFamily, RelationKind};
use crate::graph::frame::Frame;
use crate::graph::layout::center::Center;
use crate::graph::layout::collide::Collide;
use crate::graph::layout::label_room::LabelRoom;
use crate::graph::layout::link::{Link, LinkForce};
use crate::graph::layout::many_body::ManyBody;
use crate::graph::layout::position::Position;
use crate::graph::layout::Simulation;

/// How an actor is drawn: its shape says its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeShape {
    /// People.
    Circle,
    /// Armed groups, political movements, militaries.
    Square,
    /// States and government bodies.
    Diamond,
    /// Alliances.
    Hexagon,
    /// Media outlets and news agencies.
    Triangle,
    /// A kind a newsroom added (`x-community`): a neutral octagon, named in
    /// the kind's own words.
    Octagon,
}

impl NodeShape {
    pub fn of(kind: &ActorKind) -> Self {
        use ActorKind::*;
        match kind {
            Person => NodeShape::Circle,
            ArmedGroup | PoliticalMovement | Military => NodeShape::Square,
            Custom(_) => NodeShape::Octagon,
            State | GovernmentBody => NodeShape::Diamond,
            Alliance => NodeShape::Hexagon,
            MediaOutlet | NewsAgency => NodeShape::Triangle,
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            NodeShape::Circle => "Person",
            NodeShape::Square => "Armed group, movement or military",
            NodeShape::Diamond => "State or government body",
            NodeShape::Hexagon => "Alliance",
            NodeShape::Triangle => "Media or news agency",
            NodeShape::Octagon => "Other kind",
        }
    }

    /// The name of the shape's kind, as its `data-shape`: `person`, `group`…
    pub fn class(&self) -> &'static str {
        match self {
            NodeShape::Circle => "person",
            NodeShape::Square => "group",
            NodeShape::Diamond => "state",
            NodeShape::Hexagon => "alliance",
            NodeShape::Triangle => "media",
            NodeShape::Octagon => "other",
        }
    }

    /// The shapes of the format's own kinds, as the legend lists them;
    /// the octagon draws every added kind, listed once with all their
    /// names.
    pub const ALL: [NodeShape; 5] = [
        NodeShape::Circle,
        NodeShape::Square,
        NodeShape::Diamond,
        NodeShape::Hexagon,
        NodeShape::Triangle,
    ];

    /// How far the shape reaches from its centre, as a multiple of `r` in
    /// [`NodeShape::path`]: its corners stick out past the equal-area circle.
    pub fn reach(&self) -> f64 {
        match self {
            NodeShape::Circle => 1.0,
            NodeShape::Square => 0.886 * std::f64::consts::SQRT_2,
            NodeShape::Diamond => 1.253,
            NodeShape::Hexagon => 1.1,
            NodeShape::Triangle => 1.555,
            NodeShape::Octagon => 1.054,
        }
    }

    /// How far the shape's outline is from its centre in the direction
    /// (ux, uy) (a unit vector), for a shape of size `r` as in
    /// [`NodeShape::path`]: where a tie's arrow should stop.
    ///
    /// ```
    /// use dossier::graph::network::NodeShape;
    /// assert_eq!(NodeShape::Circle.edge_distance(10.0, 0.6, 0.8), 10.0);
    /// // A square's side is nearer than its corner.
    /// let side = NodeShape::Square.edge_distance(10.0, 1.0, 0.0);
    /// let corner = NodeShape::Square.edge_distance(10.0, 0.7071, 0.7071);
    /// assert!((side - 8.86).abs() < 1e-9 && corner > 12.0);
    /// ```
    pub fn edge_distance(&self, r: f64, ux: f64, uy: f64) -> f64 {
        let (ax, ay) = (ux.abs(), uy.abs());
        match self {
            NodeShape::Circle => r,
            NodeShape::Square => r * 0.886 / ax.max(ay).max(1e-6),
            NodeShape::Diamond => r * 1.253 / (ax + ay).max(1e-6),
            // Near enough for the rest: between their inner and outer radii.
            other => r * (1.0 + other.reach()) / 2.0,
        }
    }

    /// An SVG path of this shape centred on the origin, with about the area
    /// of a circle of radius `r`, so that size and not shape says importance.
    pub fn path(&self, r: f64) -> String {
        let pts = |points: &[(f64, f64)]| {
            let mut d = String::new();
            for (i, (x, y)) in points.iter().enumerate() {
                let to = if i == 0 { 'M' } else { 'L' };
                d.push_str(&format!("{to}{},{}", fixed(*x, 2), fixed(*y, 2)));
            }
            d.push('Z');
            d
        };
        match self {
            NodeShape::Circle => {
                let (r, minus) = (fixed(r, 2), fixed(-r, 2));
                format!("M{r},0A{r},{r} 0 1,1 {minus},0A{r},{r} 0 1,1 {r},0Z")
            }
            NodeShape::Square => {
                let s = r * 0.886; // half-side of a square with the circle's area
                pts(&[(-s, -s), (s, -s), (s, s), (-s, s)])
            }
            NodeShape::Diamond => {
                let s = r * 1.253;
                pts(&[(0.0, -s), (s, 0.0), (0.0, s), (-s, 0.0)])
            }
            NodeShape::Hexagon => {
                let s = r * 1.1;
                let p: Vec<(f64, f64)> = (0..6)
                    .map(|k| {
                        let a = std::f64::consts::PI / 3.0 * k as f64;
                        {
                            let (sin, cos) = crate::base::num::sin_cos(a);
                            (s * cos, s * sin)
                        }
                    })
                    .gather();
                pts(&p)
            }
            NodeShape::Triangle => {
                let s = r * 1.555;
                pts(&[(0.0, -s), (s * 0.866, s * 0.5), (-s * 0.866, s * 0.5)])
            }
            NodeShape::Octagon => {
                // A regular octagon of the circle's area has circumradius 1.054 r.
                let s = r * 1.054;
                let p: Vec<(f64, f64)> = (0..8)
                    .map(|k| {
                        let a = std::f64::consts::PI / 8.0 * (2 * k + 1) as f64;
                        {
                            let (sin, cos) = crate::base::num::sin_cos(a);
                            (s * cos, s * sin)
                        }
                    })
                    .gather();
                pts(&p)
            }
        }
    }
}

/// What an edge stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum EdgeKind {
    /// A relation the text states, by index into `dataset.relations`.
    Relation(usize),
    /// Both actors take part in these visible events (indices into `dataset.events`).
    Together(Vec<usize>),
}

/// How an edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeStyle {
    Structure,
    Alliance,
    Meeting,
    Hostility,
    Together,
    /// A kind a newsroom added, named in the legend in its own words.
    Other,
}

impl EdgeStyle {
    pub fn label(&self) -> &'static str {
        match self {
            EdgeStyle::Structure => "Leads, member of, part of",
            EdgeStyle::Alliance => "Allied with",
            EdgeStyle::Meeting => "Met with",
            EdgeStyle::Hostility => "Attacked, killed or fought (arrow towards the target)",
            EdgeStyle::Together => "In the same events (thicker: more)",
            EdgeStyle::Other => "Other tie",
        }
    }

    pub fn class(&self) -> &'static str {
        match self {
            EdgeStyle::Structure => "structure",
            EdgeStyle::Alliance => "alliance",
            EdgeStyle::Meeting => "meeting",
            EdgeStyle::Hostility => "hostility",
            EdgeStyle::Together => "together",
            EdgeStyle::Other => "other",
        }
    }

    /// The styles of the format's own kinds, as the legend lists them; the
    /// neutral style draws every added kind, listed once with all their
    /// names.
    pub const ALL: [EdgeStyle; 5] = [
        EdgeStyle::Structure,
        EdgeStyle::Alliance,
        EdgeStyle::Meeting,
        EdgeStyle::Hostility,
        EdgeStyle::Together,
    ];
}

/// A tie's line: from its source's centre to its end, through `control`
/// (a quadratic curve) when it shares its pair with other ties.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeGeometry {
    pub start: (f64, f64),
    pub control: Option<(f64, f64)>,
    pub end: (f64, f64),
}

impl EdgeGeometry {
    /// The SVG path: "M x,y L x,y" or "M x,y Q cx,cy x,y".
    pub fn path(&self) -> String {
        let mut d = String::new();
        self.write_path(&mut d);
        d
    }

    /// [`EdgeGeometry::path`], written at the end of `d`: many ties can
    /// share one path.
    pub fn write_path(&self, d: &mut String) {
        use crate::base::svg::num;
        let mut point = |to: char, (x, y): (f64, f64)| {
            d.push(to);
            d.push_str(&num(x));
            d.push(',');
            d.push_str(&num(y));
        };
        point('M', self.start);
        match self.control {
            None => point('L', self.end),
            Some(c) => {
                point('Q', c);
                point(' ', self.end);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GraphNode {
    /// Index into `dataset.actors`.
    pub actor: usize,
    /// How it is drawn, from the actor's kind.
    pub shape: NodeShape,
    /// Visible events the actor takes part in.
    pub events: usize,
    /// How busy it is: its visible events, each counted five times, and its
    /// ties drawn that a sentence states rather than events (those count
    /// in them). A research network's hub may be in no event at all; its
    /// ties name it first and put it early in the tab order, where in a
    /// story told in events an actor in them comes before one only named
    /// in their ties.
    pub weight: usize,
    /// Drawn radius, in layout units: grows with the square root of `events`.
    pub radius: f64,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GraphEdge {
    /// Node indices.
    pub source: usize,
    pub target: usize,
    pub kind: EdgeKind,
    pub style: EdgeStyle,
    /// Whether `source → target` means something different from the reverse.
    pub directed: bool,
    /// How far this tie bows away from the straight line, in lanes: 0 for
    /// a pair's only tie; ±0.5, ±1… for several between one pair, so that
    /// each is its own curve with its own arrow.
    pub bend: f64,
    /// Whether the tie pulls its ends together in the layout. A tie made
    /// from the events a pair shares (an import's "fought") says again
    /// what their tie of shared events says, and pulls once, through it.
    pub pulls: bool,
}

impl GraphEdge {
    /// Whether the tie is drawn: a tie of shared events only while those
    /// are shown (`together_on`), any other always.
    pub fn drawn(&self, together_on: bool) -> bool {
        together_on || !matches!(self.kind, EdgeKind::Together(_))
    }

    /// The stable markup key: the relation id, or "a-b" for co-participation.
    pub fn key(&self, ds: &Dataset, g: &Graph) -> String {
        match &self.kind {
            EdgeKind::Relation(r) => ds.relations[*r].id.clone(),
            EdgeKind::Together(_) => format!(
                "{}-{}",
                ds.actors[g.nodes[self.source].actor].id, ds.actors[g.nodes[self.target].actor].id
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// The frame it is laid out for: its shape, and the names it makes room for.
    pub frame: Frame,
    /// How much farther apart than usual the layout sets its nodes (1 or
    /// more): a small graph spreads out to fill a big frame while its
    /// nodes keep their size. See [`Graph::fit_spread`].
    pub spread: f64,
}

/// The largest radius any node gets, in layout units: an actor in
/// thousands of events is drawn big, not as a square that covers its
/// neighbours.
pub const MAX_RADIUS: f64 = 27.0;

/// Radius for an actor in `events` visible events, when the busiest actor
/// is in `most`: the area grows with the events (the radius with their
/// square root), scaled down for the whole graph once the busiest would
/// pass [`MAX_RADIUS`], so that sizes stay comparable within a graph.
///
/// ```
/// use dossier::graph::network::{radius, MAX_RADIUS};
/// assert_eq!(radius(4, 7), 13.0);
/// assert!((radius(3000, 3000) - MAX_RADIUS).abs() < 1e-9);
/// assert!(radius(750, 3000) < radius(3000, 3000));
/// ```
pub fn radius(events: usize, most: usize) -> f64 {
    let scale = (((MAX_RADIUS - 6.0) / 3.5).powi(2) / most.max(1) as f64)
        .sqrt()
        .min(1.0);
    6.0 + 3.5 * (events as f64).sqrt() * scale
}

/// A pair of nodes or actors either way round: the lower first.
fn pair(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// The values of each pair, pairs in order, each pair's values in the
/// order given. (A `BTreeMap` would do it, with kilobytes of tree code in
/// the reader's download for this one use.)
fn by_pair(mut entries: Vec<((usize, usize), usize)>) -> Vec<((usize, usize), Vec<usize>)> {
    sort_by_key(&mut entries, |p| p.0);
    entries
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| (group[0].0, group.iter().map(|p| p.1).gather()))
        .gather()
}

/// Give the ties between one pair (either way round) lanes side by side,
/// the shared-events tie in the middle when there is one.
fn spread_parallel(edges: &mut [GraphEdge]) {
    let pairs = by_pair(
        edges
            .iter()
            .enumerate()
            .map(|(k, e)| (pair(e.source, e.target), k))
            .gather(),
    );
    for (_, mut ks) in pairs {
        let n = ks.len();
        if n < 2 {
            continue;
        }
        // Stated ties around the shared-events one: put it in the middle.
        if let Some(p) = ks
            .iter()
            .position(|&k| matches!(edges[k].kind, EdgeKind::Together(_)))
        {
            let t = ks.remove(p);
            ks.insert(n / 2, t);
        }
        for (lane, k) in ks.into_iter().enumerate() {
            edges[k].bend = lane as f64 - (n - 1) as f64 / 2.0;
        }
    }
}

fn style_of(kind: &RelationKind) -> EdgeStyle {
    match kind.family() {
        RelationFamily::Structure => EdgeStyle::Structure,
        RelationFamily::Alliance => EdgeStyle::Alliance,
        RelationFamily::Meeting => EdgeStyle::Meeting,
        RelationFamily::Hostility => EdgeStyle::Hostility,
        RelationFamily::Other => EdgeStyle::Other,
    }
}

impl Graph {
    /// The graph for the visible events (indices into `dataset.events`).
    /// `all_actors` adds the actors that no visible event involves, as when
    /// no filter is on; the actors in `keep` (the reader's selection) are
    /// drawn whatever the events, so a selection never hides itself, and
    /// with every stated tie they have.
    pub fn build(ds: &Dataset, visible: &[usize], all_actors: bool, keep: &[&str]) -> Graph {
        // The same map type as the filters' interned names, so that the
        // download carries its code once.
        let actor_index: NameMap<u32> = (0u32..)
            .zip(&ds.actors)
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut involvement = vec![0usize; ds.actors.len()];
        // Pairs of actors (by dataset index, lower first) → shared events.
        let mut shared = Vec::new();
        for &e in visible {
            let ids: Vec<usize> = ds
                .actor_ids(&ds.events[e])
                .filter_map(|id| actor_index.get(id).map(|&i| i as usize))
                .gather();
            for (k, &a) in ids.iter().enumerate() {
                involvement[a] += 1;
                for &b in &ids[k + 1..] {
                    shared.push((pair(a, b), e));
                }
            }
        }
        let together = by_pair(shared);
        // A kept actor's stated ties show with it, so the actors at their
        // other ends are drawn too, in its events or not: who is tied to
        // whom is what a reader asks of an actor they choose.
        let kept = |id: &str| keep.contains(&id);
        let mut tied = vec![false; ds.actors.len()];
        for rel in &ds.relations {
            let to = rel.to.as_deref().unwrap_or_default();
            if let (Some(&a), Some(&b), true) = (
                actor_index.get(rel.from.as_str()),
                actor_index.get(to),
                kept(&rel.from) || kept(to),
            ) {
                tied[a as usize] = true;
                tied[b as usize] = true;
            }
        }
        let drawn: Vec<usize> = (0..ds.actors.len())
            .filter(|&a| all_actors || involvement[a] > 0 || tied[a] || kept(&ds.actors[a].id))
            .gather();
        // Each actor's node, if it is drawn.
        let mut node_of: Vec<Option<usize>> = vec![None; ds.actors.len()];
        for (n, &a) in drawn.iter().enumerate() {
            node_of[a] = Some(n);
        }
        let mut nodes: Vec<GraphNode> = drawn
            .iter()
            .map(|&a| GraphNode {
                actor: a,
                shape: NodeShape::of(&ds.actors[a].kind),
                events: involvement[a],
                weight: 5 * involvement[a],
                radius: 0.0,
                x: 0.0,
                y: 0.0,
            })
            .gather();
        let mut edges = Vec::new();
        for (r, rel) in ds.relations.iter().enumerate() {
            let (Some(&a), Some(&b)) = (
                actor_index.get(rel.from.as_str()),
                rel.to.as_deref().and_then(|to| actor_index.get(to)),
            ) else {
                continue;
            };
            let (a, b) = (a as usize, b as usize);
            if let (Some(s), Some(t)) = (node_of[a], node_of[b]) {
                // A tie seen in events (the two sides of a battle) is
                // counted in them already.
                let stated = rel.events.is_empty() as usize;
                nodes[s].weight += stated;
                nodes[t].weight += stated;
                let restated = !rel.events.is_empty()
                    && together.binary_search_by_key(&pair(a, b), |g| g.0).is_ok();
                edges.push(GraphEdge {
                    source: s,
                    target: t,
                    kind: EdgeKind::Relation(r),
                    style: style_of(&rel.kind),
                    // Arrows only where direction is the point (who attacked,
                    // who killed, not who fought whom); membership reads in
                    // words in the ties list.
                    directed: rel.kind.family() == RelationFamily::Hostility
                        && rel.kind.is_directed(),
                    bend: 0.0,
                    pulls: !restated,
                });
            }
        }
        for ((a, b), events) in together {
            if let (Some(s), Some(t)) = (node_of[a], node_of[b]) {
                edges.push(GraphEdge {
                    source: s,
                    target: t,
                    kind: EdgeKind::Together(events),
                    style: EdgeStyle::Together,
                    directed: false,
                    bend: 0.0,
                    pulls: true,
                });
            }
        }
        spread_parallel(&mut edges);
        let most = nodes.iter().map(|n| n.events).max().unwrap_or(0);
        for n in &mut nodes {
            n.radius = radius(n.events, most);
        }
        Graph {
            nodes,
            edges,
            frame: Frame::default(),
            spread: 1.0,
        }
    }

    /// Lay the graph out, deterministically, centred on the origin.
    pub fn simulation(&self, seed: u32) -> Simulation {
        let n = self.nodes.len();
        let links = self
            .edges
            .iter()
            .filter(|e| e.pulls)
            .map(|e| {
                let mut l = Link::new(e.source, e.target);
                l.distance =
                    40.0 * self.spread + self.nodes[e.source].radius + self.nodes[e.target].radius;
                if let EdgeKind::Together(events) = &e.kind {
                    l.weight = 0.5 + 0.25 * events.len().min(6) as f64;
                }
                l
            })
            .gather();
        // Actors with no tie are held closer, rather than pushed to the
        // frame's far edges by the others.
        let mut lone = vec![3.0; n];
        for e in &self.edges {
            lone[e.source] = 1.0;
            lone[e.target] = 1.0;
        }
        let mut sim = Simulation::new(n, seed);
        for i in 0..n {
            sim.nodes.x[i] *= self.spread;
            sim.nodes.y[i] *= self.spread;
        }
        sim.with_force(LinkForce::new(n, links))
            .with_force(ManyBody::new(n, -180.0 * self.spread * self.spread))
            .with_force(
                Position::new(0.0, 0.0, 0.06)
                    .for_aspect(self.frame.aspect())
                    .with_weights(lone),
            )
            .with_force(Center::new(0.0, 0.0))
            .with_force(Collide::new(
                self.nodes.iter().map(|node| node.radius + 6.0).gather(),
            ))
            .with_force(LabelRoom::new(
                self.frame.clone(),
                self.nodes.iter().map(|node| node.radius).gather(),
            ))
    }

    /// Set [`Graph::spread`] so that the layout about fills its frame at
    /// one layout unit a pixel: a trial layout at the usual spacing, then
    /// the ratio of the frame to its extent (at most 8, for a graph of two or three). Graphs of over 100
    /// actors already fill any frame and keep the usual spacing.
    pub fn fit_spread(&mut self, seed: u32) {
        self.spread = 1.0;
        if self.nodes.len() < 2 || self.nodes.len() > 100 {
            return;
        }
        let mut sim = self.simulation(seed);
        sim.run_to_rest();
        let (x, y) = (&sim.nodes.x, &sim.nodes.y);
        let (bx, by, w, h) = self.bounds_at(x, y, 0.0);
        let _ = (bx, by);
        let fill = (self.frame.width / w.max(1.0)).min(self.frame.height / h.max(1.0));
        self.spread = crate::base::num::clamp(0.8 * fill, 1.0, 8.0);
    }

    /// Run the layout to rest and store the positions.
    pub fn lay_out(&mut self, seed: u32) {
        let mut sim = self.simulation(seed);
        sim.run_to_rest();
        self.take_positions(&sim);
    }

    pub fn take_positions(&mut self, sim: &Simulation) {
        for (i, node) in self.nodes.iter_mut().enumerate() {
            node.x = sim.nodes.x[i];
            node.y = sim.nodes.y[i];
        }
    }

    /// Where edge `k` runs, from node positions `x`, `y`: a straight line,
    /// or a curve bowed by its lane when a pair has several ties (bowed to
    /// the same side of the pair's line whichever way the tie runs, so two
    /// ties each way stay apart). A directed tie stops at its target's
    /// edge, where its arrow shows.
    pub fn edge_geometry(&self, k: usize, x: &[f64], y: &[f64]) -> EdgeGeometry {
        let e = &self.edges[k];
        let (sx, sy, tx, ty) = (x[e.source], y[e.source], x[e.target], y[e.target]);
        let (dx, dy) = (tx - sx, ty - sy);
        let len = crate::base::num::length(dx, dy).max(1e-6);
        // The pair's own frame, from its lower node to its higher one.
        let flip = if e.source < e.target { 1.0 } else { -1.0 };
        let (nx, ny) = (-dy / len * flip, dx / len * flip);
        let offset = e.bend * (len * 0.3).min(28.0);
        let control =
            (e.bend != 0.0).then(|| ((sx + tx) / 2.0 + nx * offset, (sy + ty) / 2.0 + ny * offset));
        let end = if e.directed {
            // Back along the tie's direction at its end.
            let (cx, cy) = control.unwrap_or((sx, sy));
            let (ux, uy) = (tx - cx, ty - cy);
            let l = crate::base::num::length(ux, uy).max(1e-6);
            let (ux, uy) = (ux / l, uy / l);
            let target = &self.nodes[e.target];
            let back = target.shape.edge_distance(target.radius, ux, uy) + 2.0;
            (tx - ux * back, ty - uy * back)
        } else {
            (tx, ty)
        };
        EdgeGeometry {
            start: (sx, sy),
            control,
            end,
        }
    }

    /// Where the arrowhead of each directed edge sits: marks that labels
    /// keep clear of.
    pub fn arrow_tips(&self, x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
        (0..self.edges.len())
            .filter(|&k| self.edges[k].directed)
            .map(|k| self.edge_geometry(k, x, y).end)
            .gather()
    }

    /// The smallest box holding every node at positions `x`, `y` with its
    /// radius, with `pad` around: (x, y, width, height), for the viewBox.
    pub fn bounds_at(&self, x: &[f64], y: &[f64], pad: f64) -> (f64, f64, f64, f64) {
        if self.nodes.is_empty() {
            return (-100.0, -100.0, 200.0, 200.0);
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (i, n) in self.nodes.iter().enumerate() {
            x0 = x0.min(x[i] - n.radius);
            y0 = y0.min(y[i] - n.radius);
            x1 = x1.max(x[i] + n.radius);
            y1 = y1.max(y[i] + n.radius);
        }
        (x0 - pad, y0 - pad, x1 - x0 + 2.0 * pad, y1 - y0 + 2.0 * pad)
    }

    /// For each node, the indices of the edges that touch it, in edge order.
    pub fn ties_by_node(&self) -> Vec<Vec<usize>> {
        let mut ties = vec![Vec::new(); self.nodes.len()];
        for (k, e) in self.edges.iter().enumerate() {
            ties[e.source].push(k);
            if e.target != e.source {
                ties[e.target].push(k);
            }
        }
        ties
    }

    /// Node indices joined to `node` by any edge.
    pub fn neighbours(&self, node: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .edges
            .iter()
            .filter_map(|e| {
                if e.source == node {
                    Some(e.target)
                } else if e.target == node {
                    Some(e.source)
                } else {
                    None
                }
            })
            .gather();
        crate::base::order::sort(&mut out);
        out.dedup();
        out
    }

    /// Node indices in reading order for the keyboard: most involved first,
    /// then by name, so Tab meets the story's main actors first.
    pub fn tab_order(&self, ds: &Dataset) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.nodes.len()).gather();
        crate::base::order::sort_by(&mut order, |&a, &b| {
            let (na, nb) = (&self.nodes[a], &self.nodes[b]);
            nb.weight
                .cmp(&na.weight)
                .then_with(|| ds.actors[na.actor].name.cmp(&ds.actors[nb.actor].name))
        });
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::story::first_story;

    #[test]
    fn the_first_story_draws_every_actor_and_relation() {
        let ds = first_story().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let g = Graph::build(&ds, &all, true, &[]);
        assert_eq!(g.nodes.len(), ds.actors.len());
        let relations = g
            .edges
            .iter()
            .filter(|e| matches!(e.kind, EdgeKind::Relation(_)))
            .count();
        assert_eq!(relations, ds.relations.len());
        // Nasrallah and al-Hayya met: a co-participation edge joins them.
        let nasrallah = g
            .nodes
            .iter()
            .position(|n| ds.actors[n.actor].id == "hassan-nasrallah")
            .unwrap();
        let hayya = g
            .nodes
            .iter()
            .position(|n| ds.actors[n.actor].id == "khalil-al-hayya")
            .unwrap();
        assert!(g.neighbours(nasrallah).contains(&hayya));
        // Killed is directed; allied is not.
        let killed = g
            .edges
            .iter()
            .find(|e| e.key(&ds, &g) == "r-military-killed-makki")
            .unwrap();
        assert!(killed.directed);
        assert_eq!(killed.style, EdgeStyle::Hostility);
    }

    #[test]
    fn an_added_kind_is_an_octagon_of_the_same_area_not_an_armed_group() {
        let community: ActorKind = "x-community".parse().unwrap();
        assert_eq!(NodeShape::of(&community), NodeShape::Octagon);
        assert_eq!(community.label(), "Community");
        // Equal areas: the shoelace area of each path's points against π r².
        for shape in NodeShape::ALL.into_iter().chain([NodeShape::Octagon]) {
            let d = shape.path(10.0);
            if !d.contains('L') {
                continue; // the circle's arcs
            }
            let pts: Vec<(f64, f64)> = d
                .trim_end_matches('Z')
                .split(['M', 'L'])
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            let area: f64 = (0..pts.len())
                .map(|i| {
                    let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
                    a.0 * b.1 - b.0 * a.1
                })
                .sum::<f64>()
                .abs()
                / 2.0;
            let circle = std::f64::consts::PI * 100.0;
            assert!(
                (area / circle - 1.0).abs() < 0.05,
                "{shape:?}: {area} against {circle}"
            );
        }
    }

    #[test]
    fn filters_narrow_the_graph() {
        let ds = first_story().unwrap();
        let only = [ds
            .events
            .iter()
            .position(|e| e.id == "e-makki-killed")
            .unwrap()];
        let g = Graph::build(&ds, &only, false, &[]);
        let ids: Vec<&str> = g
            .nodes
            .iter()
            .map(|n| ds.actors[n.actor].id.as_str())
            .collect();
        assert_eq!(ids, ["hussein-ibrahim-makki", "israeli-military"]);
        // Their stated relation (killed) and their shared event both show.
        assert_eq!(g.edges.len(), 2);
        // A selected actor in none of the events is still drawn.
        let g = Graph::build(&ds, &[], false, &["lebanon"]);
        assert_eq!(g.nodes.len(), 1);
    }

    #[test]
    fn a_chosen_actor_shows_every_stated_tie_it_has() {
        let ds = first_story().unwrap();
        let mut beyond = 0;
        for actor in &ds.actors {
            let id = actor.id.as_str();
            // Its events only, as the actor filter leaves them.
            let visible: Vec<usize> = (0..ds.events.len())
                .filter(|&e| ds.actor_ids(&ds.events[e]).any(|a| a == id))
                .collect();
            let g = Graph::build(&ds, &visible, false, &[id]);
            for (r, rel) in ds.relations.iter().enumerate() {
                if rel.from == id || rel.to.as_deref() == Some(id) {
                    let drawn = g.edges.iter().any(|e| e.kind == EdgeKind::Relation(r));
                    assert!(drawn, "{id}: {} - {:?}", rel.from, rel.to);
                    let other = if rel.from == id {
                        rel.to.as_deref().unwrap()
                    } else {
                        &rel.from
                    };
                    beyond += usize::from(
                        !visible
                            .iter()
                            .any(|&e| ds.actor_ids(&ds.events[e]).any(|a| a == other)),
                    );
                }
            }
        }
        // Some of those ties reach actors in none of the chosen one's events.
        assert!(beyond > 0);
    }

    #[test]
    fn layout_is_deterministic_and_spread() {
        let ds = first_story().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let mut a = Graph::build(&ds, &all, true, &[]);
        let mut b = a.clone();
        a.lay_out(1);
        b.lay_out(1);
        assert_eq!(a, b);
        // No two nodes overlap.
        for i in 0..a.nodes.len() {
            for j in i + 1..a.nodes.len() {
                let (p, q) = (&a.nodes[i], &a.nodes[j]);
                let d = ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt();
                assert!(d > (p.radius + q.radius) * 0.9, "{i} and {j} overlap: {d}");
            }
        }
    }

    #[test]
    fn a_hub_of_stated_ties_in_no_event_comes_first() {
        // A research network's commander: in no event of the story, but
        // stated to lead every other actor, to be allied with each and to
        // have met each.
        let mut ds = first_story().unwrap();
        let mut hub = ds.actors[0].clone();
        hub.id = "commander".into();
        hub.name = "The Commander".into();
        ds.actors.push(hub);
        let template = ds.relations[0].clone();
        let others: Vec<String> = ds.actors.iter().map(|a| a.id.clone()).collect();
        for (k, id) in others.iter().filter(|id| *id != "commander").enumerate() {
            for kind in [
                RelationKind::Leads,
                RelationKind::AlliedWith,
                RelationKind::MetWith,
            ] {
                let mut r = template.clone();
                r.id = format!("r-hub-{k}-{}", kind.as_str());
                r.kind = kind;
                r.from = "commander".into();
                r.to = Some(id.clone());
                r.events.clear();
                ds.relations.push(r);
            }
        }
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let g = Graph::build(&ds, &all, true, &[]);
        let first = g.tab_order(&ds)[0];
        assert_eq!(ds.actors[g.nodes[first].actor].id, "commander");
        assert_eq!(g.nodes[first].events, 0);
    }

    #[test]
    fn tab_order_starts_with_the_main_actors() {
        let ds = first_story().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let g = Graph::build(&ds, &all, true, &[]);
        let order = g.tab_order(&ds);
        let weights: Vec<usize> = order.iter().map(|&n| g.nodes[n].weight).collect();
        assert!(weights.windows(2).all(|w| w[0] >= w[1]), "{weights:?}");
        // Hamas and Hezbollah, in seven events each, come first.
        let ties = g.ties_by_node();
        for (n, list) in ties.iter().enumerate() {
            assert!(list
                .iter()
                .all(|&k| g.edges[k].source == n || g.edges[k].target == n));
        }
        assert_eq!(ties.iter().map(Vec::len).sum::<usize>(), 2 * g.edges.len());
        let first_two: Vec<&str> = order[..2]
            .iter()
            .map(|&n| ds.actors[g.nodes[n].actor].id.as_str())
            .collect();
        assert_eq!(first_two, ["hamas", "hezbollah"]);
    }

    #[test]
    fn directed_edges_stop_at_the_rim() {
        let ds = first_story().unwrap();
        let all: Vec<usize> = (0..ds.events.len()).collect();
        let mut g = Graph::build(&ds, &all, true, &[]);
        g.lay_out(1);
        let (x, y): (Vec<f64>, Vec<f64>) = g.nodes.iter().map(|n| (n.x, n.y)).unzip();
        let k = g
            .edges
            .iter()
            .position(|e| e.directed && e.style == EdgeStyle::Hostility)
            .unwrap();
        let (x2, y2) = g.edge_geometry(k, &x, &y).end;
        let t = &g.nodes[g.edges[k].target];
        let (ux, uy) = ((t.x - x2) / 1.0, (t.y - y2) / 1.0);
        let gap = crate::base::num::length(ux, uy);
        let edge = t.shape.edge_distance(t.radius, ux / gap, uy / gap);
        assert!((gap - (edge + 2.0)).abs() < 1e-9, "{gap} {edge}");
        let (bx, by, w, h) = g.bounds_at(&x, &y, 10.0);
        assert!(g
            .nodes
            .iter()
            .all(|n| n.x - n.radius >= bx && n.y + n.radius <= by + h && w > 0.0));
    }

    #[test]
    fn shapes_have_paths() {
        for s in NodeShape::ALL {
            let d = s.path(10.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
        }
    }
}
