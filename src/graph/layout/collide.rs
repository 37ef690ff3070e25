//! The collision force: treats nodes as circles and pushes overlapping pairs
//! apart (d3-force's forceCollide). It looks one step ahead (x + vx), visits
//! only quadtree cells whose largest circle could reach the node, and shares
//! each correction by the circles' areas, so a small node moves more than a
//! large one.

use super::quadtree::Quadtree;
use super::{separate, Force, Nodes};
use crate::base::num::larger;
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
        let cells = self.tree.cells.len();
        self.reach.resize(cells, 0.0);
        // Slices, not vectors, in the loops: indexing a slice needs no call
        // when the download is built for size.
        let (tree, order, radius) = (&self.tree.cells[..], &self.tree.order[..], &self.radius[..]);
        let reach = &mut self.reach[..];
        for c in (0..cells).rev() {
            let cell = tree[c];
            let mut r = 0.0;
            if cell.leaf {
                for &p in &order[cell.lo as usize..cell.hi as usize] {
                    r = larger(radius[p as usize], r);
                }
            } else {
                let mut k = c + 1;
                while k < cell.skip as usize {
                    r = larger(reach[k], r);
                    k = tree[k].skip as usize;
                }
            }
            reach[c] = r;
        }
        let (x, y) = (&n.x[..], &n.y[..]);
        let (vx, vy) = (&mut n.vx[..], &mut n.vy[..]);
        for i in 0..count {
            // Where node i will be, with the pushes it has already had this
            // tick from lower-index nodes (d3 reads node.x + node.vx here,
            // not the position the tree was built from).
            let (xi, yi, ri) = (x[i] + vx[i], y[i] + vy[i], radius[i]);
            let ri2 = ri * ri;
            let mut c = 0;
            while c < cells {
                let cell = tree[c];
                let r = ri + reach[c];
                if cell.x0 > xi + r
                    || cell.x0 + cell.size < xi - r
                    || cell.y0 > yi + r
                    || cell.y0 + cell.size < yi - r
                {
                    c = cell.skip as usize;
                    continue;
                }
                if !cell.leaf {
                    c += 1;
                    continue;
                }
                for &p in &order[cell.lo as usize..cell.hi as usize] {
                    let j = p as usize;
                    // Each pair once: the lower index resolves it.
                    if j <= i {
                        continue;
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
                        let f = (rr - d) / d * self.strength;
                        dx *= f;
                        dy *= f;
                        let rj2 = rj * rj;
                        let share = rj2 / (ri2 + rj2);
                        vx[i] += dx * share;
                        vy[i] += dy * share;
                        vx[j] -= dx * (1.0 - share);
                        vy[j] -= dy * (1.0 - share);
                    }
                }
                c = cell.skip as usize;
            }
        }
    }
}
