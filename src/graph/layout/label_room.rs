//! The label-room force: the always-labelled actors' names are obstacles.
//! Each tick it sizes those names for the frame (from the layout's current
//! extent, as [`Frame::fit`] will draw it), then pushes any other node out
//! of the place below each labelled node, and pushes apart two labelled
//! nodes whose names would overlap. Like collision, it acts whatever the
//! temperature, so the room stays as the layout cools.
//!
//! d3-force has no such force; it is what lets a phone show the three main
//! actors' names at a true 11 px without covering anyone.

use super::{Force, Nodes};
use crate::base::gather::Gather;
use crate::base::rng::Lcg;
use crate::graph::frame::{Frame, LABEL_GAP_PX, MAX_PX_PER_UNIT, PAD_PX};

#[derive(Debug, Clone)]
pub struct LabelRoom {
    pub frame: Frame,
    /// Per-node radius, in layout units.
    pub radius: Vec<f64>,
    /// 0–1: how much of an intrusion is resolved per tick.
    pub strength: f64,
}

impl LabelRoom {
    pub fn new(frame: Frame, radius: Vec<f64>) -> Self {
        LabelRoom {
            frame,
            radius,
            strength: 0.8,
        }
    }

    /// Layout units per pixel for the nodes where they are now.
    fn unit(&self, n: &Nodes) -> f64 {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for i in 0..n.len() {
            let r = self.radius.get(i).copied().unwrap_or(0.0);
            x0 = x0.min(n.x[i] - r);
            x1 = x1.max(n.x[i] + r);
            y0 = y0.min(n.y[i] - r);
            y1 = y1.max(n.y[i] + r);
        }
        let (fw, fh) = (self.frame.width.max(1.0), self.frame.height.max(1.0));
        let (w, h) = (x1 - x0, y1 - y0);
        // As the fitted box will be: the extent and its margin.
        ((w / (fw - 2.0 * PAD_PX).max(1.0)).max(h / (fh - 2.0 * PAD_PX).max(1.0)))
            .max(1.0 / MAX_PX_PER_UNIT)
    }
}

/// Push a circle at (cx, cy) of radius `r` out of the box `b`: the move, or
/// `None` when they do not touch.
fn out_of(b: (f64, f64, f64, f64), cx: f64, cy: f64, r: f64) -> Option<(f64, f64)> {
    // A box or a node gone to infinity or NaN is no obstacle (and `clamp`
    // would panic on NaN bounds).
    if ![b.0, b.1, b.2, b.3, cx, cy, r]
        .iter()
        .all(|v| v.is_finite())
        || b.0 > b.2
        || b.1 > b.3
    {
        return None;
    }
    let nx = crate::base::num::clamp(cx, b.0, b.2);
    let ny = crate::base::num::clamp(cy, b.1, b.3);
    let (dx, dy) = (cx - nx, cy - ny);
    let d = crate::base::num::length(dx, dy);
    if d >= r {
        return None;
    }
    if d > 1e-9 {
        return Some((dx / d * (r - d), dy / d * (r - d)));
    }
    // The centre is inside: leave by the nearest side but the top, where
    // the name's own node is.
    let exits = [
        (cx - b.0 + r, (-1.0, 0.0)),
        (b.2 - cx + r, (1.0, 0.0)),
        (b.3 - cy + r, (0.0, 1.0)),
    ];
    let (depth, (ux, uy)) = exits
        .into_iter()
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .expect("four sides");
    Some((ux * depth, uy * depth))
}

impl Force for LabelRoom {
    fn apply(&mut self, n: &mut Nodes, _alpha: f64, _rng: &mut Lcg) {
        if self.frame.labels.is_empty() || n.is_empty() {
            return;
        }
        let unit = self.unit(n);
        if !unit.is_finite() {
            return;
        }
        let gap = LABEL_GAP_PX * unit;
        let boxes: Vec<(usize, (f64, f64, f64, f64))> = self
            .frame
            .labels
            .iter()
            .filter(|&&(i, _, _)| i < n.len())
            .map(|&(i, w, h)| {
                let r = self.radius.get(i).copied().unwrap_or(0.0);
                (i, Frame::label_below(n.x[i], n.y[i], r, (w, h), unit))
            })
            .gather();
        // The room a name needs runs from its node's centre line down to
        // the name's foot, so that a node beside its owner is pushed up or
        // aside, never into the owner.
        let room: Vec<(usize, (f64, f64, f64, f64))> = boxes
            .iter()
            .map(|&(i, b)| (i, (b.0, n.y[i], b.2, b.3)))
            .gather();
        let k = self.strength;
        for &(owner, b) in &room {
            // Shared: each node in the name's room steps out, and the
            // name's owner steps back by the mean of their pushes, not
            // their sum: in a crowd (a hub among hundreds on a phone) the
            // sum would throw the owner out of the crowd it belongs in, to
            // the drawing's edge, where nothing is under its name.
            let (mut bx, mut by, mut count) = (0.0, 0.0, 0.0);
            for j in 0..n.len() {
                if j == owner {
                    continue;
                }
                let r = self.radius.get(j).copied().unwrap_or(0.0) + gap;
                if let Some((mx, my)) = out_of(b, n.x[j], n.y[j], r) {
                    n.vx[j] += mx * k * 0.6;
                    n.vy[j] += my * k * 0.6;
                    bx += mx;
                    by += my;
                    count += 1.0;
                }
            }
            if count > 0.0 {
                n.vx[owner] -= bx / count * k * 0.4;
                n.vy[owner] -= by / count * k * 0.4;
            }
        }
        // Two names that overlap: their nodes move apart along the
        // shallower overlap.
        for (a, &(i, ba)) in boxes.iter().enumerate() {
            for &(j, bb) in &boxes[a + 1..] {
                // With a gap's margin, so that names do not end up touching.
                let ox = ba.2.min(bb.2) - ba.0.max(bb.0) + gap;
                let oy = ba.3.min(bb.3) - ba.1.max(bb.1) + gap;
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                let (mx, my) = if ox < oy {
                    (if n.x[i] < n.x[j] { -ox } else { ox }, 0.0)
                } else {
                    (0.0, if n.y[i] < n.y[j] { -oy } else { oy })
                };
                n.vx[i] += mx / 2.0;
                n.vy[i] += my / 2.0;
                n.vx[j] -= mx / 2.0;
                n.vy[j] -= my / 2.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_is_pushed_out_of_a_name() {
        let b = (-10.0, 0.0, 10.0, 5.0);
        // Below the box, touching it: pushed down.
        let (mx, my) = out_of(b, 0.0, 7.0, 3.0).unwrap();
        assert!(mx.abs() < 1e-9 && (my - 1.0).abs() < 1e-9);
        // Clear of it: left alone.
        assert_eq!(out_of(b, 0.0, 20.0, 3.0), None);
        // Inside, near the right end: out by the right.
        let (mx, _) = out_of(b, 9.0, 2.5, 1.0).unwrap();
        assert!((mx - 2.0).abs() < 1e-9);
        // Inside, near the top: out by the bottom, never toward the node
        // the name belongs to.
        let (_, my) = out_of(b, 0.0, 0.5, 1.0).unwrap();
        assert!((my - 5.5).abs() < 1e-9);
    }
}
