//! The centring force: translate all nodes so that their mean position is at
//! (x, y). It moves positions, not velocities, so it does not distort the
//! layout's shape (d3-force's forceCenter).

use super::{Force, Nodes};
use crate::base::rng::Lcg;

#[derive(Debug, Clone)]
pub struct Center {
    pub x: f64,
    pub y: f64,
    /// 1 moves the mean all the way each tick; less for a softer pull.
    pub strength: f64,
}

impl Center {
    pub fn new(x: f64, y: f64) -> Self {
        Center {
            x,
            y,
            strength: 1.0,
        }
    }
}

impl Force for Center {
    fn apply(&mut self, nodes: &mut Nodes, _alpha: f64, _rng: &mut Lcg) {
        let n = nodes.len();
        if n == 0 {
            return;
        }
        let mean_x = nodes.x.iter().sum::<f64>() / n as f64;
        let mean_y = nodes.y.iter().sum::<f64>() / n as f64;
        let dx = (mean_x - self.x) * self.strength;
        let dy = (mean_y - self.y) * self.strength;
        for i in 0..n {
            nodes.x[i] -= dx;
            nodes.y[i] -= dy;
        }
    }
}
