//! A small ordered set: a sorted `Vec`, for the handful of values a
//! reader's filter holds.
//!
//! `BTreeSet` would do, at the cost of its tree code once per element type
//! in the reader's download; a filter holds a few ids, where a binary search
//! over a vector is as fast and a fraction of the code.
//!
//! ```
//! use dossier::base::set::Set;
//! let mut s: Set<&str> = ["b", "a"].into_iter().collect();
//! assert!(s.insert("c"));
//! assert!(!s.insert("a"));
//! assert!(s.remove(&"b"));
//! assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["a", "c"]);
//! ```
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;

/// Values in their order, each once.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn new() -> Self {
        Set(Vec::new())
    }

    /// Add `value`; whether it was not there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Take `value` out; whether it was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        match self.0.binary_search_by(|v| v.borrow().cmp(value)) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.binary_search_by(|v| v.borrow().cmp(value)).is_ok()
    }

    /// Add `value` if it is not there, take it out if it is.
    pub fn toggle(&mut self, value: T) {
        match self.0.binary_search(&value) {
            Ok(at) => {
                self.0.remove(at);
            }
            Err(at) => self.0.insert(at, value),
        }
    }
}

impl<T> Set<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keep only the values `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        crate::base::gather::keep(&mut self.0, keep);
    }

    /// The first value, in order.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v: Vec<T> = iter.into_iter().gather();
        crate::base::order::sort(&mut v);
        v.dedup();
        Set(v)
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for v in iter {
            self.insert(v);
        }
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        #[test]
        fn behaves_as_a_btree_set(ops in proptest::collection::vec((any::<bool>(), 0u8..20), 0..100)) {
            let (mut ours, mut theirs) = (Set::new(), BTreeSet::new());
            for (add, v) in ops {
                if add {
                    prop_assert_eq!(ours.insert(v), theirs.insert(v));
                } else {
                    prop_assert_eq!(ours.remove(&v), theirs.remove(&v));
                }
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
            }
        }
    }
}
