//! A uniform grid of square cells over a set of points, rebuilt every tick
//! by a counting sort: for a force whose reach is bounded (two circles
//! touch only within the sum of their radii), the points near a place are
//! those of its cell and the eight around it. Where every radius is within
//! a small factor of the largest, as a network's nodes are, this visits a
//! few dozen points a node, where a quadtree walk visits as many cells.
//!
//! A rebuild allocates nothing once the arrays have grown, and a cell's
//! points are in ascending order, so a walk visits them in the same order
//! on every platform.
//!
//! Pure: no browser types here.

use crate::base::num::{larger, smaller};

#[derive(Debug, Clone, Default)]
pub struct Grid {
    x0: f64,
    y0: f64,
    side: f64,
    cols: usize,
    rows: usize,
    /// After a rebuild, `ends[c]` is where cell `c`'s points end in `order`
    /// (and cell `c + 1`'s begin).
    ends: Vec<u32>,
    /// Point indices, cell by cell.
    order: Vec<u32>,
}

impl Grid {
    /// Sort the points (`xs[i]`, `ys[i]`) into cells of at least `side`.
    pub fn rebuild(&mut self, xs: &[f64], ys: &[f64], side: f64) {
        let n = xs.len();
        let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
        let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for i in 0..n {
            x0 = smaller(x0, xs[i]);
            x1 = larger(x1, xs[i]);
            y0 = smaller(y0, ys[i]);
            y1 = larger(y1, ys[i]);
        }
        // At most about sixteen cells a point: points spread wide get
        // wider cells. Not-a-number or infinite extents give one cell (`as`
        // saturates).
        let spread = larger(x1 - x0, y1 - y0) / (4.0 * (n as f64).sqrt() + 8.0);
        let side = larger(larger(side, spread), 1e-9);
        (self.x0, self.y0, self.side) = (x0, y0, side);
        self.cols = ((x1 - x0) / side) as usize + 1;
        self.rows = ((y1 - y0) / side) as usize + 1;
        self.ends.clear();
        self.ends.resize(self.cols * self.rows, 0);
        for i in 0..n {
            let k = self.cell(xs[i], ys[i]);
            self.ends[k] += 1;
        }
        // Counts to starts, then each point placed at its cell's cursor:
        // the cursor ends where the cell ends.
        let mut sum = 0;
        for e in &mut self.ends {
            let count = *e;
            *e = sum;
            sum += count;
        }
        self.order.clear();
        self.order.resize(n, 0);
        for i in 0..n {
            let k = self.cell(xs[i], ys[i]);
            self.order[self.ends[k] as usize] = i as u32;
            self.ends[k] += 1;
        }
    }

    fn cell(&self, x: f64, y: f64) -> usize {
        self.row(y) * self.cols + self.col(x)
    }

    /// The column of `x`, within the grid (a place outside it takes the
    /// nearest column).
    fn col(&self, x: f64) -> usize {
        (((x - self.x0) / self.side) as usize).min(self.cols - 1)
    }

    fn row(&self, y: f64) -> usize {
        (((y - self.y0) / self.side) as usize).min(self.rows - 1)
    }

    /// Every point whose cell is `(x, y)`'s or one of the eight around
    /// it: every point within one cell side of (`x`, `y`) on both axes,
    /// and some farther. Cell by cell, row by row.
    pub fn near(&self, x: f64, y: f64, mut visit: impl FnMut(usize)) {
        if self.order.is_empty() {
            return;
        }
        let (c, r) = (self.col(x), self.row(y));
        let (c0, c1) = (c.saturating_sub(1), (c + 1).min(self.cols - 1));
        for row in r.saturating_sub(1)..=(r + 1).min(self.rows - 1) {
            // The cells c0..=c1 of a row are one run of `order`.
            let first = row * self.cols + c0;
            let lo = if first == 0 {
                0
            } else {
                self.ends[first - 1] as usize
            };
            let hi = self.ends[row * self.cols + c1] as usize;
            for &p in &self.order[lo..hi] {
                visit(p as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Every point within a side of a place, on both axes, is visited,
        /// and none twice.
        #[test]
        fn near_finds_every_point_within_a_side(
            pts in proptest::collection::vec((-500.0f64..500.0, -500.0f64..500.0), 0..200),
            at in (-700.0f64..700.0, -700.0f64..700.0),
            side in 1.0f64..120.0,
        ) {
            let (xs, ys): (Vec<f64>, Vec<f64>) = pts.iter().copied().unzip();
            let mut g = Grid::default();
            g.rebuild(&xs, &ys, side);
            let mut seen = vec![0u32; xs.len()];
            g.near(at.0, at.1, |p| seen[p] += 1);
            for i in 0..xs.len() {
                prop_assert!(seen[i] <= 1, "point {} visited {} times", i, seen[i]);
                if (xs[i] - at.0).abs() <= side && (ys[i] - at.1).abs() <= side {
                    prop_assert_eq!(seen[i], 1, "point {} at ({}, {}) not visited", i, xs[i], ys[i]);
                }
            }
        }
    }

    #[test]
    fn points_spread_far_apart_get_wider_cells_not_a_huge_grid() {
        let (xs, ys) = (vec![0.0, 1e9, 5.0], vec![0.0, 1e9, 5.0]);
        let mut g = Grid::default();
        g.rebuild(&xs, &ys, 1.0);
        let most = 4.0 * 3f64.sqrt() + 9.0;
        assert!((g.cols * g.rows) as f64 <= most * most);
        let mut seen = Vec::new();
        g.near(0.0, 0.0, |p| seen.push(p));
        assert_eq!(seen, [0, 2]);
    }

    #[test]
    fn points_not_finite_do_not_panic() {
        let (xs, ys) = (
            vec![f64::NAN, 0.0, f64::INFINITY],
            vec![0.0, f64::NEG_INFINITY, 1.0],
        );
        let mut g = Grid::default();
        g.rebuild(&xs, &ys, 10.0);
        let mut count = 0;
        g.near(0.0, 0.0, |_| count += 1);
        assert!(count <= 3);
    }
}
