//! Collecting an iterator into a `Vec` by pushing.

/// `collect::<Vec<_>>()` in fewer bytes: std's collect is specialised
/// by the iterator's kind (a first element taken apart, the size hint,
/// an exact allocation), and each iterator type gets that code of its own.
/// Here each gets one small loop; the vector grows by doubling.
pub trait Gather: Iterator + Sized {
    fn gather(self) -> Vec<Self::Item> {
        let mut v = Vec::new();
        push_all(&mut v, self);
        v
    }
}

impl<I: Iterator> Gather for I {}

/// `v.extend(items)` in fewer bytes, as [`Gather::gather`] is `collect`'s.
pub fn push_all<T>(v: &mut Vec<T>, items: impl IntoIterator<Item = T>) {
    for x in items {
        push_one(v, x);
    }
}

/// One push, called rather than written out in every loop: one copy per
/// item type, where each iterator type would have its own.
#[inline(never)]
fn push_one<T>(v: &mut Vec<T>, x: T) {
    v.push(x);
}

/// `v.retain(wanted)` in fewer bytes: the items kept move forward in
/// their order, and the rest are dropped from the end. std's retain is
/// written twice over (before and after the first item it drops) for each
/// item type and test.
pub fn keep<T>(v: &mut Vec<T>, mut wanted: impl FnMut(&T) -> bool) {
    let mut kept = 0;
    for i in 0..v.len() {
        if wanted(&v[i]) {
            v.swap(kept, i);
            kept += 1;
        }
    }
    v.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same items in the same order as std's `collect`,
        /// `extend` and `retain`, through iterators of every kind the views use: mapped,
        /// filtered (no exact size), chained and empty.
        #[test]
        fn gathers_as_collect_does(xs in proptest::collection::vec(any::<i32>(), 0..300), k in 1i32..5) {
            let mapped = xs.iter().map(|x| x.wrapping_mul(k));
            prop_assert_eq!(mapped.clone().gather(), mapped.collect::<Vec<_>>());
            let kept = xs.iter().filter(|&&x| x % k == 0);
            prop_assert_eq!(kept.clone().gather(), kept.collect::<Vec<_>>());
            let both = xs.iter().chain(xs.iter().rev());
            prop_assert_eq!(both.clone().gather(), both.collect::<Vec<_>>());
            let mut ours = xs.clone();
            let mut std = xs.clone();
            push_all(&mut ours, xs.iter().copied().skip(1));
            std.extend(xs.iter().copied().skip(1));
            prop_assert_eq!(ours, std);
            let (mut ours, mut std) = (xs.clone(), xs.clone());
            keep(&mut ours, |x| x % k == 0);
            std.retain(|x| x % k == 0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn gathers_nothing_from_nothing() {
        assert!(std::iter::empty::<u8>().gather().is_empty());
    }
}
