//! d3-force's own published unit tests (test/collide-test.js,
//! test/center-test.js, test/x-test.js, test/simulation-test.js), ported to
//! this layout: the same scenarios and the same expected numbers, so that
//! our simulation is checked against d3's exact coordinates.
//!
//! d3's `forceSimulation()` seeds its LCG with 1, so every simulation here
//! uses seed 1. d3's forceX / forceY are our [`Position`], which pulls on
//! both axes: each scenario keeps the other axis already at its target, so
//! that axis sees no force, as in d3.

use super::center::Center;
use super::collide::Collide;
use super::position::Position;
use super::Simulation;

/// d3's `forceSimulation()` random source starts from seed 1.
const D3_SEED: u32 = 1;

/// What d3's `assertNodeEqual` compares: position, velocity and, for a
/// pinned node, its fixed position.
#[derive(Debug, Clone, Copy)]
struct Expected {
    x: f64,
    y: f64,
    vx: f64,
    vy: f64,
    fixed: Option<(f64, f64)>,
}

fn free(x: f64, y: f64, vx: f64, vy: f64) -> Expected {
    Expected {
        x,
        y,
        vx,
        vy,
        fixed: None,
    }
}

fn pinned(fx: f64, fy: f64) -> Expected {
    Expected {
        x: fx,
        y: fy,
        vx: 0.0,
        vy: 0.0,
        fixed: Some((fx, fy)),
    }
}

/// d3's tolerance in `assertNodeEqual`.
const DELTA: f64 = 1e-6;

/// d3's `assertNodeEqual(node, expected)`: every component within 1e-6.
#[track_caller]
fn assert_node_equal(sim: &Simulation, i: usize, e: Expected) {
    let n = &sim.nodes;
    let (x, y, vx, vy) = (n.x[i], n.y[i], n.vx[i], n.vy[i]);
    let close = |a: f64, b: f64| (a - b).abs() < DELTA;
    let fixed_ok = match (n.fixed[i], e.fixed) {
        (None, None) => true,
        (Some((fx, fy)), Some((ex, ey))) => close(fx, ex) && close(fy, ey),
        _ => false,
    };
    assert!(
        close(x, e.x) && close(y, e.y) && close(vx, e.vx) && close(vy, e.vy) && fixed_ok,
        "node {i}: got x={x:?} y={y:?} vx={vx:?} vy={vy:?} fixed={:?}, expected {e:?}",
        n.fixed[i],
    );
}

/// Place node `i` explicitly, as a d3 node given `{x, y}`.
fn place(sim: &mut Simulation, i: usize, x: f64, y: f64) {
    sim.nodes.x[i] = x;
    sim.nodes.y[i] = y;
}

// simulation-test.js

/// "simulation.nodes(nodes) initializes a simulation with indices &
/// phyllotaxis positions, 0 speed"
#[test]
fn simulation_initializes_phyllotaxis_positions_with_zero_speed() {
    let sim = Simulation::new(3, D3_SEED);
    assert_node_equal(&sim, 0, free(7.0710678118654755, 0.0, 0.0, 0.0));
    assert_node_equal(&sim, 1, free(-9.03088751750192, 8.27303273571596, 0.0, 0.0));
    assert_node_equal(
        &sim,
        2,
        free(1.3823220809823638, -15.750847141167634, 0.0, 0.0),
    );
}

// center-test.js

/// "forceCenter repositions nodes"
#[test]
fn center_repositions_nodes() {
    let mut sim = Simulation::new(3, D3_SEED).with_force(Center::new(0.0, 0.0));
    place(&mut sim, 0, 100.0, 0.0);
    place(&mut sim, 1, 200.0, 0.0);
    place(&mut sim, 2, 300.0, 0.0);
    sim.tick();
    assert_node_equal(&sim, 0, free(-100.0, 0.0, 0.0, 0.0));
    assert_node_equal(&sim, 1, free(0.0, 0.0, 0.0, 0.0));
    assert_node_equal(&sim, 2, free(100.0, 0.0, 0.0, 0.0));
}

/// "forceCenter respects fixed positions"
#[test]
fn center_respects_fixed_positions() {
    let mut sim = Simulation::new(3, D3_SEED).with_force(Center::new(0.0, 0.0));
    sim.pin(0, 0.0, 0.0);
    sim.tick();
    assert_node_equal(&sim, 0, pinned(0.0, 0.0));
}

// collide-test.js

/// "forceCollide collides nodes"
#[test]
fn collide_collides_nodes() {
    // d3 changes the radius of the same force between the two runs; the
    // force is owned by the simulation here, so the second run continues
    // the same nodes and alpha in a simulation with the larger radius.
    let mut sim = Simulation::new(3, D3_SEED).with_force(Collide::new(vec![1.0; 3]));
    sim.ticks(10);
    assert_node_equal(&sim, 0, free(7.0710678118654755, 0.0, 0.0, 0.0));
    assert_node_equal(&sim, 1, free(-9.03088751750192, 8.27303273571596, 0.0, 0.0));
    assert_node_equal(
        &sim,
        2,
        free(1.3823220809823638, -15.750847141167634, 0.0, 0.0),
    );

    let mut sim = continue_with(sim, Collide::new(vec![100.0; 3]));
    sim.ticks(10);
    assert_node_equal(
        &sim,
        0,
        free(
            174.08616723117228,
            66.51743051995625,
            0.677346615710878,
            0.26976816231064354,
        ),
    );
    assert_node_equal(
        &sim,
        1,
        free(
            -139.73606544743998,
            95.69860503079263,
            -0.5300880593105067,
            0.3545632444404687,
        ),
    );
    assert_node_equal(
        &sim,
        2,
        free(
            -34.9275994083864,
            -169.69384995620052,
            -0.1472585564003713,
            -0.6243314067511122,
        ),
    );
}

/// "forceCollide respects fixed positions"
#[test]
fn collide_respects_fixed_positions() {
    let mut sim = Simulation::new(3, D3_SEED).with_force(Collide::new(vec![1.0; 3]));
    sim.pin(0, 0.0, 0.0);
    sim.ticks(10);
    assert_node_equal(&sim, 0, pinned(0.0, 0.0));

    let mut sim = continue_with(sim, Collide::new(vec![100.0; 3]));
    sim.ticks(10);
    assert_node_equal(&sim, 0, pinned(0.0, 0.0));
}

/// "forceCollide jiggles equal positions"
#[test]
fn collide_jiggles_equal_positions() {
    let mut sim = Simulation::new(2, D3_SEED).with_force(Collide::new(vec![1.0; 2]));
    place(&mut sim, 0, 0.0, 0.0);
    place(&mut sim, 1, 0.0, 0.0);
    sim.tick();
    let n = &sim.nodes;
    assert_ne!(n.x[0], n.x[1]);
    assert_ne!(n.y[0], n.y[1]);
    assert_eq!(n.vx[0], -n.vx[1]);
    assert_eq!(n.vy[0], -n.vy[1]);
}

/// "forceCollide jiggles in a reproducible way"
///
/// Ignored: an intended difference, not a bug. d3-quadtree keeps points at
/// exactly the same position as a chain in one leaf, and d3's forceCollide
/// only ever tests the head of that chain (the point added last), so ten
/// coincident nodes come apart a few at a time over several ticks (d3-force
/// issue #199). Our [`Collide`] tests every point of the chain and separates
/// them all on the first tick, so the jiggles are drawn for other pairs and
/// the layout after 50 ticks differs. d3's expected numbers are kept as
/// published.
#[test]
#[ignore = "d3 collides only the head of a coincident chain; ours collides all (see doc)"]
fn collide_jiggles_in_a_reproducible_way() {
    // d3's forceCollide() with no radius: 1 for every node.
    let mut sim = Simulation::new(10, D3_SEED).with_force(Collide::new(vec![1.0; 10]));
    for i in 0..10 {
        place(&mut sim, i, 0.0, 0.0);
    }
    sim.ticks(50);
    assert_node_equal(
        &sim,
        0,
        free(-5.371433857229194, -2.6644608278592576, 0.0, 0.0),
    );
}

/// The same nodes and alpha, with `force` in place of the simulation's
/// forces: d3's `collide.radius(..)` between two runs. The random source
/// restarts from the seed, which is the same state as long as nothing was
/// jiggled before, as in the scenarios here (no pair overlaps at radius 1).
fn continue_with(old: Simulation, force: Collide) -> Simulation {
    let mut sim = Simulation::new(old.nodes.len(), D3_SEED).with_force(force);
    sim.nodes = old.nodes;
    sim.alpha = old.alpha;
    sim
}

// x-test.js (forceY's tests are in the same file)

/// "forceX centers nodes"
#[test]
fn x_centers_nodes() {
    // forceX(200): default strength 0.1; y is already at the target 0.
    let mut sim = Simulation::new(3, D3_SEED).with_force(Position::new(200.0, 0.0, 0.1));
    place(&mut sim, 0, 100.0, 0.0);
    place(&mut sim, 1, 200.0, 0.0);
    place(&mut sim, 2, 300.0, 0.0);
    sim.ticks(30);
    let n = &sim.nodes;
    assert!(n.x[0] > 190.0);
    assert!(n.vx[0] > 0.0);
    assert_eq!(n.x[1], 200.0);
    assert_eq!(n.vx[1], 0.0);
    assert!(n.x[2] < 210.0);
    assert!(n.vx[2] < 0.0);
    // The other axis is untouched, as with d3's forceX alone.
    assert!(n.y.iter().chain(&n.vy).all(|&v| v == 0.0));
}

/// "forceY centers nodes"
#[test]
fn y_centers_nodes() {
    let mut sim = Simulation::new(3, D3_SEED).with_force(Position::new(0.0, 200.0, 0.1));
    place(&mut sim, 0, 0.0, 100.0);
    place(&mut sim, 1, 0.0, 200.0);
    place(&mut sim, 2, 0.0, 300.0);
    sim.ticks(30);
    let n = &sim.nodes;
    assert!(n.y[0] > 190.0);
    assert!(n.vy[0] > 0.0);
    assert_eq!(n.y[1], 200.0);
    assert_eq!(n.vy[1], 0.0);
    assert!(n.y[2] < 210.0);
    assert!(n.vy[2] < 0.0);
    assert!(n.x.iter().chain(&n.vx).all(|&v| v == 0.0));
}

/// "forceX respects fixed positions"
#[test]
fn x_respects_fixed_positions() {
    let mut sim = Simulation::new(3, D3_SEED).with_force(Position::new(200.0, 0.0, 0.1));
    sim.pin(0, 0.0, 0.0);
    sim.tick();
    assert_node_equal(&sim, 0, pinned(0.0, 0.0));
}

/// "forceY respects fixed positions" (d3's test builds a forceX there; this
/// one pulls along y, as its name says).
#[test]
fn y_respects_fixed_positions() {
    let mut sim = Simulation::new(3, D3_SEED).with_force(Position::new(0.0, 200.0, 0.1));
    sim.pin(0, 0.0, 0.0);
    sim.tick();
    assert_node_equal(&sim, 0, pinned(0.0, 0.0));
}
