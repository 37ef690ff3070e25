//! The positioning force: pulls every node gently toward a point, like
//! d3-force's forceX and forceY together. Unlike [`super::center::Center`] it
//! acts on each node, so actors with no ties stay near the others instead of
//! drifting off under the many-body repulsion.

use super::{Force, Nodes};
use crate::base::rng::Lcg;

#[derive(Debug, Clone)]
pub struct Position {
    pub x: f64,
    pub y: f64,
    /// Fraction of the distance closed per tick at alpha 1 (d3: 0.1),
    /// across and down: a weaker pull down lets the layout grow tall.
    pub strength: (f64, f64),
    /// Per node, a multiple of the pull (1 where not given).
    pub weight: Vec<f64>,
}

impl Position {
    pub fn new(x: f64, y: f64, strength: f64) -> Self {
        Position {
            x,
            y,
            strength: (strength, strength),
            weight: Vec::new(),
        }
    }

    /// Pull node `i` `weight[i]` times as hard.
    pub fn with_weights(mut self, weight: Vec<f64>) -> Self {
        self.weight = weight;
        self
    }

    /// Pull less along the frame's longer side, so that the layout takes
    /// roughly the frame's shape: `aspect` is its height over its width.
    pub fn for_aspect(mut self, aspect: f64) -> Self {
        let a = crate::base::num::clamp(aspect, 0.4, 2.5);
        let (s, _) = self.strength;
        self.strength = (s * a, s / a);
        self
    }
}

impl Force for Position {
    fn apply(&mut self, n: &mut Nodes, alpha: f64, _rng: &mut Lcg) {
        let (kx, ky) = (self.strength.0 * alpha, self.strength.1 * alpha);
        for i in 0..n.len() {
            let w = self.weight.get(i).copied().unwrap_or(1.0);
            n.vx[i] += (self.x - n.x[i]) * kx * w;
            n.vy[i] += (self.y - n.y[i]) * ky * w;
        }
    }
}
