//! Search normalisation: case, accents and transliteration marks are ignored,
//! so "hayya" finds "al-Hayya" and "salih" finds "Ṣāliḥ al-ʿĀrūrī".
//!
//! Hand-written rather than built on a Unicode normalisation crate: those
//! carry tables of tens of kilobytes into the wasm, and a news widget only
//! needs the Latin letters that transliterations use. The two tables below
//! give the base letter of each precomposed letter in U+00C0–U+024F and
//! U+1E00–U+1EFF ('.' where there is none); they were generated from Unicode's
//! NFKD decompositions.
//!
//! Pure: no browser types here.

const LATIN_C0_24F: &[u8; 400] = b"aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii.iijjkk.llllllll..nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs................................oo.............uu...................dddlllnnnaaiioouuuuuuuuuu.aaaa....ggkkoooo..jdddgg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";
const LATIN_1E00_1EFF: &[u8; 256] = b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyas....aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

/// Append the folded form of one character to `out`.
fn push_folded(c: char, out: &mut Vec<u8>) {
    match c {
        'a'..='z' | '0'..='9' => out.push(c as u8),
        'A'..='Z' => out.push(c.to_ascii_lowercase() as u8),
        // Marks that transliteration puts inside words (ʿayn, hamza,
        // apostrophes) join the letters around them: "Isma'il" → "ismail".
        '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' | '`' | '´' => {}
        'Æ' | 'æ' => out.extend_from_slice(b"ae"),
        'Œ' | 'œ' => out.extend_from_slice(b"oe"),
        'ß' | 'ẞ' => out.extend_from_slice(b"ss"),
        'Þ' | 'þ' => out.extend_from_slice(b"th"),
        'Ø' | 'ø' => out.push(b'o'),
        'Ð' | 'ð' | 'Đ' | 'đ' => out.push(b'd'),
        'Ħ' | 'ħ' => out.push(b'h'),
        'Ł' | 'ł' => out.push(b'l'),
        'ı' => out.push(b'i'),
        // Signs whose lower case is a Latin letter: Kelvin, Ångström.
        '\u{212A}' => out.push(b'k'),
        '\u{212B}' => out.push(b'a'),
        // The final sigma is a sigma.
        'ς' => push_char(out, 'σ'),
        _ => {
            let cp = c as u32;
            let base = match cp {
                0xC0..=0x24F => LATIN_C0_24F[(cp - 0xC0) as usize],
                0x1E00..=0x1EFF => LATIN_1E00_1EFF[(cp - 0x1E00) as usize],
                _ => b'.',
            };
            if base != b'.' {
                out.push(base);
            } else if let Some(&(_, bare)) = BARE.iter().find(|&&(marked, _)| marked == c) {
                push_char(out, bare);
            } else if within(JOINS, cp) {
                // Marks on a letter join it: "José" with its accent written
                // apart is "jose", a vowelled Arabic or Hebrew word is the
                // word without its vowels.
            } else if !within(GAPS, cp) {
                // Other scripts (Arabic, Hebrew, Cyrillic…) are kept, and
                // [`fold`] lowers them all at once.
                push_char(out, c);
            } else if out.last().is_some_and(|&b| b != b' ') {
                // Everything else separates words: "al-Hayya" → "al hayya".
                out.push(b' ');
            }
        }
    }
}

/// Letters of other scripts written with their mark, and the bare letter
/// readers type for them: Greek with tonos or dialytika, Russian ё, Arabic
/// alef with hamza or madda, hamza on waw and yeh, alef maksura and teh
/// marbuta, and the Persian kaf and yeh (as the Arabic ones). A mark written
/// apart joins its letter ([`JOINS`]), so both spellings fold alike.
const BARE: &[(char, char)] = &[
    ('Ά', 'α'),
    ('Έ', 'ε'),
    ('Ή', 'η'),
    ('Ί', 'ι'),
    ('Ό', 'ο'),
    ('Ύ', 'υ'),
    ('Ώ', 'ω'),
    ('ΐ', 'ι'),
    ('Ϊ', 'ι'),
    ('Ϋ', 'υ'),
    ('ά', 'α'),
    ('έ', 'ε'),
    ('ή', 'η'),
    ('ί', 'ι'),
    ('ΰ', 'υ'),
    ('ϊ', 'ι'),
    ('ϋ', 'υ'),
    ('ό', 'ο'),
    ('ύ', 'υ'),
    ('ώ', 'ω'),
    ('Ё', 'е'),
    ('ё', 'е'),
    ('آ', 'ا'),
    ('أ', 'ا'),
    ('إ', 'ا'),
    ('ٱ', 'ا'),
    ('ؤ', 'و'),
    ('ئ', 'ي'),
    ('ى', 'ي'),
    ('ة', 'ه'),
    ('ی', 'ي'),
    ('ک', 'ك'),
];

/// The characters past the Latin letters that separate words: spaces,
/// punctuation and symbols, each range inclusive and in order. Everything
/// else there is kept: the letters and digits of every script, and the few
/// signs these ranges do not name.
///
/// Written out rather than asked of `char::is_alphanumeric`, whose Unicode
/// tables were 2.1 KB gzip of the reader's download (these: 0.6 KB). The
/// ranges are the punctuation and symbols of the scripts news is written
/// in; a test holds them against the standard library: no letter or digit
/// is ever a gap.
const GAPS: &[(u32, u32)] = &[
    (0x0000, 0x002F),
    (0x003A, 0x0040),
    (0x005B, 0x0060),
    (0x007B, 0x00A9),
    (0x00AB, 0x00AC),
    (0x00AE, 0x00B1),
    (0x00B4, 0x00B4),
    (0x00B6, 0x00B8),
    (0x00BB, 0x00BB),
    (0x00BF, 0x00BF),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x0375, 0x0375),
    (0x037E, 0x037E),
    (0x0384, 0x0385),
    (0x0387, 0x0387),
    (0x03F6, 0x03F6),
    (0x0482, 0x0482),
    (0x055A, 0x055F),
    (0x0589, 0x058F),
    (0x05BE, 0x05BE),
    (0x05C0, 0x05C0),
    (0x05C3, 0x05C3),
    (0x05C6, 0x05C6),
    (0x0600, 0x060F),
    (0x061B, 0x061F),
    (0x066A, 0x066D),
    (0x06D4, 0x06D4),
    (0x06FD, 0x06FE),
    (0x0964, 0x0965),
    (0x0970, 0x0970),
    (0x0E3F, 0x0E3F),
    (0x0E4F, 0x0E4F),
    (0x0E5A, 0x0E5B),
    (0x10FB, 0x10FB),
    (0x1360, 0x1368),
    (0x1680, 0x1680),
    (0x2000, 0x206F),
    (0x207A, 0x207E),
    (0x208A, 0x208E),
    (0x20A0, 0x20CF),
    (0x2100, 0x2101),
    (0x2103, 0x2106),
    (0x2108, 0x2109),
    (0x2114, 0x2114),
    (0x2116, 0x2118),
    (0x211E, 0x2123),
    (0x2125, 0x2125),
    (0x2127, 0x2127),
    (0x2129, 0x2129),
    (0x212E, 0x212E),
    (0x213A, 0x213B),
    (0x2140, 0x2144),
    (0x214A, 0x214D),
    (0x214F, 0x214F),
    (0x218A, 0x245F),
    (0x249C, 0x24B5),
    (0x2500, 0x2775),
    (0x2794, 0x2BFF),
    (0x2CE5, 0x2CEA),
    (0x2CF9, 0x2CFC),
    (0x2CFE, 0x2CFF),
    (0x2E00, 0x2E2E),
    (0x2E30, 0x2E7F),
    (0x3000, 0x3004),
    (0x3008, 0x3020),
    (0x3030, 0x3030),
    (0x3036, 0x3037),
    (0x303D, 0x303F),
    (0x309B, 0x309C),
    (0x30A0, 0x30A0),
    (0x30FB, 0x30FB),
    (0xE000, 0xF8FF),
    (0xFD3E, 0xFD3F),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFF01, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0xFFE0, 0xFFFF),
    (0x1F000, 0x1F0FF),
    (0x1F10D, 0x1F12F),
    (0x1F14A, 0x1F14F),
    (0x1F16A, 0x1F16F),
    (0x1F18A, 0x1FAFF),
];

/// Marks that join the letter they sit on (dropped, as an apostrophe is):
/// the soft hyphen, combining accents, modifier letters, Hebrew points and
/// geresh, Arabic vowels and tatweel, joiners, variation selectors and tags.
const JOINS: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x02B0, 0x036F),
    (0x0483, 0x0489),
    (0x0591, 0x05BD),
    (0x05BF, 0x05BF),
    (0x05C1, 0x05C2),
    (0x05C4, 0x05C5),
    (0x05C7, 0x05C7),
    (0x05F3, 0x05F4),
    (0x0610, 0x061A),
    (0x0640, 0x0640),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x200C, 0x200F),
    (0x2060, 0x2060),
    (0x20D0, 0x20FF),
    (0x302A, 0x302F),
    (0x3099, 0x309A),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xFEFF, 0xFEFF),
    (0xE0000, 0xE0FFF),
];

/// Whether `cp` falls in one of the ordered, inclusive `ranges`.
fn within(ranges: &[(u32, u32)], cp: u32) -> bool {
    let i = ranges.partition_point(|&(_, end)| end < cp);
    ranges.get(i).is_some_and(|&(start, _)| start <= cp)
}

fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// The searchable form of a text: lower case, no accents, words separated by
/// single spaces.
///
/// ```
/// use dossier::base::fold::fold;
/// assert_eq!(fold("Ṣāliḥ al-ʿĀrūrī"), "salih al aruri");
/// assert_eq!(fold("  Hamas’s  political bureau "), "hamass political bureau");
/// ```
pub fn fold(text: &str) -> String {
    // Bytes, not a String: a 100,000-event story folds tens of megabytes
    // of text when it opens, and pushing characters one by one was most of
    // the time.
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of lower-case letters and digits is copied as it is.
        let run = bytes[i..]
            .iter()
            .position(|b| !matches!(b, b'a'..=b'z' | b'0'..=b'9'))
            .unwrap_or(bytes.len() - i);
        out.extend_from_slice(&bytes[i..i + run]);
        i += run;
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii() {
            // As `push_folded` folds them, without decoding a character.
            match b {
                b'A'..=b'Z' => out.push(b.to_ascii_lowercase()),
                b'\'' | b'`' => {}
                _ if out.last().is_some_and(|&l| l != b' ') => out.push(b' '),
                _ => {}
            }
            i += 1;
        } else if let Some(c) = text[i..].chars().next() {
            push_folded(c, &mut out);
            i += c.len_utf8();
        }
    }
    if out.last() == Some(&b' ') {
        out.pop();
    }
    // Only whole characters were written, so this never fails.
    let out = String::from_utf8(out).unwrap_or_default();
    if out.is_ascii() {
        out
    } else {
        // One call for the whole text: in the browser it crosses to the
        // page's mappings (see [`super::case`]).
        super::case::lower(&out).replace('ς', "σ")
    }
}

/// A search query, folded and split into words; every word must appear.
/// The words past the [`Query::MOST`]th are left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    /// The most words a query reads: one bit each in a [`Query::found`] mask.
    pub const MOST: usize = 64;

    pub fn new(text: &str) -> Self {
        let mut words: Vec<String> = Vec::new();
        for w in fold(text).split(' ').filter(|w| !w.is_empty()) {
            if words.len() < Self::MOST && !words.iter().any(|v| v == w) {
                words.push(w.to_owned());
            }
        }
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The mask of every word: what [`Query::found`] gives for a text that
    /// has them all.
    pub fn all(&self) -> u64 {
        match self.words.len() {
            0 => 0,
            n => u64::MAX >> (Self::MOST - n),
        }
    }

    /// Whether every word of the query occurs in `haystack`, which must
    /// already be folded. Words match anywhere, so "arouri" finds "al arouri".
    pub fn matches(&self, haystack: &str) -> bool {
        self.found(haystack, 0) == self.all()
    }

    /// The words found, one bit each in the query's order: those of `had`
    /// (found elsewhere, not looked for again) and those that occur in
    /// `haystack` (folded). An event's text is searched only for the words
    /// its actors' names and its place have not already given.
    pub fn found(&self, haystack: &str, had: u64) -> u64 {
        self.words.iter().enumerate().fold(had, |mask, (k, w)| {
            let bit = 1u64 << k;
            if mask & bit == 0 && contains(haystack.as_bytes(), w.as_bytes()) {
                mask | bit
            } else {
                mask
            }
        })
    }
}

/// Whether `needle` occurs in `hay`, as `str::contains` says of their text
/// (a match of UTF-8 bytes is a match of characters).
///
/// Written here for the search of 100,000 events, one short needle in a
/// short text at a time: the standard library builds a Two-Way searcher
/// at each call and, in WebAssembly, steps through the text a byte at a
/// time. This looks for the needle's last byte eight bytes at a time
/// (the word-at-a-time test for a byte, in integer arithmetic), and
/// compares the needle where it is found. A crate that does this (memchr)
/// costs the reader's download kilobytes for what is a few hundred bytes.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let Some(&last) = needle.last() else {
        return true;
    };
    let n = needle.len();
    let at = |end: usize| end + 1 >= n && hay.get(end + 1 - n..=end) == Some(needle);
    let spread = u64::from(last) * ONES;
    let mut i = n - 1;
    while let Some(chunk) = hay.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ spread;
        // A high bit for each byte that may equal `last` (a byte above a
        // true one can be flagged too: each is checked).
        let mut maybe = x.wrapping_sub(ONES) & !x & HIGHS;
        while maybe != 0 {
            if at(i + maybe.trailing_zeros() as usize / 8) {
                return true;
            }
            maybe &= maybe - 1;
        }
        i += 8;
    }
    (i..hay.len()).any(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_issue_examples() {
        assert!(Query::new("hayya").matches(&fold("Khalil al-Hayya")));
        assert!(Query::new("arouri").matches(&fold("Saleh al-Arouri")));
        assert!(Query::new("ARŪRĪ").matches(&fold("Ṣāliḥ al-ʿĀrūrī")));
        assert!(Query::new("al-hayya").matches(&fold("Khalil al-Hayya")));
        assert!(Query::new("ismail").matches(&fold("Isma'il Haniyya")));
        assert!(!Query::new("hayya nasr").matches(&fold("Khalil al-Hayya")));
    }

    #[test]
    fn other_scripts_keep_their_letters_and_lose_their_marks_and_punctuation() {
        assert_eq!(fold("Jose\u{301} Mari\u{301}a"), fold("José María"));
        assert_eq!(fold("José María"), "jose maria");
        assert_eq!(fold("مُحَمَّد"), "محمد", "Arabic vowels join the letters");
        assert_eq!(fold("بيروت، لبنان؟"), "بيروت لبنان");
        assert_eq!(fold("שָׁלוֹם"), "שלום", "Hebrew points join the letters");
        assert_eq!(fold("Москва — Киев"), "москва киев");
        assert_eq!(fold("東京。大阪、日本"), "東京 大阪 日本");
        assert_eq!(fold("Hamas 🙂 Israel™ «Gaza» 5€"), "hamas israel gaza 5");
        assert_eq!(
            fold("زن\u{200C}ها"),
            "زنها",
            "a zero-width non-joiner joins"
        );
        assert_eq!(
            fold("x² ½ Ⅻ ①"),
            "x² ½ ⅻ ①",
            "digits of every form are kept"
        );
        assert_eq!(fold("Nasral\u{AD}lah"), "nasrallah", "a soft hyphen joins");
        assert_eq!(
            fold("ג׳נין"),
            fold("ג'נין"),
            "a geresh joins, as an apostrophe does"
        );
        assert!(Query::new("محمد").matches(&fold("قال مُحَمَّد الضيف")));
        // Letters written with their mark fold to the bare letter.
        for (query, text) in [
            ("αθηνα", "Αθήνα"),
            ("ΑΘΗΝΑ", "Αθήνα"),
            ("Αθη\u{301}να", "Αθήνα"),
            ("орел", "Орёл"),
            ("Оре\u{308}л", "Орёл"),
            ("احمد", "أحمد"),
            ("ابراهيم", "إبراهيم"),
            ("امنه", "آمنة"),
            ("علي", "على"),
            ("کریم", "كريم"),
        ] {
            assert!(
                Query::new(query).matches(&fold(text)),
                "{query} finds {text}"
            );
        }
    }

    /// The hand-written ranges against the standard library's own tables:
    /// a letter or digit of any script is never a gap between words, and
    /// what the ranges call a gap is no letter or digit. (What they call a
    /// mark joins its word, so it splits none.)
    #[test]
    fn no_letter_or_digit_is_a_gap() {
        let folded_alone = |c: char| fold(&format!("a{c}b"));
        for c in ('\u{80}'..=char::MAX).filter(|c| c.is_alphanumeric()) {
            let f = folded_alone(c);
            assert!(
                !f.contains(' '),
                "{c:?} (U+{:04X}) splits a word: {f:?}",
                c as u32
            );
        }
        for &(start, end) in GAPS {
            for c in (start..=end).filter_map(char::from_u32) {
                assert!(
                    !c.is_alphanumeric(),
                    "{c:?} (U+{:04X}) is a letter or digit",
                    c as u32
                );
            }
        }
        for pair in GAPS.windows(2).chain(JOINS.windows(2)) {
            assert!(pair[0].1 < pair[1].0, "{pair:X?} out of order");
        }
    }

    #[test]
    fn words_found_are_a_mask_in_the_query_order() {
        let q = Query::new("hayya khalil hayya nasr");
        assert_eq!(q.all(), 0b111, "a word twice is one word");
        let text = fold("Khalil al-Hayya");
        assert_eq!(q.found(&text, 0), 0b011);
        assert_eq!(
            q.found(&text, 0b100),
            0b111,
            "a word found elsewhere stays found"
        );
        assert!(!q.matches(&text));
        assert!(q.matches(&fold("Hassan Nasrallah and Khalil al-Hayya")));
        assert_eq!(Query::new("").all(), 0);
        assert!(Query::new(" - ").matches("anything"));
        let many: String = (0..80).map(|k| format!("w{k} ")).collect();
        let q = Query::new(&many);
        assert_eq!(q.all(), u64::MAX, "the first {} words", Query::MOST);
        assert!(q.matches(&many));
    }

    proptest! {
        #[test]
        fn contains_agrees_with_the_standard_library(
            hay in "[abn ]{0,40}|[a-zé\u{0600}-\u{0605} ]{0,30}",
            needle in "[abn]{0,4}|[é\u{0600}-\u{0605} a]{1,3}",
        ) {
            prop_assert_eq!(contains(hay.as_bytes(), needle.as_bytes()), hay.contains(needle.as_str()));
        }

        #[test]
        fn contains_finds_a_needle_at_every_place(
            before in "[a-z]{0,20}", needle in "[a-z]{1,9}", after in "[a-z]{0,20}",
        ) {
            let hay = format!("{before}{needle}{after}");
            prop_assert!(contains(hay.as_bytes(), needle.as_bytes()));
        }
    }

    /// What [`fold`] gives, a character at a time through `push_folded`.
    fn fold_by_chars(text: &str) -> String {
        let mut bytes = Vec::new();
        for c in text.chars() {
            push_folded(c, &mut bytes);
        }
        let mut out = String::from_utf8(bytes).expect("whole characters");
        if out.ends_with(' ') {
            out.pop();
        }
        match out.is_ascii() {
            true => out,
            false => crate::base::case::lower(&out).replace('ς', "σ"),
        }
    }

    proptest! {
        #[test]
        fn ascii_a_byte_at_a_time_folds_as_every_character_does(
            text in "[ -~]{0,40}|[ -~\u{e0}-\u{ff}\u{1e00}-\u{1e20}ʿ’ς\u{600}]{0,30}",
        ) {
            prop_assert_eq!(fold(&text), fold_by_chars(&text));
        }
    }

    #[test]
    fn keeps_other_scripts() {
        assert_eq!(fold("حزب الله"), "حزب الله");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn signs_that_are_letters_fold_like_them() {
        // U+212B ANGSTROM SIGN and U+212A KELVIN SIGN lower-case to Latin letters.
        assert_eq!(fold("\u{212B}ngstr\u{F6}m"), "angstrom");
        assert_eq!(fold("300 \u{212A}"), "300 k");
    }

    /// Every character, one at a time and between letters: folding twice
    /// gives what folding once gave.
    #[test]
    fn folding_every_character_is_idempotent() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [c.to_string(), format!("a{c}b")] {
                let once = fold(&s);
                assert_eq!(fold(&once), once, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn empty_query_matches_everything() {
        let q = Query::new("  ,;  ");
        assert!(q.is_empty());
        assert!(q.matches("anything"));
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' '));
            prop_assert!(!once.contains("  "));
        }
    }
}
