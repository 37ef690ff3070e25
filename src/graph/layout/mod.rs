//! A force-directed layout in the manner of d3-force, written for Dossier.
//!
//! Hand-written because no crate of good quality fits: the Rust force-layout
//! crates pull in a graph library or a renderer, while this is a few hundred
//! lines of arithmetic that must match d3's behaviour, be deterministic, and
//! stay small in the wasm.
//!
//! The model is d3-force's: nodes are points with velocities; each tick, every
//! force adds to the velocities in proportion to `alpha`, then velocities decay
//! by `velocity_decay` and move the nodes. `alpha` starts at 1 and decays
//! geometrically toward `alpha_target` (0), so the layout cools and comes to
//! rest after about 300 ticks. A node with a fixed position (`fx`, `fy`) is
//! pinned there: forces still act on others through it, but it does not move.
//!
//! Determinism: starting positions follow a phyllotaxis spiral (as d3's do),
//! and the only randomness (the jiggle that separates coincident nodes) comes
//! from a seeded [`Lcg`]. The same graph and seed give the same coordinates on
//! every run, natively and in wasm.
//!
//! The forces, one per file, share the [`Force`] protocol:
//! - [`link::LinkForce`]: springs along edges, pulling them to a rest length;
//! - [`many_body::ManyBody`]: charge between all pairs, Barnes–Hut approximated
//!   over a quadtree (theta 0.9), negative for repulsion;
//! - [`center::Center`]: translates the layout so its mean is at the centre;
//! - [`collide::Collide`]: keeps circles of given radii from overlapping;
//! - [`position::Position`]: pulls each node gently toward a point, less
//!   along the frame's longer side;
//! - [`label_room::LabelRoom`]: keeps other nodes off the always-labelled
//!   actors' names (no d3 counterpart).
//!
//! Pure: no browser types here.

pub mod center;
pub mod collide;
pub mod grid;
pub mod label_room;
pub mod link;
pub mod many_body;
pub mod position;
pub mod quadtree;

use crate::base::rng::Lcg;

/// Node state as parallel arrays: positions, velocities and pins.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Nodes {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub vx: Vec<f64>,
    pub vy: Vec<f64>,
    /// A pinned node's fixed position.
    pub fixed: Vec<Option<(f64, f64)>>,
}

impl Nodes {
    pub fn len(&self) -> usize {
        self.x.len()
    }

    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }
}

/// One force of the simulation, as d3-force's `force(alpha)`: add to the
/// nodes' velocities, scaled by `alpha`. `rng` is for jiggle only.
pub trait Force {
    fn apply(&mut self, nodes: &mut Nodes, alpha: f64, rng: &mut Lcg);
}

/// Nudge a zero offset apart, as d3's `jiggle` does, so that coincident
/// points push each other in some direction rather than none. `l` is the
/// squared distance and grows with the nudge. Returns the offset and `l`
/// as they are after it.
///
/// By value and out of line: the forces call it only when an offset is
/// zero, so their loops keep the offset in registers.
#[cold]
#[inline(never)]
pub(crate) fn separate(mut dx: f64, mut dy: f64, mut l: f64, rng: &mut Lcg) -> (f64, f64, f64) {
    if dx == 0.0 {
        dx = rng.jiggle();
        l += dx * dx;
    }
    if dy == 0.0 {
        dy = rng.jiggle();
        l += dy * dy;
    }
    (dx, dy, l)
}

/// d3's initial radius and angle for the phyllotaxis arrangement.
const INITIAL_RADIUS: f64 = 10.0;

/// A simulation: nodes, forces and the cooling schedule.
pub struct Simulation {
    pub nodes: Nodes,
    /// Current "temperature", 1 when started, decaying toward `alpha_target`.
    pub alpha: f64,
    /// Below this the simulation is at rest (d3: 0.001).
    pub alpha_min: f64,
    /// Fraction of the gap to `alpha_target` closed each tick (d3: 1 − 0.001^(1/300) ≈ 0.0228).
    pub alpha_decay: f64,
    /// The temperature it cools toward; raise it to keep a dragged layout alive.
    pub alpha_target: f64,
    /// Velocities are multiplied by this each tick (d3: 0.6), like friction.
    pub velocity_decay: f64,
    forces: Vec<Box<dyn Force>>,
    rng: Lcg,
}

impl Simulation {
    /// `n` nodes on a phyllotaxis spiral around the origin, no forces yet.
    ///
    /// Node `i` starts at radius 10·√(0.5 + i) and angle i·π(3 − √5), so the
    /// first node is at (7.07, 0).
    pub fn new(n: usize, seed: u32) -> Self {
        let angle = std::f64::consts::PI * (3.0 - 5f64.sqrt());
        let mut nodes = Nodes {
            x: Vec::with_capacity(n),
            y: Vec::with_capacity(n),
            vx: vec![0.0; n],
            vy: vec![0.0; n],
            fixed: vec![None; n],
        };
        for i in 0..n {
            let r = INITIAL_RADIUS * (0.5 + i as f64).sqrt();
            let a = i as f64 * angle;
            let (sin, cos) = crate::base::num::sin_cos(a);
            nodes.x.push(r * cos);
            nodes.y.push(r * sin);
        }
        Simulation {
            nodes,
            alpha: 1.0,
            alpha_min: 0.001,
            // 1 − 0.001^(1/300), as d3 computes it, written out: no `pow` in
            // the download.
            alpha_decay: 0.022_762_779_044_189_33,
            alpha_target: 0.0,
            velocity_decay: 0.6,
            forces: Vec::new(),
            rng: Lcg::new(seed),
        }
    }

    pub fn with_force(mut self, force: impl Force + 'static) -> Self {
        self.forces.push(Box::new(force));
        self
    }

    /// One step: cool, apply every force, then move the free nodes.
    pub fn tick(&mut self) {
        self.alpha += (self.alpha_target - self.alpha) * self.alpha_decay;
        for force in &mut self.forces {
            force.apply(&mut self.nodes, self.alpha, &mut self.rng);
        }
        let n = &mut self.nodes;
        for i in 0..n.len() {
            match n.fixed[i] {
                Some((fx, fy)) => {
                    n.x[i] = fx;
                    n.y[i] = fy;
                    n.vx[i] = 0.0;
                    n.vy[i] = 0.0;
                }
                None => {
                    n.vx[i] *= self.velocity_decay;
                    n.vy[i] *= self.velocity_decay;
                    n.x[i] += n.vx[i];
                    n.y[i] += n.vy[i];
                }
            }
        }
    }

    pub fn ticks(&mut self, count: usize) {
        for _ in 0..count {
            self.tick();
        }
    }

    /// Whether the layout has come to rest.
    pub fn is_cool(&self) -> bool {
        self.alpha < self.alpha_min && self.alpha_target < self.alpha_min
    }

    /// Tick until at rest (about 300 ticks from a cold start), for
    /// prefers-reduced-motion and for server-side rendering.
    pub fn run_to_rest(&mut self) {
        // Bounded, in case alpha_target was left above alpha_min.
        for _ in 0..10_000 {
            if self.is_cool() {
                break;
            }
            self.tick();
        }
    }

    /// Pin node `i` at (x, y), as dragging does.
    pub fn pin(&mut self, i: usize, x: f64, y: f64) {
        if let Some(slot) = self.nodes.fixed.get_mut(i) {
            *slot = Some((x, y));
            self.nodes.x[i] = x;
            self.nodes.y[i] = y;
        }
    }

    /// Release node `i` to move with the forces again.
    pub fn unpin(&mut self, i: usize) {
        if let Some(slot) = self.nodes.fixed.get_mut(i) {
            *slot = None;
        }
    }

    /// Warm the layout up again after a change (d3's `alpha(a).restart()`).
    pub fn reheat(&mut self, alpha: f64) {
        self.alpha = self.alpha.max(alpha);
    }

    /// Kinetic energy Σ(vx² + vy²): it falls as the layout cools.
    pub fn energy(&self) -> f64 {
        let n = &self.nodes;
        n.vx.iter().zip(&n.vy).map(|(a, b)| a * a + b * b).sum()
    }
}

#[cfg(test)]
mod d3_tests;
#[cfg(test)]
mod tests;
