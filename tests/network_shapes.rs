//! The network drawn for stories of every shape, natively: at a phone's
//! frame and a desktop's, the busiest actors' names fit at 11 px inside the
//! frame and clear of every other node and name, no node covers another,
//! and the layout fills its frame. The end-to-end tests check the same in
//! the browser; here a failure names the shape and the numbers.

#![cfg(not(target_arch = "wasm32"))]

use dossier::base::labels::label_box;
use dossier::format::model::Dataset;
use dossier::format::story::first_story;
use dossier::graph::network::Graph;
use dossier::graph::view::{
    fit_view, frame_for, label_priority, units_per_px, Labels, Zoom, LABEL_ALL_UP_TO,
};
use dossier::import::shapes::{fixture, Fixture, SHAPES};

fn stories() -> Vec<(String, Dataset)> {
    let mut out = vec![("first-story".to_owned(), first_story().unwrap())];
    for (name, _, _) in SHAPES {
        let ds = match fixture(name).unwrap() {
            Fixture::Json(ds) => *ds,
            Fixture::Csv(csv) => {
                dossier::import::acled::import(csv.as_bytes(), "x.csv")
                    .unwrap()
                    .dataset
            }
        };
        out.push((name.to_owned(), ds));
    }
    out
}

/// Problems with the drawn network of `ds` in a frame `w` × `h`.
fn check(ds: &Dataset, w: f64, h: f64) -> Vec<String> {
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let mut g = Graph::build(ds, &all, true, &[]);
    g.frame = frame_for(ds, &g, w, h);
    g.fit_spread(1);
    g.lay_out(1);
    let (xs, ys): (Vec<f64>, Vec<f64>) = g.nodes.iter().map(|n| (n.x, n.y)).unzip();
    let fit = fit_view(&g, &xs, &ys);
    let unit = units_per_px(fit, w, Zoom::default());
    let order = g.tab_order(ds);
    let top = g.frame.labels.len();
    let priority = label_priority(&g, &order, None, |_| false, LABEL_ALL_UP_TO);
    let labels = Labels::place(ds, &g, (&xs, &ys), (&priority, top), unit, fit);
    let mut problems = Vec::new();
    let name = |i: usize| ds.actors[g.nodes[i].actor].name.clone();
    let gap = 3.0 * unit;
    let boxes: Vec<Option<(f64, f64, f64, f64)>> = labels
        .marks
        .iter()
        .zip(&labels.at)
        .map(|(m, p)| p.as_ref().map(|p| label_box(m, p, gap)))
        .collect();
    for &i in &order[..top] {
        let Some(b) = boxes[i] else {
            problems.push(format!("no label for {}", name(i)));
            continue;
        };
        for (j, n) in g.nodes.iter().enumerate() {
            let (cx, cy) = (xs[j].clamp(b.0, b.2), ys[j].clamp(b.1, b.3));
            if j != i && (cx - xs[j]).hypot(cy - ys[j]) < n.radius - unit {
                problems.push(format!("{} covers {}", name(i), name(j)));
            }
        }
        for (j, o) in boxes.iter().enumerate() {
            if let Some(o) = o {
                if j != i && b.0 < o.2 && o.0 < b.2 && b.1 < o.3 && o.1 < b.3 {
                    problems.push(format!("{} overlaps the label {}", name(i), name(j)));
                }
            }
        }
    }
    // A name not among the first `top` keeps a quarter of its height clear of
    // every other node: nearer another, it would read as that one's.
    for &i in &priority[top.min(priority.len())..] {
        let Some(b) = boxes[i] else { continue };
        for (j, n) in g.nodes.iter().enumerate() {
            let (cx, cy) = (xs[j].clamp(b.0, b.2), ys[j].clamp(b.1, b.3));
            if j != i && (cx - xs[j]).hypot(cy - ys[j]) < n.radius + 0.3 * labels.font - 1e-6 * unit
            {
                problems.push(format!("{} reads as the name of {}", name(i), name(j)));
            }
        }
    }
    let mut overlaps = 0;
    for a in 0..g.nodes.len() {
        for b in a + 1..g.nodes.len() {
            let d = (xs[a] - xs[b]).hypot(ys[a] - ys[b]);
            if d < g.nodes[a].radius + g.nodes[b].radius - unit {
                overlaps += 1;
            }
        }
    }
    if overlaps > 0 {
        problems.push(format!("{overlaps} pairs of nodes overlap"));
    }
    let x0 = (0..xs.len())
        .map(|i| xs[i] - g.nodes[i].radius)
        .fold(f64::MAX, f64::min);
    let x1 = (0..xs.len())
        .map(|i| xs[i] + g.nodes[i].radius)
        .fold(f64::MIN, f64::max);
    let y0 = (0..ys.len())
        .map(|i| ys[i] - g.nodes[i].radius)
        .fold(f64::MAX, f64::min);
    let y1 = (0..ys.len())
        .map(|i| ys[i] + g.nodes[i].radius)
        .fold(f64::MIN, f64::max);
    let fill = ((x1 - x0) / fit.2).max((y1 - y0) / fit.3);
    if g.nodes.len() > 1 && fill < 0.7 {
        problems.push(format!("fills {:.0} % of the frame", fill * 100.0));
    }
    problems
}

fn check_all(big: bool) {
    let mut failures = Vec::new();
    let stories = stories()
        .into_iter()
        .filter(|(_, ds)| (ds.actors.len() > 100) == big);
    for (name, ds) in stories {
        for (w, h) in [
            (288.0, 360.0),
            (327.0, 409.0),
            (343.0, 429.0),
            (1150.0, 630.0),
        ] {
            let problems = check(&ds, w, h);
            if !problems.is_empty() {
                failures.push(format!("{name} at {w} px: {}", problems.join("; ")));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn small_stories_draw_legibly_on_a_phone_and_a_desktop() {
    check_all(false);
}

#[test]
fn big_networks_draw_legibly_on_a_phone_and_a_desktop() {
    check_all(true);
}

/// A frame of any size, even one read from a hidden element (0 × 0, or a
/// width with no height yet), lays out without a panic and with every
/// position finite. A frame of 375 × 0 once blew the layout up to NaN.
#[test]
fn any_frame_size_lays_out() {
    let stories = stories();
    for (name, ds) in stories.iter().filter(|(_, ds)| ds.actors.len() < 40) {
        let all: Vec<usize> = (0..ds.events.len()).collect();
        for w in [0.0, 1.0, 9.0, 50.0, 159.0, 375.0, 1200.0] {
            for h in [0.0, 1.0, 6.0, 150.0, 560.0] {
                let mut g = Graph::build(ds, &all, true, &[]);
                g.frame = frame_for(ds, &g, w, h);
                g.fit_spread(1);
                g.lay_out(1);
                let (xs, ys): (Vec<f64>, Vec<f64>) = g.nodes.iter().map(|n| (n.x, n.y)).unzip();
                assert!(
                    xs.iter().chain(&ys).all(|v| v.is_finite()),
                    "{name} at {w} × {h}: a position is not finite"
                );
                let fit = fit_view(&g, &xs, &ys);
                assert!(
                    [fit.0, fit.1, fit.2, fit.3].iter().all(|v| v.is_finite()),
                    "{name} at {w} × {h}: the view box is not finite"
                );
            }
        }
    }
}
