//! A point quadtree rebuilt every tick, as d3-quadtree is, but stored in one
//! flat arena so that building and walking it allocate nothing per node.
//!
//! Each cell is a square. A leaf holds one point, or a chain of points at
//! exactly the same position; an internal cell holds up to four children.
//! The forces keep their per-cell aggregates (charge and centre of charge,
//! largest radius) in parallel arrays indexed like [`Quadtree::cells`].
//!
//! Pure: no browser types here.

/// Marks an empty child or the end of a chain.
pub const NONE: u32 = u32::MAX;

/// Deeper than this, points are chained rather than split further: by then
/// they are closer than f64 can usefully tell apart within the tree's extent.
const MAX_DEPTH: u32 = 48;

#[derive(Debug, Clone, Copy)]
pub struct Cell {
    /// Left edge and top edge.
    pub x0: f64,
    pub y0: f64,
    /// Side length.
    pub size: f64,
    /// Children in the order NW, NE, SW, SE; all `NONE` for a leaf.
    pub children: [u32; 4],
    /// For a leaf, the first point of its chain; `NONE` otherwise.
    pub point: u32,
}

impl Cell {
    pub fn is_leaf(&self) -> bool {
        self.children == [NONE; 4]
    }
}

#[derive(Debug, Clone, Default)]
pub struct Quadtree {
    pub cells: Vec<Cell>,
    /// For each point, the next point at the same position, or `NONE`.
    pub next: Vec<u32>,
    /// Cell indices with every child after its parent: walking it backwards
    /// visits children before parents ("visit after").
    pub order: Vec<u32>,
}

impl Quadtree {
    /// Build the tree of the given points (x, y), reusing this tree's storage.
    pub fn rebuild(&mut self, xs: &[f64], ys: &[f64]) {
        self.cells.clear();
        self.order.clear();
        self.next.clear();
        self.next.resize(xs.len(), NONE);
        if xs.is_empty() {
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (&x, &y) in xs.iter().zip(ys) {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        // A square cover, at least 1 wide so that one point still has a size.
        let size = (x1 - x0).max(y1 - y0).max(1.0);
        self.cells.push(Cell {
            x0,
            y0,
            size,
            children: [NONE; 4],
            point: NONE,
        });
        for p in 0..xs.len() {
            self.insert(p as u32, xs, ys);
        }
        // Breadth-first order: parents before children.
        self.order.push(0);
        let mut i = 0;
        while i < self.order.len() {
            let cell = self.cells[self.order[i] as usize];
            self.order
                .extend(cell.children.iter().copied().filter(|&c| c != NONE));
            i += 1;
        }
    }

    fn quadrant(cell: &Cell, x: f64, y: f64) -> usize {
        let half = cell.size / 2.0;
        usize::from(x >= cell.x0 + half) | (usize::from(y >= cell.y0 + half) << 1)
    }

    fn child_cell(cell: &Cell, q: usize) -> Cell {
        let half = cell.size / 2.0;
        Cell {
            x0: cell.x0 + if q & 1 == 1 { half } else { 0.0 },
            y0: cell.y0 + if q & 2 == 2 { half } else { 0.0 },
            size: half,
            children: [NONE; 4],
            point: NONE,
        }
    }

    fn insert(&mut self, p: u32, xs: &[f64], ys: &[f64]) {
        let (x, y) = (xs[p as usize], ys[p as usize]);
        let mut at = 0usize;
        let mut depth = 0;
        loop {
            let cell = self.cells[at];
            if cell.is_leaf() {
                if cell.point == NONE {
                    self.cells[at].point = p;
                    return;
                }
                let other = cell.point;
                let (ox, oy) = (xs[other as usize], ys[other as usize]);
                if (ox == x && oy == y) || depth >= MAX_DEPTH {
                    // Coincident: chain it after the leaf's first point.
                    self.next[p as usize] = self.next[other as usize];
                    self.next[other as usize] = p;
                    return;
                }
                // Split: the resident point (and its chain) moves down a level.
                let q = Self::quadrant(&cell, ox, oy);
                let mut child = Self::child_cell(&cell, q);
                child.point = other;
                self.cells.push(child);
                let child_index = (self.cells.len() - 1) as u32;
                self.cells[at].point = NONE;
                self.cells[at].children[q] = child_index;
                continue;
            }
            let q = Self::quadrant(&cell, x, y);
            match cell.children[q] {
                NONE => {
                    let mut child = Self::child_cell(&cell, q);
                    child.point = p;
                    self.cells.push(child);
                    self.cells[at].children[q] = (self.cells.len() - 1) as u32;
                    return;
                }
                c => {
                    at = c as usize;
                    depth += 1;
                }
            }
        }
    }

    /// The points of a leaf's chain.
    pub fn chain(&self, cell: &Cell) -> impl Iterator<Item = u32> + '_ {
        let mut p = cell.point;
        std::iter::from_fn(move || {
            (p != NONE).then(|| {
                let here = p;
                p = self.next[p as usize];
                here
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_point_lands_in_exactly_one_leaf_that_contains_it() {
        let xs = [0.0, 10.0, 10.0, 3.0, -7.5, 10.0];
        let ys = [0.0, 10.0, 10.0, 4.0, 2.0, -3.0];
        let mut t = Quadtree::default();
        t.rebuild(&xs, &ys);
        let mut seen = vec![0; xs.len()];
        for cell in &t.cells {
            for p in t.chain(cell) {
                let (x, y) = (xs[p as usize], ys[p as usize]);
                assert!(x >= cell.x0 && x <= cell.x0 + cell.size);
                assert!(y >= cell.y0 && y <= cell.y0 + cell.size);
                seen[p as usize] += 1;
            }
        }
        assert_eq!(seen, vec![1; xs.len()]);
        assert_eq!(t.order.len(), t.cells.len());
    }

    #[test]
    fn coincident_points_share_a_leaf() {
        let mut t = Quadtree::default();
        t.rebuild(&[5.0, 5.0, 5.0], &[5.0, 5.0, 5.0]);
        assert_eq!(t.cells.len(), 1);
        assert_eq!(t.chain(&t.cells[0]).count(), 3);
    }
}
