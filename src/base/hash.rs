//! The hash maps and sets of ids and names, with foldhash's fast hasher in
//! place of the standard library's SipHash. Checking a story looks up every
//! reference in it, and opening a 20,000-row ACLED export made about a
//! million lookups: with SipHash, hashing was a fifth of the check.
//! Unlike SipHash, it is not built to withstand keys chosen to collide (in
//! the browser its seed comes from memory addresses alone): such a file
//! could only slow its own opening, in the worker of the reader who opens
//! it.
//!
//! `HashMap::new()` and `HashSet::new()` come from the `…Ext` traits.
//!
//! Pure: no browser types here.

pub use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_find_what_they_hold() {
        let mut m: HashMap<String, usize> = HashMap::new();
        m.insert("hezbollah".into(), 1);
        assert_eq!(m.get("hezbollah"), Some(&1));
        assert_eq!(m.get("hamas"), None);
        let s: HashSet<&str> = ["a", "b"].into_iter().collect();
        assert!(s.contains("a") && !s.contains("c"));
    }
}
