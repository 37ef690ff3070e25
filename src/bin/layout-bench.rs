//! The layout compiled to wasm for the head-to-head with d3-force in node
//! (`make bench`, benches/layout-vs-d3.mjs). Same forces as the network view.

use dossier::graph::layout::center::Center;
use dossier::graph::layout::collide::Collide;
use dossier::graph::layout::link::{Link, LinkForce};
use dossier::graph::layout::many_body::ManyBody;
use dossier::graph::layout::Simulation;
use wasm_bindgen::prelude::*;

/// A simulation of `n` nodes linked by `sources[k]` → `targets[k]`, with d3's
/// default link, many-body (−30) and centre forces, and collision radius 5.
#[wasm_bindgen]
pub struct BenchLayout(Simulation);

#[wasm_bindgen]
impl BenchLayout {
    #[wasm_bindgen(constructor)]
    pub fn new(n: usize, sources: &[u32], targets: &[u32]) -> BenchLayout {
        let links = sources
            .iter()
            .zip(targets)
            .map(|(&s, &t)| Link::new(s as usize, t as usize))
            .collect();
        BenchLayout(
            Simulation::new(n, 1)
                .with_force(LinkForce::new(n, links))
                .with_force(ManyBody::new(n, -30.0))
                .with_force(Center::new(0.0, 0.0))
                .with_force(Collide::new(vec![5.0; n])),
        )
    }

    pub fn tick(&mut self, count: usize) {
        self.0.ticks(count);
    }

    /// x0, y0, x1, y1, …: for checking both layouts spread alike.
    pub fn positions(&self) -> Vec<f64> {
        let n = &self.0.nodes;
        n.x.iter().zip(&n.y).flat_map(|(&x, &y)| [x, y]).collect()
    }
}

fn main() {}
