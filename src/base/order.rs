//! Sorting for the reader's download: one sort, shared by every list.
//!
//! The standard library's sorts are fast, and generic: each element type
//! and each comparison gets its own copy of a few kilobytes of code, and
//! the widget sorted some fifteen kinds of list. Here one stable merge
//! sort runs on positions, through a comparison behind a pointer; each
//! list then pays only for a short wrapper that moves its elements into
//! the order found. A stable sort's result is unique: it is the standard
//! library's own (the tests check it).
//!
//! ```
//! use dossier::base::order::{sort_by_key, sort};
//! let mut v = vec![(2, 'b'), (1, 'z'), (2, 'a')];
//! sort_by_key(&mut v, |p| p.0);
//! assert_eq!(v, [(1, 'z'), (2, 'b'), (2, 'a')]);
//! let mut n = vec![3, 1, 2];
//! sort(&mut n);
//! assert_eq!(n, [1, 2, 3]);
//! ```
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use std::cmp::Ordering;

/// The positions `0..len` in the order `cmp` gives them, stably.
///
/// A merge sort from the bottom up, written here rather than the standard
/// library's, whose stable sort is some 3 KB of code in the download
/// where this is a few hundred bytes. Two runs already in order are
/// copied, not merged, so a list that comes sorted (events by date, as a
/// story usually lists them) costs one comparison a pair.
fn positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).gather();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        for lo in (0..len).step_by(2 * width) {
            let mid = (lo + width).min(len);
            let hi = (lo + 2 * width).min(len);
            if mid == hi || cmp(from[mid], from[mid - 1]) != Ordering::Less {
                to[lo..hi].copy_from_slice(&from[lo..hi]);
                continue;
            }
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                // The left run's first on a tie: stable.
                let left = i < mid && (j == hi || cmp(from[j], from[i]) != Ordering::Less);
                *slot = if left { from[i] } else { from[j] };
                if left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Put `v[order[k]]` at `k` for every `k`, in place, following the
/// permutation's cycles (`order` is spent as it goes).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// Sort `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sort `v` by the key `key` gives each element, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` in its own order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sorts_runs_already_in_order_as_the_standard_library_does(
            runs in proptest::collection::vec((0u16..50, 0usize..40), 0..12),
        ) {
            // Ascending runs of equal and rising keys, each tagged by its place.
            let v: Vec<(u16, usize)> = runs
                .iter()
                .flat_map(|&(start, len)| (0..len).map(move |k| start + (k as u16) / 3))
                .enumerate()
                .map(|(at, key)| (key, at))
                .collect();
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
