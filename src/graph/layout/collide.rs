//! The collision force: treats nodes as circles and pushes overlapping pairs
//! apart (d3-force's forceCollide). It looks one step ahead (x + vx), visits
//! only quadtree cells whose largest circle could reach the node, and shares
//! each correction by the circles' areas, so a small node moves more than a
//! large one.

use super::quadtree::{Quadtree, NONE};
use super::{separate, Force, Nodes};
use crate::base::rng::Lcg;

#[derive(Debug, Clone)]
pub struct Collide {
    /// Per-node radius, in layout units.
    pub radius: Vec<f64>,
    /// 0–1: how much of an overlap is resolved per tick (d3: 1).
    pub strength: f64,
    tree: Quadtree,
    px: Vec<f64>,
    py: Vec<f64>,
    /// Per cell: the largest radius within it.
    reach: Vec<f64>,
    stack: Vec<u32>,
}

impl Collide {
    pub fn new(radius: Vec<f64>) -> Self {
        Collide {
            radius,
            strength: 1.0,
            tree: Quadtree::default(),
            px: Vec::new(),
            py: Vec::new(),
            reach: Vec::new(),
            stack: Vec::new(),
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
        self.tree.rebuild(&self.px, &self.py);
        self.reach.clear();
        self.reach.resize(self.tree.cells.len(), 0.0);
        for &c in self.tree.order.iter().rev() {
            let cell = self.tree.cells[c as usize];
            self.reach[c as usize] = if cell.is_leaf() {
                self.tree
                    .chain(&cell)
                    .map(|p| self.radius[p as usize])
                    .fold(0.0, f64::max)
            } else {
                cell.children
                    .iter()
                    .filter(|&&k| k != NONE)
                    .map(|&k| self.reach[k as usize])
                    .fold(0.0, f64::max)
            };
        }
        for i in 0..count {
            // Where node i will be, with the pushes it has already had this
            // tick from lower-index nodes (d3 reads node.x + node.vx here,
            // not the position the tree was built from).
            let (xi, yi, ri) = (n.x[i] + n.vx[i], n.y[i] + n.vy[i], self.radius[i]);
            let ri2 = ri * ri;
            self.stack.clear();
            self.stack.push(0);
            while let Some(c) = self.stack.pop() {
                let c = c as usize;
                let cell = self.tree.cells[c];
                let r = ri + self.reach[c];
                if cell.x0 > xi + r
                    || cell.x0 + cell.size < xi - r
                    || cell.y0 > yi + r
                    || cell.y0 + cell.size < yi - r
                {
                    continue;
                }
                if !cell.is_leaf() {
                    self.stack
                        .extend(cell.children.iter().filter(|&&k| k != NONE));
                    continue;
                }
                for p in self.tree.chain(&cell) {
                    let j = p as usize;
                    // Each pair once: the lower index resolves it.
                    if j <= i {
                        continue;
                    }
                    let rj = self.radius[j];
                    let rr = ri + rj;
                    let mut dx = xi - n.x[j] - n.vx[j];
                    let mut dy = yi - n.y[j] - n.vy[j];
                    let mut l = dx * dx + dy * dy;
                    if l < rr * rr {
                        separate(&mut dx, &mut dy, &mut l, rng);
                        let d = l.sqrt();
                        let f = (rr - d) / d * self.strength;
                        dx *= f;
                        dy *= f;
                        let rj2 = rj * rj;
                        let share = rj2 / (ri2 + rj2);
                        n.vx[i] += dx * share;
                        n.vy[i] += dy * share;
                        n.vx[j] -= dx * (1.0 - share);
                        n.vy[j] -= dy * (1.0 - share);
                    }
                }
            }
        }
    }
}
