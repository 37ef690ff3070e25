//! The positioning force: pulls every node gently toward a point, like
//! d3-force's forceX and forceY together. Unlike [`super::center::Center`] it
//! acts on each node, so actors with no ties stay near the others instead of
//! drifting off under the many-body repulsion.

use super::{Force, Nodes};
use crate::graph::rng::Lcg;

#[derive(Debug, Clone)]
pub struct Position {
    pub x: f64,
    pub y: f64,
    /// Fraction of the distance closed per tick at alpha 1 (d3: 0.1).
    pub strength: f64,
}

impl Position {
    pub fn new(x: f64, y: f64, strength: f64) -> Self {
        Position { x, y, strength }
    }
}

impl Force for Position {
    fn apply(&mut self, n: &mut Nodes, alpha: f64, _rng: &mut Lcg) {
        let k = self.strength * alpha;
        for i in 0..n.len() {
            n.vx[i] += (self.x - n.x[i]) * k;
            n.vy[i] += (self.y - n.y[i]) * k;
        }
    }
}
