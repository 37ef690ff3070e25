//! Query strings and URL fragments in the `application/x-www-form-urlencoded`
//! form, as the URL standard writes and reads them: `key=value` pairs joined
//! by `&`, a space written `+`, and every byte other than ASCII letters,
//! digits and `*-._` written `%XX`.
//!
//! Written here rather than taken from the `form_urlencoded` crate, which
//! the tests hold this to: its encoder carries a 768-byte table of `%XX`
//! strings and its serializer's panics: 1.3 KB gzip of the reader's
//! download (measured) for what the functions below do.
//!
//! Pure: no browser types here.

use std::borrow::Cow;

/// `key=value` pairs, appended to a string.
#[derive(Default)]
pub struct Pairs(pub String);

impl Pairs {
    /// Append `key=value`, each encoded, after a `&` if there are pairs before.
    pub fn append(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        encode_into(&mut self.0, key);
        self.0.push('=');
        encode_into(&mut self.0, value);
    }
}

/// `text` encoded, appended to `out`.
pub fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
}

/// The pairs of a query or fragment (without its `?` or `#`), decoded: a
/// pair with no `=` has an empty value, empty pairs are skipped, and bytes
/// that are not UTF-8 once decoded read as U+FFFD.
pub fn parse(query: &str) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key), decode(value))
    })
}

/// One key or value decoded: `+` is a space, `%XX` the byte XX.
fn decode(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| b == b'+' || b == b'%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = |at: usize| bytes.get(at).and_then(|&c| (c as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    Cow::Owned(lossy(&out))
}

/// The bytes as text, each broken sequence as one U+FFFD, as
/// `String::from_utf8_lossy` writes it; with the one UTF-8 check the reader
/// already has, rather than a second decoder of its own.
fn lossy(mut bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push('\u{FFFD}');
                bytes = &rest[e.error_len().unwrap_or(rest.len())..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn broken_sequences_read_as_std_reads_them() {
        let cases: [&[u8]; 6] = [
            b"plain",
            b"\xff",
            b"a\xe2\x82b",
            b"\xe2\x82",
            b"\xf0\x9f\x98\x80\xc3",
            b"\xc3\xa9\xed\xa0\x80z",
        ];
        for bytes in cases {
            assert_eq!(lossy(bytes), String::from_utf8_lossy(bytes), "{bytes:?}");
        }
    }

    #[test]
    fn pairs_are_written_and_read_back() {
        let mut p = Pairs::default();
        p.append("a", "hezbollah");
        p.append("q", "60 rockets & more=?");
        p.append("k", "Lüge/€");
        assert_eq!(
            p.0,
            "a=hezbollah&q=60+rockets+%26+more%3D%3F&k=L%C3%BCge%2F%E2%82%AC"
        );
        let read: Vec<(String, String)> = parse(&p.0).map(|(k, v)| (k.into(), v.into())).collect();
        assert_eq!(
            read,
            [
                ("a", "hezbollah"),
                ("q", "60 rockets & more=?"),
                ("k", "Lüge/€")
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    #[test]
    fn damaged_escapes_are_kept_as_written() {
        let read: Vec<(String, String)> = parse("a=%&b=%4&c=%zz&&d&=e&f=%FF")
            .map(|(k, v)| (k.into(), v.into()))
            .collect();
        assert_eq!(
            read,
            [
                ("a", "%"),
                ("b", "%4"),
                ("c", "%zz"),
                ("d", ""),
                ("", "e"),
                ("f", "\u{fffd}")
            ]
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
        );
    }

    proptest! {
        // The form_urlencoded crate (a dev-dependency) is the reference.
        #[test]
        fn writes_as_the_url_standard_does(pairs in proptest::collection::vec(("\\PC{0,12}", "\\PC{0,12}"), 0..5)) {
            let mut ours = Pairs::default();
            let mut theirs = form_urlencoded::Serializer::new(String::new());
            for (k, v) in &pairs {
                ours.append(k, v);
                theirs.append_pair(k, v);
            }
            prop_assert_eq!(ours.0, theirs.finish());
        }

        // Built from the pieces a query is made of, so that escapes whole,
        // cut short or not UTF-8 once decoded all come up.
        #[test]
        fn reads_as_the_url_standard_does(parts in proptest::collection::vec(
            prop_oneof!["%[0-9A-Fa-f]{2}", "%[0-9A-Fa-f]?", "%[C-Fc-f][0-9A-Fa-f]%[89ABab][0-9A-Fa-f]", "[+&=]", "[a-z]", "\\PC"],
            0..16,
        )) {
            let query = parts.concat();
            let ours: Vec<(String, String)> = parse(&query).map(|(k, v)| (k.into(), v.into())).collect();
            let theirs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into(), v.into())).collect();
            prop_assert_eq!(ours, theirs);
        }
    }
}
