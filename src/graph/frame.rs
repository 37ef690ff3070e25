//! The frame a network is drawn in: its size on screen, and the labels that
//! must always fit in it. The view box follows the frame's aspect (portrait
//! on a phone, landscape on a desktop), so the drawing fills it, and it
//! leaves room for the always-labelled actors' names. The layout reads the
//! same frame (see [`crate::graph::layout::label_room`]) to keep other
//! nodes off those names.
//!
//! Units: "layout units" are the simulation's; a frame is in CSS pixels.
//! Pure: no browser types here.

/// A box in layout units: (x, y, width, height).
pub type Fit = (f64, f64, f64, f64);

/// The room kept around the drawing, in CSS pixels.
pub const PAD_PX: f64 = 12.0;
/// A small graph is drawn no larger than this many pixels to a layout unit,
/// so that two actors do not fill a desktop frame.
pub const MAX_PX_PER_UNIT: f64 = 2.0;
/// The space between a node and its label, in CSS pixels.
pub const LABEL_GAP_PX: f64 = 3.0;

/// The frame's size on screen, and the labels the layout makes room for.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// (node, label width, label height), in CSS pixels: the actors that
    /// are always labelled, most involved first.
    pub labels: Vec<(usize, f64, f64)>,
}

impl Default for Frame {
    fn default() -> Self {
        Frame {
            width: 640.0,
            height: 480.0,
            labels: Vec::new(),
        }
    }
}

/// An axis-aligned box: (x0, y0, x1, y1).
type Bounds = (f64, f64, f64, f64);

fn union(a: Bounds, b: Bounds) -> Bounds {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

impl Frame {
    /// Height over width.
    pub fn aspect(&self) -> f64 {
        self.height / self.width.max(1.0)
    }

    /// Layout units per CSS pixel for a box `w` × `h` to fit the frame.
    fn unit_for(&self, w: f64, h: f64) -> f64 {
        (w / self.width.max(1.0))
            .max(h / self.height.max(1.0))
            .max(1.0 / MAX_PX_PER_UNIT)
    }

    /// Where a label `w` × `h` pixels goes below a node at (x, y) of radius
    /// `r`, at `unit` layout units a pixel: the place the layout keeps free.
    pub fn label_below(x: f64, y: f64, r: f64, (w, h): (f64, f64), unit: f64) -> Bounds {
        let top = y + r + LABEL_GAP_PX * unit;
        (x - w / 2.0 * unit, top, x + w / 2.0 * unit, top + h * unit)
    }

    /// The view box for nodes at `xs`, `ys` with `radii`: their bounds,
    /// the always-labelled names below their nodes and a margin, widened
    /// to the frame's aspect about its centre.
    ///
    /// ```
    /// use dossier::graph::frame::Frame;
    /// let frame = Frame { width: 300.0, height: 400.0, labels: Vec::new() };
    /// let fit = frame.fit(&[-200.0, 200.0], &[0.0, 0.0], &[10.0, 10.0]);
    /// // Portrait, like the frame, and wide enough for both nodes.
    /// assert!((fit.3 / fit.2 - 4.0 / 3.0).abs() < 1e-9);
    /// assert!(fit.0 < -210.0 && fit.0 + fit.2 > 210.0);
    /// ```
    pub fn fit(&self, xs: &[f64], ys: &[f64], radii: &[f64]) -> Fit {
        let nodes = (0..xs.len().min(ys.len()).min(radii.len()))
            .map(|i| {
                (
                    xs[i] - radii[i],
                    ys[i] - radii[i],
                    xs[i] + radii[i],
                    ys[i] + radii[i],
                )
            })
            .reduce(union)
            .unwrap_or((-50.0, -50.0, 50.0, 50.0));
        let mut unit = self.unit_for(nodes.2 - nodes.0, nodes.3 - nodes.1);
        let mut b = nodes;
        // Twice: the names' size in layout units depends on the box.
        for _ in 0..2 {
            b = nodes;
            for &(i, w, h) in &self.labels {
                if i < xs.len() {
                    b = union(b, Frame::label_below(xs[i], ys[i], radii[i], (w, h), unit));
                }
            }
            let pad = PAD_PX * unit;
            b = (b.0 - pad, b.1 - pad, b.2 + pad, b.3 + pad);
            unit = self.unit_for(b.2 - b.0, b.3 - b.1);
        }
        let (w, h) = (unit * self.width, unit * self.height);
        let (cx, cy) = ((b.0 + b.2) / 2.0, (b.1 + b.3) / 2.0);
        (cx - w / 2.0, cy - h / 2.0, w, h)
    }

    /// Layout units per CSS pixel in a view box fitted by [`Frame::fit`].
    pub fn unit(&self, fit: Fit) -> f64 {
        fit.2 / self.width.max(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_leaves_room_for_names_below() {
        let frame = Frame {
            width: 400.0,
            height: 300.0,
            labels: vec![(0, 120.0, 13.0)],
        };
        let fit = frame.fit(&[0.0, 100.0], &[100.0, 0.0], &[10.0, 10.0]);
        let unit = frame.unit(fit);
        let label = Frame::label_below(0.0, 100.0, 10.0, (120.0, 13.0), unit);
        assert!(fit.1 + fit.3 >= label.3, "{fit:?} {label:?}");
        assert!(fit.0 <= label.0);
        assert!((fit.3 / fit.2 - 0.75).abs() < 1e-9);
    }

    #[test]
    fn a_tiny_graph_is_not_blown_up() {
        let frame = Frame::default();
        let fit = frame.fit(&[0.0], &[0.0], &[8.0]);
        assert!(frame.unit(fit) >= 1.0 / MAX_PX_PER_UNIT);
    }
}
