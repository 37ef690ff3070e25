//! The link force: each edge is a spring that pulls its two nodes toward a
//! rest `distance` apart (d3-force's forceLink).
//!
//! As in d3, a link's default strength is 1 / min(degree(source),
//! degree(target)), so that links to hubs are weaker and hubs are not pulled
//! apart; the correction is shared in proportion to degree (`bias`), so the
//! less connected end moves more. Positions are predicted one step ahead
//! (x + vx), which makes the spring stable.

use super::{Force, Nodes};
use crate::base::gather::Gather;
use crate::base::rng::Lcg;

/// An edge between two nodes, by index.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub source: usize,
    pub target: usize,
    /// Rest length in layout units (d3's default is 30).
    pub distance: f64,
    /// Multiplies the default strength; 1 for d3's behaviour, more for a
    /// heavier edge (say, actors who share many events).
    pub weight: f64,
}

impl Link {
    pub fn new(source: usize, target: usize) -> Self {
        Link {
            source,
            target,
            distance: 30.0,
            weight: 1.0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct LinkForce {
    links: Vec<Link>,
    strength: Vec<f64>,
    bias: Vec<f64>,
    /// Passes per tick; more makes links stiffer (d3's default is 1).
    pub iterations: usize,
}

impl LinkForce {
    /// Links among `n` nodes. Links with an end out of range are dropped.
    pub fn new(n: usize, links: Vec<Link>) -> Self {
        let links: Vec<Link> = links
            .into_iter()
            .filter(|l| l.source < n && l.target < n && l.source != l.target)
            .gather();
        let mut degree = vec![0usize; n];
        for l in &links {
            degree[l.source] += 1;
            degree[l.target] += 1;
        }
        let strength = links
            .iter()
            .map(|l| l.weight / degree[l.source].min(degree[l.target]) as f64)
            .gather();
        let bias = links
            .iter()
            .map(|l| degree[l.source] as f64 / (degree[l.source] + degree[l.target]) as f64)
            .gather();
        LinkForce {
            links,
            strength,
            bias,
            iterations: 1,
        }
    }
}

impl Force for LinkForce {
    fn apply(&mut self, n: &mut Nodes, alpha: f64, rng: &mut Lcg) {
        // Slices, not vectors, in the loop: indexing a slice needs no call
        // when the download is built for size.
        let (px, py) = (&n.x[..], &n.y[..]);
        let (vx, vy) = (&mut n.vx[..], &mut n.vy[..]);
        let (strength, bias) = (&self.strength[..], &self.bias[..]);
        for _ in 0..self.iterations {
            for (k, l) in self.links.iter().enumerate() {
                let (s, t) = (l.source, l.target);
                let mut x = px[t] + vx[t] - px[s] - vx[s];
                let mut y = py[t] + vy[t] - py[s] - vy[s];
                if x == 0.0 {
                    x = rng.jiggle();
                }
                if y == 0.0 {
                    y = rng.jiggle();
                }
                let len = (x * x + y * y).sqrt();
                let f = (len - l.distance) / len * alpha * strength[k];
                x *= f;
                y *= f;
                let b = bias[k];
                vx[t] -= x * b;
                vy[t] -= y * b;
                vx[s] += x * (1.0 - b);
                vy[s] += y * (1.0 - b);
            }
        }
    }
}
