//! A point quadtree rebuilt every tick, as d3-quadtree is, but laid out for
//! walking fast: cells in depth-first order in one flat array, each leaf a
//! bucket of up to [`LEAF`] points, and the points themselves reordered so
//! that every cell's points sit side by side.
//!
//! - A cell is a square (`size`), split into four at its middle, as d3's.
//! - Its points are `order[lo..hi]`; a child's points are a run inside its
//!   parent's.
//! - `skip` is the index of the first cell after the cell's whole subtree.
//!   A walk goes to `c + 1` to look inside a cell and to `skip` to pass it
//!   by, so it needs no stack and reads the array front to back.
//!
//! Built by partitioning the points in place, a level at a time, so a
//! rebuild allocates nothing once the arrays have grown, and the walk
//! order is the same on every platform. The many-body force keeps its
//! per-cell aggregates (charge and centre of charge) in its own arrays.
//!
//! Pure: no browser types here.

/// The most points a leaf holds before it splits. Buckets make the tree a
/// few levels shallower: the points of a near leaf are summed one by one,
/// exactly, where d3 would have visited a cell for each.
pub const LEAF: usize = 8;

/// Deeper than this, points are kept in one leaf however many: by then they
/// are closer than f64 can usefully tell apart within the tree's extent.
const MAX_DEPTH: u32 = 48;

use crate::base::gather::Gather;
use crate::base::num::{larger, smaller};

/// Which quarter of a cell split at `mid` the point (x, y) is in: 0 to 3
/// for NW, NE, SW, SE.
#[inline(always)]
fn quadrant(x: f64, y: f64, mid: [f64; 2]) -> usize {
    usize::from(x >= mid[0]) | (usize::from(y >= mid[1]) << 1)
}

/// Reorder `order` by quadrant around `mid`, keeping the order within
/// each (`spare` is scratch of the same length); returns how many points
/// fell in each.
fn partition(
    order: &mut [u32],
    spare: &mut [u32],
    xs: &[f64],
    ys: &[f64],
    mid: [f64; 2],
) -> [usize; 4] {
    let mut count = [0usize; 4];
    for &p in order.iter() {
        count[quadrant(xs[p as usize], ys[p as usize], mid)] += 1;
    }
    let mut next = [
        0,
        count[0],
        count[0] + count[1],
        count[0] + count[1] + count[2],
    ];
    for &p in order.iter() {
        let q = quadrant(xs[p as usize], ys[p as usize], mid);
        spare[next[q]] = p;
        next[q] += 1;
    }
    order.copy_from_slice(spare);
    count
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    /// The left and top edges of the cell's square, and its side.
    pub x0: f64,
    pub y0: f64,
    pub size: f64,
    /// Its points are `order[lo..hi]`.
    pub lo: u32,
    pub hi: u32,
    /// The first cell after this cell's subtree.
    pub skip: u32,
    pub leaf: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Quadtree {
    /// Depth first: a cell, then its children's subtrees, NW, NE, SW, SE.
    pub cells: Vec<Cell>,
    /// Point indices, each cell's in one run.
    pub order: Vec<u32>,
    /// Scratch for partitioning.
    spare: Vec<u32>,
}

impl Quadtree {
    /// Build the tree of the given points (x, y), reusing this tree's storage.
    pub fn rebuild(&mut self, xs: &[f64], ys: &[f64]) {
        self.cells.clear();
        self.order.clear();
        if xs.is_empty() {
            return;
        }
        // Start from the last order: between ticks the points barely move,
        // so each partition finds them nearly in place.
        if self.spare.len() != xs.len() {
            self.spare = (0..xs.len() as u32).gather();
        }
        self.order.extend_from_slice(&self.spare);
        self.spare.clear();
        self.spare.resize(xs.len(), 0);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (&x, &y) in xs.iter().zip(ys) {
            x0 = smaller(x, x0);
            y0 = smaller(y, y0);
            x1 = larger(x, x1);
            y1 = larger(y, y1);
        }
        // A square cover, at least 1 wide so that one point still has a size.
        let size = larger(larger(x1 - x0, y1 - y0), 1.0);
        self.split(xs, ys, 0, xs.len(), x0, y0, size, 0);
        // Keep the order for the next rebuild's starting point.
        self.spare.copy_from_slice(&self.order);
    }

    /// Make the cell of `order[lo..hi]` with its top left at (x0, y0), and
    /// its subtree.
    #[allow(clippy::too_many_arguments)]
    fn split(
        &mut self,
        xs: &[f64],
        ys: &[f64],
        lo: usize,
        hi: usize,
        x0: f64,
        y0: f64,
        size: f64,
        depth: u32,
    ) {
        let c = self.cells.len();
        self.cells.push(Cell {
            x0,
            y0,
            size,
            lo: lo as u32,
            hi: hi as u32,
            skip: 0,
            leaf: true,
        });
        if hi - lo > LEAF && depth < MAX_DEPTH {
            self.cells[c].leaf = false;
            let half = size / 2.0;
            let (mx, my) = (x0 + half, y0 + half);
            let count = partition(
                &mut self.order[lo..hi],
                &mut self.spare[lo..hi],
                xs,
                ys,
                [mx, my],
            );
            let mut start = lo;
            for (q, &count) in count.iter().enumerate() {
                if count > 0 {
                    let (x, y) = (
                        if q & 1 == 1 { mx } else { x0 },
                        if q & 2 == 2 { my } else { y0 },
                    );
                    self.split(xs, ys, start, start + count, x, y, half, depth + 1);
                }
                start += count;
            }
        }
        self.cells[c].skip = self.cells.len() as u32;
    }

    /// The children of internal cell `c`, in order. (The forces walk the
    /// skip links inline; the tests read the tree through these two.)
    #[cfg(test)]
    pub fn children(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.cells[c].skip as usize;
        let mut k = c + 1;
        std::iter::from_fn(move || {
            (k < end).then(|| {
                let here = k;
                k = self.cells[k].skip as usize;
                here
            })
        })
    }

    /// The points of cell `c`.
    #[cfg(test)]
    pub fn points(&self, c: usize) -> &[u32] {
        let cell = &self.cells[c];
        &self.order[cell.lo as usize..cell.hi as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(n: usize) -> (Vec<f64>, Vec<f64>) {
        let xs = (0..n)
            .map(|i| (i % 7) as f64 * 3.0 - (i % 3) as f64)
            .collect();
        let ys = (0..n)
            .map(|i| (i / 7) as f64 * 2.5 + (i % 5) as f64)
            .collect();
        (xs, ys)
    }

    #[test]
    fn every_point_lands_in_exactly_one_leaf_and_inside_every_cell_above_it() {
        let (xs, ys) = grid(100);
        let mut t = Quadtree::default();
        t.rebuild(&xs, &ys);
        let mut seen = vec![0; xs.len()];
        for (c, cell) in t.cells.iter().enumerate() {
            assert!(cell.skip as usize > c);
            for &p in t.points(c) {
                let (x, y) = (xs[p as usize], ys[p as usize]);
                assert!(x >= cell.x0 && x <= cell.x0 + cell.size);
                assert!(y >= cell.y0 && y <= cell.y0 + cell.size);
                if cell.leaf {
                    assert!(t.points(c).len() <= LEAF);
                    seen[p as usize] += 1;
                }
            }
            if !cell.leaf {
                // The children's runs tile the parent's.
                let runs: Vec<(u32, u32)> = t
                    .children(c)
                    .map(|k| (t.cells[k].lo, t.cells[k].hi))
                    .collect();
                assert_eq!(runs.first().unwrap().0, cell.lo);
                assert_eq!(runs.last().unwrap().1, cell.hi);
                assert!(runs.windows(2).all(|w| w[0].1 == w[1].0));
                assert!(t.children(c).all(|k| t.cells[k].size == cell.size / 2.0));
            }
        }
        assert_eq!(seen, vec![1; xs.len()]);
    }

    #[test]
    fn coincident_points_share_a_leaf_however_many() {
        let mut t = Quadtree::default();
        t.rebuild(&[5.0; 20], &[5.0; 20]);
        let leaves: Vec<usize> = (0..t.cells.len()).filter(|&c| t.cells[c].leaf).collect();
        assert_eq!(leaves.len(), 1);
        assert_eq!(t.points(leaves[0]).len(), 20);
    }

    #[test]
    fn a_rebuild_after_a_move_gives_the_same_tree_as_a_fresh_one() {
        let (xs, mut ys) = grid(60);
        let mut warm = Quadtree::default();
        warm.rebuild(&xs, &ys);
        ys.iter_mut().for_each(|y| *y = -*y * 1.5);
        warm.rebuild(&xs, &ys);
        let mut fresh = Quadtree::default();
        fresh.rebuild(&xs, &ys);
        assert_eq!(warm.cells, fresh.cells);
        // The same points in each cell, whatever their order within it.
        for c in 0..fresh.cells.len() {
            let mut a = warm.points(c).to_vec();
            let mut b = fresh.points(c).to_vec();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b);
        }
    }
}
