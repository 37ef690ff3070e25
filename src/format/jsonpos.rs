//! Find where a JSON path (`events[3].participants[1].actor`) points in the
//! text, so that problems found after decoding can still name a line and a
//! column. serde_json's values carry no positions, so this walks the text.
//!
//! Pure: no browser types here.

/// One step of a JSON path: a field or a list position.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// Whether `path` is `at` or lies inside it: `events[1].date` is inside
/// `events[1]`, `events[10]` is not.
pub fn is_within(path: &str, at: &str) -> bool {
    path.strip_prefix(at)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// The steps of a path in the validator's syntax (`events[3].participants[1].actor`,
/// with `$` for the whole file and `["odd key"]` for other keys).
pub fn segments(path: &str) -> Option<Vec<Segment>> {
    let mut out = Vec::new();
    let mut rest = path.strip_prefix('$').unwrap_or(path);
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            rest = r;
        } else if let Some(r) = rest.strip_prefix('[') {
            if r.starts_with('"') {
                // A quoted key: ["odd key"]. Find the closing quote that is followed by ']'.
                let mut de = serde_json::Deserializer::from_str(r).into_iter::<String>();
                let key = de.next()?.ok()?;
                let used = de.byte_offset();
                out.push(Segment::Key(key));
                rest = r[used..].strip_prefix(']')?;
            } else {
                let end = r.find(']')?;
                out.push(Segment::Index(r[..end].parse().ok()?));
                rest = &r[end + 1..];
            }
            continue;
        }
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        out.push(Segment::Key(rest[..end].to_owned()));
        rest = &rest[end..];
    }
    Some(out)
}

struct Scan<'a> {
    text: &'a str,
    i: usize,
}

impl Scan<'_> {
    fn ws(&mut self) {
        let b = self.text.as_bytes();
        while self.i < b.len() && b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        self.ws();
        (self.text.as_bytes().get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    fn string(&mut self) -> Option<String> {
        self.ws();
        let mut de = serde_json::Deserializer::from_str(&self.text[self.i..]).into_iter::<String>();
        let s = de.next()?.ok()?;
        self.i += de.byte_offset();
        Some(s)
    }

    fn skip_value(&mut self, depth: usize) -> Option<()> {
        self.ws();
        let b = self.text.as_bytes();
        match *b.get(self.i)? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') if depth < 256 => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.i += 1;
                if self.eat(close).is_some() {
                    return Some(());
                }
                loop {
                    if open == b'{' {
                        self.string()?;
                        self.eat(b':')?;
                    }
                    self.skip_value(depth + 1)?;
                    if self.eat(b',').is_none() {
                        return self.eat(close);
                    }
                }
            }
            _ => {
                while self.i < b.len() && !matches!(b[self.i], b',' | b'}' | b']') {
                    self.i += 1;
                }
                Some(())
            }
        }
    }
}

/// The byte offset where the value at `path` starts, if the path exists.
pub fn offset_of(text: &str, path: &str) -> Option<usize> {
    let mut scan = Scan { text, i: 0 };
    for seg in segments(path)? {
        match seg {
            Segment::Key(key) => {
                scan.eat(b'{')?;
                loop {
                    let k = scan.string()?;
                    scan.eat(b':')?;
                    if k == key {
                        break;
                    }
                    scan.skip_value(0)?;
                    scan.eat(b',')?;
                }
            }
            Segment::Index(n) => {
                scan.eat(b'[')?;
                for _ in 0..n {
                    scan.skip_value(0)?;
                    scan.eat(b',')?;
                }
            }
        }
    }
    scan.ws();
    Some(scan.i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"odd key\": 2\n}";
        let at = offset_of(text, "a[1].b").unwrap();
        assert_eq!(&text[at..at + 3], "\"x\"");
        let at = offset_of(text, "[\"odd key\"]").unwrap();
        assert_eq!(&text[at..at + 1], "2");
        assert_eq!(offset_of(text, "a[5]"), None);
        assert_eq!(offset_of(text, "nope"), None);
    }
}
