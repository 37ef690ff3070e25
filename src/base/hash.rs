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

/// The reader's tables of names (the filters' interned values, the
/// network's actors): the standard library's map, hashed by [`NameHasher`]
/// rather than SipHash. Opening a 20,000-row export interns some 100,000
/// names on the page, and SipHash was a tenth of that. Not foldhash: its
/// map is a second copy of the map's code in the reader's download (2 KB
/// gzip), where this is one more hasher for the same code.
pub type NameMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<NameHasher>>;

/// A multiply-xor hash, eight bytes a step (as rustc's own `FxHasher`),
/// mixed at the end so that the low bits a table indexes by are even.
/// Like foldhash, not built to withstand keys chosen to collide; the names
/// are a story's own.
#[derive(Debug, Default, Clone, Copy)]
pub struct NameHasher(u64);

impl NameHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        // The length too: "ab" and "ab\0" differ.
        self.add(u64::from_le_bytes(last) ^ (bytes.len() as u64) << 56);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    /// MurmurHash3's finaliser: every bit of the state reaches the low
    /// bits a table indexes by.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h = (h ^ h >> 33).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h = (h ^ h >> 33).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ h >> 33
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_map_finds_what_it_holds_and_spreads_names() {
        use std::hash::BuildHasher;
        let names: Vec<String> = (0..5000).map(|i| format!("actor-{i}")).collect();
        let mut m: NameMap<usize> = NameMap::default();
        for (i, n) in names.iter().enumerate() {
            m.insert(n.clone(), i);
        }
        assert!(names
            .iter()
            .enumerate()
            .all(|(i, n)| m.get(n.as_str()) == Some(&i)));
        assert_eq!(m.get("actor-5000"), None);
        // The low bits a table indexes by take every value about as often.
        let build = std::hash::BuildHasherDefault::<NameHasher>::default();
        let mut buckets = [0usize; 64];
        for n in &names {
            buckets[(build.hash_one(n.as_str()) & 63) as usize] += 1;
        }
        assert!(
            buckets.iter().all(|&b| (40..120).contains(&b)),
            "{buckets:?}"
        );
        assert_ne!(build.hash_one("ab"), build.hash_one("ab\0"));
    }

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
