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
//! `distance_min` keeps very close pairs from exploding (d3: 1); beyond
//! `distance_max` nodes do not interact (d3: infinity).

use super::quadtree::{Quadtree, NONE};
use super::{separate, Force, Nodes};
use crate::base::rng::Lcg;

#[derive(Debug, Clone)]
pub struct ManyBody {
    /// Per-node charge; d3's default is −30 for all.
    pub strength: Vec<f64>,
    /// Barnes–Hut accuracy: smaller is more exact and slower (d3: 0.9).
    pub theta: f64,
    pub distance_min: f64,
    pub distance_max: f64,
    tree: Quadtree,
    /// Per cell: total charge, and the charge-weighted centre.
    charge: Vec<f64>,
    cx: Vec<f64>,
    cy: Vec<f64>,
    stack: Vec<u32>,
}

impl ManyBody {
    /// The same charge for each of `n` nodes.
    pub fn new(n: usize, strength: f64) -> Self {
        ManyBody {
            strength: vec![strength; n],
            theta: 0.9,
            distance_min: 1.0,
            distance_max: f64::INFINITY,
            tree: Quadtree::default(),
            charge: Vec::new(),
            cx: Vec::new(),
            cy: Vec::new(),
            stack: Vec::new(),
        }
    }

    /// Pass 1: charges and centres of charge, children before parents.
    fn accumulate(&mut self, n: &Nodes) {
        let cells = self.tree.cells.len();
        self.charge.clear();
        self.charge.resize(cells, 0.0);
        self.cx.clear();
        self.cx.resize(cells, 0.0);
        self.cy.clear();
        self.cy.resize(cells, 0.0);
        for &c in self.tree.order.iter().rev() {
            let c = c as usize;
            let cell = self.tree.cells[c];
            if cell.is_leaf() {
                let first = cell.point as usize;
                self.charge[c] = self
                    .tree
                    .chain(&cell)
                    .map(|p| self.strength[p as usize])
                    .sum();
                self.cx[c] = n.x[first];
                self.cy[c] = n.y[first];
            } else {
                let (mut q, mut weight, mut x, mut y) = (0.0, 0.0, 0.0, 0.0);
                for &child in cell.children.iter().filter(|&&k| k != NONE) {
                    let k = child as usize;
                    let w = self.charge[k].abs();
                    q += self.charge[k];
                    weight += w;
                    x += w * self.cx[k];
                    y += w * self.cy[k];
                }
                self.charge[c] = q;
                if weight > 0.0 {
                    self.cx[c] = x / weight;
                    self.cy[c] = y / weight;
                }
            }
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
        let theta2 = self.theta * self.theta;
        let min2 = self.distance_min * self.distance_min;
        let max2 = self.distance_max * self.distance_max;
        for i in 0..n.len() {
            let (xi, yi) = (n.x[i], n.y[i]);
            let (mut fx, mut fy) = (0.0, 0.0);
            self.stack.clear();
            self.stack.push(0);
            while let Some(c) = self.stack.pop() {
                let c = c as usize;
                let q = self.charge[c];
                if q == 0.0 {
                    continue;
                }
                let cell = self.tree.cells[c];
                let mut dx = self.cx[c] - xi;
                let mut dy = self.cy[c] - yi;
                let mut l = dx * dx + dy * dy;
                // Far enough away to treat the cell as one body?
                if cell.size * cell.size / theta2 < l {
                    if l < max2 {
                        separate(&mut dx, &mut dy, &mut l, rng);
                        if l < min2 {
                            l = (min2 * l).sqrt();
                        }
                        fx += dx * q * alpha / l;
                        fy += dy * q * alpha / l;
                    }
                    continue;
                }
                if !cell.is_leaf() {
                    // Children pushed in reverse so that they pop NW, NE, SW, SE.
                    for &k in cell.children.iter().rev().filter(|&&k| k != NONE) {
                        self.stack.push(k);
                    }
                    continue;
                }
                if l >= max2 {
                    continue;
                }
                // A leaf too close to approximate: each of its points on its own.
                let own = cell.point as usize == i && self.tree.next[i] == NONE;
                if !own {
                    separate(&mut dx, &mut dy, &mut l, rng);
                    if l < min2 {
                        l = (min2 * l).sqrt();
                    }
                }
                for p in self.tree.chain(&cell) {
                    if p as usize != i {
                        let w = self.strength[p as usize] * alpha / l;
                        fx += dx * w;
                        fy += dy * w;
                    }
                }
            }
            n.vx[i] += fx;
            n.vy[i] += fy;
        }
    }
}
