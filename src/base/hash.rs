//! The hash maps and sets of ids and names, without the standard library's
//! SipHash.
//!
//! - In the opener's worker, foldhash's maps ([`HashMap`], [`HashSet`]).
//!   Checking a story looks up every reference in it, and opening a
//!   20,000-row ACLED export made about a million lookups: with SipHash,
//!   hashing was a fifth of the check.
//! - On the reader's page, [`NameMap`]: the filters' interned values and
//!   the network's actors, hashed by [`NameHasher`].
//!
//! Unlike SipHash, neither is built to withstand keys chosen to collide
//! (foldhash's seed in the browser comes from memory addresses alone;
//! [`NameHasher`] has none): a story made to collide could only slow its
//! own opening and display, as a story of the same size in anything else
//! could.
//!
//! `HashMap::new()` and `HashSet::new()` come from the `…Ext` traits.
//!
//! Pure: no browser types here.

pub use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// The reader's tables of names (the filters' interned values, the
/// network's actors): the standard library's map, hashed by [`NameHasher`]
/// rather than SipHash. Opening a 20,000-row export interns some 100,000
/// names on the page, and SipHash was a tenth of that. Not foldhash on the
/// page: its hasher and the seeding behind it cost the reader's download
/// 2.2 KB gzip, where this hasher costs a quarter of one.
pub type NameMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<NameHasher>>;

/// A hash of eight bytes a step: the state and the next word, xored, are
/// multiplied into 128 bits and the halves folded together (foldhash's
/// step), so that a difference anywhere in a word reaches every bit of the
/// state; then MurmurHash3's finaliser, so that the low bits a table
/// indexes by are even.
#[derive(Debug, Default, Clone, Copy)]
pub struct NameHasher(u64);

impl NameHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        let m = u128::from(self.0 ^ word) * u128::from(Self::K);
        self.0 = m as u64 ^ (m >> 64) as u64;
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
    fn names_that_differ_in_any_byte_of_a_long_name_hash_apart() {
        use std::hash::BuildHasher;
        let build = std::hash::BuildHasherDefault::<NameHasher>::default();
        // A difference in the top byte of a word, where a plain multiply
        // never carries it down: 3,844 names of two words.
        let letters: Vec<char> = ('a'..='z').chain('A'..='Z').chain('0'..='9').collect();
        let mut hashes = std::collections::BTreeSet::new();
        for a in &letters {
            for b in &letters {
                hashes.insert(build.hash_one(format!("Brigade{a} Unit #{b}").as_str()));
            }
        }
        assert_eq!(hashes.len(), letters.len() * letters.len());
        // Every byte of a 24-byte name, one at a time.
        let base = *b"Popular Mobilization Frc";
        let mut seen = std::collections::BTreeSet::new();
        for at in 0..base.len() {
            for x in [b'#', b'z'] {
                let mut name = base;
                name[at] = x;
                seen.insert(build.hash_one(std::str::from_utf8(&name).unwrap()));
            }
        }
        assert_eq!(seen.len(), 2 * base.len());
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
