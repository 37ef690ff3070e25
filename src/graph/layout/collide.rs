//! The collision force: treats nodes as circles and pushes overlapping pairs
//! apart (d3-force's forceCollide). It looks one step ahead (x + vx), and
//! shares each correction by the circles' areas, so a small node moves more
//! than a large one.
//!
//! d3 finds the pairs with a quadtree walk; here a grid of cells as wide as
//! the largest circle does (see [`Grid`]). The rule is d3's: node by node,
//! each against every later node whose circle its predicted place overlaps,
//! the places read as earlier pushes in the tick left them. The search
//! is built from the places at the start of the tick, as d3's tree is, so
//! both can miss a pair that pushes earlier in the same tick brought
//! together; they miss it in different cases (a grid cell is one side of
//! slack, a tree cell the largest circle within it). The next tick meets it.
//!
//! The grid's cells widen when the nodes spread far (it holds at most about
//! sixteen cells a node): a lone node far out would make a dense cluster
//! share a few cells. A force layout's positioning and centring forces
//! keep its nodes within a few times the frame, where this does not bite.

use super::grid::Grid;
use super::{separate, Force, Nodes};
use crate::base::num::larger;
use crate::base::rng::Lcg;

#[derive(Debug, Clone)]
pub struct Collide {
    /// Per-node radius, in layout units.
    pub radius: Vec<f64>,
    /// 0–1: how much of an overlap is resolved per tick (d3: 1).
    pub strength: f64,
    grid: Grid,
    px: Vec<f64>,
    py: Vec<f64>,
}

impl Collide {
    pub fn new(radius: Vec<f64>) -> Self {
        Collide {
            radius,
            strength: 1.0,
            grid: Grid::default(),
            px: Vec::new(),
            py: Vec::new(),
        }
    }
}

impl Force for Collide {
    fn apply(&mut self, n: &mut Nodes, _alpha: f64, rng: &mut Lcg) {
        let count = n.len();
        if count == 0 {
            return;
        }
        self.radius.resize(count, 1.0);
        self.px.clear();
        self.py.clear();
        self.px.extend((0..count).map(|i| n.x[i] + n.vx[i]));
        self.py.extend((0..count).map(|i| n.y[i] + n.vy[i]));
        let radius = &self.radius[..];
        let mut widest = 0.0;
        for &r in radius {
            widest = larger(r, widest);
        }
        self.grid.rebuild(&self.px, &self.py, 2.0 * widest);
        let (x, y) = (&n.x[..], &n.y[..]);
        let (vx, vy) = (&mut n.vx[..], &mut n.vy[..]);
        for i in 0..count {
            // Where node i will be, with the pushes it has already had this
            // tick from lower-index nodes (d3 reads node.x + node.vx here,
            // not the position the grid was built from).
            let (xi, yi, ri) = (x[i] + vx[i], y[i] + vy[i], radius[i]);
            let ri2 = ri * ri;
            let strength = self.strength;
            self.grid.near(xi, yi, |j| {
                // Each pair once: the lower index resolves it.
                if j <= i {
                    return;
                }
                let rj = radius[j];
                let rr = ri + rj;
                let mut dx = xi - x[j] - vx[j];
                let mut dy = yi - y[j] - vy[j];
                let mut l = dx * dx + dy * dy;
                if l < rr * rr {
                    if dx == 0.0 || dy == 0.0 {
                        (dx, dy, l) = separate(dx, dy, l, rng);
                    }
                    let d = l.sqrt();
                    let f = (rr - d) / d * strength;
                    dx *= f;
                    dy *= f;
                    let rj2 = rj * rj;
                    let share = rj2 / (ri2 + rj2);
                    vx[i] += dx * share;
                    vy[i] += dy * share;
                    vx[j] -= dx * (1.0 - share);
                    vy[j] -= dy * (1.0 - share);
                }
            });
        }
    }
}
