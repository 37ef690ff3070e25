use super::center::Center;
use super::collide::Collide;
use super::link::{Link, LinkForce};
use super::many_body::ManyBody;
use super::*;

/// A reproducible graph: `n` nodes, `3n` links between random pairs.
fn graph(n: usize, seed: u32) -> Vec<Link> {
    let mut rng = Lcg::new(seed);
    (0..3 * n)
        .map(|_| Link::new(rng.below(n), rng.below(n)))
        .collect()
}

fn full(n: usize, seed: u32) -> Simulation {
    Simulation::new(n, seed)
        .with_force(LinkForce::new(n, graph(n, seed)))
        .with_force(ManyBody::new(n, -30.0))
        .with_force(Center::new(0.0, 0.0))
        .with_force(Collide::new(vec![5.0; n]))
}

#[test]
fn starts_on_d3s_phyllotaxis() {
    let s = Simulation::new(3, 1);
    assert!((s.nodes.x[0] - 7.0710678).abs() < 1e-6 && s.nodes.y[0].abs() < 1e-12);
    // Node 1: radius 10·√1.5, angle π(3 − √5).
    let a = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    assert!((s.nodes.x[1] - 10.0 * 1.5f64.sqrt() * a.cos()).abs() < 1e-9);
}

#[test]
fn barnes_hut_matches_brute_force() {
    let n = 400;
    let mut s = full(n, 3);
    s.ticks(20); // a spread-out, irregular layout
    let nodes = s.nodes.clone();
    let alpha = 0.5;

    let mut approx = nodes.clone();
    approx.vx.iter_mut().for_each(|v| *v = 0.0);
    approx.vy.iter_mut().for_each(|v| *v = 0.0);
    ManyBody::new(n, -30.0).apply(&mut approx, alpha, &mut Lcg::new(1));

    // Every pair, as the force would be without approximation.
    let mut rms_err = 0.0;
    let mut rms = 0.0;
    for i in 0..n {
        let (mut fx, mut fy) = (0.0, 0.0);
        for j in 0..n {
            if i == j {
                continue;
            }
            let dx = nodes.x[j] - nodes.x[i];
            let dy = nodes.y[j] - nodes.y[i];
            let mut l = dx * dx + dy * dy;
            if l < 1.0 {
                l = l.sqrt();
            }
            fx += dx * -30.0 * alpha / l;
            fy += dy * -30.0 * alpha / l;
        }
        rms_err += (approx.vx[i] - fx).powi(2) + (approx.vy[i] - fy).powi(2);
        rms += fx * fx + fy * fy;
    }
    let relative = (rms_err / rms).sqrt();
    assert!(
        relative < 0.05,
        "Barnes–Hut is off by {relative:.4} (RMS, relative)"
    );
    assert!(relative > 0.0, "theta 0.9 should approximate, not be exact");
}

#[test]
fn same_graph_same_seed_same_coordinates() {
    let mut a = full(300, 9);
    let mut b = full(300, 9);
    a.run_to_rest();
    b.run_to_rest();
    assert_eq!(a.nodes, b.nodes);
    let mut c = full(300, 10);
    c.run_to_rest();
    assert_ne!(a.nodes.x, c.nodes.x);
}

#[test]
fn energy_falls_as_it_cools() {
    let mut s = full(200, 5);
    s.ticks(30);
    let early = s.energy();
    s.ticks(250);
    let late = s.energy();
    assert!(late < early / 100.0, "energy {early} → {late}");
    s.run_to_rest();
    assert!(s.is_cool());
}

#[test]
fn coincident_and_isolated_nodes_stay_finite() {
    let n = 50;
    let mut s = Simulation::new(n, 2)
        .with_force(LinkForce::new(n, vec![Link::new(0, 1), Link::new(1, 2)]))
        .with_force(ManyBody::new(n, -30.0))
        .with_force(Center::new(0.0, 0.0))
        .with_force(Collide::new(vec![4.0; n]));
    // Everyone on one spot.
    s.nodes.x.iter_mut().for_each(|x| *x = 1.0);
    s.nodes.y.iter_mut().for_each(|y| *y = 1.0);
    s.run_to_rest();
    let finite = s.nodes.x.iter().chain(&s.nodes.y).all(|v| v.is_finite());
    assert!(finite);
    // They have been pushed apart.
    let spread = s.nodes.x.iter().cloned().fold(f64::MIN, f64::max)
        - s.nodes.x.iter().cloned().fold(f64::MAX, f64::min);
    assert!(spread > 20.0, "spread {spread}");
    // An empty and a single-node simulation are fine too.
    Simulation::new(0, 1)
        .with_force(ManyBody::new(0, -30.0))
        .run_to_rest();
    let mut one = Simulation::new(1, 1)
        .with_force(ManyBody::new(1, -30.0))
        .with_force(Collide::new(vec![3.0]));
    one.run_to_rest();
    assert!(one.nodes.x[0].is_finite());
}

#[test]
fn a_link_settles_at_its_distance() {
    let mut s = Simulation::new(2, 1).with_force(LinkForce::new(2, vec![Link::new(0, 1)]));
    s.run_to_rest();
    let d = ((s.nodes.x[1] - s.nodes.x[0]).powi(2) + (s.nodes.y[1] - s.nodes.y[0]).powi(2)).sqrt();
    assert!((d - 30.0).abs() < 1.0, "distance {d}");
}

#[test]
fn pinned_nodes_stay_put_and_release() {
    let mut s = full(40, 4);
    s.pin(7, 100.0, -50.0);
    s.ticks(50);
    assert_eq!((s.nodes.x[7], s.nodes.y[7]), (100.0, -50.0));
    s.unpin(7);
    s.reheat(0.3);
    s.ticks(10);
    assert_ne!((s.nodes.x[7], s.nodes.y[7]), (100.0, -50.0));
}

#[test]
fn collisions_separate_circles() {
    let mut s = Simulation::new(2, 1).with_force(Collide::new(vec![10.0, 10.0]));
    s.nodes.x = vec![0.0, 1.0];
    s.nodes.y = vec![0.0, 0.0];
    s.run_to_rest();
    let d = (s.nodes.x[1] - s.nodes.x[0]).abs();
    assert!(d > 19.0, "distance {d}");
}

#[test]
fn positioning_keeps_isolated_nodes_near() {
    let n = 30;
    let mut free = Simulation::new(n, 1).with_force(ManyBody::new(n, -200.0));
    let mut held = Simulation::new(n, 1)
        .with_force(ManyBody::new(n, -200.0))
        .with_force(super::position::Position::new(0.0, 0.0, 0.1));
    free.run_to_rest();
    held.run_to_rest();
    let extent = |s: &Simulation| s.nodes.x.iter().map(|x| x.abs()).fold(0.0, f64::max);
    assert!(
        extent(&held) < extent(&free) / 2.0,
        "{} vs {}",
        extent(&held),
        extent(&free)
    );
}

#[test]
fn the_written_out_decay_is_d3s_formula() {
    assert_eq!(
        Simulation::new(1, 0).alpha_decay,
        1.0 - 0.001f64.powf(1.0 / 300.0)
    );
}

#[test]
fn the_spiral_is_the_standard_librarys_to_the_last_few_bits() {
    let sim = Simulation::new(100_000, 0);
    let angle = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for i in (0..100_000).step_by(997) {
        let r = 10.0 * (0.5 + i as f64).sqrt();
        let a = i as f64 * angle;
        assert!((sim.nodes.x[i] - r * a.cos()).abs() < 1e-9, "{i}");
        assert!((sim.nodes.y[i] - r * a.sin()).abs() < 1e-9, "{i}");
    }
}

/// One tick of the collision force against every pair tried by d3's rule
/// (node by node, each with every later node, at the places earlier pushes
/// left them). Circles of a network's sizes, as crowded as a layout's
/// start, some of them already moving. The grid is built from the places at
/// the start of the tick, so it could miss a pair that pushes in the same
/// tick bring together from more than a cell apart; in these layouts no
/// push goes that far, and it meets every pair.
#[test]
fn collide_meets_the_pairs_every_pair_would() {
    let mut rng = crate::base::rng::Lcg::new(9);
    for (n, extent) in [(2, 10.0), (40, 60.0), (400, 600.0), (1000, 1300.0)] {
        let mut s = Simulation::new(n, 3);
        for i in 0..n {
            s.nodes.x[i] = extent * rng.next_f64();
            s.nodes.y[i] = extent * rng.next_f64();
            s.nodes.vx[i] = rng.next_f64() - 0.5;
            s.nodes.vy[i] = rng.next_f64() - 0.5;
        }
        let radius: Vec<f64> = (0..n).map(|_| 12.0 + 21.0 * rng.next_f64()).collect();
        let mut expected = s.nodes.clone();
        let mut force = Collide::new(radius.clone());
        force.apply(&mut s.nodes, 1.0, &mut crate::base::rng::Lcg::new(1));
        // Every pair, as the force's rule has it.
        let e = &mut expected;
        let mut touching = 0;
        for i in 0..n {
            let (xi, yi, ri) = (e.x[i] + e.vx[i], e.y[i] + e.vy[i], radius[i]);
            for (j, &rj) in radius.iter().enumerate().skip(i + 1) {
                let (dx, dy) = (xi - e.x[j] - e.vx[j], yi - e.y[j] - e.vy[j]);
                let (l, rr) = (dx * dx + dy * dy, ri + rj);
                if l < rr * rr {
                    touching += 1;
                    let d = l.sqrt();
                    let f = (rr - d) / d;
                    let share = rj * rj / (ri * ri + rj * rj);
                    e.vx[i] += dx * f * share;
                    e.vy[i] += dy * f * share;
                    e.vx[j] -= dx * f * (1.0 - share);
                    e.vy[j] -= dy * f * (1.0 - share);
                }
            }
        }
        assert!(
            n < 40 || touching > n / 10,
            "{n} nodes: only {touching} pairs touch"
        );
        for i in 0..n {
            let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
            assert!(
                close(s.nodes.vx[i], e.vx[i]) && close(s.nodes.vy[i], e.vy[i]),
                "{n} nodes: node {i} moves ({}, {}), every pair gives ({}, {})",
                s.nodes.vx[i],
                s.nodes.vy[i],
                e.vx[i],
                e.vy[i]
            );
        }
    }
}
