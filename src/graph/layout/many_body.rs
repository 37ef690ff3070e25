//! The many-body force: every node pushes (negative strength) or pulls
//! (positive) every other, with a force that falls off as 1/distance
//! (d3-force's forceManyBody).
//!
//! Summing all pairs costs n² per tick, so distant groups of nodes are
//! treated as one body at their centre of charge (Barnes–Hut): a quadtree
//! cell of width w at distance l is approximated when w / l < theta. It runs
//! in two passes over the tree, as d3's does: charges and centres are
//! accumulated from the leaves up, then each node walks down from the root,
//! stopping wherever the approximation holds.
//!
//! `distance_min` keeps very close pairs from exploding (d3: 1). Every
//! pair interacts however far apart (d3's default `distanceMax`, infinity:
//! the only one Dossier uses, so no other is offered).

use super::quadtree::Quadtree;
use super::{separate, Force, Nodes};
use crate::base::rng::Lcg;

#[derive(Debug, Clone)]
pub struct ManyBody {
    /// Per-node charge; d3's default is −30 for all.
    pub strength: Vec<f64>,
    /// Barnes–Hut accuracy: smaller is more exact and slower (d3: 0.9).
    pub theta: f64,
    pub distance_min: f64,
    tree: Quadtree,
    /// Per cell, in the tree's order: what the walk reads.
    bodies: Vec<Body>,
    /// The points in the tree's order: position and charge.
    px: Vec<f64>,
    py: Vec<f64>,
    pq: Vec<f64>,
}

/// A cell as the walk sees it, in one small record so that the walk reads
/// memory front to back.
#[derive(Debug, Clone, Copy, Default)]
struct Body {
    /// The centre of charge.
    x: f64,
    y: f64,
    /// The total charge.
    charge: f64,
    /// size² / theta²: nearer than this (squared), look inside.
    near2: f64,
    skip: u32,
    lo: u32,
    hi: u32,
    leaf: bool,
}

impl ManyBody {
    /// The same charge for each of `n` nodes.
    pub fn new(n: usize, strength: f64) -> Self {
        ManyBody {
            strength: vec![strength; n],
            theta: 0.9,
            distance_min: 1.0,
            tree: Quadtree::default(),
            bodies: Vec::new(),
            px: Vec::new(),
            py: Vec::new(),
            pq: Vec::new(),
        }
    }

    /// Pass 1: charges and centres of charge, children before parents.
    fn accumulate(&mut self, n: &Nodes) {
        let count = n.len();
        self.px.resize(count, 0.0);
        self.py.resize(count, 0.0);
        self.pq.resize(count, 0.0);
        for (k, &p) in self.tree.order.iter().enumerate() {
            let p = p as usize;
            self.px[k] = n.x[p];
            self.py[k] = n.y[p];
            self.pq[k] = self.strength[p];
        }
        let cells = self.tree.cells.len();
        self.bodies.resize(cells, Body::default());
        let theta2 = self.theta * self.theta;
        let (tree, px, py, pq) = (
            &self.tree.cells[..],
            &self.px[..],
            &self.py[..],
            &self.pq[..],
        );
        let bodies = &mut self.bodies[..];
        for c in (0..cells).rev() {
            let cell = tree[c];
            // The centre is weighted by the size of each charge, as d3's.
            let (mut q, mut w, mut x, mut y) = (0.0, 0.0, 0.0, 0.0);
            if cell.leaf {
                for k in cell.lo as usize..cell.hi as usize {
                    let a = pq[k].abs();
                    q += pq[k];
                    w += a;
                    x += a * px[k];
                    y += a * py[k];
                }
            } else {
                // The children: the next cell, then each one's skip.
                let mut k = c + 1;
                while k < cell.skip as usize {
                    let b = bodies[k];
                    let a = b.charge.abs();
                    q += b.charge;
                    w += a;
                    x += a * b.x;
                    y += a * b.y;
                    k = b.skip as usize;
                }
            }
            let (x, y) = if w > 0.0 { (x / w, y / w) } else { (0.0, 0.0) };
            bodies[c] = Body {
                x,
                y,
                charge: q,
                near2: cell.size * cell.size / theta2,
                skip: cell.skip,
                lo: cell.lo,
                hi: cell.hi,
                leaf: cell.leaf,
            };
        }
    }
}

impl Force for ManyBody {
    fn apply(&mut self, n: &mut Nodes, alpha: f64, rng: &mut Lcg) {
        if n.is_empty() {
            return;
        }
        self.strength.resize(n.len(), -30.0);
        self.tree.rebuild(&n.x, &n.y);
        self.accumulate(n);
        let min2 = self.distance_min * self.distance_min;
        // Slices, not vectors, in the loops: indexing a slice needs no call
        // when the download is built for size.
        let (bodies, px, py, pq) = (&self.bodies[..], &self.px[..], &self.py[..], &self.pq[..]);
        let (vx, vy) = (&mut n.vx[..], &mut n.vy[..]);
        let cells = bodies.len();
        // Pass 2: each node walks the tree, in the tree's order so that
        // neighbours walk alike one after another.
        for (k, &i) in self.tree.order.iter().enumerate() {
            let (xi, yi) = (px[k], py[k]);
            let (mut fx, mut fy) = (0.0, 0.0);
            let mut c = 0;
            while c < cells {
                let b = bodies[c];
                if b.charge == 0.0 {
                    c = b.skip as usize;
                    continue;
                }
                let mut dx = b.x - xi;
                let mut dy = b.y - yi;
                let mut l = dx * dx + dy * dy;
                // Far enough away to treat the cell as one body?
                if b.near2 < l {
                    if dx == 0.0 || dy == 0.0 {
                        (dx, dy, l) = separate(dx, dy, l, rng);
                    }
                    if l < min2 {
                        l = (min2 * l).sqrt();
                    }
                    fx += dx * b.charge / l;
                    fy += dy * b.charge / l;
                    c = b.skip as usize;
                    continue;
                }
                if !b.leaf {
                    c += 1;
                    continue;
                }
                // A leaf too close to approximate: each of its points on its own.
                for m in b.lo as usize..b.hi as usize {
                    if m == k {
                        continue;
                    }
                    let mut dx = px[m] - xi;
                    let mut dy = py[m] - yi;
                    let mut l = dx * dx + dy * dy;
                    if dx == 0.0 || dy == 0.0 {
                        (dx, dy, l) = separate(dx, dy, l, rng);
                    }
                    if l < min2 {
                        l = (min2 * l).sqrt();
                    }
                    fx += dx * pq[m] / l;
                    fy += dy * pq[m] / l;
                }
                c = b.skip as usize;
            }
            vx[i as usize] += fx * alpha;
            vy[i as usize] += fy * alpha;
        }
    }
}
